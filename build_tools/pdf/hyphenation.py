"""Hyphens at line breaks: what the PDFs draw there and what their text layer says.

WeasyPrint draws ``HYPHENATE_CHARACTER`` where it breaks a word (print.css sets it as the
CSS ``hyphenate-character``); ISO 32000-1 (14.8.2.2.3) wants such a hyphen to read as a soft
hyphen in the text layer, so that copied or read-aloud text has the word whole. The print
HTML therefore writes its own U+2010 as U+002D (print_html.py), and the glyph of U+2010 maps
to U+00AD in every font's ToUnicode map (structure_tree.soft_hyphens).

Where a word may break is pyphen's choice, less the break points that would change its
letters (``standard_hyphenation``).
"""
from __future__ import annotations

from contextlib import contextmanager
from types import SimpleNamespace

HYPHENATE_CHARACTER = "\u2010"
SOFT_HYPHEN = "\u00ad"


def _standard_pyphen():
    """pyphen.Pyphen offering only the break points that keep the word's letters as they are.

    Some dictionaries also offer "non-standard" ones that change the letters (Hungarian
    "összes" breaks as "ösz-szes"); WeasyPrint 70 prints the first part but resumes the line
    after as many letters of the original, so it printed "ösz-" and "zes" and a letter was lost.
    """
    import pyphen

    class StandardHyphenation(pyphen.Pyphen):
        def iterate(self, word):
            return ((start, end) for start, end in super().iterate(word) if start + end == word)

    return StandardHyphenation


@contextmanager
def standard_hyphenation():
    """While writing one PDF: WeasyPrint hyphenates only where a word keeps its letters."""
    from weasyprint.text import line_break

    original = line_break.pyphen
    line_break.pyphen = SimpleNamespace(Pyphen=_standard_pyphen(), language_fallback=original.language_fallback)
    try:
        yield
    finally:
        line_break.pyphen = original
