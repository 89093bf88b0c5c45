"""The feedback settings in ``mkdocs.yml`` (``extra.course.feedback``), validated.

``endpoint`` is where the form sends: a path on the same site (default ``/api/feedback``, the
service of ``course serve``), the URL of any compatible service, or ``mailto:address`` to open
the learner's mail program. ``database`` is the SQLite file ``course serve`` uses when no
PostgreSQL URL is given.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import MKDOCS_FILE, CourseConfig, Option
from ..errors import CourseError
from .database import is_postgres_url, sqlite_url

DEFAULT_ENDPOINT = "/api/feedback"
DATABASE_URL_ENV = "DATABASE_URL"
FEEDBACK_OPTIONS = [
    Option("endpoint", str, DEFAULT_ENDPOINT,
           help="where the form sends: /api/feedback, https://host/api/feedback or mailto:address"),
    Option("database", str, "feedback.sqlite3", help="SQLite file of `course serve`, relative to the course folder"),
]
MAILTO = re.compile(r"^mailto:[^\s@?]+@[^\s@?]+\.[^\s@?]+\Z")
URL = re.compile(r"^https?://[^\s/?#]+(/[^\s]*)?\Z")
PATH = re.compile(r"^/[^\s]*\Z")


@dataclass(frozen=True)
class FeedbackOptions:
    endpoint: str
    database: str

    @property
    def is_mailto(self) -> bool:
        return self.endpoint.startswith("mailto:")


def feedback_options(config: CourseConfig) -> FeedbackOptions:
    values = config.options("feedback", FEEDBACK_OPTIONS)
    endpoint = values["endpoint"].strip()
    if not (MAILTO.match(endpoint) or URL.match(endpoint) or PATH.match(endpoint)):
        raise CourseError.at(MKDOCS_FILE, config.lines.line("extra", "course", "feedback", "endpoint"),
                             f"extra.course.feedback.endpoint: {endpoint!r} is not a place to send feedback",
                             "use a path on this site (/api/feedback), a service URL "
                             "(https://feedback.example.org/api/feedback) or mailto:trainer@example.org")
    return FeedbackOptions(endpoint, values["database"])


def database_url(config: CourseConfig, db: str | Path | None = None, url: str | None = None) -> str:
    """Which database to use: --database-url, else --db, else $DATABASE_URL, else the configured file."""
    chosen = url or (sqlite_url(db) if db else None) or os.environ.get(DATABASE_URL_ENV, "").strip()
    if not chosen:
        return sqlite_url(config.root / feedback_options(config).database)
    if not (is_postgres_url(chosen) or chosen.startswith("sqlite:///")):
        raise CourseError.at(DATABASE_URL_ENV if not url else "--database-url", 0,
                             f"unsupported database URL {chosen.split('://')[0]}://…",
                             "use postgresql://user:password@host:5432/dbname, or sqlite:////absolute/path.sqlite3")
    return chosen
