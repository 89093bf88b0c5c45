"""Feedback as CSV and JSON for instructors (the API's answers and `course feedback export`).

Text is written as the learner gave it, with exceptions that protect whoever reads it:

- a CSV cell that starts like a formula (= + - @, tab, carriage return) gets a leading
  apostrophe, so a spreadsheet shows it as text and never runs it;
- JSON escapes every C0 and C1 control character (``\\u001b``, ``\\u009b``): a terminal
  that prints it is never driven by a learner's escape sequence;
- CSV written to a terminal (``for_terminal``) shows control characters, bidi overrides and
  other invisible format characters as ``\\x1b``-style escapes; a file gets the text as is.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from typing import Any, Iterable, Iterator

C1_CONTROLS = re.compile("[\u007f-\u009f]")

CSV_COLUMNS = ("id", "created_at", "lang", "page", "lesson", "rating", "helpful", "improve", "email")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"     # lets spreadsheet programs recognise UTF-8 (Greek, Russian) without asking


def spreadsheet_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The header and one CSV record per row, each a string (a record may span lines inside quotes)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def take() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield BOM + take()
    for row in rows:
        writer.writerow([spreadsheet_safe(row.get(column, "")) for column in CSV_COLUMNS])
        yield take()


def json_text(data: Any, indent: int | None = None) -> str:
    """JSON (UTF-8 text kept readable) with DEL and the C1 controls escaped as well as C0."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    return C1_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _escape(char: str) -> str:
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def terminal_safe(text: str) -> str:
    """Control and invisible format characters as visible escapes (ESC -> \\x1b, U+202E -> \\u202e);
    line breaks (\\n, \\r\\n) stay."""
    return "".join(_escape(c) if c != "\n" and (c == "\r" or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp"))
                   and not (c == "\r" and text[i + 1:i + 2] == "\n") else c for i, c in enumerate(text))


def for_terminal(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        yield terminal_safe(line)
