"""The figures of build_tools/stats against the six attempts of hand_data.py, worked out by hand."""
import math

import pytest

from build_tools.stats.report import analyse

from .hand_data import BANK, attempts


@pytest.fixture
def report():
    return analyse(attempts(), {"en": BANK}, minimum=30)


def by_id(report, qid):
    return next(q for q in report.current[0].questions if q.id == qid)


def test_question_one_as_worked_out_by_hand(report):
    q1 = by_id(report, "q1")
    assert q1.attempts == 6
    assert q1.facility == pytest.approx(100 * 4 / 6)                 # four of six right
    assert q1.sd == pytest.approx(100 * math.sqrt(4 / 15))          # Σ(x − 2/3)² = 4/3, over n − 1 = 5
    assert q1.discrimination == pytest.approx(100 * math.sqrt(2 / 17))   # Cov 2/15, Var 4/15 and 17/30
    assert q1.efficiency == pytest.approx(40.0)                     # Cov 2/15 over Cov max 1/3


def test_a_question_that_does_not_separate_is_flagged(report):
    q2 = by_id(report, "q2")
    assert q2.discrimination == pytest.approx(0.0, abs=1e-9)        # Σ(x − ½)(C − 1) = 0
    assert any(f.startswith("weak discrimination") for f in q2.flags)
    assert not any("nobody" in f for f in q2.flags)


def test_distractor_shares_by_third(report):
    q1 = by_id(report, "q1")
    shares = {o.id: o for o in q1.options}
    # lower third: A6 (0 %) and A4 (33 %), both chose b; upper third: A3 and A1 (A2 and A3 tie: ranked by id), both a
    assert (shares["b"].lower, shares["b"].upper) == (100.0, 0.0)
    assert (shares["a"].lower, shares["a"].upper) == (0.0, 100.0)
    assert shares["c"].chosen == 0
    assert "distractor 'c' is chosen by nobody" in q1.flags


def test_test_level_figures(report):
    test = report.current[0].test
    assert test.attempts == 6
    assert test.mean == pytest.approx(50.0)
    assert test.median == pytest.approx(50.0)
    assert test.sd == pytest.approx(100 * math.sqrt(1.1) / 3)       # totals 3 2 2 1 1 0: Var 1.1
    assert test.alpha == pytest.approx(4 / 11)                      # 3/2 · (1 − (5/6) / 1.1)
    assert test.histogram == [1, 0, 0, 2, 0, 0, 2, 0, 0, 1]


def test_below_the_minimum_the_figures_come_with_a_warning(report):
    assert "only 6 attempts" in report.current[0].test.warning
    assert by_id(report, "q1").facility is not None and "fewer than 30" in by_id(report, "q1").warning
    assert analyse(attempts(), {"en": BANK}, minimum=5).current[0].test.warning == ""


def test_older_bank_versions_are_kept_apart():
    mixed = attempts("v1") + attempts("v0")
    report = analyse(mixed, {"en": BANK}, minimum=30)
    assert [(r.version, r.current, r.test.attempts) for r in report.languages] == [("v1", True, 6), ("v0", False, 6)]


def test_facility_flags_and_a_distractor_the_strong_prefer():
    from build_tools.stats.attempts import Answer, Attempt
    from build_tools.stats.items import QuestionInfo
    from build_tools.stats.report import Bank

    easy = QuestionInfo("easy", "single-choice", 1, "", ("k",), (("k", ""), ("d", "")))
    bad = QuestionInfo("bad", "single-choice", 1, "", ("k",), (("k", ""), ("d", ""), ("e", "")))
    hard = QuestionInfo("hard", "single-choice", 1, "", ("k",), (("k", ""), ("d", "")))
    rows = []
    for n in range(9):
        strong = n >= 6
        bad_pick = "d" if strong else ("k" if n < 3 else "e")     # the strong pick the distractor
        rows.append(Attempt(str(n), "en", "v", [
            Answer("easy", "k", 1, 1), Answer("bad", bad_pick, float(bad_pick == "k"), 1),
            Answer("hard", "k" if n == 8 else "d", float(n == 8), 1), Answer("filler", "", 1.0 if strong else 0.0, 1)]))
    report = analyse(rows, {"en": Bank("en", "v", (easy, bad, hard))}, minimum=1)
    flags = {q.id: q.flags for q in report.current[0].questions}
    assert any(f.startswith("too easy") for f in flags["easy"])
    assert any(f.startswith("too hard") for f in flags["hard"])
    assert any(f.startswith("negative discrimination") for f in flags["bad"])
    assert any("more high scorers" in f and "'d'" in f for f in flags["bad"])
