"""Write the generated docs folder: one Markdown file per page and language, written only when changed."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import yaml

from ..artefact_paths import SECTION_PAGE_KINDS
from ..images import sync_images
from ..model import Course, Language, Page
from ..narration.ui import PLAYER_UI_KEYS
from ..quiz.page import render_quiz
from ..record.completion_page import completion_file_name
from ..record.render import LanguageRecord
from .downloads import render_downloads
from .feedback_form import render_feedback_page
from .glossary import render_glossary
from .home import render_home
from ..plain_text import plain_text
from .html import json_script, text
from .not_found import NOT_FOUND_KIND, NOT_FOUND_META, not_found_page, render_not_found
from .rendering import rendering, rendering_course
from .sections import feedback_bar, render_section_page

# UI strings the site's JavaScript reads on every page.
SCRIPT_UI_KEYS = ("sections.expand_all", "sections.collapse_all", "hint.landscape", "hint.dismiss")
SCRIPT_UI_KEYS += PLAYER_UI_KEYS

BodyRenderer = Callable[[Language, Page, Path], str]


def _intro_only(language: Language, page: Page, lang_dir: Path) -> str:
    return page.intro.strip()


# Page kinds a feature renders in its own module register here (quiz, downloads, feedback).
BODY_RENDERERS: dict[str, BodyRenderer] = {
    "home": render_home,
    "glossary": lambda language, page, lang_dir: render_glossary(language, page),
    "quiz": render_quiz,
    "downloads": render_downloads,
    "feedback": render_feedback_page,
    NOT_FOUND_KIND: render_not_found,
    **{kind: render_section_page for kind in SECTION_PAGE_KINDS},
}


def landscape_hint(language: Language) -> str:
    return (f'<div class="course-landscape-hint" role="note" hidden>'
            f'<span>{text(language.t("hint.landscape"))}</span> '
            f'<button type="button" class="course-landscape-hint__dismiss">{text(language.t("hint.dismiss"))}</button></div>')


def front_matter(language: Language, page: Page) -> str:
    # Metadata is plain text (the template escapes it): never markup in <title> or a description.
    meta = {"title": plain_text(page.title), "course_kind": page.kind, "course_id": page.id, "course_lang": language.code}
    if language.code != rendering_course().config.source_language:
        meta["course_search_base"] = "."   # search this language's own index (site/search_index.py)
    if page.kind in SECTION_PAGE_KINDS or page.kind == "home":
        meta["hide"] = ["toc"]
    if page.kind == NOT_FOUND_KIND:
        meta.update(NOT_FOUND_META)
    if plain_text(page.meta.get("summary") or page.meta.get("description")):
        meta["description"] = plain_text(page.meta.get("summary") or page.meta.get("description"))
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def untranslated_note(language: Language, page: Page) -> str:
    """A scaffolded page not translated yet ('translates: missing') says so, in the page's language,
    and marks its English draft text as English for screen readers (issue 15)."""
    if str(page.meta.get("translates", "")) != "missing":
        return ""
    return (f'<div class="admonition warning course-untranslated" role="note">'
            f'<p>{text(language.t("authoring.untranslated"))}</p></div>')


def render_page(language: Language, page: Page, lang_dir: Path, record: LanguageRecord | None = None) -> str:
    renderer = BODY_RENDERERS.get(page.kind, _intro_only)
    ui = {key: language.t(key) for key in SCRIPT_UI_KEYS}
    record = record or LanguageRecord.of(language, lang_dir)    # the learner record's parts (build_tools/record/)
    # Pages with sections carry the full action bar; every other page still offers feedback.
    feedback = "" if page.kind in SECTION_PAGE_KINDS + (NOT_FOUND_KIND,) else feedback_bar(language, page)
    parts = [front_matter(language, page), untranslated_note(language, page), record.before(page),
             renderer(language, page, lang_dir), record.after(page), feedback, landscape_hint(language),
             json_script("course-ui", ui), record.script(page.html_name)]
    return "\n\n".join(p for p in parts if p) + "\n"


def write_if_changed(path: Path, content: str) -> bool:
    if path.is_file() and path.read_text(encoding="utf-8") == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(path)
    return True


def write_generated_docs(course: Course, docs_dir: Path) -> int:
    """Render every page of every language into ``docs_dir``; returns how many files changed."""
    with rendering(course):     # renderers that need course-wide settings read it (rendering.py)
        changed = _write_all_pages(course, docs_dir)
    config = course.config      # lesson images: each language's own, else the English one (images.py)
    return changed + sync_images(config.content_dir, docs_dir, config.language_codes, config.source_language)


def _write_all_pages(course: Course, docs_dir: Path) -> int:
    changed = 0
    for language in course.languages.values():
        lang_dir = docs_dir / language.code
        wanted = set()
        record = LanguageRecord.of(language, lang_dir)
        for page in language.ordered_pages + [not_found_page(language)]:
            wanted.add(page.name)
            changed += write_if_changed(lang_dir / page.name, render_page(language, page, lang_dir, record))
        if language.home is not None:
            source = course.config.source_language
            changed += write_if_changed(lang_dir / completion_file_name(), record.completion_page(source))
        for stale in lang_dir.glob("*.md"):
            if stale.name not in wanted:
                stale.unlink()
                changed += 1
    return changed
