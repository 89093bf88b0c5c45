"""Front matter: known keys only (with "did you mean"), values of the right type, the required
fields of each page kind, a well-formed ``translates:``, and one page per id."""
from __future__ import annotations

import difflib
import re

from ..errors import Problem
from ..model import (HOME_FIELDS, KNOWN_FIELDS, LIST_FIELDS, PAGE_FIELDS, PAGE_KINDS, TEXT_FIELDS, Course, Language,
                     Page)

DIGEST = re.compile(r"^[0-9a-f]{16}$")
README = "see content/README.md"


def known_fields(kind: str) -> tuple[str, ...]:
    return KNOWN_FIELDS.get(kind, KNOWN_FIELDS["lesson"])


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else f"valid keys are: {', '.join(choices)}"


def _key_problems(page: Page) -> list[Problem]:
    problems = []
    known = known_fields(page.kind)
    for key in page.meta:
        if key not in known:
            problems.append(Problem(page.path, page.meta_lines.line(key), f"unknown front matter key '{key}'",
                                    f"{did_you_mean(str(key), known)} ({README})"))
    return problems


def _type_problems(page: Page) -> list[Problem]:
    problems = []
    for key, value in page.meta.items():
        line = page.meta_lines.line(key)
        if key in TEXT_FIELDS and value is not None and not isinstance(value, (str, int, float)) or isinstance(value, bool):
            problems.append(Problem(page.path, line, f"front matter '{key}' must be text, not a {type(value).__name__}",
                                    f"write it on one line: '{key}: some text' (quote it if it starts with [, {{, # or contains ': ')"))
        elif key in LIST_FIELDS and value is not None and (
                not isinstance(value, list) or not all(isinstance(item, (str, int, float)) for item in value)):
            problems.append(Problem(page.path, line, f"front matter field '{key}' must be a list",
                                    f"write each item on its own line starting with '- ' under '{key}:'"))
    return problems


def _required_problems(page: Page) -> list[Problem]:
    problems = []
    required = HOME_FIELDS if page.kind == "home" else PAGE_FIELDS + (("summary",) if page.kind == "lesson" else ())
    for name in required:
        value = page.meta.get(name)
        if value is None or (isinstance(value, (str, list)) and not (value.strip() if isinstance(value, str) else value)):
            hint = f"add '{name}: ...' between the '---' lines ({README})"
            if name == "summary":
                hint = "add 'summary: One sentence.' between the '---' lines: the home page lists it under the lesson title"
            problems.append(Problem(page.path, page.meta_lines.line(name) if name in page.meta else 1,
                                    f"front matter field '{name}' missing", hint))
    return problems


def _translates_problem(page: Page, source_language: str) -> list[Problem]:
    if "translates" not in page.meta:
        return []
    value = str(page.meta["translates"]).strip()
    line = page.meta_lines.line("translates")
    if page.lang == source_language:
        return [Problem(page.path, line, "an English page has 'translates:'",
                        "remove the line: only translations record which English version they translate")]
    if value == "missing" or DIGEST.match(value):
        return []
    return [Problem(page.path, line, f"'translates: {value}' is neither an English version nor 'missing'",
                    f"run 'course i18n --mark {page.lang} {page.name}' after translating the page; it writes the right value")]


def _section_problems(page: Page) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for section in page.sections:
        if section.id and section.id in seen:
            problems.append(Problem(page.path, section.line, f"section id '{section.id}' is used twice (first on line {seen[section.id]})",
                                    "give every section of a page its own id"))
        seen.setdefault(section.id, section.line)
    return problems


def page_problems(page: Page, source_language: str) -> list[Problem]:
    kind = page.kind
    if kind not in PAGE_KINDS:
        line = page.meta_lines.line("kind") if "kind" in page.meta else 1
        hint = f"set 'kind:' to one of: {', '.join(PAGE_KINDS)}"
        close = difflib.get_close_matches(kind, PAGE_KINDS, n=1)
        if close:
            hint = f"did you mean '{close[0]}'? ({hint})"
        return [Problem(page.path, line, f"page kind '{kind}' is not known" if kind else "front matter field 'kind' missing", hint)]
    return (_key_problems(page) + _type_problems(page) + _required_problems(page)
            + _translates_problem(page, source_language) + _section_problems(page))


def _duplicate_ids(language: Language) -> list[Problem]:
    problems = []
    first: dict[str, Page] = {}
    for page in language.ordered_pages:
        if not page.id or page.kind == "home":
            continue
        if page.id in first:
            other = first[page.id]
            problems.append(Problem(page.path, page.meta_lines.line("id"),
                                    f"page id '{page.id}' is used by {other.path} too",
                                    "give every page its own id (quiz 'Read again' links and progress use it)"))
        first.setdefault(page.id, page)
    return problems


def check_front_matter(course: Course) -> list[Problem]:
    source = course.config.source_language
    problems = []
    for language in course.languages.values():
        for page in language.ordered_pages:
            problems.extend(page_problems(page, source))
        problems.extend(_duplicate_ids(language))
    return problems
