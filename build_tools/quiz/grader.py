"""The grading rules: a question and a learner's response give a score and feedback.

overrides/assets/course/quiz-grader.js implements the same rules for the browser; the
shared vectors in tests/quiz/grading_vectors.json hold both to the same results. Change
both files together, and add a vector for the change.

Responses (the same JSON shapes in both languages):
  single-choice      "b"                       (an option id)
  multiple-response  ["a", "c"]                (option ids)
  true-false         true | false
  short-text         "what the learner typed"
  matching           {"item-id": "option-id", ...}
  ordering           ["item-id", ...]          (first to last)
Anything else (no answer, a wrong shape, unknown ids) scores 0; it is never an error.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .schema import (CORRECT, INCORRECT, MATCHING, MULTIPLE, ORDERING, PARTIAL, SHORT_TEXT, SINGLE, TRUE_FALSE,
                     Question)

# Combining marks (accents) and white space, spelt out so that Python and JavaScript agree exactly.
MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
SPACES = re.compile("[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")
# What a person types by habit: a hyphen (or dash) for a space, quotes around the answer, a full stop after it.
HYPHENS = re.compile("[\u002d\u2010-\u2015\u2212]")
WRAPPING = re.compile("^[\"'`\u2018-\u201f\u00ab\u00bb\u2039\u203a ]+|[\"'`\u2018-\u201f\u00ab\u00bb\u2039\u203a.\u2026\u3002 ]+$")


def normalise_text(value: Any) -> str:
    """Text as short-text answers are compared: case, accents and surrounding or repeated spaces ignored,
    a hyphen or dash counts as a space, quotes around the text and full stops after it are dropped.

    "  Πολυκαναλικό " and "πολυκαναλικο" give the same text; so do "ё" and "е", "ő" and "o",
    and '"Customer-retention."' and "customer retention".
    """
    text = unicodedata.normalize("NFKD", str(value).lower())
    text = MARKS.sub("", text).lower().replace("ς", "σ").replace("ß", "ss")
    text = SPACES.sub(" ", HYPHENS.sub(" ", text)).strip(" ")
    return WRAPPING.sub("", text)


def round_points(value: float) -> float:
    """Two decimals, halves up (as JavaScript's Math.floor(x * 100 + 0.5) / 100)."""
    return math.floor(value * 100 + 0.5) / 100


@dataclass
class Grade:
    score: float
    points: float
    status: str                       # correct | partial | incorrect
    feedback: list[str] = field(default_factory=list)

    @property
    def correct(self) -> bool:
        return self.status == CORRECT


def _ids(response: Any) -> list[str]:
    return list(dict.fromkeys(r for r in response if isinstance(r, str))) if isinstance(response, list) else []


def credit(question: Question, response: Any) -> tuple[int, int]:
    """The share of the points earned, as (numerator, denominator).

    Multiple response: each correct option ticked earns 1/C, each incorrect option ticked
    costs 1/W (C correct and W incorrect options), never below 0. Ticking everything, or
    nothing, earns 0; ticking at random earns 0 on average.
    Matching: one share per item matched with its partner. Ordering: one share per item in
    its right place. With ``partial_credit: false`` anything less than all of it earns 0.
    """
    answer = question.answer
    if question.type in (SINGLE, TRUE_FALSE):
        same_kind = isinstance(response, str) if question.type == SINGLE else isinstance(response, bool)
        return (1 if same_kind and response == answer else 0), 1
    if question.type == SHORT_TEXT:
        typed = normalise_text(response) if isinstance(response, str) else ""
        return (1 if typed and any(normalise_text(a) == typed for a in answer) else 0), 1
    if question.type == MULTIPLE:
        chosen = [r for r in _ids(response) if question.option(r) is not None]
        right = sum(1 for r in chosen if r in answer)
        wrong = len(chosen) - right
        correct_count, wrong_count = len(answer), max(1, len(question.options) - len(answer))
        numerator, denominator = max(0, right * wrong_count - wrong * correct_count), correct_count * wrong_count
    elif question.type == MATCHING:
        given = response if isinstance(response, dict) else {}
        numerator = sum(1 for item in question.items if item.id in answer and given.get(item.id) == answer[item.id])
        denominator = len(question.items)
    elif question.type == ORDERING:
        given = response if isinstance(response, list) else []
        numerator = sum(1 for index, item_id in enumerate(answer) if index < len(given) and given[index] == item_id)
        denominator = len(answer)
    else:
        return 0, 1
    if not question.partial_credit and numerator != denominator:
        numerator = 0
    return numerator, max(1, denominator)


def grade_response(question: Question, response: Any) -> Grade:
    """Score and feedback for one response: the feedback of each chosen option, then the question's."""
    numerator, denominator = credit(question, response)
    score = round_points(question.points * numerator / denominator)
    status = CORRECT if numerator == denominator else PARTIAL if numerator > 0 else INCORRECT
    feedback = []
    if question.type in (SINGLE, MULTIPLE):
        chosen = set(_ids(response)) if question.type == MULTIPLE else {response} if isinstance(response, str) else set()
        feedback = [o.feedback for o in question.options if o.id in chosen and o.feedback]
    general = question.feedback.get(status) or (question.feedback.get(INCORRECT) if status == PARTIAL else "")
    if general:
        feedback.append(general)
    return Grade(score, question.points, status, feedback)


@dataclass
class LessonResult:
    lesson: str
    correct: int = 0          # questions answered fully correctly
    total: int = 0            # questions asked
    score: float = 0
    points: float = 0


@dataclass
class AttemptResult:
    score: float
    points: float
    percent: int
    passed: bool
    lessons: list[LessonResult]


def score_attempt(questions: list[Question], responses: dict[str, Any], pass_mark: float) -> AttemptResult:
    """The result of one attempt: points, a whole percentage, pass/fail and a per-lesson breakdown.

    Passing means at least ``pass_mark`` per cent of the points (compared before rounding).
    """
    lessons: dict[str, LessonResult] = {}
    score = points = 0.0
    for question in questions:
        grade = grade_response(question, responses.get(question.id))
        result = lessons.setdefault(question.lesson, LessonResult(question.lesson))
        result.total += 1
        result.correct += grade.correct
        result.score = round_points(result.score + grade.score)
        result.points += question.points
        score, points = round_points(score + grade.score), points + question.points
    percent = math.floor(100 * score / points + 0.5) if points else 0
    return AttemptResult(score, points, percent, points > 0 and score * 100 >= pass_mark * points, list(lessons.values()))
