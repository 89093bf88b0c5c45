"""Every character of a PDF must have a glyph in the fonts we ship.

WeasyPrint (through Pango and fontconfig) would silently fall back to whatever font the
machine happens to have, so the PDFs would differ between machines or show empty boxes.
Before rendering, the text that goes into a PDF is checked against the character maps of
the shipped fonts; a character no shipped font has stops the build with the file and line
it came from.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import Iterable

from ..errors import CourseError, Problem

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
# One family in four faces; a character counts as covered only when every face has it,
# because any of them may set it (bold term, italic quotation, ...).
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf")
# Control and format characters (line breaks, soft hyphens, joiners) are never drawn.
_UNDRAWN_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")


@dataclass(frozen=True)
class TextSource:
    """A piece of text that goes into a PDF, and where it was written."""

    path: str        # as shown to the user, e.g. content/el/01-basics.md
    line: int        # line of the first character of ``text``
    text: str


def font_paths() -> list[Path]:
    return [FONTS_DIR / name for name in FONT_FILES]


@lru_cache(maxsize=1)
def covered_characters() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    covered: set[int] | None = None
    for path in font_paths():
        cmap = set(TTFont(path, lazy=True).getBestCmap())
        covered = cmap if covered is None else covered & cmap
    return frozenset(covered or ())


@lru_cache(maxsize=1)
def _covered_text() -> frozenset[str]:
    return frozenset(map(chr, covered_characters()))


def _uncovered(text: str) -> Iterable[tuple[int, str]]:
    missing = {char for char in set(text) - _covered_text() if unicodedata.category(char) not in _UNDRAWN_CATEGORIES}
    for offset, char in enumerate(text if missing else ""):
        if char in missing:
            yield offset, char


def check_glyphs(sources: Iterable[TextSource], pdf_name: str) -> None:
    """Raise CourseError naming the first character (per source) that no shipped font covers."""
    problems = []
    for source in sources:
        for offset, char in _uncovered(source.text):
            line = source.line + source.text.count("\n", 0, offset) if source.line else 0
            name = unicodedata.name(char, "unnamed character")
            problems.append(Problem(
                source.path, line,
                f"no font shipped for the PDFs has a glyph for '{char}' (U+{ord(char):04X} {name}), needed by {pdf_name}",
                "replace the character, or add an OFL font that covers it to build_tools/pdf/fonts/ (see its README.md)"))
            break
    if problems:
        raise CourseError(problems)


_TAG = re.compile(r"<[^>]*>")


def visible_text(html: str) -> str:
    """The text of an HTML document as printed (tags dropped, entities decoded; <head> included)."""
    return unescape(_TAG.sub(" ", html))
