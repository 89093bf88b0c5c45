"""The course whose pages are being written, for renderers that need course-wide settings.

Body renderers receive ``(language, page, lang_dir)``; a renderer that also needs a setting from
``mkdocs.yml`` (the feedback form's endpoint) reads :func:`rendering_course`, which
``write_generated_docs`` sets for the time it renders.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from ..model import Course

_current: ContextVar[Course | None] = ContextVar("rendering_course", default=None)


def rendering_course() -> Course | None:
    return _current.get()


@contextmanager
def rendering(course: Course) -> Iterator[None]:
    token = _current.set(course)
    try:
        yield
    finally:
        _current.reset(token)
