"""The feedback settings (``extra.course.feedback`` in mkdocs.yml) are valid before anything is built."""
from __future__ import annotations

from ..errors import CourseError, Problem
from ..feedback.options import feedback_options
from ..model import Course


def check_feedback_settings(course: Course) -> list[Problem]:
    try:
        feedback_options(course.config)
    except CourseError as exc:
        return exc.problems
    return []
