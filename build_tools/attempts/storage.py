"""Keeping shared attempts: one row per attempt (its answers as JSON), stored exactly once.

Uses the feedback service's connection layer (build_tools/feedback/database.py), so the same
SQLite file or PostgreSQL database holds both; the table is created when missing, under
PostgreSQL's migration lock when several processes start at once.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Iterator

from ..feedback.database import Database
from ..feedback.storage import utc_timestamp
from ..stats.attempts import Answer, Attempt
from .validation import SharedAttempt

SCHEMA = """CREATE TABLE IF NOT EXISTS quiz_attempts (
    id {id_column},
    attempt_id VARCHAR(64) NOT NULL UNIQUE,
    created_at VARCHAR(32) NOT NULL,
    lang VARCHAR(16) NOT NULL,
    bank_version VARCHAR(64) NOT NULL,
    total DOUBLE PRECISION NOT NULL,
    max_total DOUBLE PRECISION NOT NULL,
    answers TEXT NOT NULL
)"""
PAGE = 2000


class AttemptStore:
    def __init__(self, db: Database):
        self.db = db

    @classmethod
    def open(cls, url: str, pool_size: int = 8) -> "AttemptStore":
        db = Database(url, pool_size)
        try:
            with db.transaction(write=True) as cursor:
                if db.dialect.migration_lock:
                    db.execute(cursor, db.dialect.migration_lock)
                db.execute(cursor, SCHEMA.format(id_column=db.dialect.id_column))
        except BaseException:
            db.close()
            raise
        return cls(db)

    def add_many(self, attempts: list[SharedAttempt]) -> list[tuple[int, bool]]:
        """All in one transaction; (id, created) per attempt; a resent attempt keeps its first id."""
        results = []
        with self.db.transaction(write=True) as cursor:
            for a in attempts:
                answers = json.dumps([{"question": x.question, "response": x.response, "score": x.score,
                                       "max_score": x.max_score, "seconds": x.seconds} for x in a.answers],
                                     ensure_ascii=False)
                self.db.execute(cursor, "INSERT INTO quiz_attempts (attempt_id, created_at, lang, bank_version, total, "
                                        "max_total, answers) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (attempt_id) DO NOTHING RETURNING id",
                                (a.attempt_id, utc_timestamp(), a.lang, a.bank_version, a.total, a.max_total, answers))
                row = cursor.fetchone()
                if row is None:
                    self.db.execute(cursor, "SELECT id FROM quiz_attempts WHERE attempt_id = ?", (a.attempt_id,))
                    results.append((int(cursor.fetchone()[0]), False))
                else:
                    results.append((int(row[0]), True))
        return results

    def rows(self) -> Iterator[tuple]:
        after = 0
        while True:
            with self.db.transaction() as cursor:
                self.db.execute(cursor, "SELECT id, attempt_id, created_at, lang, bank_version, answers FROM quiz_attempts "
                                        "WHERE id > ? ORDER BY id LIMIT ?", (after, PAGE))
                page = cursor.fetchall()
            yield from page
            if len(page) < PAGE:
                return
            after = page[-1][0]

    def attempts(self) -> list[Attempt]:
        """Every stored attempt, as build_tools.stats reads them."""
        out = []
        for _, attempt_id, created, lang, version, answers in self.rows():
            when = datetime.fromisoformat(created.replace("Z", "+00:00"))
            out.append(Attempt(attempt_id, lang, version, [Answer(x["question"], x["response"], x["score"],
                                                                  x["max_score"], x.get("seconds"))
                                                           for x in json.loads(answers)], when))
        return out

    def count(self) -> int:
        with self.db.transaction() as cursor:
            self.db.execute(cursor, "SELECT COUNT(*) FROM quiz_attempts")
            return int(cursor.fetchone()[0])

    def close(self) -> None:
        self.db.close()
