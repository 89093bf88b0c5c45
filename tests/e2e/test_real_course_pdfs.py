"""The real course (built once per session by `built_course`): every PDF of every language read back
with pypdf, and every "Download" action and pack link of every page leads to a file that exists."""
import pytest
from download_links import crawl, name_clashes
from helpers import REPO
from pdf_facts import assert_pdf_basics, expected_module_outline, outline, squeeze
from pypdf import PdfReader

from build_tools import artefact_paths
from build_tools.artefact_paths import SECTION_PAGE_KINDS
from build_tools.model import load_course
from build_tools.plain_text import plain_text
from build_tools.trainer_packs.names import pack_file, site_lang_dir

LANGS = ["en", "el", "hu", "pl", "ru"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


@pytest.mark.parametrize("lang", LANGS)
def test_page_pdfs_of_the_real_course(built_course, course, lang):
    language = course.languages[lang]
    pages = [p for p in language.ordered_pages if p.kind in SECTION_PAGE_KINDS]
    assert len(pages) >= 4
    for page in pages:
        path = site_lang_dir(built_course / "site", lang, "en") / artefact_paths.lesson_pdf(page)
        texts = assert_pdf_basics(path, lang, f"{page.title} — {language.home.title}", language.t("pdf.author"))
        assert outline(PdfReader(path)) == [(page.title, [s.plain_title for s in page.sections])]
        body = squeeze("\n".join(texts))
        assert [s.plain_title for s in page.sections if squeeze(s.plain_title) not in body] == []


@pytest.mark.parametrize("lang", LANGS)
def test_module_pdf_of_the_real_course(built_course, course, lang):
    language = course.languages[lang]
    path = site_lang_dir(built_course / "site", lang, "en") / artefact_paths.module_pdf(lang)
    texts = assert_pdf_basics(path, lang, language.home.title, language.t("pdf.author"))
    assert outline(PdfReader(path)) == expected_module_outline(course, language)
    assert len(texts) >= len(language.lessons) + 5
    body = squeeze("\n".join(texts))
    for outcome in language.home.meta["outcomes"]:
        assert squeeze(plain_text(outcome)) in body


def test_every_download_action_and_pack_link_of_the_real_site_exists(built_course, course):
    links, broken = crawl(built_course / "site")
    assert broken == []
    assert name_clashes(built_course / "site", links) == [], "downloads of two languages share a file name"
    for code, language in course.languages.items():
        folder = site_lang_dir(built_course / "site", code, "en")
        for lesson in language.lessons:
            actions = [l.href for l in links if l.kind == "download-action" and l.page == folder / lesson.html_name]
            assert actions == [artefact_paths.lesson_pdf(lesson)]
        listed = {l.href for l in links if l.page == folder / "94-downloads.html"}
        assert {f"packs/{pack_file('pdf', code)}", f"packs/{pack_file('offline-site', code)}",
                artefact_paths.module_pdf(code)} <= listed
