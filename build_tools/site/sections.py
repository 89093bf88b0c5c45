"""Lesson-like pages: the action bar and click-to-expand sections."""
from __future__ import annotations

import json
from pathlib import Path

from .. import artefact_paths
from ..model import Language, Page
from ..plain_text import plain_text
from .html import attr, text, title_html
from .tables import wrap_tables


def _exists(lang_dir: Path, relative: str) -> bool:
    return (lang_dir / relative).is_file()


def feedback_action(language: Language, page: Page) -> str:
    feedback = language.page_of_kind("feedback")
    if feedback is None:
        return ""
    return (f'<a class="md-button course-action course-action--feedback" '
            f'href="{attr(feedback.html_name)}?page={attr(page.stem)}">{text(language.t("actions.feedback"))}</a>')


def feedback_bar(language: Language, page: Page) -> str:
    """The Feedback action alone, for pages without narration or a PDF of their own."""
    link = feedback_action(language, page)
    if not link or page.kind == "feedback":
        return ""
    return f'<nav class="course-actions course-actions--feedback-only" aria-label="{attr(language.t("actions.label"))}">\n{link}\n</nav>'


def _chapters_attribute(page: Page, lang_dir: Path) -> str:
    """Where each section is heard in the whole-lesson track (narration/chapters.py), for the player."""
    from ..narration.chapters import lesson_chapters
    from ..narration.settings import load_audio_settings
    from .rendering import rendering_course

    course = rendering_course()
    pause = load_audio_settings(course.config).pause if course is not None else 0.0
    chapters = lesson_chapters(page, lang_dir, pause)
    if not chapters:
        return ""
    return f' data-course-chapters="{attr(json.dumps([list(c) for c in chapters], separators=(",", ":")))}"'


def action_bar(language: Language, page: Page, lang_dir: Path) -> str:
    """Feedback, play audio and download: each leads somewhere real."""
    downloads = language.page_of_kind("downloads")
    audio = artefact_paths.lesson_audio(page)
    pdf = artefact_paths.lesson_pdf(page)
    parts = [f'<nav class="course-actions" aria-label="{attr(language.t("actions.label"))}">']
    if feedback_action(language, page):
        parts.append(feedback_action(language, page))
    if _exists(lang_dir, audio):
        parts.append(f'<button type="button" class="md-button course-action course-action--audio" '
                     f'data-course-audio="{attr(audio)}" data-course-title="{attr(plain_text(page.title))}"'
                     f'{_chapters_attribute(page, lang_dir)}>'
                     f'{text(language.t("actions.audio"))}</button>')
    elif downloads:
        parts.append(f'<a class="md-button course-action course-action--audio" href="{attr(downloads.html_name)}#audio" '
                     f'title="{attr(language.t("actions.pending_audio"))}">{text(language.t("actions.audio"))}</a>')
    if _exists(lang_dir, pdf):
        parts.append(f'<a class="md-button course-action course-action--download" href="{attr(pdf)}" download>'
                     f'{text(language.t("actions.download"))}</a>')
    elif downloads:
        parts.append(f'<a class="md-button course-action course-action--download" href="{attr(downloads.html_name)}#pdf" '
                     f'title="{attr(language.t("actions.pending_download"))}">{text(language.t("actions.download"))}</a>')
    parts.append("</nav>")
    return "\n".join(parts)


def section_toolbar(language: Language) -> str:
    return (f'<div class="course-section-tools">'
            f'<button type="button" class="md-button course-expand-all" data-course-expand="all">{text(language.t("sections.expand_all"))}</button> '
            f'<button type="button" class="md-button course-collapse-all" data-course-expand="none">{text(language.t("sections.collapse_all"))}</button>'
            f'</div>')


def section_block(language: Language, page: Page, section, lang_dir: Path) -> str:
    audio = artefact_paths.section_audio(page, section)
    player = ""
    if _exists(lang_dir, audio):
        player = (f'<p class="course-section-audio"><button type="button" class="course-section-play" '
                  f'data-course-audio="{attr(audio)}" data-course-title="{attr(section.plain_title)}">'
                  f'{text(language.t("actions.audio"))}: {title_html(section.title)}</button></p>\n\n')
    return (f'<details class="course-section" id="{attr(section.id)}" markdown="1">\n'
            f'<summary><h2 class="course-section__title" id="{attr(section.id)}-title">{title_html(section.title)}</h2>'
            f'<span class="course-section__cue">{text(language.t("sections.cue"))}</span></summary>\n\n'
            f'{player}{wrap_tables(section.body.strip(), language)}\n\n</details>')


def render_section_page(language: Language, page: Page, lang_dir: Path) -> str:
    parts = [action_bar(language, page, lang_dir), wrap_tables(page.intro.strip(), language)]
    if page.sections:
        parts.append(section_toolbar(language))
        parts.extend(section_block(language, page, s, lang_dir) for s in page.sections)
    return "\n\n".join(p for p in parts if p)
