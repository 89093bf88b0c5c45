"""The quiz as JSON for the "Test yourself" page: one language's text, the one answer key, settings.

The shape of a question is the bank's (id, type, points, options, items, answer,
partial_credit, feedback, outcome), so overrides/assets/course/quiz-grader.js grades exactly what
build_tools/quiz/grader.py grades; ``href`` and ``sectionTitle`` lead back to the lesson.
"""
from __future__ import annotations

from ..cache import digest
from ..model import Language, Page
from .schema import Choice, Question, Quiz

UI_PREFIX = "quiz."


def _choice(choice: Choice) -> dict:
    out = {"id": choice.id, "text": choice.text}
    if choice.feedback:
        out["feedback"] = choice.feedback
    return out


def question_data(question: Question, page: Page | None) -> dict:
    """One question as the browser grades and shows it."""
    out = {"id": question.id, "type": question.type, "lesson": question.lesson, "section": question.section,
           "points": question.points, "text": question.text, "explanation": question.explanation,
           "answer": question.answer, "partial_credit": question.partial_credit}
    section = page.section(question.section) if page else None
    if page is not None:
        out["href"] = f"{page.html_name}#{question.section}"
        out["sectionTitle"] = section.title if section else page.title
    if question.outcome is not None:
        out["outcome"] = question.outcome
    if question.feedback:
        out["feedback"] = dict(question.feedback)
    if question.options:
        out["options"] = [_choice(o) for o in question.options]
    if question.items:
        out["items"] = [_choice(i) for i in question.items]
    return out


def quiz_data(quiz: Quiz, language: Language) -> dict:
    """Everything the page's script needs for ``language``; ``version`` changes whenever the bank does."""
    pages = {p.id: p for p in language.ordered_pages}
    questions = quiz.questions_for(language.code)
    used = {q.lesson for q in questions}
    lessons = [{"id": p.id, "title": p.title, "href": p.html_name} for p in language.ordered_pages if p.id in used]
    data = {
        "lang": language.code,
        "passMark": quiz.settings.pass_mark,
        "perAttempt": quiz.settings.questions_per_attempt,
        "shuffle": quiz.settings.shuffle_options,
        "lessons": lessons,
        "questions": [question_data(q, pages.get(q.lesson)) for q in questions],
        "ui": {k[len(UI_PREFIX):]: v for k, v in language.ui.items() if k.startswith(UI_PREFIX)},
    }
    data["version"] = digest(data["questions"])[:12]
    return data
