"""The downloads page: the PDFs (#pdf), the narration (#audio) and the packs for trainers (#packs).

MP3s and cached PDFs are already in the language's docs folder when pages are rendered, so they
are listed with their sizes; a PDF still being rendered gets its size once the site exists
(:func:`fill_pdf_sizes`, from pdf/step.py). Packs are made after the site; each is rendered as
an entry that ``build_tools.trainer_packs.publish`` completes (size) or removes (pack not made).
"""
from __future__ import annotations

import html as html_module
import re
from pathlib import Path

from .. import artefact_paths
from ..model import Language, Page
from ..trainer_packs.names import PACK_KINDS, site_pack
from .html import attr, text, title_html

# UI strings of the downloads page and the packs' READMEs (translations/<lang>.yml, block "downloads:").
DOWNLOADS_UI_KEYS = tuple(f"downloads.{key}" for key in (
    "pdf_heading", "module_pdf", "pdf_none", "audio_heading", "audio_none", "packs_heading", "packs_intro",
    "pack_pdf", "pack_audio", "pack_offline", "offline_note", "readme_pdf", "readme_offline", "readme_manifest",
    "kb", "mb", "decimal_mark"))
PACK_LABEL_KEYS = {"pdf": "downloads.pack_pdf", "audio": "downloads.pack_audio", "offline-site": "downloads.pack_offline",
                   "scorm12": "lms.pack_scorm12", "scorm2004": "lms.pack_scorm2004", "cmi5": "lms.pack_cmi5"}
# Marks the publish step looks for; keep in step with trainer_packs/publish.py.
PACK_ENTRY = '<li class="course-pack" data-course-pack="{kind}">'
SIZE_SLOT = '<span class="course-size" data-course-size=""></span>'
PENDING_SIZE = '<span class="course-size" data-course-pdf="{path}"></span>'
PENDING_SIZE_SLOT = re.compile(r'<span class="course-size" data-course-pdf="(?P<path>[^"]*)"></span>')
PACK_ITEM = re.compile(r'<li class="course-pack" data-course-pack="(?P<kind>[a-z0-9-]+)">.*?</li>\n?', re.DOTALL)


def human_size(size: int, language: Language) -> str:
    """1234567 -> '1.2 MB' (decimal mark and units from the language's UI strings)."""
    if size < 1000 * 1000:
        number, unit = str(max(1, round(size / 1000))), language.t("downloads.kb")
    else:
        number, unit = f"{size / 1000 / 1000:.1f}".replace(".", language.t("downloads.decimal_mark")), language.t("downloads.mb")
    return f"{number}\u00a0{unit}"


def _size_span(size: str) -> str:
    return f'<span class="course-size">({text(size)})</span>'


def _file_entry(language: Language, lang_dir: Path, relative: str, label: str) -> str:
    """``label`` is a page title: escaped, keeping its ``<span lang>`` phrases. An empty file is a
    PDF still being rendered (pdf/step.py): its size is filled in later by :func:`fill_pdf_sizes`."""
    size = (lang_dir / relative).stat().st_size
    slot = PENDING_SIZE.format(path=attr(relative)) if size == 0 else _size_span(human_size(size, language))
    return f'<li><a href="{attr(relative)}" download>{title_html(label)}</a> {slot}</li>'


def fill_pdf_sizes(language: Language, docs_lang_dir: Path, site_lang_dir: Path) -> None:
    """Write the size of each PDF rendered while the site was built on the site's downloads page."""
    downloads = language.page_of_kind("downloads")
    page_file = site_lang_dir / downloads.html_name if downloads else None
    if page_file is None or not page_file.is_file():
        return
    html = page_file.read_text(encoding="utf-8")

    def size_of(match) -> str:
        pdf = docs_lang_dir / html_module.unescape(match.group("path"))
        return _size_span(human_size(pdf.stat().st_size, language)) if pdf.is_file() and pdf.stat().st_size else ""

    filled = PENDING_SIZE_SLOT.sub(size_of, html)
    if filled != html:
        page_file.write_text(filled, encoding="utf-8")


def _listed_pages(language: Language) -> list[Page]:
    return [p for p in language.ordered_pages if p.kind in artefact_paths.SECTION_PAGE_KINDS]


def _pdf_list(language: Language, lang_dir: Path) -> str:
    entries = []
    if (lang_dir / artefact_paths.module_pdf(language.code)).is_file():
        entries.append(_file_entry(language, lang_dir, artefact_paths.module_pdf(language.code),
                                   language.t("downloads.module_pdf")))
    entries += [_file_entry(language, lang_dir, artefact_paths.lesson_pdf(p), p.title)
                for p in _listed_pages(language) if (lang_dir / artefact_paths.lesson_pdf(p)).is_file()]
    if not entries:
        return f'<p>{text(language.t("downloads.pdf_none"))}</p>'
    return '<ul class="course-downloads course-downloads--pdf">\n' + "\n".join(entries) + "\n</ul>"


def _audio_list(language: Language, lang_dir: Path) -> str:
    entries = [_file_entry(language, lang_dir, artefact_paths.lesson_audio(p), p.title)
               for p in _listed_pages(language) if (lang_dir / artefact_paths.lesson_audio(p)).is_file()]
    if not entries:
        return f'<p>{text(language.t("downloads.audio_none"))}</p>'
    return '<ul class="course-downloads course-downloads--audio">\n' + "\n".join(entries) + "\n</ul>"


def _pack_list(language: Language) -> str:
    entries = [PACK_ENTRY.format(kind=kind) + f'<a href="{attr(site_pack(kind, language.code))}" download>'
               f'{text(language.t(PACK_LABEL_KEYS[kind]))}</a> {SIZE_SLOT}</li>' for kind in PACK_KINDS]
    return '<ul class="course-downloads course-packs">\n' + "\n".join(entries) + "\n</ul>"


def render_downloads(language: Language, page: Page, lang_dir: Path) -> str:
    parts = [page.intro.strip(),
             f'## {language.t("downloads.pdf_heading")} {{#pdf}}', _pdf_list(language, lang_dir),
             f'## {language.t("downloads.audio_heading")} {{#audio}}', _audio_list(language, lang_dir),
             f'## {language.t("downloads.packs_heading")} {{#packs}}', text(language.t("downloads.packs_intro")),
             _pack_list(language)]
    return "\n\n".join(p for p in parts if p)
