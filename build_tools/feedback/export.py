"""Feedback as CSV for instructors (the API's export and `course feedback export --csv`).

Text is written as the learner gave it, with one exception that protects whoever opens the
file in a spreadsheet: a cell that starts like a formula (= + - @, tab, carriage return) gets
a leading apostrophe, so it is shown as text and never run.
"""
from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Iterator

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
