"""Keyboard only: the lesson actions and every section are reachable with Tab, operable with
Enter/Space, and show a visible focus ring."""
import pytest

pytestmark = pytest.mark.browser


def tab_until(page, predicate_js: str, limit: int = 80) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({predicate_js}); }})()"):
            return True
    return False


def focus_ring_width(page) -> float:
    return page.evaluate("""(() => { const s = getComputedStyle(document.activeElement);
        return s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth); })()""")


def test_actions_and_sections_are_reachable_and_operable(page, fixture_site):
    page.goto(fixture_site + "hu/01-basics.html")
    for action in ("feedback", "audio", "download"):
        assert tab_until(page, f"el.classList.contains('course-action--{action}')"), action
        assert focus_ring_width(page) >= 2
    assert tab_until(page, "el.dataset.courseExpand === 'all'")
    page.keyboard.press("Enter")
    assert page.locator("details.course-section[open]").count() == 2
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.locator("details.course-section[open]").count() == 0
    for section in ("what-is-omnichannel", "channels"):
        assert tab_until(page, f"el.tagName === 'SUMMARY' && el.parentElement.id === '{section}'"), section
        assert focus_ring_width(page) >= 2
        page.keyboard.press("Enter")
        assert page.locator(f"details#{section}").evaluate("d => d.open")


def test_landscape_hint_dismissable_by_keyboard(browser, fixture_site):
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = phone.new_page()
    page.goto(fixture_site + "pl/01-basics.html")
    assert tab_until(page, "el.classList.contains('course-landscape-hint__dismiss')")
    page.keyboard.press("Enter")
    assert not page.locator(".course-landscape-hint").is_visible()
    phone.close()
