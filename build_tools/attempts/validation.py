"""A shared attempt: every field checked, one message per bad field (the API answers 422 with them).

The body, as overrides/assets/course/quiz-share.js sends it::

    {"attempt_id": "<uuid>", "consent": true, "lang": "el", "bank_version": "3f9c…",
     "total": 7, "max_total": 10,
     "answers": [{"question": "omni-meaning", "response": "all", "score": 1, "max_score": 1, "seconds": 12.5}, …]}

``consent`` must be ``true``: without it nothing is stored. ``attempt_id`` is made by the page,
so a resent attempt is stored once.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from ..feedback.validation import LANG_PATTERN, SUBMISSION_ID_PATTERN, InvalidSubmission

# \Z, not $: '$' also matches before a final newline (the feedback service's rule, issue 17)
QUESTION_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\Z")
VERSION_PATTERN = re.compile(r"^[0-9a-f]{6,64}\Z")
FIELDS = ("attempt_id", "consent", "lang", "bank_version", "total", "max_total", "answers")
ANSWER_FIELDS = ("question", "response", "score", "max_score", "seconds")
MAX_ANSWERS = 200
RESPONSE_MAX = 1000
MAX_POINTS = 1000


class InvalidAttempt(InvalidSubmission):
    """An attempt broke one or more rules; ``errors`` maps each field to what is wrong."""


@dataclass(frozen=True)
class SharedAnswer:
    question: str
    response: str
    score: float
    max_score: float
    seconds: float | None


@dataclass(frozen=True)
class SharedAttempt:
    attempt_id: str
    lang: str
    bank_version: str
    total: float
    max_total: float
    answers: tuple[SharedAnswer, ...]


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {int: "a number", float: "a number", str: "text", list: "a list", dict: "an object"}.get(type(value), "null")


def _number(value: Any, name: str, errors: dict, low: float, high: float, required: bool = True) -> float | None:
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        errors[name] = f"must be a number from {low:g} to {high:g}, not {_kind(value)}"
    elif not low <= value <= high:
        errors[name] = f"must be a number from {low:g} to {high:g}, not {value:g}"
    else:
        return float(value)
    return None


def _text(value: Any, name: str, errors: dict, pattern: re.Pattern, rule: str) -> str:
    if not isinstance(value, str):
        errors[name] = f"is required: {rule}" if value is None else f"must be text ({rule}), not {_kind(value)}"
        return ""
    if not pattern.match(value):
        errors[name] = rule
    return value


def _answer(item: Any, n: int, errors: dict) -> SharedAnswer | None:
    where = f"answers[{n}]"
    if not isinstance(item, dict):
        errors[where] = f"must be an object, not {_kind(item)}"
        return None
    for key in item:
        if key not in ANSWER_FIELDS:
            errors[f"{where}.{str(key)[:40]}"] = f"unknown field; an answer has: {', '.join(ANSWER_FIELDS)}"
    question = _text(item.get("question"), f"{where}.question", errors, QUESTION_PATTERN, "a question id such as omni-meaning")
    response = item.get("response", "")
    if not isinstance(response, str):
        errors[f"{where}.response"] = f"must be text (the SCORM 2004 response pattern), not {_kind(response)}"
    elif len(response) > RESPONSE_MAX or "\x00" in response:
        errors[f"{where}.response"] = f"must be at most {RESPONSE_MAX} characters, without NUL"
    top = _number(item.get("max_score"), f"{where}.max_score", errors, 0, MAX_POINTS)
    score = _number(item.get("score"), f"{where}.score", errors, 0, top if top is not None else MAX_POINTS)
    seconds = _number(item.get("seconds"), f"{where}.seconds", errors, 0, 86400, required=False)
    if any(k.startswith(where) for k in errors):
        return None
    return SharedAnswer(question, response, score, top, seconds)


def validate_attempt(data: Any, languages: frozenset[str] | None = None) -> SharedAttempt:
    if not isinstance(data, dict):
        raise InvalidAttempt({"body": f"must be a JSON object, not {_kind(data)}"})
    errors: dict[str, str] = {}
    for name in data:
        if name not in FIELDS:
            errors[str(name)[:40]] = f"unknown field; the fields are: {', '.join(FIELDS)}"
    if data.get("consent") is not True:
        errors["consent"] = "must be true: an attempt is kept only when the learner agreed to share it"
    attempt_id = _text(data.get("attempt_id"), "attempt_id", errors, SUBMISSION_ID_PATTERN,
                       "8-64 letters, digits or hyphens (a UUID made by the page)")
    lang = _text(data.get("lang"), "lang", errors, LANG_PATTERN, "a language code such as en or el")
    if "lang" not in errors and languages is not None and lang not in languages:
        errors["lang"] = f"must be one of the course languages: {', '.join(sorted(languages))}"
    version = _text(data.get("bank_version"), "bank_version", errors, VERSION_PATTERN,
                    "the quiz's version (6-64 lower-case hex digits, from quiz.json)")
    answers_in = data.get("answers")
    answers: list[SharedAnswer] = []
    if not isinstance(answers_in, list) or not answers_in:
        errors["answers"] = "must be a list of at least one answer" if answers_in is None or isinstance(answers_in, list) \
            else f"must be a list of answers, not {_kind(answers_in)}"
    elif len(answers_in) > MAX_ANSWERS:
        errors["answers"] = f"has {len(answers_in)} answers, at most {MAX_ANSWERS}"
    else:
        answers = [a for a in (_answer(item, n, errors) for n, item in enumerate(answers_in)) if a]
        seen = [a.question for a in answers]
        if len(set(seen)) != len(seen):
            errors["answers"] = "names a question twice"
    total = _number(data.get("total"), "total", errors, 0, MAX_POINTS * MAX_ANSWERS)
    max_total = _number(data.get("max_total"), "max_total", errors, 0, MAX_POINTS * MAX_ANSWERS)
    if answers and len(answers) == len(answers_in) and "total" not in errors:
        if abs(total - sum(a.score for a in answers)) > 1e-6:
            errors["total"] = f"must be the sum of the answers' scores ({sum(a.score for a in answers):g}), not {total:g}"
    if answers and len(answers) == len(answers_in) and "max_total" not in errors:
        if abs(max_total - sum(a.max_score for a in answers)) > 1e-6:
            errors["max_total"] = f"must be the sum of the answers' max_score ({sum(a.max_score for a in answers):g})"
    if errors:
        raise InvalidAttempt(errors)
    return SharedAttempt(attempt_id, lang, version, total, max_total, tuple(answers))
