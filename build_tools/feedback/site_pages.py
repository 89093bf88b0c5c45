"""The pages and lessons a submission may name: exactly those the built site's feedback forms offer.

Each language's feedback page carries the form's data (``<script id="course-feedback-config">``,
written by build_tools/site/feedback_form.py) with the page names the form may send and each
page's lesson id. The service reads them once at start-up, so a submission naming any other page
or lesson is refused (422) instead of being kept as if it were about the course.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

CONFIG_SCRIPT = re.compile(r'<script type="application/json" id="course-feedback-config">(.*?)</script>', re.S)


@dataclass(frozen=True)
class KnownPages:
    pages: frozenset[str]
    lessons: frozenset[str]


def known_pages(site_dir: Path) -> KnownPages | None:
    """The pages and lessons of every feedback form in ``site_dir``; None when the site has no form."""
    pages: set[str] = set()
    lessons: set[str] = set()
    found = False
    for html in sorted(Path(site_dir).rglob("*.html")):
        text = html.read_text(encoding="utf-8", errors="replace")
        if "course-feedback-config" not in text:
            continue
        for match in CONFIG_SCRIPT.finditer(text):
            try:
                config = json.loads(match.group(1))
            except ValueError:
                continue
            found = True
            for name, info in (config.get("pages") or {}).items():
                pages.add(str(name))
                if isinstance(info, dict) and info.get("lesson"):
                    lessons.add(str(info["lesson"]))
    return KnownPages(frozenset(pages), frozenset(lessons)) if found else None
