"""Sharing attempts end to end: learners in Chromium finish the quiz on `course serve` in English and
Greek, some share with consent, one forgets the box, one declines; then `course quiz stats --db`
flags the question the scripted learners make bad (strong ones pick a distractor, weak ones the key)."""
from __future__ import annotations

import contextlib
import io
import json

import pytest
from service_process import for_database

from build_tools.attempts.storage import AttemptStore
from build_tools.cli import main
from build_tools.model import load_course
from e2e.test_quiz import QUIZ_PAGE, answer, question

pytestmark = pytest.mark.browser
BAD = "omni-meaning"
SHORT = {"en": "omnichannel", "el": "πανκαναλικό"}
DONE = {"en": "Thank you. Your attempt has been shared.", "el": "Ευχαριστούμε! Η προσπάθειά σας στάλθηκε."}


def take_attempt(browser, url: str, lang: str, questions: dict, strength: int, share: str) -> None:
    """``strength`` 0..5: how many of the five good questions are right; ``share``: yes, forget or no."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("dialog", lambda d: d.accept())
        page.goto(url + ("/" if lang == "en" else f"/{lang}/") + QUIZ_PAGE)
        good = [q for q in sorted(questions) if q != BAD]
        for rank, qid in enumerate(good):
            answer(page, questions[qid], rank < strength, SHORT[lang])
        strong = strength >= 3
        bad = questions[BAD]
        pick = "side-by-side" if strong else bad.answer
        question(page, BAD).locator(f"input[value='{pick}']").check()
        page.locator(".course-quiz__finish").click()
        block = page.locator(".course-quiz__share")
        assert block.locator("h3").inner_text()                     # the consent text is there, in the page's language
        if share == "no":
            return
        if share == "forget":
            block.locator(".course-quiz__share-send").click()
            assert block.locator(".course-quiz__share-status").inner_text()   # asks for the box, sends nothing
            return
        block.locator("#course-quiz-share-agree").check()
        block.locator(".course-quiz__share-send").click()
        page.wait_for_selector(f"text={DONE[lang]}")
    finally:
        context.close()


def test_shared_attempts_in_two_languages_flag_the_bad_question(browser, built_fixture, tmp_path):
    course = load_course(built_fixture)
    db = tmp_path / "served.sqlite3"
    plan = [(s, "yes") for s in (0, 1, 2, 3, 4, 5)] + [(5, "forget"), (1, "no")]
    with for_database(built_fixture, "sqlite:///" + str(db), rate_limit=0) as service:
        for lang in ("en", "el"):
            questions = {q.id: q for q in course.quiz.questions_for(lang)}
            for strength, share in plan:
                take_attempt(browser, service.url, lang, questions, strength, share)
    store = AttemptStore.open("sqlite:///" + str(db))
    try:
        kept = store.attempts()
    finally:
        store.close()
    assert sorted(a.lang for a in kept) == ["el"] * 6 + ["en"] * 6        # only the consented ones
    # time per question: none for a question never touched (an ordering already shown in the wanted order)
    times = [x.seconds for a in kept for x in a.answers]
    assert all(t is None or 0 <= t < 300 for t in times) and sum(t is not None for t in times) >= 0.9 * len(times)
    assert {x.response for a in kept for x in a.answers if x.question == BAD} == {"side-by-side", "connects"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["-C", str(built_fixture), "quiz", "stats", "--db", str(db), "--format", "json"]) == 0
    report = json.loads(out.getvalue())
    for lang in ("en", "el"):
        part = next(p for p in report["languages"] if p["lang"] == lang)
        assert part["current"] and part["test"]["attempts"] == 6
        assert "fewer than 30" in part["test"]["warning"]
        bad = next(q for q in part["questions"] if q["id"] == BAD)
        assert bad["discrimination"] < 0
        assert any("more high scorers" in f and "side-by-side" in f for f in bad["flags"])
        assert any("chosen by nobody" in f for f in bad["flags"])
        good = next(q for q in part["questions"] if q["id"] == sorted(q["id"] for q in part["questions"] if q["id"] != BAD)[0])
        assert good["discrimination"] > 0
