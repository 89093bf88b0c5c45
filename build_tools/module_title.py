"""The module's title in each language: written once, as the ``title`` of ``content/<lang>/index.md``.

Every output that names the module (the site header and ``<title>``, PDFs, packs, audio
albums) reads it from here, as plain text (:func:`build_tools.plain_text.plain_text`); each
output escapes it for its own format. ``mkdocs.yml`` holds no per-language copy: the MkDocs
hook sets the site name of every language from :func:`home_front_matter`.
"""
from __future__ import annotations

from .config import CourseConfig
from .errors import CourseError
from .markdown_source import split_front_matter
from .model import Course
from .plain_text import plain_text
from .yaml_lines import load_yaml


def _title(meta: object, fallback: str) -> str:
    title = plain_text(meta.get("title")) if isinstance(meta, dict) else ""
    return title or fallback


def module_title(course: Course, code: str) -> str:
    """The module title in language ``code`` (mkdocs.yml's ``site_name`` if the home page has none)."""
    language = course.languages.get(code)
    home = language.home if language else None
    return _title(home.meta if home else None, course.config.site_name)


def home_front_matter(config: CourseConfig) -> dict[str, dict[str, str]]:
    """Every language's title and description, as plain text, read from the home pages alone
    (for the MkDocs hook, which runs before the course is loaded)."""
    homes = {}
    for code in config.language_codes:
        path = config.content_dir / code / "index.md"
        meta: object = None
        try:
            front, _body, _line = split_front_matter(path.read_text(encoding="utf-8"), f"content/{code}/index.md")
            meta, _lines = load_yaml(front, f"content/{code}/index.md", first_line=2)
        except (OSError, CourseError):
            pass                       # `course check` reports the unreadable home page
        description = plain_text(meta.get("description")) if isinstance(meta, dict) else ""
        homes[code] = {"title": _title(meta, config.site_name), "description": description}
    return homes

