"""Where derived files live inside a language's part of the site (one convention for every step)."""
from __future__ import annotations

from pathlib import Path

from .markdown_source import Section
from .model import Page

SECTION_PAGE_KINDS = ("lesson", "keypoints", "faq")


def download_name(lang: str, stem: str, suffix: str) -> str:
    """A file learners download: named with its language, so files of several languages never clash."""
    return f"omnichannel-{lang}-{stem}{suffix}"


def lesson_audio(page: Page) -> str:
    return f"audio/{download_name(page.lang, page.stem, '.mp3')}"


def section_audio(page: Page, section: Section) -> str:
    return f"audio/{page.stem}/{section.id}.mp3"


def lesson_pdf(page: Page) -> str:
    return f"pdf/{download_name(page.lang, page.stem, '.pdf')}"


def module_pdf(lang: str) -> str:
    return f"pdf/omnichannel-module-{lang}.pdf"


def quiz_data(lang: str) -> str:
    return "quiz/quiz-data.js"


def site_lang_dir(site_dir: Path, lang: str, source_lang: str) -> Path:
    """A language's part of the built site: the root for the source language, ``<lang>/`` otherwise."""
    return site_dir if lang == source_lang else site_dir / lang
