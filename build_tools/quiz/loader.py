"""Read ``quiz/bank.yml`` and the translation files ``quiz/<lang>.yml`` into a :class:`Quiz`.

Problems of form (YAML syntax, unknown types and fields, values of the wrong kind) are
reported here with file and line; problems between things (duplicate ids, an answer naming
a missing option, a missing translation, a section that does not exist) are the
validator's (validate.py), which runs as part of ``course check``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..config import CourseConfig, Option
from ..errors import CourseError, Problem, display_path
from ..markdown_source import VALID_ID
from ..yaml_lines import LineMap, load_yaml_file
from .schema import (BANK_FILE, FEEDBACK_KEYS, ITEM_FIELDS, KEY_FIELDS, MATCHING, MULTIPLE, OPTION_FIELDS, ORDERING,
                     QUESTION_TYPES, REQUIRED_FIELDS, SHORT_TEXT, SINGLE, TRANSLATION_FIELDS, TRUE_FALSE, TYPE_FIELDS,
                     BankText, Choice, Question, QuestionText, Quiz, QuizSettings, fields_of)

README_HINT = "see quiz/README.md"

QUIZ_OPTIONS = [
    Option("pass_mark", int, 70, minimum=0, maximum=100, help="percentage of the points needed to pass"),
    Option("questions_per_attempt", int, 15, minimum=1, help="questions drawn for one attempt, balanced across lessons, every learning outcome in each"),
    Option("shuffle_options", bool, True, help="show options in a new random order in every attempt"),
]


class _Reader:
    """Collects problems of one file while its values are read."""

    def __init__(self, path: str, lines: LineMap, problems: list[Problem]):
        self.path, self.lines, self.problems = path, lines, problems

    def problem(self, where: tuple, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, self.lines.line(*where), message, hint))

    def text(self, value: Any, where: tuple, name: str, required: bool = True) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(where, f"{name} is empty", "write the text after the colon")
            return ""
        if not isinstance(value, str):
            self.problem(where, f"{name} must be text, not {type(value).__name__}",
                         "write plain text; quote it if it contains ': ' or starts with a special character")
            return ""
        return " ".join(value.split()) if "\n" in value else value.strip()

    def identifier(self, value: Any, where: tuple, name: str) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not VALID_ID.match(value):
            shown = value if isinstance(value, str) else repr(value)
            self.problem(where, f"{name} '{shown}' is not valid",
                         "use lower-case letters, digits and hyphens, e.g. 'bopis-meaning' "
                         "(quote words YAML reads as true/false, such as 'yes' or 'no')")
            return None
        return value

    def mapping(self, value: Any, where: tuple, name: str) -> dict | None:
        if not isinstance(value, dict):
            self.problem(where, f"{name} must be a mapping of 'key: value' lines", README_HINT)
            return None
        return value

    def unknown_fields(self, raw: dict, allowed: tuple, where: tuple, what: str, hint: str = "") -> None:
        for key in raw:
            if key not in allowed:
                self.problem(where + (key,), f"unknown field '{key}' in {what}",
                             hint or f"valid fields are: {', '.join(allowed)}")


def _question_field_hint(question_type: str, key: str) -> str:
    others = [t for t, names in TYPE_FIELDS.items() if key in names]
    if others:
        return f"'{key}' belongs to {', '.join(others)} questions; a {question_type} question has: {', '.join(fields_of(question_type))}"
    return f"valid fields of a {question_type} question: {', '.join(fields_of(question_type))}"


def _choices(reader: _Reader, raw: Any, where: tuple, kind: str, allowed: tuple) -> list[Choice]:
    if not isinstance(raw, list) or not raw:
        reader.problem(where, f"'{kind}' must be a list of entries with 'id' and 'text'", README_HINT)
        return []
    out = []
    for index, entry in enumerate(raw):
        at = where + (index,)
        if not isinstance(entry, dict):
            reader.problem(at, f"each entry of '{kind}' needs 'id' and 'text'", "write '- id: a' and 'text: ...' on the next line")
            continue
        reader.unknown_fields(entry, allowed, at, f"an entry of '{kind}'")
        entry_id = reader.identifier(entry.get("id"), at + ("id",), f"{kind[:-1]} id") if "id" in entry else None
        if "id" not in entry:
            reader.problem(at, f"an entry of '{kind}' has no 'id'", "give every entry a short id, e.g. 'id: a'")
        text = reader.text(entry.get("text"), at + ("text",), f"text of {kind[:-1]} '{entry.get('id')}'")
        feedback = reader.text(entry.get("feedback"), at + ("feedback",), "feedback", required=False)
        if entry_id:
            out.append(Choice(entry_id, text, feedback, reader.lines.line(*at)))
    return out


def _answer(reader: _Reader, question_type: str, raw: Any, where: tuple) -> Any:
    """The answer key in its type's shape; ids are checked against the options by the validator."""
    def ids(value: Any) -> list[str] | None:
        if not isinstance(value, list) or not value:
            return None
        found = [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
        return found if all(isinstance(v, str) for v in found) else None

    if question_type == SINGLE:
        value = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
        if isinstance(value, str):
            return value
        reader.problem(where, "the answer of a single-choice question is one option id", "write e.g. 'answer: b'")
    elif question_type in (MULTIPLE, ORDERING):
        found = ids(raw)
        if found is not None:
            return found
        example = "answer: [a, c]" if question_type == MULTIPLE else "answer: [step-1, step-2, step-3]"
        what = "the ids of all correct options" if question_type == MULTIPLE else "the item ids in the right order"
        reader.problem(where, f"the answer of a {question_type} question is a list of {what}", f"write e.g. '{example}'")
    elif question_type == TRUE_FALSE:
        if isinstance(raw, bool):
            return raw
        reader.problem(where, "the answer of a true-false question is true or false", "write 'answer: true' or 'answer: false'")
    elif question_type == SHORT_TEXT:
        values = [raw] if isinstance(raw, (str, int, float)) and not isinstance(raw, bool) else raw
        if isinstance(values, list) and values and all(isinstance(v, (str, int, float)) and not isinstance(v, bool)
                                                       and str(v).strip() for v in values):
            return [str(v).strip() for v in values]
        reader.problem(where, "the answer of a short-text question is a list of accepted answers",
                       "write e.g. 'answer: [multichannel, multi-channel]'")
    elif question_type == MATCHING:
        if isinstance(raw, dict) and raw:
            return {str(k): str(v) if v is not None else "" for k, v in raw.items()}
        reader.problem(where, "the answer of a matching question maps every item id to its option id",
                       "write e.g. 'answer: {bopis: pick-up, boris: return}'")
    return None


def parse_question(raw: Any, path: str, lines: LineMap, where: tuple, problems: list[Problem]) -> Question | None:
    """One question of the bank, or None when it is too broken to use (the problems say why)."""
    reader = _Reader(path, lines, problems)
    if not isinstance(raw, dict):
        reader.problem(where, "a question must be a mapping of fields ('id:', 'type:', ...)", README_HINT)
        return None
    question_type = raw.get("type")
    if "type" in raw and question_type not in QUESTION_TYPES:
        reader.problem(where + ("type",), f"unknown question type '{question_type}'", f"use one of: {', '.join(QUESTION_TYPES)}")
        return None
    name = f"question '{raw.get('id', '?')}'"
    missing = [f for f in REQUIRED_FIELDS if f not in raw]
    if question_type in (SINGLE, MULTIPLE, MATCHING):
        missing += [] if "options" in raw else ["options"]
    if question_type in (MATCHING, ORDERING):
        missing += [] if "items" in raw else ["items"]
    for field_name in missing:
        reader.problem(where, f"{name} has no '{field_name}'", f"add '{field_name}:' ({README_HINT})")
    if question_type is None:
        return None
    for key in raw:
        if key not in fields_of(question_type):
            reader.problem(where + (key,), f"unknown field '{key}' in {name} ({question_type})",
                           _question_field_hint(question_type, key))
    question_id = reader.identifier(raw.get("id"), where + ("id",), "question id") if "id" in raw else None
    lesson = reader.identifier(raw.get("lesson"), where + ("lesson",), "lesson id") if "lesson" in raw else None
    section = reader.identifier(raw.get("section"), where + ("section",), "section id") if "section" in raw else None
    outcome = raw.get("outcome")
    if "outcome" in raw and (isinstance(outcome, bool) or not isinstance(outcome, int) or outcome < 1):
        reader.problem(where + ("outcome",), f"outcome must be the number of a learning outcome (1, 2, ...), not {outcome!r}",
                       "write e.g. 'outcome: 2' for the second entry of 'outcomes:' on the home page")
        outcome = None
    points = raw.get("points", 1)
    if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
        reader.problem(where + ("points",), f"points must be a number above 0, not {points!r}", "write e.g. 'points: 2'")
        points = 1
    feedback: dict[str, str] = {}
    if "feedback" in raw and reader.mapping(raw["feedback"], where + ("feedback",), "feedback") is not None:
        reader.unknown_fields(raw["feedback"], FEEDBACK_KEYS, where + ("feedback",), f"the feedback of {name}")
        feedback = {k: reader.text(v, where + ("feedback", k), f"feedback '{k}'")
                    for k, v in raw["feedback"].items() if k in FEEDBACK_KEYS}
    partial = raw.get("partial_credit", True)
    if not isinstance(partial, bool):
        reader.problem(where + ("partial_credit",), "partial_credit must be true or false", "write 'partial_credit: false'")
        partial = True
    options = _choices(reader, raw["options"], where + ("options",), "options", OPTION_FIELDS) if "options" in raw \
        and question_type in (SINGLE, MULTIPLE, MATCHING) else []
    items = _choices(reader, raw["items"], where + ("items",), "items", ITEM_FIELDS) if "items" in raw \
        and question_type in (MATCHING, ORDERING) else []
    answer = _answer(reader, question_type, raw["answer"], where + ("answer",)) if "answer" in raw else None
    text = reader.text(raw.get("text"), where + ("text",), f"text of {name}") if "text" in raw else ""
    explanation = reader.text(raw.get("explanation"), where + ("explanation",), f"explanation of {name}") \
        if "explanation" in raw else ""
    if not (question_id and lesson and section) or answer is None:
        return None
    return Question(question_id, question_type, lesson, section, text, explanation, answer, points, options, items,
                    feedback, partial, outcome, path, where, lines)


def _load_yaml(path: Path, shown: str, problems: list[Problem]) -> tuple[Any, LineMap] | None:
    try:
        data, lines = load_yaml_file(path)
    except CourseError as exc:
        problems.extend(Problem(shown, p.line, p.message, p.hint) for p in exc.problems)
        return None
    return data, lines


def load_bank(path: Path, shown: str, problems: list[Problem]) -> tuple[list[Question], set[str]] | None:
    """The questions that could be read and the ids of those that could not; None if the file cannot be read."""
    loaded = _load_yaml(path, shown, problems)
    if loaded is None:
        return None
    data, lines = loaded
    reader = _Reader(shown, lines, problems)
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        reader.problem((), "the bank must start with 'questions:' followed by a list of questions", README_HINT)
        return None
    reader.unknown_fields(data, ("questions",), (), "the bank", "the bank has one top-level field, 'questions:'")
    questions, unreadable = [], set()
    for index, raw in enumerate(data["questions"]):
        question = parse_question(raw, shown, lines, ("questions", index), problems)
        if question is not None:
            questions.append(question)
        elif isinstance(raw, dict) and raw.get("id") is not None:
            unreadable.add(str(raw["id"]))
    return questions, unreadable


def _question_text(reader: _Reader, question_id: str, raw: Any) -> QuestionText | None:
    where = (question_id,)
    if reader.mapping(raw, where, f"question '{question_id}'") is None:
        return None
    for key in raw:
        if key in KEY_FIELDS:
            reader.problem(where + (key,), f"'{key}' cannot be set in a translation",
                           "a translation gives text only; the answer key, points and lesson are in quiz/bank.yml")
        elif key not in TRANSLATION_FIELDS:
            reader.problem(where + (key,), f"unknown field '{key}' in question '{question_id}'",
                           f"a translation may give: {', '.join(TRANSLATION_FIELDS)}")
    found = QuestionText(question_id, line=reader.lines.line(*where))
    found.text = reader.text(raw.get("text"), where + ("text",), "text", required=False)
    found.explanation = reader.text(raw.get("explanation"), where + ("explanation",), "explanation", required=False)
    if isinstance(raw.get("feedback"), dict):
        reader.unknown_fields(raw["feedback"], FEEDBACK_KEYS, where + ("feedback",), f"the feedback of '{question_id}'")
        found.feedback = {k: reader.text(v, where + ("feedback", k), f"feedback '{k}'", required=False)
                          for k, v in raw["feedback"].items() if k in FEEDBACK_KEYS}
    elif "feedback" in raw:
        reader.mapping(raw["feedback"], where + ("feedback",), "feedback")
    for kind in ("options", "items"):
        if kind not in raw or reader.mapping(raw[kind], where + (kind,), f"'{kind}'") is None:
            continue
        for choice_id, value in raw[kind].items():
            at = where + (kind, choice_id)
            if kind == "options" and isinstance(value, dict):
                reader.unknown_fields(value, ("text", "feedback"), at, f"option '{choice_id}'")
                entry = {"text": reader.text(value.get("text"), at + ("text",), "text", required=False),
                         "feedback": reader.text(value.get("feedback"), at + ("feedback",), "feedback", required=False)}
            else:
                entry = {"text": reader.text(value, at, f"text of '{choice_id}'", required=False), "feedback": ""}
            if kind == "options":
                found.options[str(choice_id)] = entry
            else:
                found.items[str(choice_id)] = entry["text"]
    if "accept" in raw:
        accept = raw["accept"] if isinstance(raw["accept"], list) else [raw["accept"]]
        texts = (reader.text(value, where + ("accept", index), "accepted answer") for index, value in enumerate(accept))
        found.accept = [text for text in texts if text]
    return found


def load_translation(path: Path, shown: str, lang: str, problems: list[Problem]) -> BankText:
    bank_text = BankText(lang, shown, path.is_file())
    if not bank_text.exists:
        return bank_text
    loaded = _load_yaml(path, shown, problems)
    if loaded is None:
        bank_text.readable = False
        return bank_text
    data, bank_text.lines = loaded
    reader = _Reader(shown, bank_text.lines, problems)
    if data is None:
        return bank_text
    if not isinstance(data, dict):
        reader.problem((), "a quiz translation is a mapping of question ids to their text", README_HINT)
        bank_text.readable = False
        return bank_text
    for question_id, raw in data.items():
        found = _question_text(reader, str(question_id), raw)
        if found is not None:
            bank_text.questions[str(question_id)] = found
    return bank_text


def load_settings(config: CourseConfig, problems: list[Problem]) -> QuizSettings:
    try:
        return QuizSettings(**config.options("quiz", QUIZ_OPTIONS))
    except CourseError as exc:
        problems.extend(exc.problems)
        return QuizSettings()


def load_quiz(config: CourseConfig, problems: list[Problem], has_quiz_page: bool = True) -> Quiz | None:
    """The bank and its translations, or None when the course has no ``quiz/bank.yml``."""
    bank_path = config.quiz_dir / BANK_FILE
    shown = display_path(bank_path, config.root)
    if not bank_path.is_file():
        if has_quiz_page:
            problems.append(Problem(shown, 0, "quiz bank missing: the 'Test yourself' page has no questions",
                                    "write the questions in quiz/bank.yml as described in quiz/README.md"))
        return None
    settings = load_settings(config, problems)
    loaded = load_bank(bank_path, shown, problems)
    questions, unreadable = loaded or ([], set())
    translations = {}
    for code in config.language_codes:
        if code != config.source_language:
            path = config.quiz_dir / f"{code}.yml"
            translations[code] = load_translation(path, display_path(path, config.root), code, problems)
    return Quiz(shown, questions, translations, settings, config.source_language, loaded is not None, unreadable)
