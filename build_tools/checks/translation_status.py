"""Which translated pages are up to date with their English source, stale, or missing."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import WARNING, Problem
from ..model import Course
from .staleness import changed_parts

UP_TO_DATE, STALE, UNMARKED, UNTRANSLATED, MISSING = "up to date", "stale", "not marked", "not translated", "missing"


@dataclass(frozen=True)
class PageStatus:
    lang: str
    name: str
    status: str
    path: str
    source_path: str


def translation_status(course: Course) -> list[PageStatus]:
    english = course.source
    out = []
    for language in course.translations:
        for name, source in english.pages.items():
            page = language.pages.get(name)
            shown = f"content/{language.code}/{name}"
            if page is None:
                status = MISSING
            elif not page.meta.get("translates"):
                status = UNMARKED
            elif str(page.meta["translates"]) == "missing":
                status = UNTRANSLATED
            elif str(page.meta["translates"]) != source.source_digest():
                status = STALE
            else:
                status = UP_TO_DATE
            out.append(PageStatus(language.code, name, status, shown, source.path))
    return out


def check_translation_status(course: Course) -> list[Problem]:
    """Warnings only: a stale translation still builds, but the instructor is told."""
    problems = []
    for item in translation_status(course):
        if item.status not in (STALE, UNTRANSLATED):
            continue
        page = course.languages[item.lang].pages[item.name]
        changed = changed_parts(course, page) if item.status == STALE else ""
        what = f" ({changed})" if changed else f" (see 'course i18n --changes {item.lang} {item.name}')"
        message, fix = {
            STALE: (f"translation is stale: {item.source_path} changed since it was translated{what}",
                    "update the translation"),
            UNTRANSLATED: (f"not translated yet (scaffolded from {item.source_path})", "translate it"),
        }[item.status]
        problems.append(Problem(item.path, page.meta_lines.line("translates"), f"{item.lang}: {message}",
                                f"{fix}, then run 'course i18n --mark {item.lang} {item.name}'", severity=WARNING,
                                stale=True))
    return problems
