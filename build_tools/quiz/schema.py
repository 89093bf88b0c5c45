"""The question bank schema: question types, the fields each type takes, and the model classes.

``quiz/bank.yml`` holds the questions with their answer key and English text;
``quiz/<lang>.yml`` holds the text of one translation, keyed by question, option and item id.
quiz/README.md documents both formats for instructors and translators.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..yaml_lines import LineMap

BANK_FILE = "bank.yml"

SINGLE, MULTIPLE, TRUE_FALSE, SHORT_TEXT, MATCHING, ORDERING = (
    "single-choice", "multiple-response", "true-false", "short-text", "matching", "ordering")
QUESTION_TYPES = (SINGLE, MULTIPLE, TRUE_FALSE, SHORT_TEXT, MATCHING, ORDERING)
TYPE_LABELS = {SINGLE: "single choice", MULTIPLE: "multiple response", TRUE_FALSE: "true/false",
               SHORT_TEXT: "short text", MATCHING: "matching", ORDERING: "ordering"}

# Fields every question has; the answer key's shape depends on the type.
COMMON_FIELDS = ("id", "type", "lesson", "section", "outcome", "points", "text", "explanation", "feedback", "answer")
REQUIRED_FIELDS = ("id", "type", "lesson", "section", "text", "explanation", "answer")
TYPE_FIELDS = {
    SINGLE: ("options",),
    MULTIPLE: ("options", "partial_credit"),
    TRUE_FALSE: (),
    SHORT_TEXT: (),
    MATCHING: ("items", "options", "partial_credit"),
    ORDERING: ("items", "partial_credit"),
}
OPTION_FIELDS = ("id", "text", "feedback")
ITEM_FIELDS = ("id", "text")
FEEDBACK_KEYS = ("correct", "partial", "incorrect")

# What a translation file may give for a question: text only, never the key.
TRANSLATION_FIELDS = ("text", "explanation", "feedback", "options", "items", "accept")
KEY_FIELDS = ("id", "type", "lesson", "section", "outcome", "points", "answer", "partial_credit", "correct")

# Statuses of a graded response.
CORRECT, PARTIAL, INCORRECT = "correct", "partial", "incorrect"


def fields_of(question_type: str) -> tuple[str, ...]:
    return COMMON_FIELDS + TYPE_FIELDS.get(question_type, ())


@dataclass
class Choice:
    """An option (single/multiple choice, the right-hand column of matching) or an item
    (the left-hand column of matching, a step of ordering)."""

    id: str
    text: str
    feedback: str = ""
    line: int = 0


@dataclass
class Question:
    id: str
    type: str
    lesson: str                 # page id of a lesson (or key points / FAQ page)
    section: str                # section id on that page
    text: str
    explanation: str
    answer: Any                 # option id | [option ids] | bool | [accepted texts] | {item: option} | [item ids]
    points: float = 1
    options: list[Choice] = field(default_factory=list)
    items: list[Choice] = field(default_factory=list)
    feedback: dict[str, str] = field(default_factory=dict)
    partial_credit: bool = True
    outcome: int | None = None  # number of the learning outcome it tests (1 = the first 'outcomes:' entry of the home page)
    path: str = ""
    where: tuple = ()           # the question's place in its file's LineMap
    lines: LineMap = field(default_factory=LineMap)

    @property
    def line(self) -> int:
        return self.lines.line(*self.where)

    def line_of(self, *path: Any) -> int:
        return self.lines.line(*self.where, *path)

    def option(self, option_id: str) -> Choice | None:
        return next((o for o in self.options if o.id == option_id), None)

    def item(self, item_id: str) -> Choice | None:
        return next((i for i in self.items if i.id == item_id), None)

    def localised(self, text: "QuestionText | None") -> "Question":
        """This question with a translation's text; the answer key stays the bank's.

        Missing translated text falls back to English (``course check`` reports it).
        Short-text questions accept the translation's own forms (listed first) and the bank's answers.
        """
        if text is None:
            return self
        options = [replace(o, text=text.options.get(o.id, {}).get("text") or o.text,
                           feedback=text.options.get(o.id, {}).get("feedback") or o.feedback) for o in self.options]
        items = [replace(i, text=text.items.get(i.id) or i.text) for i in self.items]
        answer = self.answer
        if self.type == SHORT_TEXT:
            answer = list(text.accept) + [a for a in self.answer if a not in text.accept]
        feedback = {k: text.feedback.get(k) or v for k, v in self.feedback.items()}
        return replace(self, text=text.text or self.text, explanation=text.explanation or self.explanation,
                       options=options, items=items, answer=answer, feedback=feedback)


@dataclass
class QuestionText:
    """One question's text in a translation file."""

    id: str
    text: str = ""
    explanation: str = ""
    feedback: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, str]] = field(default_factory=dict)   # option id -> {"text": ..., "feedback": ...}
    items: dict[str, str] = field(default_factory=dict)
    accept: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class BankText:
    """A translation file ``quiz/<lang>.yml``: text only, keyed by question id."""

    lang: str
    path: str
    exists: bool
    questions: dict[str, QuestionText] = field(default_factory=dict)
    lines: LineMap = field(default_factory=LineMap)
    readable: bool = True


@dataclass(frozen=True)
class QuizSettings:
    pass_mark: int = 70
    questions_per_attempt: int = 15
    shuffle_options: bool = True


@dataclass
class Quiz:
    """The question bank, its translations and the settings: ``course.quiz``."""

    path: str                                    # "quiz/bank.yml"
    questions: list[Question]
    translations: dict[str, BankText]
    settings: QuizSettings = field(default_factory=QuizSettings)
    source_language: str = "en"
    readable: bool = True                        # False: the bank itself could not be read (its problems say why)
    unreadable_ids: set[str] = field(default_factory=set)   # ids of questions too broken to load

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def questions_for(self, lang: str) -> list[Question]:
        """Every question with its text in ``lang`` and the one answer key of the bank."""
        if lang == self.source_language or lang not in self.translations:
            return list(self.questions)
        texts = self.translations[lang].questions
        return [q.localised(texts.get(q.id)) for q in self.questions]
