"""A feedback submission: every field type-checked and length-limited, text kept exactly as given.

``validate_submission(data)`` returns a :class:`Submission` or raises :class:`InvalidSubmission`
with one message per bad field (the API answers 422 with them). The form's JavaScript applies the
same rules first, so a learner sees the problem in their own language before anything is sent.
"""
from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import asdict, dataclass
from typing import Any

TEXT_MAX = 4000          # characters (code points) of "what helped" and "what to improve"
EMAIL_MAX = 254          # the longest address SMTP allows
PAGE_MAX = 200
HONEYPOT_FIELD = "website"
# No spaces, no markup or address-list punctuation; control, format (bidi) and separator
# characters are refused separately (see _email_problem).
EMAIL_PATTERN = re.compile(r"^[^\s@<>()\[\]\\,;:\"'`]+@[^\s@<>()\[\]\\,;:\"'`]+\.[^\s@<>()\[\]\\,;:\"'`.]+\Z")
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\Z")     # page stems and lesson ids
LANG_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?\Z")
SUBMISSION_ID_PATTERN = re.compile(r"^[A-Za-z0-9-]{8,64}\Z")
FIELDS = ("rating", "helpful", "improve", "email", "page", "lesson", "lang", "submission_id", HONEYPOT_FIELD)


class InvalidSubmission(ValueError):
    """The submission broke one or more rules; ``errors`` maps each field to what is wrong."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


@dataclass(frozen=True)
class Submission:
    rating: int
    helpful: str
    improve: str
    email: str
    page: str
    lesson: str
    lang: str
    submission_id: str      # chosen by the form, so a resent submission is stored only once
    honeypot: str           # filled only by bots; such submissions are kept but marked as spam

    @property
    def is_spam(self) -> bool:
        return bool(self.honeypot)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _text_problem(value: str, limit: int) -> str | None:
    if "\x00" in value:
        return "must not contain NUL characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains characters that are not valid Unicode"
    if len(value) > limit:
        return f"is too long: {len(value)} characters, at most {limit}"
    return None


ASCII_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")


def _invisible_or_control(value: str) -> bool:
    """Control, format (bidi overrides, zero-width), private-use and separator characters.
    (In ASCII those are the C0 controls, space and DEL: one search instead of a lookup per character.)"""
    if value.isascii():
        return ASCII_CONTROL_OR_SPACE.search(value) is not None
    return any(unicodedata.category(c)[0] in "CZ" for c in value)


def _optional_text(data: dict, name: str, limit: int, errors: dict[str, str],
                   pattern: re.Pattern | None = None, rule: str = "") -> str:
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        errors[name] = f"must be text, not {_json_type(value)}"
        return ""
    problem = _text_problem(value, limit)
    if problem is None and value and pattern is not None and (
            not pattern.fullmatch(value) or _invisible_or_control(value)):
        problem = rule
    if problem:
        errors[name] = problem
    return value


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _rating(data: dict, errors: dict[str, str]) -> int:
    value = data.get("rating")
    if value is None:
        errors["rating"] = "is required: a whole number from 1 to 5"
    elif isinstance(value, bool) or not isinstance(value, int):
        errors["rating"] = f"must be a whole number from 1 to 5, not {_json_type(value)}"
    elif not 1 <= value <= 5:
        errors["rating"] = f"must be a whole number from 1 to 5, not {value}"
    else:
        return value
    return 0


def validate_submission(data: Any, languages: frozenset[str] | None = None, known=None) -> Submission:
    """Check a decoded JSON body; ``languages`` (when given) are the only accepted ``lang`` values,
    ``known`` (a :class:`~.site_pages.KnownPages`, when given) the only pages and lessons."""
    if not isinstance(data, dict):
        raise InvalidSubmission({"body": f"must be a JSON object, not {_json_type(data)}"})
    errors: dict[str, str] = {}
    for name in data:
        if name not in FIELDS:
            errors[str(name)[:40]] = f"unknown field; the fields are: {', '.join(FIELDS)}"
    rating = _rating(data, errors)
    helpful = _optional_text(data, "helpful", TEXT_MAX, errors)
    improve = _optional_text(data, "improve", TEXT_MAX, errors)
    email = _optional_text(data, "email", EMAIL_MAX, errors, EMAIL_PATTERN,
                           "is not an e-mail address such as name@example.com")
    page = _optional_text(data, "page", PAGE_MAX, errors, NAME_PATTERN,
                          "must be a page name such as 01-omnichannel-basics")
    lesson = _optional_text(data, "lesson", PAGE_MAX, errors, NAME_PATTERN,
                            "must be a lesson id such as omnichannel-basics")
    if known is not None and page and "page" not in errors and page not in known.pages:
        errors["page"] = "is not a page of this course"
    if known is not None and lesson and "lesson" not in errors and lesson not in known.lessons:
        errors["lesson"] = "is not a lesson of this course"
    lang = _optional_text(data, "lang", 16, errors, LANG_PATTERN, "must be a language code such as en or el")
    if lang and languages is not None and lang not in languages and "lang" not in errors:
        errors["lang"] = f"must be one of the course languages: {', '.join(sorted(languages))}"
    if not lang and "lang" not in errors:
        errors["lang"] = "is required: the language of the page, such as en"
    submission_id = _optional_text(data, "submission_id", 64, errors, SUBMISSION_ID_PATTERN,
                                   "must be 8-64 letters, digits or hyphens (a UUID)")
    honeypot = _optional_text(data, HONEYPOT_FIELD, PAGE_MAX, errors)
    if errors:
        raise InvalidSubmission(errors)
    return Submission(rating, helpful, improve, email, page, lesson, lang,
                      submission_id or str(uuid.uuid4()), honeypot)
