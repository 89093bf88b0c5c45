"""UI strings: every key the site uses exists in English, and every English key in each language."""
from __future__ import annotations

from ..errors import Problem
from ..model import Course
from ..lms.package import LMS_UI_KEYS
from ..narration.ui import AUDIO_UI_KEYS
from ..quiz.page import QUIZ_UI_KEYS
from ..record.page_data import RECORD_UI_KEYS
from ..pdf.settings import PDF_UI_KEYS
from ..site.downloads import DOWNLOADS_UI_KEYS
from ..site.feedback_form import FEEDBACK_UI_KEYS
from ..site.not_found import NOT_FOUND_UI_KEYS
from ..site.tables import TABLE_UI_KEYS

# Keys the build and the site's JavaScript read. Features add theirs here.
REQUIRED_UI_KEYS = (
    "actions.label", "actions.feedback", "actions.audio", "actions.download",
    "actions.pending_audio", "actions.pending_download",
    "sections.cue", "sections.expand_all", "sections.collapse_all",
    "hint.landscape", "hint.dismiss",
    "home.eqf", "home.duration", "home.outcomes", "home.description", "home.lessons",
    "home.keywords", "home.bibliography", "home.language",
    "glossary.term", "glossary.definition",
) + FEEDBACK_UI_KEYS
REQUIRED_UI_KEYS += PDF_UI_KEYS + DOWNLOADS_UI_KEYS
REQUIRED_UI_KEYS += AUDIO_UI_KEYS
REQUIRED_UI_KEYS += QUIZ_UI_KEYS
REQUIRED_UI_KEYS += ("authoring.untranslated",)     # the note on scaffolded, untranslated pages
REQUIRED_UI_KEYS += NOT_FOUND_UI_KEYS + TABLE_UI_KEYS
REQUIRED_UI_KEYS += LMS_UI_KEYS
REQUIRED_UI_KEYS += RECORD_UI_KEYS


def check_ui_strings(course: Course) -> list[Problem]:
    english = course.source
    problems = []
    for key in REQUIRED_UI_KEYS:
        if key not in english.ui:
            problems.append(Problem(english.ui_path, 1, f"UI string '{key}' missing in {english.code}",
                                    f"add it to {english.ui_path}; the site uses it"))
    for language in course.translations:
        for key, value in english.ui.items():
            if not str(language.ui.get(key, "")).strip():
                problems.append(Problem(language.ui_path, language.ui_lines.line(*key.split('.')), f"UI string '{key}' missing in {language.code}",
                                        f"translate it; English ({english.ui_path}:{english.ui_lines.line(*key.split('.'))}): {value!r}"))
    return problems
