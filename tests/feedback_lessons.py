"""Lesson ids that the feedback tests may use to keep their rows apart in a shared database.

The service accepts only the pages and lessons that the built site's feedback forms offer
(build_tools/feedback/site_pages.py). The served copy of the fixture site gets one extra page
carrying a form configuration with TEST_LESSONS lessons t-0000, t-0001, … (and pages
t-page-0000, …); ``unique_lesson()`` hands them out in order, so no two tests share one.
"""
from __future__ import annotations

import itertools
import json
from pathlib import Path

TEST_LESSONS = 3000
_counter = itertools.count()


def unique_lesson() -> str:
    number = next(_counter)
    assert number < TEST_LESSONS, "more test lessons needed: raise TEST_LESSONS"
    return f"t-{number:04d}"


def add_test_lessons(site_dir: Path) -> None:
    pages = {f"t-page-{n:04d}": {"lesson": f"t-{n:04d}", "title": f"Test {n}"} for n in range(TEST_LESSONS)}
    (site_dir / "test-lessons.html").write_text(
        '<!doctype html><title>test lessons</title><script type="application/json" id="course-feedback-config">'
        + json.dumps({"pages": pages}) + "</script>\n", encoding="utf-8")
