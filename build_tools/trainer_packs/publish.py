"""Put the packs on the site: copy each into ``<lang>/packs/`` and write its size on the downloads page.

Why after the site: the offline-site pack is a zip of the built site, so its size can only be
known once the site exists, and the narration step may make its audio pack late as well. The
downloads page is therefore rendered with one entry per pack kind and an empty size; this
last step fills in the size of every pack that was made and removes the entry of any pack
that was not, so the page never links a missing file. (The offline copy's own downloads
page lists no packs at all: see offline_site.py.)
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..site.downloads import PACK_ITEM, SIZE_SLOT, human_size
from ..site.html import text
from .names import PACK_KINDS, dist_pack, site_lang_dir, site_pack


def _place(pack: Path, target: Path) -> None:
    """A hard link where the file system allows it (packs are tens of megabytes and never change
    once written: the next build writes new files), else a copy."""
    try:
        os.link(pack, target)
    except OSError:
        shutil.copyfile(pack, target)


def complete_pack_entries(html: str, sizes: dict[str, str]) -> str:
    """Each pack entry of a downloads page with its size, or without the entry if the pack was not made."""
    def complete(match) -> str:
        size = sizes.get(match.group("kind"))
        if size is None:
            return ""
        return match.group(0).replace(SIZE_SLOT, f'<span class="course-size">({text(size)})</span>')

    return PACK_ITEM.sub(complete, html)


def publish_packs(ctx) -> None:
    """The last step of a build, after every pack exists in ``dist/``."""
    course = ctx.course
    for code, language in course.languages.items():
        lang_root = site_lang_dir(ctx.site_dir, code, course.config.source_language)
        sizes = {}
        for kind in PACK_KINDS:
            pack = dist_pack(ctx.dist_dir, kind, code)
            if pack.is_file():
                target = lang_root / site_pack(kind, code)
                target.parent.mkdir(parents=True, exist_ok=True)
                _place(pack, target)
                sizes[kind] = human_size(pack.stat().st_size, language)
        downloads = language.page_of_kind("downloads")
        page_file = lang_root / downloads.html_name if downloads else None
        if page_file is not None and page_file.is_file():
            html = page_file.read_text(encoding="utf-8")
            page_file.write_text(complete_pack_entries(html, sizes), encoding="utf-8")
