"""The feedback schema, created and upgraded by the service itself.

Each :class:`Migration` has a version; ``schema_version`` records which ones ran. ``migrate``
applies the missing ones in one transaction under a lock, so several service processes that
start at once against one PostgreSQL database neither race nor apply a step twice. Add a
step by appending a Migration with the next version; never edit one that has shipped.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from .database import Database


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]     # may use {id_column}, filled in per dialect


MIGRATIONS = (
    Migration(1, "feedback table", (
        """CREATE TABLE feedback (
            id {id_column},
            submission_id VARCHAR(64) NOT NULL UNIQUE,
            created_at VARCHAR(32) NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
            helpful TEXT NOT NULL,
            improve TEXT NOT NULL,
            email VARCHAR(254) NOT NULL,
            page VARCHAR(200) NOT NULL,
            lesson VARCHAR(200) NOT NULL,
            lang VARCHAR(16) NOT NULL,
            is_spam INTEGER NOT NULL DEFAULT 0
        )""",
    )),
    Migration(2, "indexes for the instructors' filters (language, lesson, date)", (
        "CREATE INDEX feedback_lang_created ON feedback (lang, created_at)",
        "CREATE INDEX feedback_lesson_created ON feedback (lesson, created_at)",
        "CREATE INDEX feedback_created ON feedback (created_at)",
    )),
    Migration(3, "one row that /api/health rewrites to prove that writes reach the database", (
        "CREATE TABLE health_check (id INTEGER PRIMARY KEY, checked_at VARCHAR(32) NOT NULL)",
    )),
)
LATEST_VERSION = MIGRATIONS[-1].version


class SchemaTooNew(RuntimeError):
    pass


def current_version(db: Database, cursor) -> int:
    db.execute(cursor, "SELECT MAX(version) FROM schema_version")
    row = cursor.fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(db: Database, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Bring the schema up to date; returns the versions applied now (empty when already current)."""
    with db.transaction(write=True) as cursor:
        return migrate_in(db, cursor, migrations)


def migrate_in(db: Database, cursor, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """The steps of :func:`migrate` inside a transaction the caller opened (and commits)."""
    applied: list[int] = []
    if db.dialect.migration_lock:
        db.execute(cursor, db.dialect.migration_lock)
    db.execute(cursor, "CREATE TABLE IF NOT EXISTS schema_version ("
                       "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at VARCHAR(32) NOT NULL)")
    version = current_version(db, cursor)
    newest = migrations[-1].version
    if version > newest:
        raise SchemaTooNew(f"the feedback database has schema version {version}, newer than this program knows "
                           f"({newest}); upgrade the course tools before serving it")
    for migration in migrations:
        if migration.version <= version:
            continue
        for statement in migration.statements:
            db.execute(cursor, statement.format(id_column=db.dialect.id_column))
        db.execute(cursor, "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                   (migration.version, migration.description, datetime.now(timezone.utc).isoformat()))
        applied.append(migration.version)
    return applied
