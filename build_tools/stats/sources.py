"""Where `course quiz stats` reads attempts: a JSON Lines file of xAPI statements, an LRS, or the
attempts the site collected (`course serve`'s database); and the options that narrow them."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from pathlib import Path

from ..errors import CourseError
from .attempts import Attempt
from .report import Bank
from .xapi import CourseActivities, attempts_from_statements, read_statements


def parse_moment(text: str, option: str, end: bool = False) -> datetime:
    """An ISO date or date-time (UTC when no offset). A bare date given to --until counts the whole day."""
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise CourseError.at("", 0, f"{option}: {text!r} is not a date",
                             "write it as 2026-12-01 or 2026-12-01T14:30 (UTC unless an offset is given)")
    if len(text.strip()) == 10:
        when = datetime.combine(when.date(), time()) + (timedelta(days=1) if end else timedelta())
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def course_activities(course, banks: dict[str, Bank]) -> CourseActivities:
    from ..lms.settings import load_lms_settings

    settings = load_lms_settings(course.config)
    return CourseActivities(settings.id, settings.version, {lang: bank.version for lang, bank in banks.items()})


def attempts_from_file(path: Path, activities: CourseActivities) -> list[Attempt]:
    return attempts_from_statements(read_statements(path), activities)


def attempts_from_lrs(url: str, activities: CourseActivities, langs: list[str],
                      since: datetime | None, until: datetime | None) -> list[Attempt]:
    from .lrs import fetch_answered

    statements = fetch_answered(url, [activities.au(lang) for lang in langs], since, until)
    return attempts_from_statements(statements, activities)


def attempts_from_database(course, db: str) -> list[Attempt]:
    """The attempts `course serve` collected: ``db`` is the SQLite file or a postgresql:// URL."""
    from ..attempts.storage import AttemptStore
    from ..feedback.database import StorageUnavailable, is_postgres_url, safe_url, sqlite_url

    url = db if is_postgres_url(db) else sqlite_url(Path(course.config.root) / db)
    if not is_postgres_url(db) and not (Path(course.config.root) / db).is_file():
        raise CourseError.at(db, 0, "no such database file", "give the file `course serve` keeps feedback and attempts in")
    try:
        store = AttemptStore.open(url)
    except StorageUnavailable as exc:
        raise CourseError.at(safe_url(url), 0, f"cannot read the attempts: {exc}", "check the database URL")
    try:
        return store.attempts()
    finally:
        store.close()
