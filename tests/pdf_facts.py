"""What the PDF tests read out of a rendered PDF (pypdf), and the checks they share for the
fixture course and the real course."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader

# Letters that only the language's script or alphabet has: the text must be extractable in it.
SCRIPT_OF = {"el": "GREEK", "ru": "CYRILLIC", "en": "LATIN", "pl": "LATIN", "hu": "LATIN"}
SPECIAL_LETTERS = {"pl": set("ąćęłńśźżĄĆĘŁŃŚŹŻ"), "hu": set("őűŐŰ")}


def outline(reader: PdfReader) -> list[tuple[str, list[str]]]:
    """[(top-level title, [child titles])]: the PDF's bookmarks, two levels deep."""
    entries: list[tuple[str, list[str]]] = []
    for item in reader.outline:
        if isinstance(item, list):
            entries[-1][1].extend(child.title for child in item if not isinstance(child, list))
        else:
            entries.append((item.title, []))
    return entries


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def squeeze(text: str) -> str:
    """Text with hyphenation at line ends undone and all white space made single spaces."""
    text = re.sub(r"[\u00ad\u2010]\n", "", text)      # a hyphen added where the word broke
    text = re.sub(r"-\n", "-", text)                  # a word's own hyphen at a line end
    return " ".join(text.split())


def script_share(text: str, script: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(unicodedata.name(c, "").startswith(script) for c in letters) / max(1, len(letters))


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """Base font name -> whether the font program is embedded, over every page."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            embedded = any(d is not None and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                           for d in descriptors)
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def assert_pdf_basics(path: Path, lang: str, title: str, author: str) -> list[str]:
    """Language, metadata, tags, embedded shipped fonts, 'n / N' on every page, text in the right
    script. Returns the text of each page."""
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root, "not a tagged PDF"
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data(), "not declared PDF/UA-1"
    assert reader.metadata.title == title
    assert reader.metadata.author == author
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), f"fonts not embedded: {fonts}"
    assert all("Course-Sans" in name for name in fonts), f"a font other than the shipped ones: {sorted(fonts)}"
    texts = page_texts(reader)
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {total}" in text, f"page {number} of {path.name} has no 'n / N' page number"
    body = squeeze("\n".join(texts))
    assert script_share(body, SCRIPT_OF[lang]) > 0.6, f"{path.name}: text is not mostly {SCRIPT_OF[lang]}"
    if lang in SPECIAL_LETTERS:
        assert SPECIAL_LETTERS[lang] & set(body), f"{path.name}: no letter special to {lang} came out of the PDF"
    return texts


def expected_module_outline(course, language, answer_key: bool = True) -> list[tuple[str, list[str]]]:
    """What the module PDF's bookmarks must be: outcomes, contents, every lesson with its sections,
    key points with theirs, glossary, bibliography, then self-test and answer key when there is a quiz."""
    sections = lambda page: [s.plain_title for s in page.sections]  # noqa: E731
    expected = [(language.t("home.outcomes"), []), (language.t("pdf.contents"), [])]
    expected += [(lesson.title, sections(lesson)) for lesson in language.lessons]
    for kind in ("keypoints", "glossary"):
        page = language.page_of_kind(kind)
        if page is not None:
            expected.append((page.title, sections(page) if kind == "keypoints" else []))
    if language.home.meta.get("bibliography"):
        expected.append((language.t("home.bibliography"), []))
    quiz_page = language.page_of_kind("quiz")
    if course.quiz is not None and course.quiz.questions_for(language.code) and quiz_page is not None:
        expected.append((quiz_page.title, []))
        if answer_key:
            expected.append((language.t("pdf.answer_key"), []))
    return expected
