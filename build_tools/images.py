"""Local images in lessons: where an image file is found, and what the site and the PDFs get.

A lesson writes ``![What the picture shows](img/till-and-app.png)``. The file is looked up in
the page's own language first (``content/el/img/till-and-app.png``, e.g. a localised
screenshot), then in English (``content/en/img/…``), so a translation may keep the English
picture. ``course check`` refuses a missing file or missing alt text and warns about a very
large file; the site gets a copy of every image in each language's folder; the PDFs embed the
image itself (so the PDF cache follows the picture, not its name).
"""
from __future__ import annotations

import base64
import mimetypes
import re
import shutil
from pathlib import Path

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
IMAGE_FOLDER = "img"
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
LARGE_IMAGE_BYTES = 500_000      # above this, `course check` warns: every learner downloads it


def image_file(content_dir: Path, lang: str, source_lang: str, src: str) -> Path | None:
    """The file an image reference of a ``lang`` page shows, or None when there is none."""
    if not is_local(src):
        return None
    for code in dict.fromkeys((lang, source_lang)):
        path = content_dir / code / src
        if path.is_file():
            return path
    return None


def page_image(folders, src: str) -> Path | None:
    """The file of ``src`` for a page whose image folders are ``folders`` (Page.folders)."""
    if not is_local(src):
        return None
    return next((folder / src for folder in folders if (folder / src).is_file()), None)


def print_image_resolver(folders):
    """For the PDFs: ``src`` -> the image inlined as a data URI, or None to leave it alone."""
    def resolve(src: str) -> str | None:
        path = page_image(folders, src)
        return data_uri(path) if path else None
    return resolve


def is_local(src: str) -> bool:
    return not re.match(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", src, re.IGNORECASE) and ".." not in Path(src).parts


def _wanted(content_dir: Path, lang: str, source_lang: str) -> dict[str, Path]:
    """Relative image path -> file, for every image a page of ``lang`` can show."""
    found: dict[str, Path] = {}
    for code in dict.fromkeys((source_lang, lang)):      # the language's own file wins
        folder = content_dir / code / IMAGE_FOLDER
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix.lower() in IMAGE_TYPES:
                    found[path.relative_to(content_dir / code).as_posix()] = path
    return found


def sync_images(content_dir: Path, docs_dir: Path, languages: list[str], source_lang: str) -> int:
    """Copy every language's images (its own, else English) into the generated docs; returns files changed."""
    changed = 0
    for lang in languages:
        target_root = docs_dir / lang
        wanted = _wanted(content_dir, lang, source_lang)
        for relative, source in wanted.items():
            target = target_root / relative
            if target.is_file() and target.read_bytes() == source.read_bytes():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            changed += 1
        folder = target_root / IMAGE_FOLDER
        for stale in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if stale.is_file() and stale.relative_to(target_root).as_posix() not in wanted:
                stale.unlink()
                changed += 1
    return changed


def data_uri(path: Path) -> str:
    """The image inlined, for print documents (WeasyPrint runs in worker processes with no docs folder)."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64," + base64.b64encode(path.read_bytes()).decode("ascii")
