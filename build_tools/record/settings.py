"""What counts as done: ``extra.course.completion`` in mkdocs.yml, validated, with documented defaults.

- A section is done when the learner opened it and either reached its end on screen
  (``section_end_on_screen``) or listened to at least ``section_narration`` per cent of its
  narration (0 switches that way off).
- A lesson is done when all its sections are done.
- The module is complete when every lesson is done (``module_lessons``) and the quiz is passed
  (``module_quiz``); either part can be switched off, not both.
- ``reading_speed``: words per minute per language for the estimated study time
  (study_time.py); languages left out keep the defaults below.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..config import MKDOCS_FILE, CourseConfig, Option
from ..errors import CourseError, Problem

# Study reading (not skimming) for adults in a second subject, words per minute. About three
# quarters of the IReST standard reading rates (English 228, Russian 184, Polish 166); Greek and
# Hungarian, not in IReST, are set with the long words of each language in mind.
READING_SPEED = {"en": 170, "el": 140, "hu": 120, "pl": 125, "ru": 140}
DEFAULT_READING_SPEED = 140

COMPLETION_OPTIONS = [
    Option("section_end_on_screen", bool, True, help="reaching a section's end on screen marks it read"),
    Option("section_narration", int, 90, minimum=0, maximum=100,
           help="per cent of a section's narration listened that marks it read; 0: narration does not count"),
    Option("module_lessons", bool, True, help="the module needs every lesson done"),
    Option("module_quiz", bool, True, help="the module needs the quiz passed"),
    Option("reading_speed", dict, {}, help="words per minute per language, e.g. {en: 170}"),
]


@dataclass(frozen=True)
class CompletionRules:
    section_end_on_screen: bool = True
    section_narration: int = 90
    module_lessons: bool = True
    module_quiz: bool = True
    reading_speed: dict = field(default_factory=dict)

    def speed(self, lang: str) -> int:
        return int(self.reading_speed.get(lang, READING_SPEED.get(lang, DEFAULT_READING_SPEED)))

    def for_browser(self) -> dict:
        """The rules record.js applies (names as in the record's README)."""
        return {"endOnScreen": self.section_end_on_screen, "narration": self.section_narration / 100,
                "lessons": self.module_lessons, "quiz": self.module_quiz}


def completion_rules(config: CourseConfig) -> CompletionRules:
    values = config.options("completion", COMPLETION_OPTIONS)
    line = lambda *key: config.lines.line("extra", "course", "completion", *key)  # noqa: E731
    where = "extra.course.completion"
    problems = []
    if not values["section_end_on_screen"] and values["section_narration"] == 0:
        problems.append(Problem(MKDOCS_FILE, line("section_narration"),
                                f"{where}: section_end_on_screen is false and section_narration is 0, so no section can ever be done",
                                "set section_end_on_screen: true, or section_narration: 90"))
    if not values["module_lessons"] and not values["module_quiz"]:
        problems.append(Problem(MKDOCS_FILE, line("module_quiz"),
                                f"{where}: module_lessons and module_quiz are both false, so the module is complete before it starts",
                                "set module_lessons: true, or module_quiz: true"))
    for lang, speed in values["reading_speed"].items():
        if str(lang) not in config.language_codes:
            problems.append(Problem(MKDOCS_FILE, line("reading_speed", lang),
                                    f"{where}.reading_speed: {lang!r} is not a course language",
                                    f"use one of: {', '.join(config.language_codes)}"))
        elif isinstance(speed, bool) or not isinstance(speed, int) or not 50 <= speed <= 400:
            problems.append(Problem(MKDOCS_FILE, line("reading_speed", lang),
                                    f"{where}.reading_speed.{lang}: {speed!r} is not a reading speed",
                                    f"give whole words per minute from 50 to 400, e.g. {lang}: {READING_SPEED.get(lang, DEFAULT_READING_SPEED)}"))
    if problems:
        raise CourseError(problems)
    return CompletionRules(**values)
