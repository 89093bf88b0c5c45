"""The PDFs of the fixture course (rendered once per session by `built_fixture`), read back with
pypdf: bookmarks, metadata, language, tagging, embedded shipped fonts, page numbers, text."""
import re

import pytest
from pdf_facts import assert_pdf_basics, expected_module_outline, outline, squeeze
from pypdf import PdfReader

from build_tools import artefact_paths
from build_tools.model import load_course
from build_tools.trainer_packs.names import site_lang_dir

LANGS = ["en", "el", "hu", "pl", "ru"]


@pytest.fixture(scope="module")
def course(built_fixture):
    return load_course(built_fixture)


@pytest.mark.parametrize("lang", LANGS)
def test_lesson_pdf(built_fixture, course, lang):
    language = course.languages[lang]
    lesson = language.lessons[0]
    module_title = language.home.title
    path = site_lang_dir(built_fixture / "site", lang, "en") / artefact_paths.lesson_pdf(lesson)
    texts = assert_pdf_basics(path, lang, f"{lesson.title} — {module_title}", language.t("pdf.author"))
    assert outline(PdfReader(path)) == [(lesson.title, [s.plain_title for s in lesson.sections])]
    body = squeeze("\n".join(texts))
    for section in lesson.sections:
        assert section.plain_title in body
    assert module_title in texts[0], "running header with the module title"


@pytest.mark.parametrize("lang", LANGS)
def test_module_pdf(built_fixture, course, lang):
    language = course.languages[lang]
    path = site_lang_dir(built_fixture / "site", lang, "en") / artefact_paths.module_pdf(lang)
    texts = assert_pdf_basics(path, lang, language.home.title, language.t("pdf.author"))
    reader = PdfReader(path)
    assert outline(reader) == expected_module_outline(course, language)
    cover = squeeze(texts[0])
    for fact in (language.home.meta["eqf"], language.home.meta["duration"], language.name, language.home.title):
        assert str(fact) in cover
    contents = squeeze(texts[2])
    assert contents.startswith(language.t("pdf.contents"))
    for lesson in language.lessons:
        listed = re.search(re.escape(lesson.title) + r"[ .]*(\d+)", contents)
        starts = next(n for n, text in enumerate(texts, start=1) if n > 3 and lesson.title in text)
        assert listed and int(listed.group(1)) == starts, "the contents give each lesson's page number"
    body = squeeze("\n".join(texts))
    for entry in language.glossary.values():
        assert squeeze(entry["definition"]) in body


def test_links_inside_the_module_pdf_work(built_fixture):
    """Contents entries and cross-references are internal links to a page of the same PDF."""
    reader = PdfReader(built_fixture / "site" / "el" / artefact_paths.module_pdf("el"))
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots") or []]
    internal = [a for a in links if "/Dest" in a or a.get("/A", {}).get("/S") == "/GoTo"]
    contents_entries = sum(1 + len(children) for _, children in outline(reader)[2:])
    assert len(internal) >= contents_entries


def test_lesson_pdf_has_no_link_to_a_file_it_cannot_reach(built_fixture):
    """In a lesson PDF a link to another page (here the glossary) is printed as text, not a dead link."""
    reader = PdfReader(built_fixture / "site" / "el" / "pdf" / "omnichannel-el-01-basics.pdf")
    uris = [a.get_object().get("/A", {}).get("/URI") for p in reader.pages for a in p.get("/Annots") or []]
    assert not [u for u in uris if u and not str(u).startswith(("http:", "https:", "mailto:"))]
    assert "Γλωσσάριο" in squeeze(reader.pages[0].extract_text())
