"""English edits never block a build: a translation marked as translating an older English text
(or scaffolded and not yet translated) may differ from English in shape; those differences are
*staleness warnings* naming what changed, and the site shows the last translated text.
``course check --strict`` makes them errors for teams whose CI must fail on staleness."""
from __future__ import annotations

from dataclasses import replace

from ..errors import WARNING, Problem
from ..model import Course, Page

LAGGING = ("stale", "not translated")


def lags_behind(course: Course, page: Page) -> bool:
    """True when ``page`` says it translates an English text other than the current one."""
    source = course.source.pages.get(page.name)
    value = str(page.meta.get("translates", "") or "")
    if source is None or page.lang == course.config.source_language or not value:
        return False
    return value == "missing" or value != source.source_digest()


def as_stale(course: Course, page: Page, problem: Problem) -> Problem:
    """``problem`` as a staleness warning when ``page`` lags behind English, else unchanged."""
    if not lags_behind(course, page):
        return problem
    hint = (f"update the translation, then run 'course i18n --mark {page.lang} {page.name}' "
            f"(until then the site shows the last translated text)")
    return replace(problem, message=f"stale translation: {problem.message}", hint=hint, severity=WARNING, stale=True)


def changed_parts(course: Course, page: Page) -> str:
    """Which parts of the English page changed since ``page`` was translated, as far as git knows."""
    from ..markdown_source import parse_source
    from ..source_history import translated_source_text

    source = course.source.pages[page.name]
    digest = str(page.meta.get("translates", ""))
    old_text = translated_source_text(course.root, source, digest) if digest != "missing" else None
    if old_text is None:
        return ""
    try:
        old, _ = parse_source(old_text, source.path)
    except Exception:  # noqa: BLE001 - an old version that no longer parses: say nothing precise
        return ""
    old_sections = {s.id: s for s in old.sections}
    parts = []
    if str(old.meta.get("title", "")) != source.title:
        parts.append("the title")
    if old.intro.strip() != source.intro.strip():
        parts.append("the introduction")
    for section in source.sections:
        before = old_sections.get(section.id)
        if before is None:
            parts.append(f"section '{section.id}' (added)")
        elif before.title.strip() != section.title.strip() or before.body.strip() != section.body.strip():
            parts.append(f"section '{section.id}'")
    current = {s.id for s in source.sections}
    parts += [f"section '{sid}' (removed)" for sid in old_sections if sid not in current]
    return ", ".join(parts)
