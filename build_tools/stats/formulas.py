"""Pure statistics, written out so README.md can name each formula. Sample (n − 1) estimates, as Moodle's."""
from __future__ import annotations

import math
from itertools import combinations
from typing import Sequence


def mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs)


def median(xs: Sequence[float]) -> float:
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def covariance(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Cov(x, y) = Σ (x − x̄)(y − ȳ) / (n − 1); None below two values."""
    n = len(xs)
    if n < 2:
        return None
    mx, my = mean(xs), mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / (n - 1)


def variance(xs: Sequence[float]) -> float | None:
    return covariance(xs, xs)


def sd(xs: Sequence[float]) -> float | None:
    v = variance(xs)
    return None if v is None else math.sqrt(v)


def max_covariance(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """The largest covariance these two sets of values could have: both sorted, then paired."""
    return covariance(sorted(xs), sorted(ys))


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r; with a 0/1 item it is the point-biserial correlation. None when either is constant."""
    c, vx, vy = covariance(xs, ys), variance(xs), variance(ys)
    if c is None or not vx or not vy:
        return None
    return c / math.sqrt(vx * vy)


def cronbach_alpha(rows: Sequence[dict[str, float]], length: float) -> float | None:
    """Cronbach's alpha of a test of ``length`` questions, from attempts that may each hold a
    different draw of the bank (each row: question -> mark).

    α = k·c̄ / (v̄ + (k − 1)·c̄), with v̄ the mean of the questions' variances and c̄ the mean of the
    covariances of every pair of questions, each over the attempts that answered it (pairwise). When
    every attempt answers the same k questions this is exactly k/(k−1)·(1 − Σ Var(xᵢ) / Var(T)).
    """
    questions = sorted({q for row in rows for q in row})
    variances = []
    for q in questions:
        v = variance([row[q] for row in rows if q in row])
        if v is not None:
            variances.append(v)
    covariances = []
    for a, b in combinations(questions, 2):
        both = [row for row in rows if a in row and b in row]
        c = covariance([row[a] for row in both], [row[b] for row in both])
        if c is not None:
            covariances.append(c)
    if length < 2 or not variances or not covariances:
        return None
    v_bar, c_bar = mean(variances), mean(covariances)
    denominator = v_bar + (length - 1) * c_bar
    return None if denominator == 0 else length * c_bar / denominator


def histogram(percents: Sequence[float], bins: int = 10) -> list[int]:
    """Counts of scores in [0, 10), [10, 20) … [90, 100] per cent (100 falls in the last bin)."""
    counts = [0] * bins
    for p in percents:
        counts[min(bins - 1, max(0, int(p * bins // 100)))] += 1
    return counts
