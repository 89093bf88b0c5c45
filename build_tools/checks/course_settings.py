"""``extra.course`` in mkdocs.yml holds only the sections the build reads (``quizz:`` is a typo)."""
from __future__ import annotations

from ..config import COURSE_SECTIONS, MKDOCS_FILE
from ..errors import Problem
from ..model import Course
from .front_matter import did_you_mean


def check_course_settings(course: Course) -> list[Problem]:
    config = course.config
    problems = []
    for key in config.raw_course:
        if key not in COURSE_SECTIONS:
            problems.append(Problem(MKDOCS_FILE, config.lines.line("extra", "course", key),
                                    f"unknown section extra.course.{key}",
                                    did_you_mean(str(key), COURSE_SECTIONS).replace("valid keys", "valid sections")))
    return problems
