"""Translations keep the shape of each English section: the same number of list items and table rows.

A language that genuinely needs a different shape lists the section in
``translations/parity-exceptions.yml`` (``<lang>: [<page file>#<section id>, ...]``) with a reason.
"""
from __future__ import annotations

import re

from ..errors import Problem
from ..model import Course
from ..yaml_lines import load_yaml_file
from .staleness import as_stale

LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
EXCEPTIONS_FILE = "translations/parity-exceptions.yml"


def block_shape(markdown: str) -> tuple[int, int]:
    """(list items, table rows without the separator) of a section body."""
    items = rows = 0
    in_fence = False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        if LIST_ITEM.match(line):
            items += 1
        elif TABLE_ROW.match(line) and not TABLE_RULE.match(line):
            rows += 1
    return items, rows


def parity_exceptions(course: Course) -> dict[str, set[str]]:
    path = course.root / EXCEPTIONS_FILE
    if not path.is_file():
        return {}
    data, _ = load_yaml_file(path)
    return {str(lang): {str(entry).split(" ")[0] for entry in entries or []} for lang, entries in (data or {}).items()}


def check_block_parity(course: Course) -> list[Problem]:
    exceptions = parity_exceptions(course)
    problems = []
    for language, page, section, source, source_section in course.aligned_sections():
        if f"{page.name}#{section.id}" in exceptions.get(language.code, set()):
            continue
        ours, theirs = block_shape(section.body), block_shape(source_section.body)
        if ours != theirs:
            problems.append(as_stale(course, page, Problem(
                page.path, section.line,
                f"{language.code}: section '{section.id}' has {ours[0]} list items and {ours[1]} table rows, "
                f"English {theirs[0]} and {theirs[1]} ({source.path}:{source_section.line})",
                f"keep the English structure, or list '{page.name}#{section.id}' under '{language.code}:' in {EXCEPTIONS_FILE} with a reason")))
    return problems
