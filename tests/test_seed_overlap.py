"""The course is written in its own words: no page shares a run of 8 or more words with a seed
document (after lower-casing and dropping punctuation)."""
from pathlib import Path

import pytest
from helpers import REPO

from build_tools.markdown_source import parse_source
from build_tools.model import Page, load_course
from build_tools.seed_overlap import RUN_LENGTH, load_seeds, normalised_words, page_text, seed_dir, shared_runs

COURSE = load_course(REPO)
SEEDS_DIR = seed_dir(REPO)
PAGES = [page for language in COURSE.languages.values() for page in language.ordered_pages]


def make_page(text: str) -> Page:
    parsed, _ = parse_source(text, "content/en/x.md")
    return Page("en", "x.md", "content/en/x.md", parsed.meta, parsed.meta_lines, parsed.intro,
                parsed.intro_line, parsed.sections)


def test_words_are_normalised_for_case_and_punctuation():
    assert normalised_words('Omni-Channel, "ALL"! Η ΑΓΟΡΆ.') == ["omni", "channel", "all", "η", "αγορά"]


def test_a_run_of_eight_shared_words_is_found_across_markup_and_case():
    seed = {"s.txt": "Intro. The customer moves between the channels without starting again, said the report."}
    page = make_page("---\nkind: lesson\nid: x\ntitle: X\n---\nHello.\n\n## One {#one}\n\n"
                     "- **The customer** moves between *the channels*, without [starting](01.md) again.\n")
    runs = shared_runs(page_text(page), seed)
    assert [r.words for r in runs] == ["the customer moves between the channels without starting again"]
    assert runs[0].seed == "s.txt"


def test_seven_shared_words_are_allowed():
    seed = {"s.txt": "one two three four five six seven eight"}
    assert shared_runs("zero two three four five six seven eight nine", seed) == []
    assert len(shared_runs("one two three four five six seven eight nine", seed)) == 1


def test_front_matter_text_is_compared_too():
    page = make_page("---\nkind: home\ntitle: T\noutcomes:\n  - Describe the five elements of business integration today\n---\n")
    assert "five elements of business integration" in page_text(page)


@pytest.mark.skipif(SEEDS_DIR is None, reason="seed documents not found (set COURSE_SEEDS_DIR)")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.path)
def test_no_page_shares_a_run_of_eight_words_with_a_seed(page):
    seeds = load_seeds(SEEDS_DIR)
    assert seeds, f"no *.txt in {SEEDS_DIR}"
    runs = shared_runs(page_text(page), seeds, RUN_LENGTH)
    assert [f"{r.seed}: {r.words}" for r in runs] == []
