"""Lesson images in the browser: loaded, scaled to a phone's width, and the Greek page shows the
Greek screenshot while other languages show the English one (issue 15)."""
from __future__ import annotations

import pytest
from helpers import make_fixture_course

from build_tools.static_server import StaticServer

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    from test_markdown_example import add_example

    from build_tools.pipeline import SITE_STEPS, build

    root = add_example(make_fixture_course(tmp_path_factory.mktemp("images") / "course"))
    build(root, steps=SITE_STEPS)
    with StaticServer(root / "site") as server:
        yield server.url


PIXEL = """img => { const c = document.createElement('canvas'); c.width = 4; c.height = 4;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0, 4, 4); return Array.from(g.getImageData(1, 1, 1, 1).data).slice(0, 3); }"""


@pytest.mark.parametrize("lang, colour", [("en", [40, 80, 200]), ("el", [200, 80, 40]), ("ru", [40, 80, 200])])
def test_image_loads_scaled_to_a_phone_in_the_page_language(browser, example_site, lang, colour):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        prefix = "" if lang == "en" else f"{lang}/"
        page.goto(f"{example_site}/{prefix}02-markdown-example.html")
        page.locator("#images-and-links summary").click()
        image = page.locator("#images-and-links img").first
        image.wait_for(state="visible")
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        assert image.evaluate("img => img.naturalWidth") == 1600
        assert 0 < image.bounding_box()["width"] <= PHONE["width"]
        assert image.get_attribute("alt") == "A blue till screen showing an order ready for collection"
        assert image.evaluate(PIXEL) == colour
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()
