"""The real course in a browser, in every language where it matters: a "page not found" page per
language that leads home from a subfolder and from file://, the quiz and the wide tables on a
phone, the language menu keeping the #section, printing a lesson, and the search dialog's name."""
import os

import pytest
import yaml

from build_tools.static_server import StaticServer
from helpers import REPO
from e2e.axe import AXE

pytestmark = pytest.mark.browser

LANGS = ["en", "el", "hu", "pl", "ru"]
PHONE = {"width": 390, "height": 844}
PHONE_LANDSCAPE = {"width": 844, "height": 390}


def ui(code: str, key: str) -> str:
    group, name = key.split(".")
    return yaml.safe_load((REPO / "translations" / f"{code}.yml").read_text(encoding="utf-8"))[group][name]


def folder(code: str) -> str:
    return "" if code == "en" else f"{code}/"


@pytest.fixture(scope="module")
def subfolder_site(built_course, tmp_path_factory):
    """The site served from http://127.0.0.1:PORT/course/, as on a host that keeps it in a folder."""
    root = tmp_path_factory.mktemp("host")
    os.symlink(built_course / "site", root / "course")
    with StaticServer(root) as server:
        yield server.url + "course/"


@pytest.mark.parametrize("code", LANGS)
def test_not_found_page_in_its_language_leads_home_from_a_subfolder(page, subfolder_site, code):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url)
            if request.failure != "net::ERR_ABORTED" else None)      # aborted: left for the home page
    page.goto(subfolder_site + folder(code) + "404.html")
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("h1").inner_text().strip() == ui(code, "site.not_found_title")
    assert ui(code, "site.not_found_text") in page.locator("article").inner_text()
    page.get_by_role("link", name=ui(code, "site.not_found_home")).click()
    page.wait_for_load_state()
    assert page.url == subfolder_site + folder(code) + "index.html"
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
    assert [url for url in failed if not url.endswith(".mp3")] == []


def test_not_found_page_leads_home_from_file_urls(page, built_course):
    site = built_course / "site"
    page.goto((site / "ru" / "404.html").as_uri())
    assert page.locator("h1").inner_text().strip() == ui("ru", "site.not_found_title")
    page.get_by_role("link", name=ui("ru", "site.not_found_home")).click()
    page.wait_for_load_state()
    assert page.url == (site / "ru" / "index.html").as_uri()


def overflow(page, width: int) -> int:
    """How far the page is wider than the screen (a phone's browser may widen innerWidth to fit)."""
    return page.evaluate("w => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - w", width)


@pytest.mark.parametrize("code,viewport", [(code, PHONE) for code in LANGS] + [("hu", PHONE_LANDSCAPE)])
def test_quiz_fits_a_phone(browser, course_site, code, viewport):
    context = browser.new_context(viewport=viewport, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(course_site + folder(code) + "91-test-yourself.html")
    page.locator(".course-quiz__question").first.wait_for()
    for _ in range(30):          # the draw is random: draw again until a matching question (drop-downs) is in it
        if page.locator(".course-quiz select").count() > 0:
            break
        page.evaluate("localStorage.clear()")
        page.reload()
        page.locator(".course-quiz__question").first.wait_for()
    assert page.locator(".course-quiz select").count() > 0
    assert overflow(page, viewport["width"]) <= 0
    widest = page.evaluate("Math.max(...[...document.querySelectorAll('.course-quiz select')].map(s => s.getBoundingClientRect().right))")
    assert widest <= viewport["width"]
    context.close()


@pytest.mark.parametrize("code", ["en", "ru"])
def test_wide_tables_scroll_in_a_labelled_region_with_a_cue(browser, course_site, code):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    overflowing = 0
    for lesson in ("02-omnichannel-vs-multichannel.html", "03-example-strategies.html"):
        page.goto(course_site + folder(code) + lesson)
        page.locator("[data-course-expand=all]").click()
        regions = page.locator(".course-table__scroll")
        assert regions.count() >= 1
        assert overflow(page, PHONE["width"]) <= 0
        for i in range(regions.count()):
            region = regions.nth(i)
            assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
            assert region.get_attribute("aria-label") == ui(code, "site.table_region")
            wide = region.evaluate("r => r.scrollWidth > r.clientWidth + 1")
            hint = region.locator("xpath=preceding-sibling::p[contains(@class, 'course-table__hint')]")
            assert hint.is_visible() == wide
            if wide:
                overflowing += 1
                assert hint.inner_text().strip() == ui(code, "site.table_hint")
                assert "radial-gradient" in region.evaluate("r => getComputedStyle(r).backgroundImage")
                region.focus()
                for _ in range(5):
                    page.keyboard.press("ArrowRight")
                page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle(), timeout=5000)
    assert overflowing >= 1, "no table is wider than a phone: the test no longer tests the cue"
    context.close()


@pytest.mark.parametrize("source,target", [("en", "el"), ("el", "ru")])
def test_language_menu_keeps_the_section(page, course_site, source, target):
    lesson = "01-omnichannel-basics.html"
    page.goto(course_site + folder(source) + lesson)
    section = page.locator("details.course-section").nth(1).get_attribute("id")
    page.goto(course_site + folder(source) + lesson + "#" + section)
    page.locator(".md-select").first.hover()
    page.locator(f'a.md-select__link[hreflang="{target}"]').click()
    page.wait_for_url(f"**/{folder(target)}{lesson}#{section}")
    assert page.locator("html").get_attribute("lang") == target
    assert page.locator(f"details#{section}").evaluate("d => d.open") is True


@pytest.mark.parametrize("code", ["en", "el"])
def test_a_lesson_prints_flowing_with_every_section_open_and_no_controls(page, course_site, code):
    page.goto(course_site + folder(code) + "02-omnichannel-vs-multichannel.html")
    page.emulate_media(media="print")
    sections = page.locator("details.course-section")
    assert sections.count() >= 2
    for i in range(sections.count()):
        section = sections.nth(i)
        assert section.evaluate("d => getComputedStyle(d).breakInside") == "auto"
        body = section.locator("p:not(.course-section-audio)").first
        assert body.evaluate("p => p.getBoundingClientRect().height") > 0     # open although closed on screen
        summary = section.locator("summary")
        assert summary.evaluate("s => getComputedStyle(s, '::after').display") == "none"
    for control in (".course-actions", ".course-section-tools", ".course-section__cue", ".md-header"):
        locator = page.locator(control).first
        assert locator.count() == 0 or not locator.is_visible(), control


@pytest.mark.parametrize("code", ["en", "el"])
def test_search_dialog_has_a_name(page, course_site, code):
    page.goto(course_site + folder(code) + "index.html")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'rule', values: ['aria-dialog-name']}})")
    assert result["violations"] == []
    assert page.locator("[role=dialog]").first.get_attribute("aria-label") == page.locator(".md-search__input").get_attribute("aria-label")
