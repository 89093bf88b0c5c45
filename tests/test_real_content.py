"""The real course: it passes `course check`, every language has the same pages, sections and
structure, and the English lessons keep the lengths learners can handle."""
import re

import pytest
from helpers import REPO

from build_tools.checks import run_checks
from build_tools.checks.block_parity import block_shape, parity_exceptions
from build_tools.model import load_course

COURSE = load_course(REPO)
LANGS = ["en", "el", "hu", "pl", "ru"]
WORD = re.compile(r"\w[\w'’-]*")


def words(markdown: str) -> int:
    text = re.sub(r"\]\([^)]*\)", "]", markdown)       # link targets are not read
    text = re.sub(r"<[^>]+>|\{#[^}]*\}", " ", text)     # nor tags and ids
    return len(WORD.findall(text))


def test_course_check_passes_on_the_real_content():
    assert [p.format() for p in run_checks(COURSE) if p.is_error] == []


def test_all_five_languages_are_configured():
    assert list(COURSE.languages) == LANGS


@pytest.mark.parametrize("lang", LANGS[1:])
def test_same_pages_sections_lists_and_tables_as_english(lang):
    english, language = COURSE.source, COURSE.languages[lang]
    assert sorted(language.pages) == sorted(english.pages)
    allowed = parity_exceptions(COURSE).get(lang, set())
    for name, source in english.pages.items():
        page = language.pages[name]
        assert (page.kind, page.id) == (source.kind, source.id), name
        assert [s.id for s in page.sections] == [s.id for s in source.sections], name
        for ours, theirs in zip(page.sections, source.sections):
            if f"{name}#{ours.id}" not in allowed:
                assert block_shape(ours.body) == block_shape(theirs.body), f"{lang} {name}#{ours.id}"
        if source.kind == "home":
            for field in ("outcomes", "keywords", "bibliography"):
                assert len(page.meta[field]) == len(source.meta[field]), f"{lang} {field}"


@pytest.mark.parametrize("lesson", COURSE.source.lessons, ids=lambda p: p.name)
def test_english_lesson_and_section_lengths(lesson):
    total = words(lesson.intro) + sum(words(s.body) for s in lesson.sections)
    assert 600 <= total <= 1500, total
    for section in lesson.sections:
        assert 70 <= words(section.body) <= 260, (section.id, words(section.body))


def test_the_four_lessons_of_the_module():
    assert [p.id for p in COURSE.source.lessons] == [
        "omnichannel-basics", "omnichannel-vs-multichannel", "example-strategies", "benefits-and-challenges"]
    kinds = {p.kind for p in COURSE.source.pages.values()}
    assert {"home", "keypoints", "faq", "glossary", "quiz", "downloads", "feedback"} <= kinds


def test_glossary_covers_the_terms_lessons_rely_on():
    required = {"omnichannel", "multichannel", "cross-channel", "channel", "touchpoint", "customer-journey",
                "customer-profile", "bopis", "boris", "curbside-pickup", "first-party-data", "crm", "erp",
                "inventory", "loyalty-programme"}
    for lang in LANGS:
        assert required <= set(COURSE.languages[lang].glossary), lang
