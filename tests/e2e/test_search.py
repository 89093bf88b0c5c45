"""Search on the real course, in a real browser, over http and from file://: a native inflected
word of lesson 1 finds results in every language, a result opens and shows its section, and
search costs nothing until the learner opens it (overrides/assets/course/search.js)."""
import json
import re

import pytest

pytestmark = pytest.mark.browser

LESSON = "01-omnichannel-basics.html"
# A word of lesson 1 in the form the lesson uses (plural, case ending), typed as a learner would.
WORDS = {"en": "customers", "el": "καλάθι", "hu": "kosárba", "pl": "koszyka", "ru": "корзина"}
MORE_WORDS = [("el", "πελάτης"), ("ru", "покупатель")]
SEARCH_FILES = re.compile(r"search_index\.js(on)?|/workers/search\.|/lunr/")


@pytest.fixture(scope="module")
def site_file_url(built_course) -> str:
    return (built_course / "site").resolve().as_uri() + "/"


def base_for(how: str, course_site: str, site_file_url: str) -> str:
    return course_site if how == "http" else site_file_url


def lesson_url(base: str, lang: str) -> str:
    return base + ("" if lang == "en" else f"{lang}/") + LESSON


def type_query(page, word: str) -> None:
    box = page.locator(".md-search__input")
    box.click()
    # Like a keyboard: Playwright sends key events for Latin letters and only an input event for
    # Greek and Cyrillic letters, as on-screen and IME keyboards do.
    box.press_sequentially(word, delay=20)


def section_results(page):
    links = page.locator(".md-search-result__item a")
    links.first.wait_for(timeout=15000)
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    return links, hrefs


def open_result_and_check_section(page, word: str) -> None:
    links, hrefs = section_results(page)
    index = next((i for i, h in enumerate(hrefs) if "#" in h and LESSON in h), None)
    assert index is not None, f"no result for a section of lesson 1: {hrefs}"
    links.nth(index).click()
    anchor = hrefs[index].split("#", 1)[1]
    page.wait_for_url(re.compile(re.escape("#" + anchor) + "$"))
    heading = page.locator(f"[id='{anchor}']")
    section = heading.locator("xpath=ancestor::details[1]")
    page.wait_for_function("id => { const d = document.getElementById(id).closest('details'); return d && d.open }", arg=anchor)
    assert section.evaluate("d => d.open") is True
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"], box     # scrolled to it
    assert word.lower()[:4] in section.inner_text().lower()


@pytest.mark.parametrize("how", ["http", "file"])
@pytest.mark.parametrize("lang", list(WORDS))
def test_a_native_word_finds_and_opens_its_section(page, course_site, site_file_url, lang, how):
    page.goto(lesson_url(base_for(how, course_site, site_file_url), lang))
    type_query(page, WORDS[lang])
    open_result_and_check_section(page, WORDS[lang])


@pytest.mark.parametrize("lang,word", MORE_WORDS)
def test_more_greek_and_russian_words_find_results(page, course_site, lang, word):
    page.goto(lesson_url(course_site, lang))
    type_query(page, word)
    _, hrefs = section_results(page)
    assert any(LESSON in h for h in hrefs), hrefs


def test_pasted_text_is_searched(page, course_site):
    """No key event at all (paste, dictation): the query is still read."""
    page.goto(lesson_url(course_site, "el"))
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("πελάτης")
    _, hrefs = section_results(page)
    assert any(LESSON in h for h in hrefs), hrefs


def test_search_at_phone_width_from_the_header_button(browser, course_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(lesson_url(course_site, "ru"))
    page.locator("label.md-header__button[for='__search']").click()
    page.locator(".md-search__input").press_sequentially(WORDS["ru"], delay=20)
    open_result_and_check_section(page, WORDS["ru"])
    context.close()


@pytest.mark.parametrize("how", ["http", "file"])
def test_search_loads_only_when_it_is_opened(page, course_site, site_file_url, how):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(lesson_url(base_for(how, course_site, site_file_url), "el"))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert not [u for u in requested if SEARCH_FILES.search(u)]
    assert page.locator("iframe").count() == 0          # no iframe-worker from file:// either
    type_query(page, WORDS["el"])
    section_results(page)
    loaded = [u for u in requested if SEARCH_FILES.search(u)]
    assert any("el/search/search_index" in u for u in loaded) and any("lunr.el" in u for u in loaded), loaded


@pytest.mark.parametrize("lang", list(WORDS))
def test_index_holds_no_interface_text_and_keeps_words_apart(built_course, lang):
    from build_tools.model import load_course
    from helpers import REPO

    folder = built_course / "site" / ("" if lang == "en" else lang)
    docs = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    language = load_course(REPO).languages[lang]
    for key in ("sections.cue", "hint.landscape", "hint.dismiss", "sections.expand_all", "sections.collapse_all",
                "actions.audio", "actions.download", "actions.feedback"):
        assert language.t(key) not in text, key
    home = (folder / "index.html").read_text(encoding="utf-8")
    facts = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", home)
    assert facts
    home_text = next(d["text"] for d in docs if d["location"] == "index.html")
    for term, value in facts:
        assert f"{term} {value}" in home_text
    sections = [d for d in docs if d["location"].startswith(LESSON + "#")]
    assert len(sections) >= 5 and all(len(d["text"]) > 200 for d in sections), [d["location"] for d in sections]
