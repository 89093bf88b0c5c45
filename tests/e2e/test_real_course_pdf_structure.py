"""Every PDF of the real course in all five languages (built once per session by `built_course`)
against the PDF/UA-1 and ISO 32000-1 structure rules of tests/pdf_structure.py, and what a
reader of the printed pages would notice: raw markup, a contents page that spills, the course
title twice on page 1, a multiple-response question that does not say to choose all."""
import re
from functools import cache

import pikepdf
import pytest
from helpers import REPO
from pdf_facts import page_texts, squeeze
from pdf_structure import structure_problems
from pypdf import PdfReader

from build_tools.artefact_paths import site_lang_dir
from build_tools.model import load_course
from build_tools.pdf.glyphs import visible_text
from build_tools.pdf.print_html import documents_for
from build_tools.pdf.self_test import MULTIPLE
from build_tools.pdf.settings import pdf_settings
from build_tools.plain_text import plain_text

LANGS = ["en", "el", "hu", "pl", "ru"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


@pytest.fixture(scope="module")
def pdfs(built_course, course):
    """lang -> [(print document, its PDF in the built site)], the module PDF last (worked out once
    per language: the print HTML of a language takes a second or two)."""
    @cache
    def of(lang):
        folder = site_lang_dir(built_course / "site", lang, "en")
        return [(d, folder / d.published) for d in documents_for(course, course.languages[lang], pdf_settings(course.config))]
    return of


@pytest.fixture(scope="module")
def texts():
    """path -> the text of each of its pages, extracted once (pypdf takes seconds per module PDF)."""
    return cache(lambda path: page_texts(PdfReader(path)))


@pytest.mark.parametrize("lang", LANGS)
def test_every_pdf_meets_the_pdf_ua_structure_rules(pdfs, lang):
    found = pdfs(lang)
    assert len(found) >= 7
    problems = {path.name: structure_problems(path, lang, document.html) for document, path in found}
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.parametrize("lang", LANGS)
def test_link_descriptions_are_titles_printed_in_the_document(pdfs, texts, lang):
    for document, path in pdfs(lang):
        body = squeeze("\n".join(texts(path)))
        with pikepdf.open(path) as pdf:
            internal = [str(a.Contents) for page in pdf.pages for a in page.obj.get("/Annots", []) if "/Dest" in a]
        assert [c for c in internal if squeeze(c) not in body] == [], f"{path.name}: descriptions not in its text"
        if path == pdfs(lang)[-1][1]:
            assert len(internal) > 20, "the module's contents link every part and section"


@pytest.mark.parametrize("lang", LANGS)
def test_module_pdf_prints_no_markup_and_every_outcome(pdfs, texts, course, lang):
    module_doc, path = pdfs(lang)[-1]
    body = squeeze("\n".join(texts(path)))
    assert "<span" not in body and "lang=" not in body and "&lt;" not in body
    for outcome in course.languages[lang].home.meta["outcomes"]:
        assert squeeze(plain_text(outcome)) in body


@pytest.mark.parametrize("lang", LANGS)
def test_contents_of_the_module_fit_on_one_page(pdfs, texts, lang):
    _, path = pdfs(lang)[-1]
    with_leaders = [n for n, text in enumerate(texts(path), start=1) if ". . . . ." in text]
    assert len(with_leaders) == 1, f"contents on pages {with_leaders}"


@pytest.mark.parametrize("lang", LANGS)
def test_words_broken_at_line_ends_read_whole_with_a_soft_hyphen(pdfs, texts, lang):
    for document, path in pdfs(lang):
        pages = texts(path)
        assert "\u2010" not in "".join(pages), path.name
        printed = visible_text(document.html)
        changed, count = [], 0
        for text in pages:
            breaks = re.findall(r"(\w+)\u00ad\n(\w+)", text)
            count += len(breaks)
            for n, (start, end) in enumerate(breaks, start=1):
                # The last break of a page may continue on the next page, after its header.
                continues = n == len(breaks) and re.search(rf"(?<!\w){re.escape(start)}\w", printed)
                if start + end not in printed and not continues:
                    changed.append(start + end)
        assert changed == [], f"{path.name}: words whose letters changed where they break"
        if path == pdfs(lang)[-1][1]:
            assert count > 10, "the module breaks words at line ends, each with a soft hyphen"


@pytest.mark.parametrize("lang", LANGS)
def test_lesson_pdf_prints_the_course_title_once_on_page_1(pdfs, texts, course, lang):
    title = squeeze(plain_text(course.languages[lang].home.title))
    for document, path in pdfs(lang)[:-1]:
        pages = texts(path)
        assert squeeze(pages[0]).count(title) == 1, path.name
        if len(pages) > 1:       # later pages keep it as their running header
            assert title in squeeze(pages[1]), path.name


@pytest.mark.parametrize("lang", LANGS)
def test_multiple_response_questions_say_choose_all_that_apply(pdfs, texts, course, lang):
    _, path = pdfs(lang)[-1]
    body = squeeze("\n".join(texts(path)))
    questions = course.quiz.questions_for(lang)
    multiple = [q for q in questions if q.type == MULTIPLE]
    assert multiple, "the bank has multiple-response questions"
    hint = squeeze(course.languages[lang].t("quiz.hint_multiple"))
    assert body.count(hint) == len(multiple)
    for question in multiple:
        assert f"{squeeze(question.text)} {hint}" in body
