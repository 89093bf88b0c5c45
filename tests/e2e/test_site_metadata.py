"""What the real course writes into every page's head, in every language: plain and escaped
metadata (the Greek home page's description holds a <span lang>), one module title per
language from its home page, no sitemap and no canonical link without site_url."""
from html.parser import HTMLParser

import pytest

from build_tools.config import load_config
from build_tools.model import load_course
from build_tools.module_title import module_title
from helpers import REPO

CODES = load_config(REPO).language_codes


class _Head(HTMLParser):
    """Where the head ends, the <title>, the meta description, and the first text in <body>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack, self.title, self.description, self.body_text = [], "", None, ""
        self.head_closed = False
        self.in_body_before_header = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.in_body_before_header = True
        if tag == "header":
            self.in_body_before_header = False
        if tag == "meta" and attrs.get("name") == "description" and not self.head_closed:
            self.description = attrs.get("content")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "head":
            self.head_closed = True
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title" and not self.head_closed:
            self.title += data
        elif self.in_body_before_header and self.stack and self.stack[-1] not in ("script", "style", "label", "a"):
            self.body_text += data.strip()


def page_path(site, code, name):
    return (site if code == "en" else site / code) / name


def head_of(path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


@pytest.mark.parametrize("code", CODES)
def test_home_page_head_is_whole_and_plain(built_course, code):
    head = head_of(page_path(built_course / "site", code, "index.html"))
    assert head.description and "<" not in head.description and "lang=" not in head.description
    assert head.title.strip() and "<" not in head.title
    # Nothing of the head fell into the body above the header (the Greek page's old symptom).
    assert head.body_text == ""


def test_greek_home_description_keeps_the_english_word_as_text(built_course):
    head = head_of(page_path(built_course / "site", "el", "index.html"))
    assert "στο email και στο τηλέφωνο" in head.description


@pytest.mark.parametrize("code", CODES)
def test_one_title_per_language_in_header_and_browser_tab(built_course, course, code):
    title = module_title(course, code)
    assert title == " ".join(course.languages[code].home.meta["title"].split())
    site = built_course / "site"
    home = page_path(site, code, "index.html")
    assert head_of(home).title.strip() == title
    html = home.read_text(encoding="utf-8")
    assert f'aria-label="{title}"' in html            # the header's logo link, named after the module
    lesson = head_of(page_path(site, code, "01-omnichannel-basics.html")).title.strip()
    assert lesson.endswith(f" - {title}") and lesson.count(title) == 1


def test_greek_title_uses_the_course_term(course):
    assert "πανκαναλικού" in module_title(course, "el")
    assert "omnichannel" not in module_title(course, "el")


def test_without_site_url_no_sitemap_and_no_canonical_links(built_course):
    site = built_course / "site"
    assert not list(site.rglob("sitemap.xml*"))
    for code in CODES:
        html = page_path(site, code, "01-omnichannel-basics.html").read_text(encoding="utf-8")
        assert 'rel="canonical"' not in html
        assert "None" not in html.split("</head>")[0]
