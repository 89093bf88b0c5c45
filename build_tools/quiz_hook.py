"""Where the quiz engine attaches its question banks to the model."""
from __future__ import annotations


def attach_quiz(course) -> None:
    """Load ``quiz/bank.yml`` and its translations into ``course.quiz``.

    Problems found while reading (YAML errors, unknown types or fields) go to ``course.problems``.
    """
    from .quiz.loader import load_quiz

    has_quiz_page = course.source.page_of_kind("quiz") is not None
    course.quiz = load_quiz(course.config, course.problems, has_quiz_page)
