"""The real course's "Test yourself" page in Chromium: every attempt a learner gets, in English and
in Russian, holds a question for every learning outcome of the home page, 3 per lesson."""
from collections import Counter

import pytest
from helpers import REPO

from build_tools.model import load_course

pytestmark = pytest.mark.browser

QUIZ_PAGE = "91-test-yourself.html"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_attempt_on_the_real_quiz_page_covers_every_outcome(page, course_site, lang):
    course = load_course(REPO)
    questions = {q.id: q for q in course.quiz.questions}
    outcomes = set(range(1, len(course.source.home.meta["outcomes"]) + 1))
    per_attempt = course.quiz.settings.questions_per_attempt
    page.goto(course_site + ("" if lang == "en" else f"{lang}/") + QUIZ_PAGE)
    draws = set()
    for attempt in range(6):
        page.evaluate("localStorage.clear()")
        page.reload()
        page.locator(".course-quiz__question").first.wait_for()
        shown = page.locator(".course-quiz__question").evaluate_all("els => els.map(e => e.dataset.question)")
        assert len(shown) == per_attempt == len(set(shown))
        assert {questions[q].outcome for q in shown} == outcomes, (attempt, shown)
        assert set(Counter(questions[q].lesson for q in shown).values()) == {3}, shown
        draws.add(tuple(sorted(shown)))
    assert len(draws) > 1, "each attempt is a new random draw"
