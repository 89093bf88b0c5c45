"""What the LMS question-bank exports (GIFT, Moodle XML) share: the bank in one language,
grouped by lesson in course order, and the documented downgrades of what a format cannot hold.

Downgrades (quiz/README.md, "Exporting to an LMS question bank"), never silent:
- ordering → matching: each step is matched with its position ("1", "2", …), because GIFT has
  no ordering type and Moodle's ordering question type is a plug-in an LMS may not have;
- per-question feedback (correct / partial / incorrect) in GIFT, which has only general
  feedback: it is appended to the explanation, labelled;
- partial_credit: false on a multiple-response question in GIFT: the right options share 100 %
  and every wrong option costs 100 %, so only a fully right answer scores (GIFT has no
  all-or-nothing flag);
- a matching or ordering question with fewer than three pairs in GIFT (Moodle needs three) is
  refused with an error naming the question: no export drops a question.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import CourseError
from ..model import Course, Language
from ..plain_text import plain_text
from .schema import MATCHING, MULTIPLE, ORDERING, Choice, Question

FORMATS = ("gift", "moodle-xml")


@dataclass
class LessonCategory:
    """One category of the exported bank: a lesson (or key points / FAQ page) and its questions."""

    id: str
    title: str
    questions: list[Question]


@dataclass
class Downgrade:
    question_id: str
    what: str


def categories(course: Course, lang: str) -> list[LessonCategory]:
    """The bank's questions in ``lang``, one category per lesson, lessons in course order."""
    course.require_quiz()
    course.config.require_language(lang)
    language: Language = course.languages[lang]
    pages = {p.id: p for p in language.ordered_pages}
    order = {p.id: n for n, p in enumerate(course.source.ordered_pages)}
    questions = course.quiz.questions_for(lang)
    result = []
    for lesson in sorted({q.lesson for q in questions}, key=lambda l: (order.get(l, len(order)), l)):
        page = pages.get(lesson)
        title = plain_text(page.title) if page else lesson
        result.append(LessonCategory(lesson, title, [q for q in questions if q.lesson == lesson]))
    return result


def module_title(course: Course, lang: str) -> str:
    from ..module_title import module_title as title_of

    return title_of(course, lang)


def as_matching(question: Question) -> tuple[list[Choice], list[Choice], dict[str, str]]:
    """(items, options, answer) of a matching question; an ordering question's steps are matched
    with their positions 1…n (the documented downgrade)."""
    if question.type == MATCHING:
        return question.items, question.options, dict(question.answer)
    positions = [Choice(id=str(n), text=str(n)) for n in range(1, len(question.answer) + 1)]
    answer = {item_id: str(n) for n, item_id in enumerate(question.answer, start=1)}
    return question.items, positions, answer


def multiple_response_fractions(question: Question) -> dict[str, float]:
    """Percent credit of each option: right options share +100, wrong ones share −100 (the
    course's own partial-credit rule); all-or-nothing makes every wrong option cost −100."""
    right = set(question.answer)
    wrong = [o for o in question.options if o.id not in right]
    fractions = {}
    for option in question.options:
        if option.id in right:
            fractions[option.id] = 100 / len(right)
        else:
            fractions[option.id] = -100 if not question.partial_credit else -100 / max(len(wrong), 1)
    return fractions


def percent(value: float) -> str:
    """A Moodle grade fraction as text: at most five decimals, no trailing zeros."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def ordering_note(question: Question) -> str:
    return "ordering exported as matching (each step with its position)" if question.type == ORDERING else ""


def check_exportable(question: Question, fmt: str) -> None:
    if question.type in (MATCHING, ORDERING):
        pairs = len(question.items)
        if fmt == "gift" and pairs < 3:
            raise CourseError.at(question.path, question.line,
                                 f"question '{question.id}' has {pairs} pairs: GIFT (Moodle) needs at least 3 for matching",
                                 "add a pair, or export with --format moodle-xml")
    if question.type == MULTIPLE and not question.options:
        raise CourseError.at(question.path, question.line, f"question '{question.id}' has no options",
                             "give it options as quiz/README.md shows")
