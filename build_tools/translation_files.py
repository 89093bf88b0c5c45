"""Edits to lesson files that the tools make for instructors: marking translations, scaffolding lessons."""
from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import CourseError
from .markdown_source import VALID_ID
from .model import Course, Page

TRANSLATES_LINE = re.compile(r"^translates:.*$", re.MULTILINE)
LESSON_NUMBER = re.compile(r"^(\d\d)-")
LAST_LESSON_NUMBER = 89


def mark_translated(course: Course, page: Page) -> bool:
    """Record in ``page``'s front matter which English version it translates. Returns True if changed."""
    digest = course.source.pages[page.name].source_digest()
    path = course.root / page.path
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---", 3)
    front, rest = text[:end], text[end:]
    line = f"translates: {digest}"
    new_front = TRANSLATES_LINE.sub(line, front) if TRANSLATES_LINE.search(front) else front + "\n" + line
    if new_front == front:
        return False
    path.write_text(new_front + rest, encoding="utf-8")
    return True


def next_lesson_name(course: Course, slug: str) -> str:
    if not VALID_ID.match(slug):
        raise CourseError.at("content", 0, f"lesson slug '{slug}' is not valid",
                             "use lower-case letters, digits and hyphens, e.g. 'loyalty-programmes'")
    numbers = [int(m.group(1)) for name in course.source.pages if (m := LESSON_NUMBER.match(name))
               and int(m.group(1)) <= LAST_LESSON_NUMBER]
    number = max(numbers, default=0) + 1
    if number > LAST_LESSON_NUMBER:
        raise CourseError.at("content", 0, "no free lesson number below 90", "merge or renumber lessons")
    return f"{number:02d}-{slug}.md"


def yaml_text(value: str) -> str:
    """``value`` as one YAML scalar that reads back as exactly that text ("#1 tips", "Why: x", "yes")."""
    return json.dumps(value, ensure_ascii=False)


def lesson_scaffold(slug: str, title: str, summary: str, translated: bool) -> str:
    lines = ["---", "kind: lesson", f"id: {slug}", f"title: {yaml_text(title)}", f"summary: {yaml_text(summary)}"]
    if translated:
        lines.append("translates: missing")
    lines += ["---", "One or two sentences that introduce the lesson.", "",
              "## First section {#first-section}", "",
              "Write 80-250 words here. Every `## ` heading starts a click-to-expand section; keep its `{#id}`",
              "identical in every language.", ""]
    return "\n".join(lines)


def scaffold_lesson(course: Course, slug: str, title: str) -> list[Path]:
    """Create the lesson in every language; translations are marked as not yet translated."""
    title = " ".join(title.split())
    if not title:
        raise CourseError.at("content", 0, "the lesson title is empty", 'give the English title, e.g. --title "Loyalty programmes"')
    existing = next((p for p in course.source.pages.values() if p.id == slug or p.stem[3:] == slug), None)
    if existing is not None:
        raise CourseError.at(existing.path, existing.meta_lines.line("id"), f"a lesson with the slug '{slug}' exists already",
                             "choose another slug, or edit that lesson")
    name = next_lesson_name(course, slug)
    created = []
    for code, language in course.languages.items():
        path = course.config.content_dir / code / name
        if path.exists():
            raise CourseError.at(course.show(path), 1, "lesson file exists already", "choose another slug")
        is_translation = code != course.config.source_language
        path.write_text(lesson_scaffold(slug, title, "One sentence for the lesson list.", is_translation), encoding="utf-8")
        created.append(path)
    return created
