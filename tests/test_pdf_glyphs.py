"""Fonts: the shipped OFL fonts cover every letter of the course languages, and a character they
do not cover stops the build with the character, its code point, the file and the line."""
import pytest
from helpers import edit, line_of

from build_tools.errors import CourseError
from build_tools.pdf.glyphs import FONTS_DIR, covered_characters, font_paths
from build_tools.pipeline import build

ALPHABETS = {
    "Greek": "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωςάέήίόύώΆΈΉΊΌΎΏϊϋΐΰ",
    "Cyrillic": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "Polish": "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ",
    "Hungarian": "áéíóöőúüűÁÉÍÓÖŐÚÜŰ",
    "punctuation": "„“”«»–—…€·•‰№",
}


def test_fonts_are_shipped_with_their_licence():
    assert all(path.is_file() for path in font_paths())
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS_DIR / "OFL.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("script", ALPHABETS)
def test_shipped_fonts_cover_every_letter_of_the_course_languages(script):
    missing = [c for c in ALPHABETS[script] if ord(c) not in covered_characters()]
    assert missing == []


def test_a_character_no_shipped_font_has_fails_the_build_naming_it(fixture_course):
    lesson = fixture_course / "content/el/01-basics.md"
    edit(lesson, "- Τα κανάλια\n", "- Τα κανάλια 漢\n")
    with pytest.raises(CourseError) as failure:
        build(fixture_course)
    line = line_of(lesson, "漢")
    assert str(failure.value) == (
        f"content/el/01-basics.md:{line}: no font shipped for the PDFs has a glyph for '漢' "
        "(U+6F22 CJK UNIFIED IDEOGRAPH-6F22), needed by el/pdf/omnichannel-el-01-basics.pdf — replace the character, "
        "or add an OFL font that covers it to build_tools/pdf/fonts/ (see its README.md)")
    assert not (fixture_course / "site").exists()
