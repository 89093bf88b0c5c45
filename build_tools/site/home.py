"""The module home page, rendered from the metadata written once in ``index.md``'s front matter.

The study time is the sum of the lessons' estimated times (build_tools/record/study_time.py), not
the hand-written ``duration``; below the facts come the module's progress bar, Start/Continue and
Reset (build_tools/record/page_data.py, brought to life by progress.js).
"""
from __future__ import annotations

from pathlib import Path

from ..model import Language, Page
from ..record.page_data import home_progress, minutes_for
from ..record.render import current_rules
from ..record.study_time import format_minutes
from .html import text


def _facts(language: Language, page: Page, minutes: int) -> str:
    rows = [(language.t("home.eqf"), page.meta.get("eqf", "")),
            (language.t("home.duration"), format_minutes(minutes, language.t)),
            (language.t("home.language"), language.name)]
    items = "".join(f"<div><dt>{text(k)}</dt><dd>{text(v)}</dd></div>" for k, v in rows)
    return f'<dl class="course-facts">{items}</dl>'


def _lesson_list(language: Language) -> str:
    lines = []
    for number, lesson in enumerate(language.lessons, start=1):
        summary = str(lesson.meta.get("summary", "")).strip()
        lines.append(f"{number}. [{lesson.title}]({lesson.name})" + (f" — {summary}" if summary else ""))
    others = [p for p in language.ordered_pages if p.kind not in ("home", "lesson")]
    lines.extend(f"- [{p.title}]({p.name})" for p in others if p.kind in ("keypoints", "quiz", "faq", "glossary", "downloads"))
    return "\n".join(lines)


def render_home(language: Language, page: Page, lang_dir: Path | None = None) -> str:
    meta = page.meta
    minutes = sum(minutes_for(language, current_rules(), lang_dir).values())
    parts = [f"# {meta.get('title', '')}", _facts(language, page, minutes), page.intro.strip(), home_progress(language),
             f"## {language.t('home.description')}", str(meta.get("description", "")).strip(),
             f"## {language.t('home.outcomes')}", "\n".join(f"- {o}" for o in meta.get("outcomes") or []),
             f"## {language.t('home.lessons')}", _lesson_list(language),
             f"## {language.t('home.keywords')}",
             '<p class="course-keywords">' + " · ".join(text(k) for k in meta.get("keywords") or []) + "</p>",
             f"## {language.t('home.bibliography')}",
             "\n".join(f"- {b}" for b in meta.get("bibliography") or [])]
    return "\n\n".join(p for p in parts if p)
