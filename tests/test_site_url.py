"""mkdocs.yml's site_url: CourseConfig.site_url (trailing slash added), and a site built with it has
absolute hreflang links, a canonical link on every page and a sitemap of absolute addresses."""
import re

import pytest

from build_tools.config import load_config, normalise_site_url
from build_tools.errors import CourseError
from build_tools.pipeline import SITE_STEPS, build
from helpers import edit

SITE_URL = "https://courses.example.org/omnichannel"


def test_site_url_is_optional_and_normalised(fixture_course):
    assert load_config(fixture_course).site_url is None
    edit(fixture_course / "mkdocs.yml", "use_directory_urls: false", f"use_directory_urls: false\nsite_url: {SITE_URL}")
    assert load_config(fixture_course).site_url == SITE_URL + "/"


@pytest.mark.parametrize("bad", ["courses.example.org", "ftp://example.org/", "https://example.org/?a=1"])
def test_a_site_url_that_is_no_address_is_an_error_with_the_fix(bad):
    with pytest.raises(CourseError) as failure:
        normalise_site_url(bad, 7)
    assert "mkdocs.yml:7:" in str(failure.value) and "site_url: https://" in str(failure.value)


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory):
    from helpers import make_fixture_course

    root = make_fixture_course(tmp_path_factory.mktemp("site-url") / "course")
    edit(root / "mkdocs.yml", "use_directory_urls: false", f"use_directory_urls: false\nsite_url: {SITE_URL}")
    build(root, steps=SITE_STEPS)
    return root / "site"


def test_canonical_and_hreflang_links_are_absolute(site_with_url):
    html = (site_with_url / "el" / "01-basics.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}/el/01-basics.html">' in html
    alternates = re.findall(r'<link rel="alternate course-language" href="([^"]+)" hreflang="([a-z]+)">', html)
    assert dict((lang, href) for href, lang in alternates) == {
        "en": f"{SITE_URL}/01-basics.html", "el": f"{SITE_URL}/el/01-basics.html", "hu": f"{SITE_URL}/hu/01-basics.html",
        "pl": f"{SITE_URL}/pl/01-basics.html", "ru": f"{SITE_URL}/ru/01-basics.html"}
    # The language menu stays relative: the site also works from a folder or file://.
    assert 'href="../hu/01-basics.html" hreflang="hu"' in html


def test_home_page_alternates_are_absolute_too(site_with_url):
    html = (site_with_url / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITE_URL}/el/index.html" hreflang="el"' in html
    assert f'<link rel="canonical" href="{SITE_URL}/index.html">' in html


def test_sitemap_lists_absolute_addresses(site_with_url):
    sitemap = (site_with_url / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith(SITE_URL + "/") for loc in locations)
    assert f"{SITE_URL}/ru/01-basics.html" in locations
    assert "None" not in sitemap


def test_each_language_is_named_by_its_home_page_title(site_with_url):
    """mkdocs.yml holds one English site_name; every language's header and tab use its own home page's title."""
    for folder, title in (("", "Module title (en)"), ("el/", "Τίτλος (el)"), ("ru/", "Заголовок (ru)")):
        home = (site_with_url / folder / "index.html").read_text(encoding="utf-8")
        assert re.search(r"<title>([^<]*)</title>", home).group(1) == title
        assert re.search(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', home).group(1) == title   # the header
        lesson = (site_with_url / folder / "01-basics.html").read_text(encoding="utf-8")
        assert re.search(r"<title>[^<]* - ([^<]*)</title>", lesson).group(1) == title
