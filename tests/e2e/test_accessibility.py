"""WCAG 2.1 AA with axe-core in Chromium: every kind of page in every language, sections expanded.
No serious or critical violation; moderate ones are printed."""
import pytest
from e2e.axe import axe_violations, blocking, describe

LANGS = ["en", "el", "hu", "pl", "ru"]
PAGES = ["index.html", "01-omnichannel-basics.html", "02-omnichannel-vs-multichannel.html",
         "03-example-strategies.html", "04-benefits-and-challenges.html", "90-key-points.html",
         "92-faq.html", "93-glossary.html", "94-downloads.html", "95-feedback.html", "91-test-yourself.html"]

pytestmark = pytest.mark.browser


def url(base, lang, name):
    return base + ("" if lang == "en" else f"{lang}/") + name


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_violations(page, course_site, lang, name):
    page.goto(url(course_site, lang, name))
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    found = axe_violations(page)
    moderate = [v for v in found if v not in blocking(found)]
    if moderate:
        print(f"\n{lang}/{name} moderate:\n{describe(moderate)}")
    assert blocking(found) == [], describe(blocking(found))


def test_the_check_fails_on_a_form_without_label(page, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><head><title>Form</title></head><body><main>'
                   '<h1>Feedback</h1><form><input type="text" name="improve"></form></main></body></html>')
    page.goto(bad.as_uri())
    found = blocking(axe_violations(page))
    assert [v["id"] for v in found] == ["label"], describe(found)
