"""Internal links and anchors in lesson Markdown resolve to a page and a section of the same language."""
from __future__ import annotations

import re

from ..errors import Problem
from ..model import Course, Language, Page

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)", re.DOTALL)
ANCHOR_ATTR = re.compile(r"\{#([A-Za-z0-9_-]+)[^}]*\}")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def anchors_of(page: Page) -> set[str]:
    anchors = {s.id for s in page.sections}
    for text in [page.intro] + [s.body for s in page.sections]:
        anchors.update(ANCHOR_ATTR.findall(text))
    return anchors


def _links(page: Page):
    blocks = [(page.intro, page.intro_line)] + [(s.body, s.body_line) for s in page.sections]
    for text, first in blocks:
        for match in LINK.finditer(text):  # a link's text may wrap onto the next line
            yield first + text.count("\n", 0, match.start(1)), match.group(1)


def _target_problem(language: Language, page: Page, target: str, english: Language) -> tuple[str, str] | None:
    file_part, _, anchor = target.partition("#")
    target_page = page if not file_part else language.pages.get(file_part)
    if target_page is None and (file_part in language.unreadable or
                                (file_part in english.pages and language is not english)):
        return None  # the page itself is missing or unreadable: that is reported once, elsewhere
    if target_page is None:
        pages = ", ".join(sorted(language.pages))
        return (f"link to '{target}' does not resolve: no page {file_part} in content/{language.code}/",
                f"link to one of: {pages}")
    if anchor and anchor not in anchors_of(target_page):
        ids = ", ".join(sorted(s.id for s in target_page.sections)) or "none"
        return (f"link to '{target}' does not resolve: no section '#{anchor}' in {target_page.path}",
                f"use a section id of that page: {ids}")
    return None


def check_links(course: Course) -> list[Problem]:
    problems = []
    for language in course.languages.values():
        for page in language.ordered_pages:
            for line, target in _links(page):
                if EXTERNAL.match(target):
                    continue
                found = _target_problem(language, page, target, course.source)
                if found:
                    problems.append(Problem(page.path, line, *found))
    return problems
