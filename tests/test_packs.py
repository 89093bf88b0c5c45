"""Packs are reproducible zips whose manifest matches their files."""
import hashlib
import json
import stat
import zipfile

import pytest

from build_tools.packs import PackMember, verify_pack, write_pack


def test_pack_has_readme_manifest_and_is_reproducible(tmp_path):
    a, b = tmp_path / "a.mp3", tmp_path / "b.txt"
    a.write_bytes(b"\xff\xfb" * 500)
    b.write_text("Ελληνικά", encoding="utf-8")
    members = [PackMember("01 - a.mp3", a), PackMember("notes/b.txt", b)]
    first = write_pack(tmp_path / "out" / "pack.zip", members, "Διαβάστε με")
    data = first.path.read_bytes()
    second = write_pack(tmp_path / "out" / "pack.zip", members, "Διαβάστε με")
    assert second.path.read_bytes() == data
    with zipfile.ZipFile(first.path) as archive:
        assert archive.namelist() == ["README.txt", "MANIFEST.json", "01 - a.mp3", "notes/b.txt"]
        assert archive.read("README.txt").decode("utf-8") == "Διαβάστε με"
    assert verify_pack(first.path) == []


def test_manifest_lists_every_file_but_itself_readme_included(tmp_path):
    source = tmp_path / "a.mp3"
    source.write_bytes(b"\xff\xfb" * 300)
    pack = write_pack(tmp_path / "p.zip", [PackMember("a.mp3", source)], "Olvass el").path
    with zipfile.ZipFile(pack) as archive:
        listed = json.loads(archive.read("MANIFEST.json"))["files"]
        readme = archive.read("README.txt")
        assert [entry["name"] for entry in listed] == [n for n in archive.namelist() if n != "MANIFEST.json"]
    assert listed[0] == {"name": "README.txt", "size": len(readme), "sha256": hashlib.sha256(readme).hexdigest()}


def pack_rewritten(tmp_path, readme: str, member: str):
    """A pack of x.txt ('original') with README 'readme', written again with other contents
    under its original manifest."""
    source = tmp_path / "x.txt"
    source.write_text("original")
    pack = write_pack(tmp_path / "p.zip", [PackMember("x.txt", source)], "readme").path
    with zipfile.ZipFile(pack) as archive:
        manifest = archive.read("MANIFEST.json")
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr("README.txt", readme)
        archive.writestr("MANIFEST.json", manifest)
        archive.writestr("x.txt", member)
    return pack


def test_verify_pack_finds_a_changed_readme(tmp_path):
    pack = pack_rewritten(tmp_path, "another readme", "original")
    assert verify_pack(pack) == ["README.txt: size or SHA-256 differs from the manifest"]


def test_every_entry_is_a_regular_file_readable_by_all(tmp_path):
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF-1.7")
    pack = write_pack(tmp_path / "p.zip", [PackMember("pdf/a.pdf", source)], "readme").path
    with zipfile.ZipFile(pack) as archive:
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
        systems = {info.create_system for info in archive.infolist()}
    assert modes == dict.fromkeys(["README.txt", "MANIFEST.json", "pdf/a.pdf"], 0o100644)
    assert all(stat.S_ISREG(mode) for mode in modes.values()) and systems == {3}


def test_verify_pack_finds_a_changed_member(tmp_path):
    pack = pack_rewritten(tmp_path, "readme", "tampered")
    assert verify_pack(pack) == ["x.txt: size or SHA-256 differs from the manifest"]


def test_clashing_names_are_refused(tmp_path):
    source = tmp_path / "x.txt"
    source.write_text("x")
    with pytest.raises(ValueError):
        write_pack(tmp_path / "p.zip", [PackMember("x.txt", source), PackMember("x.txt", source)], "r")


def test_cached_pack_is_reused_only_while_its_members_are_unchanged(tmp_path):
    source = tmp_path / "a.mp3"
    source.write_bytes(b"\xff\xfb" * 1000)
    cache = tmp_path / "cache"
    first = write_pack(tmp_path / "one" / "p.zip", [PackMember("a.mp3", source)], "readme", cache_dir=cache)
    cached = list(cache.glob("p-*.zip"))
    assert len(cached) == 1 and first.path.read_bytes() == cached[0].read_bytes()
    stamp = cached[0].stat().st_mtime_ns
    write_pack(tmp_path / "two" / "p.zip", [PackMember("a.mp3", source)], "readme", cache_dir=cache)
    assert cached[0].stat().st_mtime_ns == stamp            # reused, not zipped again
    source.write_bytes(b"\xff\xfb" * 999)
    third = write_pack(tmp_path / "three" / "p.zip", [PackMember("a.mp3", source)], "readme", cache_dir=cache)
    assert [p.name for p in cache.glob("p-*.zip")] != [cached[0].name]   # a new key replaced the old pack
    assert verify_pack(third.path) == []
