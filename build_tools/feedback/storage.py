"""Keeping feedback: add a submission exactly once, and query it for instructors.

``FeedbackStore.open(url)`` connects (SQLite file or PostgreSQL), migrates the schema and is
then safe to use from many threads. Writes are one short transaction each; a submission's
``submission_id`` is unique, so a resent submission returns the id it already has.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterator

from .database import Database, ItemRefused
from .migrations import migrate, migrate_in
from .validation import Submission

COLUMNS = ("id", "created_at", "rating", "helpful", "improve", "email", "page", "lesson", "lang",
           "submission_id", "is_spam")
DATE_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
MAX_PAGE = 5000


def utc_timestamp() -> str:
    """Fixed-width ISO 8601 in UTC: sorts and compares as text in SQLite and PostgreSQL alike."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_day(value: str, name: str) -> date:
    if not DATE_PATTERN.match(value or ""):
        raise ValueError(f"{name} must be a date written YYYY-MM-DD, not {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name} is not a real date: {value!r}") from None


@dataclass(frozen=True)
class FeedbackQuery:
    """What instructors filter by. ``since`` and ``until`` are whole days (UTC), both included."""

    lang: str = ""
    lesson: str = ""
    since: date | None = None
    until: date | None = None
    include_spam: bool = False
    after_id: int = 0       # keyset paging: rows with a larger id
    limit: int = MAX_PAGE

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.lang:
            clauses.append("lang = ?")
            params.append(self.lang)
        if self.lesson:
            clauses.append("lesson = ?")
            params.append(self.lesson)
        if self.since:
            clauses.append("created_at >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append("created_at < ?")
            params.append((self.until + timedelta(days=1)).isoformat())
        if not self.include_spam:
            clauses.append("is_spam = 0")
        if self.after_id:
            clauses.append("id > ?")
            params.append(self.after_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class FeedbackStore:
    def __init__(self, db: Database):
        self.db = db

    @classmethod
    def open(cls, url: str, pool_size: int = 16) -> "FeedbackStore":
        db = Database(url, pool_size)
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
        db.prepare_empty_file = lambda cursor: migrate_in(db, cursor)     # a deleted SQLite file, recreated
        return cls(db)

    @property
    def backend(self) -> str:
        return self.db.dialect.name

    def add(self, submission: Submission) -> tuple[int, bool]:
        """Store a submission; returns (id, True) when new, (existing id, False) when already stored."""
        return self.add_many([submission])[0]

    def add_many(self, submissions: list[Submission]) -> list[tuple[int, bool] | ItemRefused]:
        """Store several submissions in one transaction; (id, created) for each, in order.

        A submission the database refuses (a constraint, a value) gets its :class:`ItemRefused`
        in its place and the others are stored all the same: the batch is tried in one go and,
        only when something in it was refused, again with a savepoint around every item."""
        try:
            with self.db.transaction(write=True) as cursor:
                return [self._insert(cursor, s) for s in submissions]
        except ItemRefused:
            if len(submissions) == 1:
                return [ItemRefused(f"the database refused this submission ({submissions[0].submission_id})")]
        results: list[tuple[int, bool] | ItemRefused] = []
        with self.db.transaction(write=True) as cursor:
            for s in submissions:
                self.db.execute(cursor, "SAVEPOINT item")
                try:
                    results.append(self._insert(cursor, s))
                except self.db.dialect.refusals as exc:
                    self.db.execute(cursor, "ROLLBACK TO SAVEPOINT item")
                    results.append(ItemRefused(f"the database refused this submission: {exc}"))
                self.db.execute(cursor, "RELEASE SAVEPOINT item")
        return results

    def _insert(self, cursor: Any, s: Submission) -> tuple[int, bool]:
        self.db.execute(cursor,
                        "INSERT INTO feedback (submission_id, created_at, rating, helpful, improve, email, page, "
                        "lesson, lang, is_spam) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (submission_id) DO NOTHING RETURNING id",
                        (s.submission_id, utc_timestamp(), s.rating, s.helpful, s.improve, s.email, s.page,
                         s.lesson, s.lang, int(s.is_spam)))
        row = cursor.fetchone()
        if row is not None:
            return int(row[0]), True
        self.db.execute(cursor, "SELECT id FROM feedback WHERE submission_id = ?", (s.submission_id,))
        return int(cursor.fetchone()[0]), False

    def query(self, query: FeedbackQuery = FeedbackQuery()) -> list[dict[str, Any]]:
        where, params = query.where()
        limit = max(0, min(query.limit, MAX_PAGE))
        with self.db.transaction() as cursor:
            self.db.execute(cursor, f"SELECT {', '.join(COLUMNS)} FROM feedback{where} ORDER BY id LIMIT ?",
                            params + [limit])
            rows = cursor.fetchall()
        return [dict(zip(COLUMNS, row)) | {"is_spam": bool(row[-1])} for row in rows]

    def iter_all(self, query: FeedbackQuery = FeedbackQuery()) -> Iterator[dict[str, Any]]:
        """Every matching row, fetched a page at a time."""
        while True:
            rows = self.query(replace(query, limit=MAX_PAGE))
            yield from rows
            if len(rows) < MAX_PAGE:
                return
            query = replace(query, after_id=rows[-1]["id"])

    def count(self, query: FeedbackQuery = FeedbackQuery()) -> int:
        where, params = query.where()
        with self.db.transaction() as cursor:
            self.db.execute(cursor, f"SELECT COUNT(*) FROM feedback{where}", params)
            return int(cursor.fetchone()[0])

    def ping(self) -> None:
        """Raises StorageUnavailable unless a write reaches the database now: one row rewritten and
        committed as durably as a submission (a full disk, a replaced file, a read-only or hung
        database all fail it)."""
        with self.db.transaction(write=True) as cursor:
            self.db.execute(cursor, "INSERT INTO health_check (id, checked_at) VALUES (1, ?) "
                                    "ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                            (utc_timestamp(),))

    def close(self) -> None:
        self.db.close()
