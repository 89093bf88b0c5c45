"""Narration inputs: the audio settings in mkdocs.yml and the pronunciation lists."""
from __future__ import annotations

from ..errors import CourseError, Problem
from ..model import Course


def check_narration(course: Course) -> list[Problem]:
    from ..narration.settings import load_audio_settings
    from ..narration.text import load_pronunciations

    problems: list[Problem] = []
    try:
        load_audio_settings(course.config)
    except CourseError as exc:
        problems.extend(exc.problems)
    for code in course.config.language_codes:
        problems.extend(load_pronunciations(course.root, code)[1])
    return problems
