"""What the analysis reads: attempts, each with its answers, from whichever source.

A response is kept as the SCORM 2004 pattern the cmi5 package sends (`result.response`) and the
attempts service stores: ``a`` (single choice), ``a[,]b`` (multiple response, ordering),
``true``/``false``, ``item[.]option[,]…`` (matching), the text (short text).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

CHOICE_TYPES = ("single-choice", "multiple-response", "true-false")


@dataclass(frozen=True)
class Answer:
    question: str
    response: str
    score: float
    max_score: float
    seconds: float | None = None


@dataclass
class Attempt:
    id: str
    lang: str
    version: str                       # the bank version the attempt was taken on
    answers: list[Answer] = field(default_factory=list)
    when: datetime | None = None

    @property
    def total(self) -> float:
        return sum(a.score for a in self.answers)

    @property
    def max_total(self) -> float:
        return sum(a.max_score for a in self.answers)

    @property
    def percent(self) -> float:
        return 100 * self.total / self.max_total if self.max_total else 0.0

    def answer(self, question: str) -> Answer | None:
        return next((a for a in self.answers if a.question == question), None)


def chosen_options(question_type: str, response: str) -> tuple[str, ...]:
    """The option ids a response picks (choice and true/false questions); () for the others."""
    if question_type not in CHOICE_TYPES or not response:
        return ()
    if question_type == "multiple-response":
        return tuple(part for part in response.split("[,]") if part)
    return (response,)
