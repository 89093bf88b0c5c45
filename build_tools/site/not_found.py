"""One "page not found" page per language, written as a generated page (``404.md``).

MkDocs' theme makes a single ``404.html`` for the whole site, in whichever language was built
last and with root-absolute links that break in a subfolder and from ``file://``. A generated
page instead is rendered like any other page of its language: its menu, heading and text in
that language, relative links, and a link back to the language's home page. The theme's own
404 is not built and the page is left out of the menu (site/theme_setup.py) and of search
(front matter).
"""
from __future__ import annotations

import yaml

from ..model import Language
from .html import text

NOT_FOUND_PAGE = "404.md"
NOT_FOUND_UI_KEYS = ("site.not_found_title", "site.not_found_text", "site.not_found_home")


def render_not_found(language: Language, search_base: str | None) -> str:
    t = language.t
    meta = {"title": t("site.not_found_title"), "course_kind": "not-found", "course_lang": language.code,
            "search": {"exclude": True}, "hide": ["navigation", "toc", "footer"]}
    if search_base:
        meta["course_search_base"] = search_base
    body = "\n\n".join([
        f"# {text(t('site.not_found_title'))}",
        f'<p class="course-not-found__text">{text(t("site.not_found_text"))}</p>',
        f'<p class="course-not-found__home"><a class="md-button md-button--primary" href="index.html">'
        f'{text(t("site.not_found_home"))}</a></p>',
    ])
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"
