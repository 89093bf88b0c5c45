"""The figures against an independent computation: numpy and scipy on the same marks."""
import random

import numpy as np
import pytest
from scipy import stats as scipy_stats

from build_tools.stats.attempts import Answer, Attempt
from build_tools.stats.items import QuestionInfo
from build_tools.stats.report import Bank, analyse


def simulated(n_attempts=60, n_questions=8, seed=14):
    """Learners of spread ability; easier questions first, one-mark questions, every attempt complete."""
    rng = random.Random(seed)
    marks = np.zeros((n_attempts, n_questions))
    for s in range(n_attempts):
        ability = rng.gauss(0, 1)
        for q in range(n_questions):
            marks[s, q] = 1.0 if rng.random() < 1 / (1 + np.exp(-(ability + 1.5 - 0.4 * q))) else 0.0
    return marks


def as_attempts(marks):
    return [Attempt(str(s), "en", "v", [Answer(f"q{q}", "", float(m), 1.0) for q, m in enumerate(row)])
            for s, row in enumerate(marks)]


def bank(n):
    return {"en": Bank("en", "v", tuple(QuestionInfo(f"q{q}", "short-text", 1, "") for q in range(n)))}


def test_discrimination_is_the_point_biserial_with_the_rest_of_the_test():
    marks = simulated()
    report = analyse(as_attempts(marks), bank(marks.shape[1]))
    totals = marks.sum(axis=1)
    for q, stats in enumerate(report.current[0].questions):
        rest = totals - marks[:, q]
        r, _ = scipy_stats.pointbiserialr(marks[:, q].astype(bool), rest)
        assert stats.discrimination == pytest.approx(100 * r, rel=1e-9)
        assert stats.facility == pytest.approx(100 * marks[:, q].mean())
        assert stats.sd == pytest.approx(100 * marks[:, q].std(ddof=1))
        cov = np.cov(marks[:, q], rest, ddof=1)[0, 1]
        cov_max = np.cov(np.sort(marks[:, q]), np.sort(rest), ddof=1)[0, 1]
        assert stats.efficiency == pytest.approx(100 * cov / cov_max, rel=1e-9)


def test_alpha_is_cronbachs_on_complete_data():
    marks = simulated()
    k = marks.shape[1]
    alpha = k / (k - 1) * (1 - marks.var(axis=0, ddof=1).sum() / marks.sum(axis=1).var(ddof=1))
    test = analyse(as_attempts(marks), bank(k)).current[0].test
    assert test.alpha == pytest.approx(alpha, rel=1e-9)
    assert 0.3 < alpha < 1               # the simulation has a real common factor
    percents = 100 * marks.sum(axis=1) / k
    assert test.mean == pytest.approx(percents.mean())
    assert test.median == pytest.approx(np.median(percents))
    assert test.sd == pytest.approx(percents.std(ddof=1))
    assert test.histogram == np.histogram(np.minimum(percents, 99.999), bins=10, range=(0, 100))[0].tolist()


def test_alpha_of_random_draws_uses_pairwise_estimates():
    """Attempts that each see 5 of 8 questions: the pairwise formula with numpy's masked covariances."""
    marks = simulated(n_attempts=200)
    rng = random.Random(3)
    drawn = [sorted(rng.sample(range(8), 5)) for _ in marks]
    attempts = [Attempt(str(s), "en", "v", [Answer(f"q{q}", "", float(marks[s, q]), 1.0) for q in qs])
                for s, qs in enumerate(drawn)]
    masked = np.ma.masked_all(marks.shape)
    for s, qs in enumerate(drawn):
        masked[s, qs] = marks[s, qs]
    variances = [masked[:, q].compressed().var(ddof=1) for q in range(8)]
    covariances = []
    for a in range(8):
        for b in range(a + 1, 8):
            both = ~masked.mask[:, a] & ~masked.mask[:, b]
            covariances.append(np.cov(marks[both, a], marks[both, b], ddof=1)[0, 1])
    v, c = np.mean(variances), np.mean(covariances)
    expected = 5 * c / (v + 4 * c)
    assert analyse(attempts, bank(8)).current[0].test.alpha == pytest.approx(expected, rel=1e-9)
