"""Where derived files live inside a language's part of the site (one convention for every step)."""
from __future__ import annotations

from .markdown_source import Section
from .model import Page

SECTION_PAGE_KINDS = ("lesson", "keypoints", "faq")


def lesson_audio(page: Page) -> str:
    return f"audio/{page.stem}.mp3"


def section_audio(page: Page, section: Section) -> str:
    return f"audio/{page.stem}/{section.id}.mp3"


def lesson_pdf(page: Page) -> str:
    return f"pdf/{page.stem}.pdf"


def module_pdf(lang: str) -> str:
    return f"pdf/omnichannel-module-{lang}.pdf"


def quiz_data(lang: str) -> str:
    return "quiz/quiz-data.js"
