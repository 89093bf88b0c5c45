"""The course's bank as the analysis reads it: per language, the version the quiz page shows
(``version`` of quiz.json, a digest of the questions) and each question's key and option texts."""
from __future__ import annotations

from ..plain_text import plain_text
from .items import QuestionInfo
from .report import Bank


def question_info(question) -> QuestionInfo:
    if question.type == "true-false":
        key = ("true" if question.answer else "false",)
        options = (("true", "true"), ("false", "false"))
    elif question.type in ("single-choice", "multiple-response"):
        key = tuple([question.answer] if isinstance(question.answer, str) else question.answer)
        options = tuple((o.id, plain_text(o.text)) for o in question.options)
    else:
        key, options = (), ()
    return QuestionInfo(question.id, question.type, float(question.points), plain_text(question.text), key, options)


def banks_of(course) -> dict[str, Bank]:
    from ..quiz.export import quiz_data

    if course.quiz is None:
        return {}
    banks = {}
    for code, language in course.languages.items():
        version = quiz_data(course.quiz, language)["version"]
        banks[code] = Bank(code, version, tuple(question_info(q) for q in course.quiz.questions_for(code)))
    return banks
