"""`course check`: every input validated before anything is built.

Each check is a function ``(course) -> list[Problem]``. They run in order; the CLI prints
one ``path:line: problem — what to do`` line per problem.
"""
from __future__ import annotations

from typing import Callable

from ..errors import Problem
from ..model import Course
from ..quiz.validate import check_quiz
from ..pdf.settings import check_pdf_settings
from .block_parity import check_block_parity
from .completion_settings import check_completion_settings
from .course_settings import check_course_settings
from .feedback_settings import check_feedback_settings
from .glossary import check_glossary, check_quiz_terminology, check_terminology
from .item_writing import check_item_writing
from .links import check_links
from .markdown_body import check_markdown_body
from .narration import check_narration
from .readability import check_readability
from .structure import check_front_matter, check_parity
from .translation_status import check_translation_status
from .ui_strings import check_ui_strings

Check = Callable[[Course], list[Problem]]

CHECKS: list[Check] = [
    check_front_matter,
    check_markdown_body,
    check_parity,
    check_block_parity,
    check_ui_strings,
    check_links,
    check_glossary,
    check_terminology,
    check_quiz_terminology,
    check_translation_status,
    check_readability,
    check_narration,
    check_course_settings,
    check_pdf_settings,
    check_feedback_settings,
    check_completion_settings,
    check_quiz,
    check_item_writing,
]


def run_checks(course: Course) -> list[Problem]:
    """All problems: those found while loading, then those of every check."""
    problems = list(course.problems)
    if course.unreadable_files:
        return problems     # one root error, one message: the checks would cascade from an unread file
    for check in CHECKS:
        problems.extend(check(course))
    return problems
