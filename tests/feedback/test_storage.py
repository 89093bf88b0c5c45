"""The store without the service: schema migrations (in order, once, under concurrency), WAL for
SQLite, and adding a submission exactly once, on SQLite and PostgreSQL alike."""
from __future__ import annotations

import sqlite3
import threading
import uuid

import pytest

from build_tools.feedback.database import Database
from build_tools.feedback.migrations import LATEST_VERSION, MIGRATIONS, SchemaTooNew, migrate
from build_tools.feedback.storage import FeedbackQuery, FeedbackStore
from build_tools.feedback.validation import validate_submission


def submission(**fields):
    return validate_submission({"rating": 3, "lang": "pl", "helpful": "Przykłady", **fields})


def versions(url: str) -> list[int]:
    db = Database(url)
    try:
        with db.transaction() as cursor:
            db.execute(cursor, "SELECT version FROM schema_version ORDER BY version")
            return [row[0] for row in cursor.fetchall()]
    finally:
        db.close()


def test_a_new_database_gets_the_whole_schema(database_url):
    store = FeedbackStore.open(database_url)
    store.close()
    assert versions(database_url) == [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_an_old_schema_is_migrated_without_losing_feedback(database_url):
    db = Database(database_url)
    assert migrate(db, MIGRATIONS[:1]) == [1]
    with db.transaction(write=True) as cursor:
        db.execute(cursor, "INSERT INTO feedback (submission_id, created_at, rating, helpful, improve, email, page, "
                           "lesson, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   ("old-submission-1", "2026-01-02T03:04:05.000000Z", 2, "kept", "", "", "", "basics", "hu"))
    db.close()
    store = FeedbackStore.open(database_url)
    try:
        assert versions(database_url) == [1, 2, 3]
        [row] = store.query(FeedbackQuery(lang="hu"))
        assert (row["helpful"], row["created_at"]) == ("kept", "2026-01-02T03:04:05.000000Z")
        assert migrate(store.db) == []                    # nothing left to do
    finally:
        store.close()


def test_a_schema_newer_than_the_program_is_refused(database_url):
    FeedbackStore.open(database_url).close()
    db = Database(database_url)
    with db.transaction(write=True) as cursor:
        db.execute(cursor, "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                   (LATEST_VERSION + 7, "from the future", "2030-01-01"))
    with pytest.raises(SchemaTooNew, match=f"schema version {LATEST_VERSION + 7}, newer than this program knows "
                                           f"\\({LATEST_VERSION}\\); upgrade the course tools"):
        migrate(db)
    db.close()


def test_processes_starting_together_migrate_once(database_url):
    errors, stores = [], []

    def open_store():
        try:
            stores.append(FeedbackStore.open(database_url, pool_size=2))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert errors == []
    assert versions(database_url) == list(range(1, LATEST_VERSION + 1))


def test_sqlite_uses_write_ahead_logging(tmp_path):
    path = tmp_path / "f.sqlite3"
    FeedbackStore.open(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_submission_is_added_once(database_url):
    store = FeedbackStore.open(database_url)
    try:
        sid = str(uuid.uuid4())
        first = store.add(submission(submission_id=sid))
        again = store.add(submission(submission_id=sid, helpful="changed on the way"))
        assert first[1] is True and again == (first[0], False)
        [row] = store.query()
        assert row["helpful"] == "Przykłady" and row["submission_id"] == sid
        assert store.add(submission())[1] is True          # without an id, one is made up
        assert store.count() == 2
    finally:
        store.close()


def test_iterating_everything_pages_through_all_rows(database_url, monkeypatch):
    from build_tools.feedback import storage

    monkeypatch.setattr(storage, "MAX_PAGE", 3)
    store = FeedbackStore.open(database_url)
    try:
        for n in range(8):
            store.add(submission(helpful=f"row {n}"))
        assert [r["helpful"] for r in store.iter_all()] == [f"row {n}" for n in range(8)]
        assert len(store.query()) == 3
    finally:
        store.close()


def test_a_batch_is_stored_in_order_in_one_transaction(database_url):
    import asyncio

    from build_tools.feedback.group_commit import GroupCommit

    store = FeedbackStore.open(database_url)
    try:
        first, again = submission(helpful="first"), submission(helpful="second")
        assert store.add(first)[1] is True

        async def send_together():
            writer = GroupCommit(store, max_batch=3)
            return await asyncio.gather(*(writer.add(s) for s in [submission(helpful=f"n{i}") for i in range(7)] + [first]))

        # In its own thread: in a full run Playwright's sync API holds the main thread's event loop.
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(1) as pool:
            results = pool.submit(asyncio.run, send_together()).result()
        ids = [feedback_id for feedback_id, _ in results]
        assert [created for _, created in results] == [True] * 7 + [False]   # the resent one is not stored twice
        assert ids[:7] == sorted(ids[:7]) and ids[7] == store.add(first)[0]
        assert [row["helpful"] for row in store.query(FeedbackQuery())] == ["first"] + [f"n{i}" for i in range(7)]
        (new_id, created), (same_id, created_again) = store.add_many([again, again])
        assert new_id > ids[6] and same_id == new_id and (created, created_again) == (True, False)
    finally:
        store.close()
