"""The whole analysis: attempts split by bank version and language, never mixed across versions."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .attempts import Attempt
from .formulas import cronbach_alpha, histogram, mean, median, sd
from .items import QuestionInfo, QuestionStats, question_stats

MINIMUM_ATTEMPTS = 30


@dataclass
class TestStats:
    attempts: int
    mean: float | None = None          # % of the attempt's marks
    median: float | None = None
    sd: float | None = None
    alpha: float | None = None         # Cronbach's alpha, 0..1
    histogram: list[int] = field(default_factory=lambda: [0] * 10)
    warning: str = ""


@dataclass
class LanguageReport:
    lang: str
    version: str
    current: bool
    test: TestStats
    questions: list[QuestionStats]


@dataclass
class Report:
    minimum: int
    languages: list[LanguageReport]    # current bank version first, then older versions

    @property
    def current(self) -> list[LanguageReport]:
        return [r for r in self.languages if r.current]

    @property
    def older(self) -> list[LanguageReport]:
        return [r for r in self.languages if not r.current]


@dataclass(frozen=True)
class Bank:
    """The bank as the analysis sees it in one language: its version and questions."""

    lang: str
    version: str
    questions: tuple[QuestionInfo, ...]


def test_stats(attempts: list[Attempt], minimum: int) -> TestStats:
    stats = TestStats(len(attempts))
    if not attempts:
        stats.warning = "no attempts"
        return stats
    percents = [a.percent for a in attempts]
    stats.mean, stats.median, stats.sd = mean(percents), median(percents), sd(percents)
    stats.histogram = histogram(percents)
    length = mean([len(a.answers) for a in attempts])
    stats.alpha = cronbach_alpha([{x.question: x.score for x in a.answers} for a in attempts], length)
    if len(attempts) < minimum:
        stats.warning = f"only {len(attempts)} attempts (fewer than {minimum}): read the figures with care"
    return stats


def select(attempts: list[Attempt], lang: str | None = None, since: datetime | None = None,
           until: datetime | None = None) -> list[Attempt]:
    """The attempts in ``lang`` taken from ``since`` (inclusive) to ``until`` (exclusive)."""
    out = []
    for a in attempts:
        if lang and a.lang != lang:
            continue
        if (since or until) and a.when is None:
            continue
        if since and a.when < since or until and a.when >= until:
            continue
        out.append(a)
    return out


def analyse(attempts: list[Attempt], banks: dict[str, Bank], minimum: int = MINIMUM_ATTEMPTS) -> Report:
    """Figures per language and bank version; the current version's questions come from ``banks``,
    an older version's from the current bank too (texts as they are now), in the order first seen."""
    groups: dict[tuple[str, str], list[Attempt]] = {}
    for a in attempts:
        groups.setdefault((a.lang, a.version), []).append(a)
    for lang, bank in banks.items():
        if any(key[0] == lang for key in groups):
            groups.setdefault((lang, bank.version), [])
    reports = []
    for (lang, version), group in groups.items():
        bank = banks.get(lang)
        current = bank is not None and bank.version == version
        known = {q.id: q for q in bank.questions} if bank else {}
        if current:
            infos = list(bank.questions)
        else:
            seen = list(dict.fromkeys(x.question for a in group for x in a.answers))
            infos = [known.get(q) or QuestionInfo(q, "unknown", max(x.max_score for a in group for x in a.answers
                                                                    if x.question == q), q) for q in seen]
        questions = [question_stats(q, group, minimum) for q in infos]
        reports.append(LanguageReport(lang, version, current, test_stats(group, minimum), questions))
    reports.sort(key=lambda r: (not r.current, r.lang, r.version))
    return Report(minimum, reports)
