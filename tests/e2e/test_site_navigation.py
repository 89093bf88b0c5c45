"""In a real browser: lessons in every language, click-to-expand sections, the language switcher,
the portrait hint, and search in Greek."""
import pytest

LANGS = ["en", "el", "hu", "pl", "ru"]

pytestmark = pytest.mark.browser


def lesson_url(base: str, lang: str, name: str = "01-basics.html") -> str:
    return base + ("" if lang == "en" else f"{lang}/") + name


@pytest.mark.parametrize("lang", LANGS)
def test_lesson_opens_with_language_and_collapsed_sections(page, fixture_site, lang):
    page.goto(lesson_url(fixture_site, lang))
    assert page.locator("html").get_attribute("lang") == lang
    sections = page.locator("details.course-section")
    assert sections.count() == 2
    assert sections.first.evaluate("d => d.open") is False
    assert page.locator(".course-actions a, .course-actions button").count() == 3


def test_expand_and_collapse_a_section_with_mouse_and_keyboard(page, fixture_site):
    page.goto(lesson_url(fixture_site, "en"))
    section = page.locator("details#channels")
    body = section.locator("ul")
    assert not body.is_visible()
    section.locator("summary").click()
    assert body.is_visible()
    section.locator("summary").click()
    assert not body.is_visible()
    section.locator("summary").focus()
    page.keyboard.press("Enter")
    assert body.is_visible()
    page.keyboard.press("Space")
    assert not body.is_visible()


def test_expand_all_and_collapse_all(page, fixture_site):
    page.goto(lesson_url(fixture_site, "pl"))
    page.get_by_role("button", name="Rozwiń wszystko", exact=True).click()
    assert page.locator("details.course-section[open]").count() == 2
    page.get_by_role("button", name="Zwiń wszystko", exact=True).click()
    assert page.locator("details.course-section[open]").count() == 0


def test_link_to_a_section_opens_it(page, fixture_site):
    page.goto(lesson_url(fixture_site, "ru") + "#channels")
    assert page.locator("details#channels").evaluate("d => d.open") is True


@pytest.mark.parametrize("source,target", [("el", "hu"), ("hu", "en"), ("en", "ru")])
def test_language_switch_keeps_the_lesson(page, fixture_site, source, target):
    page.goto(lesson_url(fixture_site, source))
    page.locator(".md-select").first.hover()
    page.locator(f'a.md-select__link[hreflang="{target}"]').click()
    page.wait_for_load_state()
    assert page.url == lesson_url(fixture_site, target)
    assert page.locator("html").get_attribute("lang") == target


def test_language_switch_works_from_file_urls(page, built_fixture):
    start = (built_fixture / "site" / "el" / "01-basics.html").as_uri()
    page.goto(start)
    page.locator(".md-select").first.hover()
    page.locator('a.md-select__link[hreflang="pl"]').click()
    page.wait_for_load_state()
    assert page.url == (built_fixture / "site" / "pl" / "01-basics.html").as_uri()
    assert page.locator("details.course-section").count() == 2


def test_portrait_hint_on_phone_and_remembered(browser, fixture_site):
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = phone.new_page()
    page.goto(lesson_url(fixture_site, "el"))
    hint = page.locator(".course-landscape-hint")
    assert hint.is_visible()
    assert "οριζόντια" in hint.inner_text()
    hint.get_by_role("button").click()
    assert not hint.is_visible()
    page.reload()
    assert not page.locator(".course-landscape-hint").is_visible()
    phone.close()


def test_no_portrait_hint_in_landscape(browser, fixture_site):
    landscape = browser.new_context(viewport={"width": 1024, "height": 700})
    page = landscape.new_page()
    page.goto(lesson_url(fixture_site, "el"))
    assert not page.locator(".course-landscape-hint").is_visible()
    content_width = page.locator(".md-content").bounding_box()["width"]
    assert content_width > 600
    landscape.close()


def test_search_greek_word_finds_greek_lesson(page, fixture_site):
    page.goto(lesson_url(fixture_site, "el", "index.html"))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill("κανάλια")
    page.keyboard.press("End")  # Material reads the query on keyup, which fill() does not send
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("el/01-basics.html" in h for h in hrefs), hrefs


def test_no_request_leaves_the_machine_and_none_fails(page, fixture_site):
    outside, failed = [], []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for lang in LANGS:
        page.goto(lesson_url(fixture_site, lang))
        page.wait_for_load_state("networkidle")
    assert outside == []
    assert failed == []
