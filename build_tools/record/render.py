"""The record's parts of each generated page, worked out once per language (pages.py calls this)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError
from ..model import Language, Page
from ..site.rendering import rendering_course
from .completion_page import completion_file_name, render_completion_page
from .page_data import lesson_status, minutes_for, next_step, record_script
from .settings import CompletionRules, completion_rules


def current_rules() -> CompletionRules:
    course = rendering_course()
    if course is None:
        return CompletionRules()
    try:
        return completion_rules(course.config)
    except CourseError:
        return CompletionRules()      # `course check` reports the bad setting before any build


@dataclass
class LanguageRecord:
    language: Language
    rules: CompletionRules
    minutes: dict[str, int]

    @classmethod
    def of(cls, language: Language, lang_dir: Path | None) -> "LanguageRecord":
        rules = current_rules()
        return cls(language, rules, minutes_for(language, rules, lang_dir))

    def before(self, page: Page) -> str:
        return lesson_status(self.language, page, self.minutes) if page.kind == "lesson" else ""

    def after(self, page: Page) -> str:
        return next_step(self.language, page) if page.kind == "lesson" else ""

    def script(self, page_name: str) -> str:
        return record_script(self.language, page_name, self.rules, self.minutes)

    def completion_page(self, source_language: str) -> str:
        return render_completion_page(self.language, source_language, self.script(completion_file_name()))
