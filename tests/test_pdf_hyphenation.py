"""Words broken at line ends (build_tools/pdf/hyphenation.py): a soft hyphen in the text layer,
and the word's letters unchanged on both sides of the break."""
import re

import pytest
from pypdf import PdfReader

from build_tools.pdf.hyphenation import standard_hyphenation
from build_tools.pdf.render import render_pdf

pytestmark = pytest.mark.slow


def broken_words(tmp_path, lang: str, words: str) -> tuple[list[str], str]:
    html = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>T</title></head>'
            f'<body><p style="width: 22mm">{words}</p></body></html>')
    path = tmp_path / "doc.pdf"
    render_pdf(html, str(path))
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return re.findall(r"(\w+)\u00ad\n(\w+)", text), text


def test_a_hungarian_word_keeps_its_letters_where_it_breaks(tmp_path):
    words = "Jelölje be az összes helyes választ, vissza, összekapcsolt rendszerek. " * 4
    breaks, text = broken_words(tmp_path, "hu", words)
    assert breaks, "the narrow column breaks some words"
    assert [a + b for a, b in breaks if (a + b) not in words] == []
    assert "\u2010" not in text


def test_only_standard_break_points_are_offered():
    import pyphen
    from weasyprint.text import line_break

    with standard_hyphenation():
        dictionary = line_break.pyphen.Pyphen(lang="hu")
        assert ("ösz", "szes") not in list(dictionary.iterate("összes"))
        assert all(start + end == "összekapcsolt" for start, end in dictionary.iterate("összekapcsolt"))
    assert line_break.pyphen is pyphen
    assert ("ösz", "szes") in list(pyphen.Pyphen(lang="hu").iterate("összes"))   # what pyphen alone offers
