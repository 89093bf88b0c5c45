"""One "page not found" page per language, a generated page (``404.md``) like the others.

MkDocs' theme makes a single ``404.html`` for the whole site, in whichever language was built
last and with root-absolute links that break in a subfolder and from ``file://``. This page is
rendered like any other page of its language instead: its menu, heading and text in that
language, relative links, and a link back to the language's home page. The theme's own 404 is
not built and this page is left out of the menu (site/theme_setup.py) and of search
(:data:`NOT_FOUND_META`, added to its front matter).
"""
from __future__ import annotations

from pathlib import Path

from ..model import Language, Page
from .html import text

NOT_FOUND_PAGE = "404.md"
NOT_FOUND_KIND = "not-found"
NOT_FOUND_META = {"search": {"exclude": True}, "hide": ["navigation", "toc", "footer"]}
NOT_FOUND_UI_KEYS = ("site.not_found_title", "site.not_found_text", "site.not_found_home")


def not_found_page(language: Language) -> Page:
    """The page as the model would hold it, had it a source file (it has none: it is all UI strings)."""
    from ..yaml_lines import LineMap

    return Page(lang=language.code, name=NOT_FOUND_PAGE, path=f"(generated) {language.code}/{NOT_FOUND_PAGE}",
                meta={"kind": NOT_FOUND_KIND, "title": language.t("site.not_found_title")},
                meta_lines=LineMap(), intro="", intro_line=0)


def render_not_found(language: Language, page: Page, lang_dir: Path) -> str:
    t = language.t
    home = language.home.html_name if language.home else "index.html"
    return "\n\n".join([
        f"# {text(t('site.not_found_title'))}",
        f'<p class="course-not-found__text">{text(t("site.not_found_text"))}</p>',
        f'<p class="course-not-found__home"><a class="md-button md-button--primary" href="{home}">'
        f'{text(t("site.not_found_home"))}</a></p>',
    ])
