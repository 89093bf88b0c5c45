"""The offline copy of the site for one language: a zip that works opened from ``file://``.

The site already works offline (Material's offline plugin, no directory URLs); the zip holds
the language's part of the site and the shared assets it loads, but no other language and
no packs. Its own downloads page therefore lists no packs, only a note where they are.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from ..model import Course, Language
from ..packs import PackMember, write_pack
from ..site.downloads import PACK_ITEM
from .names import SITE_PACKS_DIR, dist_pack, site_lang_dir
from .one_language import one_language_html
from .readme import pack_readme

# Top-level folders of the site that belong to the source language's part, not to every
# language: its derived files. Anything else at the top (assets/, search/) is shared.
SOURCE_ONLY_DIRS = ("pdf", "audio", SITE_PACKS_DIR)
# Source maps of the theme's scripts: a megabyte that only developers' tools read.
LEFT_OUT_SUFFIXES = (".map",)


def offline_downloads_page(html: str, note: str) -> str:
    """The downloads page of the offline copy: the pack entries replaced by one note."""
    notes = iter([f'<li class="course-pack-note">{escape(note)}</li>\n'])
    return PACK_ITEM.sub(lambda match: next(notes, ""), html)


def _redirect_page(language: Language) -> str:
    target = f"{language.code}/index.html"
    return (f'<!DOCTYPE html>\n<html lang="{language.code}"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={target}"><title>{escape(language.name)}</title></head>'
            f'<body><p><a href="{target}">{escape(language.name)}</a></p></body></html>\n')


def _site_files(site: Path, course: Course, code: str) -> list[Path]:
    source, codes = course.config.source_language, set(course.config.language_codes)
    root = site_lang_dir(site, code, source)
    skip_top = (codes - {code}) | {SITE_PACKS_DIR} if root == site else {SITE_PACKS_DIR}
    files = [p for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] not in skip_top]
    if root != site:
        shared = [d for d in site.iterdir() if d.is_dir() and d.name not in codes | set(SOURCE_ONLY_DIRS)]
        files += [p for d in shared for p in d.rglob("*") if p.is_file()]
    return sorted(p for p in files if p.suffix not in LEFT_OUT_SUFFIXES)


def offline_site_members(site: Path, course: Course, code: str, scratch: Path) -> list[PackMember]:
    """The zip's members, named as in the site; changed copies (downloads page, start page) go to ``scratch``."""
    language = course.languages[code]
    downloads = language.page_of_kind("downloads")
    downloads_file = site_lang_dir(site, code, course.config.source_language) / downloads.html_name if downloads else None
    members = []
    for path in _site_files(site, course, code):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            changed = one_language_html(html, code)     # the pack holds no other language to link to
            if path == downloads_file:
                changed = offline_downloads_page(changed, language.t("downloads.offline_note"))
            if changed != html:
                copy = scratch / name
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy.write_text(changed, encoding="utf-8")
                path = copy
        members.append(PackMember(name, path))
    if code != course.config.source_language:
        start = scratch / "index.html"
        start.write_text(_redirect_page(language), encoding="utf-8")
        members.insert(0, PackMember("index.html", start))
    return members


def make_offline_site_packs(ctx) -> None:
    """PACK step: ``dist/<lang>/omnichannel-<lang>-offline-site.zip`` for every language."""
    for code, language in ctx.course.languages.items():
        scratch = ctx.work_dir / "offline-site" / code
        members = offline_site_members(ctx.site_dir, ctx.course, code, scratch)
        write_pack(dist_pack(ctx.dist_dir, "offline-site", code), members,
                   pack_readme(ctx.course, language, "downloads.readme_offline"),
                   cache_dir=ctx.course.config.cache_dir / "packs")
        ctx.count("packs")
