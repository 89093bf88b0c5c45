"""What the record's scripts read on every page, and the markup they bring to life.

Every page carries ``<script id="course-record" type="application/json">``: the language's lessons
in order with their *current* section ids (a section removed from the content drops out of the
totals; one whose text changed keeps its id and so its done mark), the estimated minutes, the
completion rules and the UI strings. Lesson pages also get their status line (lesson n of N,
estimated time, a progress bar) and, at the end, the way on (next lesson, or the quiz after the
last). The home page gets the module's progress bar, Start/Continue and Reset.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Language, Page
from ..site.html import attr, json_script, text
from ..site.rendering import rendering_course
from .settings import CompletionRules
from .study_time import format_minutes, module_minutes

SCHEMA_VERSION = 2
CONFIG_ID = "course-record"
COMPLETION_PAGE = "completion.html"

RECORD_UI_KEYS = tuple(f"record.{key}" for key in (
    "done", "lesson_of", "estimated", "minutes", "hours_minutes", "lesson_progress", "lesson_value",
    "module_progress", "module_value", "lessons_value", "quiz_passed", "quiz_not_passed", "start", "continue",
    "last_visited", "resume_audio", "resume_dismiss", "reset", "reset_confirm", "reset_done", "storage_off",
    "next_lesson", "next_quiz", "complete", "certificate_link", "certificate_title", "certificate_name",
    "certificate_name_hint", "certificate_statement", "certificate_eqf", "certificate_outcomes",
    "certificate_date", "certificate_score", "certificate_print", "certificate_back", "certificate_not_yet",
    "certificate_note", "quiz_intro", "quiz_answered", "quiz_unanswered_confirm", "quiz_reset_confirm",
    "quiz_multiple_scoring"))


# The strings the scripts need (the rest are written into the page at build time), and those
# that only one kind of page needs: every byte counts on every page.
SCRIPT_STRINGS = {"done", "lesson_value", "storage_off", "resume_audio", "resume_dismiss"}
SUMMARY = {"lessons_value", "quiz_passed", "quiz_not_passed"}
PAGE_STRINGS = {"home": SUMMARY | {"module_value", "start", "continue", "last_visited", "reset_confirm", "reset_done"},
                "completion": SUMMARY | {"certificate_not_yet"},
                "quiz": {"quiz_intro", "quiz_answered", "quiz_unanswered_confirm", "quiz_reset_confirm", "quiz_multiple_scoring"}}


def _ui(language: Language, page_kind: str) -> dict[str, str]:
    wanted = SCRIPT_STRINGS | PAGE_STRINGS.get(page_kind, set())
    return {key.split(".", 1)[1]: language.t(key) for key in RECORD_UI_KEYS if key.split(".", 1)[1] in wanted}


def lesson_entries(language: Language) -> list[dict]:
    return [{"id": p.id, "href": p.html_name, "sections": [s.id for s in p.sections]} for p in language.lessons]


def _pass_mark() -> int | None:
    course = rendering_course()
    quiz = course.quiz if course is not None else None
    return quiz.settings.pass_mark if quiz is not None and quiz.questions else None


def _kind(language: Language, page_name: str) -> str:
    if page_name == COMPLETION_PAGE:
        return "completion"
    return next((p.kind for p in language.ordered_pages if p.html_name == page_name), "")


def record_config(language: Language, page_name: str, rules: CompletionRules, minutes: dict[str, int]) -> dict:
    quiz = language.page_of_kind("quiz")
    home = language.home
    pass_mark = _pass_mark()
    if pass_mark is None:
        quiz = None                       # no questions: nothing to pass
    return {"lang": language.code, "schema": SCHEMA_VERSION, "page": page_name,
            "home": home.html_name if home else "index.html", "lessons": lesson_entries(language),
            "quiz": {"href": quiz.html_name, "passMark": pass_mark} if quiz else None,
            "rules": rules.for_browser(), "ui": _ui(language, _kind(language, page_name))}


def record_script(language: Language, page_name: str, rules: CompletionRules, minutes: dict[str, int]) -> str:
    return json_script(CONFIG_ID, record_config(language, page_name, rules, minutes))


def minutes_for(language: Language, rules: CompletionRules, lang_dir: Path | None) -> dict[str, int]:
    return module_minutes(language, rules.speed(language.code), lang_dir)


def lesson_status(language: Language, page: Page, minutes: dict[str, int]) -> str:
    """'Lesson 2 of 4 · Estimated time: 12 min' and the lesson's progress bar (filled by progress.js)."""
    t = language.t
    lessons = language.lessons
    number = next(i for i, p in enumerate(lessons, start=1) if p.id == page.id)
    total_sections = len(page.sections)
    value = t("record.lesson_value").replace("{done}", "0").replace("{total}", str(total_sections))
    return (f'<div class="course-lesson-status" data-course-lesson="{attr(page.id)}">'
            f'<p class="course-lesson-status__facts"><span class="course-lesson-status__number">'
            f'{text(t("record.lesson_of").replace("{n}", str(number)).replace("{total}", str(len(lessons))))}</span> '
            f'<span class="course-lesson-status__time">{text(t("record.estimated").replace("{time}", format_minutes(minutes.get(page.id, 1), t)))}</span></p>'
            f'<p class="course-lesson-status__bar"><label for="course-lesson-progress">{text(t("record.lesson_progress"))}</label> '
            f'<progress id="course-lesson-progress" class="course-progress" max="{max(1, total_sections)}" value="0" '
            f'aria-valuetext="{attr(value)}"></progress> <span class="course-progress__text" aria-hidden="true">{text(value)}</span></p>'
            f'</div>')


def next_step(language: Language, page: Page) -> str:
    """The way on at the end of a lesson: the next lesson, or the quiz after the last one."""
    lessons = language.lessons
    index = next(i for i, p in enumerate(lessons) if p.id == page.id)
    if index + 1 < len(lessons):
        target, label = lessons[index + 1], language.t("record.next_lesson")
    else:
        target, label = language.page_of_kind("quiz"), language.t("record.next_quiz")
        if target is None:
            return ""
    return (f'<p class="course-next"><a class="md-button md-button--primary course-next__link" '
            f'href="{attr(target.html_name)}" rel="next">{text(label.replace("{title}", target.title))}</a></p>')


def home_progress(language: Language) -> str:
    """The module's progress bar, Start (Continue once there is progress), the certificate and Reset."""
    t = language.t
    first = language.lessons[0].html_name if language.lessons else "index.html"
    value = t("record.module_value").replace("{percent}", "0")
    return (f'<section class="course-home-progress" data-course-home aria-labelledby="course-home-progress-title">'
            f'<h2 id="course-home-progress-title">{text(t("record.module_progress"))}</h2>'
            f'<p class="course-home-progress__bar"><progress id="course-module-progress" class="course-progress" max="100" value="0" '
            f'aria-labelledby="course-home-progress-title" aria-valuetext="{attr(value)}"></progress> '
            f'<span class="course-progress__text" aria-hidden="true">{text(value)}</span></p>'
            f'<p class="course-home-progress__summary"></p>'
            f'<p class="course-home-progress__complete" hidden><strong>{text(t("record.complete"))}</strong> '
            f'<a href="{COMPLETION_PAGE}">{text(t("record.certificate_link"))}</a></p>'
            f'<p class="course-home-progress__actions"><a class="md-button md-button--primary course-start" href="{attr(first)}">'
            f'{text(t("record.start"))}</a> '
            f'<button type="button" class="md-button course-reset">{text(t("record.reset"))}</button></p>'
            f'<p class="course-home-progress__last" hidden></p>'
            f'</section>')
