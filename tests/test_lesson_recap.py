"""Every lesson, in every language, closes with a recap: three points, one check question with
its answer, and a link to the section of the same lesson that explains it."""
import re

import pytest
from helpers import REPO

from build_tools.checks.block_parity import block_shape
from build_tools.model import load_course

COURSE = load_course(REPO)
LESSONS = [page for language in COURSE.languages.values() for page in language.lessons]
SAME_PAGE_LINK = re.compile(r"\]\(#([a-z0-9-]+)\)")
BOLD_LEAD = re.compile(r"^\*\*[^*]+\*\*", re.M)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.path)
def test_lesson_ends_with_a_recap_and_a_check_question(lesson):
    recap = lesson.sections[-1]
    assert recap.id == "recap", f"last section is {recap.id!r}"
    items, rows = block_shape(recap.body)
    assert (items, rows) == (3, 0), "three recap points, no table"
    assert len(BOLD_LEAD.findall(recap.body)) == 2, "a bold-led question paragraph and a bold-led answer paragraph"
    question = recap.body.split("**")[2]
    assert "?" in question or ";" in question, "the check question asks something"     # Greek asks with ';'
    targets = SAME_PAGE_LINK.findall(recap.body)
    assert len(targets) == 1, "the answer links to one section"
    assert targets[0] in {s.id for s in lesson.sections[:-1]}, f"#{targets[0]} is not a section of {lesson.name}"


def test_the_answer_points_to_the_same_section_in_every_language():
    english = {p.name: SAME_PAGE_LINK.findall(p.sections[-1].body) for p in COURSE.source.lessons}
    for language in COURSE.translations:
        for page in language.lessons:
            assert SAME_PAGE_LINK.findall(page.sections[-1].body) == english[page.name], f"{language.code} {page.name}"
