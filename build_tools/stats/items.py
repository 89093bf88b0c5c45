"""Per question: Moodle's item statistics, the distractor analysis and the flags (README.md)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .attempts import Attempt, chosen_options
from .formulas import correlation, covariance, max_covariance, mean, sd

# The thresholds of the flags (README.md says why these).
FACILITY_LOW, FACILITY_HIGH = 20.0, 90.0
DISCRIMINATION_LOW = 20.0


@dataclass(frozen=True)
class QuestionInfo:
    """What the analysis needs of a bank question, in one language."""

    id: str
    type: str
    points: float
    text: str
    key: tuple[str, ...] = ()                        # the right option ids (choice, true/false)
    options: tuple[tuple[str, str], ...] = ()        # (option id, text) in the bank's order


@dataclass
class OptionShare:
    id: str
    text: str
    is_key: bool
    chosen: int                                      # attempts that picked it
    share: float                                     # of every attempt at the question, %
    lower: float | None                              # of the lower third of scorers, %
    upper: float | None                              # of the upper third, %


@dataclass
class QuestionStats:
    id: str
    type: str
    text: str
    attempts: int
    facility: float | None = None                    # %
    sd: float | None = None                          # % of the question's marks
    discrimination: float | None = None              # 100 · r(mark, rest of the test)
    efficiency: float | None = None                  # 100 · Cov / Cov max
    options: list[OptionShare] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    warning: str = ""


def thirds(attempts: list[Attempt]) -> tuple[list[Attempt], list[Attempt]]:
    """The lower and upper third of ``attempts`` by score (n // 3 each); equal scores are ranked by
    time, then id, so the thirds do not depend on the order a source lists the attempts in."""
    ranked = sorted(attempts, key=lambda a: (a.percent, a.when is not None, a.when or 0, a.id))
    size = len(ranked) // 3
    return (ranked[:size], ranked[len(ranked) - size:]) if size else ([], [])


def _share(group: list[Attempt], question: QuestionInfo, option: str) -> float | None:
    if not group:
        return None
    picked = sum(option in chosen_options(question.type, g.answer(question.id).response) for g in group)
    return 100 * picked / len(group)


def option_shares(question: QuestionInfo, attempts: list[Attempt]) -> list[OptionShare]:
    lower, upper = thirds(attempts)
    out = []
    for option_id, text in question.options:
        chosen = sum(option_id in chosen_options(question.type, a.answer(question.id).response) for a in attempts)
        out.append(OptionShare(option_id, text, option_id in question.key, chosen,
                               100 * chosen / len(attempts) if attempts else 0.0,
                               _share(lower, question, option_id), _share(upper, question, option_id)))
    return out


def question_stats(question: QuestionInfo, attempts: list[Attempt], minimum: int) -> QuestionStats:
    """``attempts``: those of one bank version and language; the ones without this question are skipped."""
    taken = [a for a in attempts if a.answer(question.id) is not None]
    stats = QuestionStats(question.id, question.type, question.text, len(taken))
    if not taken:
        stats.warning = "no attempts"
        return stats
    marks = [a.answer(question.id).score for a in taken]
    rest = [a.total - a.answer(question.id).score for a in taken]
    top = max(a.answer(question.id).max_score for a in taken) or question.points
    stats.facility = 100 * mean(marks) / top if top else None
    spread = sd(marks)
    stats.sd = None if spread is None or not top else 100 * spread / top
    r = correlation(marks, rest)
    stats.discrimination = None if r is None else 100 * r
    cov, cov_max = covariance(marks, rest), max_covariance(marks, rest)
    stats.efficiency = 100 * cov / cov_max if cov is not None and cov_max else None
    stats.options = option_shares(question, taken)
    stats.flags = flags_of(stats)
    if len(taken) < minimum:
        stats.warning = f"only {len(taken)} attempts (fewer than {minimum}): read the figures with care"
    return stats


def flags_of(stats: QuestionStats) -> list[str]:
    flags = []
    if stats.facility is not None and stats.facility < FACILITY_LOW:
        flags.append(f"too hard: facility {stats.facility:.0f} % is below {FACILITY_LOW:.0f} %")
    if stats.facility is not None and stats.facility > FACILITY_HIGH:
        flags.append(f"too easy: facility {stats.facility:.0f} % is above {FACILITY_HIGH:.0f} %")
    if stats.discrimination is not None and stats.discrimination < 0:
        flags.append(f"negative discrimination ({stats.discrimination:.0f}): weak scorers do better than strong ones")
    elif stats.discrimination is not None and stats.discrimination < DISCRIMINATION_LOW:
        flags.append(f"weak discrimination ({stats.discrimination:.0f} is below {DISCRIMINATION_LOW:.0f})")
    keys = [o for o in stats.options if o.is_key]
    for option in stats.options:
        if option.is_key:
            continue
        if option.chosen == 0:
            flags.append(f"distractor '{option.id}' is chosen by nobody")
        key_upper = [k.upper for k in keys if k.upper is not None]
        if option.upper is not None and key_upper and option.upper > min(key_upper):
            flags.append(f"distractor '{option.id}' is chosen by more high scorers ({option.upper:.0f} %) "
                         f"than the key ({min(key_upper):.0f} %)")
    return flags
