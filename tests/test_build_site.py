"""The built site: every lesson page has the three actions, its language, click-to-expand sections,
and nothing loaded from another host; a failed build leaves the previous site untouched."""
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import edit, tree_digest

from build_tools.errors import CourseError
from build_tools.pipeline import build

LANGS = ["en", "el", "hu", "pl", "ru"]


class PageFacts(HTMLParser):
    """Collects what the tests assert about one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = None
        self.action_classes: list[str] = []
        self.sections: list[str] = []
        self.summaries = 0
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "html":
            self.lang = a.get("lang")
        if any(c.startswith("course-action--") for c in classes):
            self.action_classes += [c for c in classes if c.startswith("course-action--")]
        if tag == "details" and "course-section" in classes:
            self.sections.append(a.get("id"))
        if tag == "summary":
            self.summaries += 1
        loads = {"script": "src", "img": "src", "source": "src", "audio": "src", "iframe": "src"}
        url = a.get(loads[tag]) if tag in loads else None
        if tag == "link" and (a.get("rel") or "") in ("stylesheet", "preload", "icon", "modulepreload"):
            url = a.get("href")
        if url and not url.startswith("data:") and (url.startswith("//") or "://" in url):
            self.external.append(url)


def facts(path: Path) -> PageFacts:
    parser = PageFacts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def lang_dir(site: Path, lang: str) -> Path:
    return site if lang == "en" else site / lang


@pytest.mark.parametrize("lang", LANGS)
def test_lesson_pages_have_actions_lang_and_sections(built_fixture, lang):
    page = facts(lang_dir(built_fixture / "site", lang) / "01-basics.html")
    assert page.lang == lang
    assert page.action_classes == ["course-action--feedback", "course-action--audio", "course-action--download"]
    assert page.sections == ["what-is-omnichannel", "channels"]
    assert page.summaries == 2


def test_no_page_loads_anything_from_another_host(built_fixture):
    pages = list((built_fixture / "site").rglob("*.html"))
    assert len(pages) >= 5 * 7
    offenders = {p.relative_to(built_fixture).as_posix(): facts(p).external for p in pages if facts(p).external}
    assert offenders == {}
    css = "\n".join(p.read_text(encoding="utf-8") for p in (built_fixture / "site").rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_action_links_lead_to_existing_pages(built_fixture):
    site = built_fixture / "site"
    for lang in LANGS:
        html = (lang_dir(site, lang) / "01-basics.html").read_text(encoding="utf-8")
        for target in ("95-feedback.html", "94-downloads.html"):
            assert f'href="{target}' in html
            assert (lang_dir(site, lang) / target).is_file()


def test_language_switcher_links_to_the_same_lesson(built_fixture):
    html = (built_fixture / "site" / "el" / "01-basics.html").read_text(encoding="utf-8")
    assert 'href="../hu/01-basics.html" hreflang="hu"' in html
    assert 'href="../01-basics.html" hreflang="en"' in html


def test_failed_build_leaves_previous_site_untouched(fixture_course):
    build(fixture_course)
    before_site, before_dist = tree_digest(fixture_course / "site"), tree_digest(fixture_course / "dist")
    assert "index.html" in before_site
    edit(fixture_course / "content/en/01-basics.md", "kind: lesson", "kind: [lesson")
    with pytest.raises(CourseError) as failure:
        build(fixture_course)
    assert "content/en/01-basics.md:2: YAML syntax error" in str(failure.value)
    assert tree_digest(fixture_course / "site") == before_site
    assert tree_digest(fixture_course / "dist") == before_dist
    assert not list(fixture_course.glob(".build-*"))


def test_generator_failure_also_leaves_site_untouched(fixture_course):
    build(fixture_course)
    before = tree_digest(fixture_course / "site")
    edit(fixture_course / "mkdocs.yml", "  name: material", "  name: no-such-theme")
    with pytest.raises(CourseError):
        build(fixture_course)
    assert tree_digest(fixture_course / "site") == before


def test_section_heading_may_mark_a_phrase_in_another_language(fixture_course):
    edit(fixture_course / "content/el/01-basics.md", "## Τα κανάλια {#channels}",
         '## Τα κανάλια και το <span lang="en">BOPIS</span> {#channels}')
    build(fixture_course)       # other tags are refused by `course check` (tests/test_checks_authoring.py)
    html = (fixture_course / "site/el/01-basics.html").read_text(encoding="utf-8")
    assert 'Τα κανάλια και το <span lang="en">BOPIS</span></h2>' in html


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_but_the_form_offers_the_feedback_action(built_fixture, lang):
    folder = lang_dir(built_fixture / "site", lang)
    for name in ("index.html", "91-test-yourself.html", "93-glossary.html", "94-downloads.html", "90-key-points.html"):
        html = (folder / name).read_text(encoding="utf-8")
        assert f'href="95-feedback.html?page={name[:-5]}"' in html, name
    assert "course-action--feedback" not in (folder / "95-feedback.html").read_text(encoding="utf-8")


def test_build_into_folders_that_do_not_exist_yet(fixture_course, tmp_path):
    build(fixture_course, site_dir=tmp_path / "new" / "site", dist_dir=tmp_path / "other" / "dist")
    assert (tmp_path / "new" / "site" / "el" / "01-basics.html").is_file()
    assert (tmp_path / "other" / "dist").is_dir()


def test_each_language_searches_its_own_index(built_fixture):
    import json

    site = built_fixture / "site"
    greek = json.loads((site / "el" / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {d["location"].split("#")[0] for d in greek["docs"]} >= {"01-basics.html", "index.html"}
    assert not any(d["location"].startswith(("el/", "hu/", "pl/", "ru/")) for d in english["docs"])
    assert greek["config"]["lang"] == ["en", "el"] and english["config"]["lang"] == ["en"]
    assert '"base": "."' in (site / "el" / "01-basics.html").read_text(encoding="utf-8")
    assert "\\u03" not in (site / "el" / "search" / "search_index.json").read_text(encoding="utf-8")
