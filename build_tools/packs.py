"""Trainer packs: reproducible zips with a README in the pack's language and a manifest
of every other file's size and SHA-256 (the README's too: only the manifest cannot list itself)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .cache import digest

# A fixed timestamp keeps a pack byte-identical when its files are unchanged.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
MANIFEST_NAME = "MANIFEST.json"
README_NAME = "README.txt"
# Unix mode of every entry: a regular file (S_IFREG), readable by all, writable by its owner.
# Without the file-type bits some unzip tools and file managers cannot tell files from folders.
MEMBER_MODE = 0o100644
# Bump when the way a pack is written changes, so that no cached pack of the old kind is reused.
PACK_FORMAT = 2


@dataclass(frozen=True)
class PackMember:
    name: str          # path inside the zip, with forward slashes
    source: Path       # file on disk


@dataclass(frozen=True)
class PackInfo:
    path: Path
    size: int
    files: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _entry(name: str, data: bytes) -> dict:
    return {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def manifest_for(members: list[PackMember], readme: bytes | None = None) -> dict:
    """Every file of the pack but the manifest itself: the README first, then the members."""
    files = [_entry(README_NAME, readme)] if readme is not None else []
    files += [{"name": m.name, "size": m.source.stat().st_size, "sha256": sha256_of(m.source)} for m in members]
    return {"files": files}


def _write_member(archive: zipfile.ZipFile, name: str, data: bytes | None = None, source: Path | None = None) -> None:
    info = zipfile.ZipInfo(name, ZIP_TIME)
    info.external_attr = MEMBER_MODE << 16
    info.create_system = 3   # Unix, so that readers take the mode bits above
    # Already-compressed media gain nothing from deflate; text and HTML do.
    compressed = not name.lower().endswith((".mp3", ".pdf", ".zip", ".png", ".jpg", ".woff2"))
    info.compress_type = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
    if source is not None:
        with source.open("rb") as handle, archive.open(info, "w") as out:
            for block in iter(lambda: handle.read(1 << 20), b""):
                out.write(block)
    else:
        archive.writestr(info, data or b"")


def write_pack(target: Path, members: list[PackMember], readme: str, cache_dir: Path | None = None) -> PackInfo:
    """Write ``target`` (a .zip) with ``README.txt``, ``MANIFEST.json`` and the members in order.

    With ``cache_dir``, a pack whose README and member contents are unchanged is linked from
    the cache instead of being zipped again (an audio pack holds about 20 MB of MP3)."""
    if cache_dir is None:
        return _zip_pack(target, members, readme)
    key = digest(PACK_FORMAT, readme, [(m.name, sha256_of(m.source)) for m in members])[:16]
    cached = Path(cache_dir) / f"{target.stem}-{key}.zip"
    if not cached.is_file():
        for old in Path(cache_dir).glob(f"{target.stem}-*.zip"):
            old.unlink()
        _zip_pack(cached, members, readme)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:   # another file system: copy
        shutil.copyfile(cached, target)
    return PackInfo(target, target.stat().st_size, len(members))


def _zip_pack(target: Path, members: list[PackMember], readme: str) -> PackInfo:
    names = [m.name for m in members]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates or {README_NAME, MANIFEST_NAME} & set(names):
        raise ValueError(f"pack {target.name}: clashing member names {sorted(duplicates) or names}")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".tmp")
    readme_data = readme.encode("utf-8")
    with zipfile.ZipFile(tmp, "w") as archive:
        _write_member(archive, README_NAME, readme_data)
        _write_member(archive, MANIFEST_NAME,
                      json.dumps(manifest_for(members, readme_data), indent=2, ensure_ascii=False).encode("utf-8"))
        for member in members:
            _write_member(archive, member.name, source=member.source)
    tmp.replace(target)
    return PackInfo(target, target.stat().st_size, len(members))


def verify_pack(path: Path) -> list[str]:
    """Problems with a pack: files missing from the manifest (the README included), or sizes/hashes that differ."""
    problems = []
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
        listed = {entry["name"]: entry for entry in manifest["files"]}
        present = set(archive.namelist()) - {MANIFEST_NAME}
        for name in sorted(present ^ set(listed)):
            problems.append(f"{name}: in the zip but not the manifest" if name in present else f"{name}: listed but missing")
        for name in sorted(present & set(listed)):
            data = archive.read(name)
            if len(data) != listed[name]["size"] or hashlib.sha256(data).hexdigest() != listed[name]["sha256"]:
                problems.append(f"{name}: size or SHA-256 differs from the manifest")
    return problems
