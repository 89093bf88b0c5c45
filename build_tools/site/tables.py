"""Tables that may be wider than a phone: a labelled, focusable region that scrolls sideways,
with a shadow at the edge that has more columns and a hint (shown by site.js when it overflows).

Markdown tables (a ``|`` row followed by a ``|---|`` row, at the start of a line) are wrapped
in HTML that the ``md_in_html`` extension fills with the rendered table.
"""
from __future__ import annotations

import re

from ..model import Language
from .html import attr, text

TABLE_UI_KEYS = ("site.table_region", "site.table_hint")
_ROW = re.compile(r"^\|.*\|\s*$")
_SEPARATOR = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+\s*$")


def _table_end(lines: list[str], start: int) -> int:
    end = start
    while end < len(lines) and _ROW.match(lines[end]):
        end += 1
    return end


def wrap_tables(markdown: str, language: Language) -> str:
    lines = markdown.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _ROW.match(lines[i]) and i + 1 < len(lines) and _SEPARATOR.match(lines[i + 1]):
            end = _table_end(lines, i)
            out += ['<div class="course-table" markdown="1">',
                    f'<p class="course-table__hint" hidden>{text(language.t("site.table_hint"))}</p>',
                    f'<div class="course-table__scroll" role="region" tabindex="0" '
                    f'aria-label="{attr(language.t("site.table_region"))}" markdown="1">', "",
                    *lines[i:end], "", "</div>", "</div>"]
            i = end
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)
