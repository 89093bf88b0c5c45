"""The completion settings (``extra.course.completion``) are valid, and a hand-written study time on
the home page is not far from the one the build works out (build_tools/record/study_time.py)."""
from __future__ import annotations

from ..errors import WARNING, CourseError, Problem
from ..model import Course
from ..record.settings import completion_rules
from ..record.study_time import module_minutes, written_minutes

# A hand-written time this far from the computed one (either way) gets a warning.
FAR_OFF = 2.0


def check_completion_settings(course: Course) -> list[Problem]:
    try:
        rules = completion_rules(course.config)
    except CourseError as exc:
        return exc.problems
    problems = []
    for language in course.languages.values():
        home = language.home
        written = written_minutes(home.meta.get("duration")) if home else None
        if not written:
            continue
        lang_dir = course.config.docs_dir / language.code      # narration of the last build, if any
        computed = sum(module_minutes(language, rules.speed(language.code), lang_dir).values())
        if computed and not computed / FAR_OFF <= written <= computed * FAR_OFF:
            problems.append(Problem(home.path, home.meta_lines.line("duration"),
                                    f"study time {home.meta.get('duration')!r} is far from the estimated {computed} min "
                                    f"(reading at {rules.speed(language.code)} words a minute, or the narration)",
                                    "the home page shows the estimate; correct or remove 'duration', or set "
                                    "extra.course.completion.reading_speed", WARNING))
    return problems
