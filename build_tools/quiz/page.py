"""The "Test yourself" page (kind ``quiz``): the intro, a container and the bank for its language.

overrides/assets/course/quiz.js renders the questions into the container from the inline
JSON (inline, because fetch() does not work when the site is opened from file://).
"""
from __future__ import annotations

from pathlib import Path

from ..model import Language, Page
from ..site.html import attr, json_script, text
from ..site.rendering import rendering_course
from .export import quiz_data

# UI strings the page and quiz.js read (translations/<lang>.yml, block 'quiz:').
QUIZ_UI_KEYS = tuple(f"quiz.{key}" for key in (
    "noscript", "question", "points", "hint_single", "hint_multiple", "hint_true_false", "hint_short",
    "hint_matching", "hint_ordering", "true_label", "false_label", "your_answer", "choose", "move_up", "move_down",
    "moved", "check", "answer_first", "finish", "correct", "partial", "incorrect", "correct_answer", "explanation",
    "revisit", "result", "score", "passed", "failed", "by_lesson", "lesson_score", "best", "retry", "reset",
    "reset_done"))

CONTAINER_ID = "course-quiz"
DATA_ID = "course-quiz-data"


def render_quiz(language: Language, page: Page, lang_dir: Path) -> str:
    parts = [page.intro.strip()]
    course = rendering_course()
    quiz = course.quiz if course is not None else None
    if quiz is not None and quiz.questions:
        parts.append(f'<div class="course-quiz" id="{CONTAINER_ID}" data-course-quiz="{attr(DATA_ID)}" '
                     f'lang="{attr(language.code)}"><noscript><p>{text(language.t("quiz.noscript"))}</p></noscript></div>')
        parts.append(json_script(DATA_ID, quiz_data(quiz, language)))
    return "\n\n".join(p for p in parts if p)
