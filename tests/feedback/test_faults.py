"""The feedback service when things go wrong, each case bounded in time: the process killed (-9)
under load, its SQLite file deleted or replaced, the disk full, PostgreSQL stopped or hung, and
one submission the database refuses inside a batch of good ones.

The promise checked everywhere: an acknowledged submission (201/200) is stored, and one that is
not stored is answered with an error (503 with Retry-After, so the form keeps it and resends)."""
from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sqlite3
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from feedback_lessons import unique_lesson
from postgres_cluster import ClusterUnavailable, PostgresCluster
from service_process import for_database

from build_tools.feedback.storage import FeedbackQuery, FeedbackStore


def body(lesson: str, **extra) -> dict:
    return {"submission_id": str(uuid.uuid4()), "rating": 4, "lang": "en", "lesson": lesson,
            "helpful": "kept through faults", **extra}


def stored_ids(url: str) -> dict[str, int]:
    store = FeedbackStore.open(url)
    try:
        return {row["submission_id"]: row["id"] for row in store.iter_all(FeedbackQuery(include_spam=True))}
    finally:
        store.close()


async def _hammer(url: str, lesson: str, clients: int, seconds: float,
                  results: list | None = None) -> list[tuple[str, int, int]]:
    """``clients`` connections posting as fast as they can for ``seconds``; (submission_id, status, id)."""
    results = [] if results is None else results
    deadline = time.monotonic() + seconds

    async def one() -> None:
        async with httpx.AsyncClient(base_url=url, timeout=5, limits=httpx.Limits(max_connections=1)) as client:
            while time.monotonic() < deadline:
                sent = body(lesson)
                try:
                    response = await client.post("/api/feedback", json=sent)
                except httpx.HTTPError as exc:
                    results.append((sent["submission_id"], 0, 0))
                    if isinstance(exc, httpx.ConnectError):
                        return                      # nothing listens any more (the process was killed)
                    await asyncio.sleep(0.05)
                    continue
                results.append((sent["submission_id"], response.status_code,
                                response.json().get("id", 0) if response.status_code < 300 else 0))

    await asyncio.gather(*(one() for _ in range(clients)))
    return results


def hammer(url: str, lesson: str, clients: int = 20, seconds: float = 3.0, results: list | None = None):
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _hammer(url, lesson, clients, seconds, results)).result()


def kill_after(service, results: list, acknowledged: int, limit: float) -> None:
    """SIGKILL the service once ``acknowledged`` submissions were answered 201 (or after ``limit`` s)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and sum(1 for r in list(results) if r[1] == 201) < acknowledged:
        time.sleep(0.05)
    service.process.send_signal(signal.SIGKILL)


@pytest.fixture
def own_cluster():
    """A PostgreSQL server of its own, which the test may stop or freeze."""
    try:
        cluster = PostgresCluster().start()
    except ClusterUnavailable as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    yield cluster
    try:
        cluster.resume()
    except (OSError, ValueError):
        pass
    cluster.stop()


# ---- kill -9 under load ----

def test_kill_9_under_load_loses_no_acknowledged_submission(served_course, database_url):
    service = for_database(served_course, database_url, rate_limit=0).start()
    lesson = unique_lesson()
    results: list = []
    with ThreadPoolExecutor(1) as killer:
        killer.submit(kill_after, service, results, 300, 20.0)
        hammer(service.url, lesson, clients=30, seconds=22.0, results=results)
    assert service.process.wait(10) == -signal.SIGKILL
    acknowledged = {sid: fid for sid, status, fid in results if status in (200, 201)}
    assert len(acknowledged) > 100, "the load did not reach the service before the kill"
    assert any(status == 0 for _, status, _ in results), "the kill did not happen under load"
    rows = stored_ids(database_url)
    missing = {sid for sid in acknowledged if rows.get(sid) != acknowledged[sid]}
    assert not missing, f"{len(missing)} of {len(acknowledged)} acknowledged submissions were lost"


# ---- the SQLite file deleted or replaced ----

def test_deleted_database_file_is_recreated_and_nothing_acknowledged_is_lost(served_course, tmp_path):
    db = tmp_path / "feedback.sqlite3"
    url = f"sqlite:///{db}"
    with for_database(served_course, url, rate_limit=0) as service:
        lesson = unique_lesson()
        assert httpx.post(service.url + "/api/feedback", json=body(lesson)).status_code == 201
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        after = hammer(service.url, lesson, clients=10, seconds=3.0)
        statuses = {status for _, status, _ in after}
        assert statuses <= {201, 503}, statuses
        assert db.is_file(), "the service did not recreate its database"
        acknowledged = {sid: fid for sid, status, fid in after if status == 201}
        assert len(acknowledged) >= 5, "too few writes after the deletion to tell"
        rows = stored_ids(url)
        assert all(rows.get(sid) == fid for sid, fid in acknowledged.items())
        assert httpx.get(service.url + "/api/health").json()["status"] == "ok"


def test_replaced_database_file_is_never_acknowledged_into_the_old_one(served_course, tmp_path):
    db = tmp_path / "feedback.sqlite3"
    url = f"sqlite:///{db}"
    with for_database(served_course, url, rate_limit=0) as service:
        lesson = unique_lesson()
        assert httpx.post(service.url + "/api/feedback", json=body(lesson)).status_code == 201
        # The operator restores another copy over it (a new inode at the same path).
        other = tmp_path / "restored.sqlite3"
        shutil.copy(db, other)
        os.replace(other, db)
        Path(f"{db}-wal").unlink(missing_ok=True)
        Path(f"{db}-shm").unlink(missing_ok=True)
        after = hammer(service.url, lesson, clients=10, seconds=3.0)
        acknowledged = {sid: fid for sid, status, fid in after if status == 201}
        assert acknowledged and {status for _, status, _ in after} <= {201, 503}
        rows = stored_ids(url)
        assert all(rows.get(sid) == fid for sid, fid in acknowledged.items())


def test_file_replaced_inside_a_transaction_is_answered_as_an_outage(tmp_path):
    from build_tools.feedback.database import StorageUnavailable
    from build_tools.feedback.validation import validate_submission

    db = tmp_path / "feedback.sqlite3"
    store = FeedbackStore.open(f"sqlite:///{db}")
    try:
        store.add(validate_submission({"rating": 3, "lang": "en"}))
        with pytest.raises(StorageUnavailable, match="was deleted or replaced"):
            with store.db.transaction(write=True) as cursor:
                store._insert(cursor, validate_submission({"rating": 4, "lang": "en"}))
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
        # The next write reopens (and re-creates) the file.
        new_id, created = store.add(validate_submission({"rating": 5, "lang": "en"}))
        assert created and store.count(FeedbackQuery()) == 1
    finally:
        store.close()


# ---- the disk full ----

@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("disk-full test skipped: mounting a small tmpfs needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"disk-full test skipped: cannot mount a tmpfs here ({result.stderr.strip()})")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    return filler


def test_disk_full_answers_503_and_health_says_so_then_recovers(served_course, small_disk):
    url = f"sqlite:///{small_disk / 'feedback.sqlite3'}"
    with for_database(served_course, url, rate_limit=0) as service:
        lesson = unique_lesson()
        before = body(lesson)
        assert httpx.post(service.url + "/api/feedback", json=before).status_code == 201
        filler = fill(small_disk)
        big = "ü" * 3999
        sent = [body(lesson, helpful=big, improve=big) for _ in range(40)]
        answers = [httpx.post(service.url + "/api/feedback", json=b, timeout=20) for b in sent]
        refused = [a for a in answers if a.status_code == 503]
        assert refused, [a.status_code for a in answers]
        assert {a.status_code for a in answers} <= {201, 503}
        assert refused[0].json()["detail"] == "feedback storage is unavailable just now; try again later"
        assert refused[0].headers["retry-after"] and "content-security-policy" in refused[0].headers
        time.sleep(1.1)                                          # past the health check's cache
        health = httpx.get(service.url + "/api/health")
        assert health.status_code == 503 and health.json()["status"] == "unavailable"
        filler.unlink()
        time.sleep(1.1)
        assert httpx.get(service.url + "/api/health").status_code == 200
        after = body(lesson)
        assert httpx.post(service.url + "/api/feedback", json=after).status_code == 201
        acknowledged = [before["submission_id"], after["submission_id"]]
        acknowledged += [b["submission_id"] for b, a in zip(sent, answers) if a.status_code == 201]
        rows = stored_ids(url)
        assert all(sid in rows for sid in acknowledged)


# ---- PostgreSQL stopped, then hung ----

def test_postgresql_stopped_is_an_outage_and_the_service_recovers(served_course, own_cluster):
    url = own_cluster.new_database()
    with for_database(served_course, url, rate_limit=0) as service:
        lesson = unique_lesson()
        assert httpx.post(service.url + "/api/feedback", json=body(lesson)).status_code == 201
        own_cluster.stop_server()
        started = time.monotonic()
        answer = httpx.post(service.url + "/api/feedback", json=body(lesson), timeout=30)
        assert answer.status_code == 503 and time.monotonic() - started < 12
        assert answer.headers["retry-after"]
        assert httpx.get(service.url + "/api/health", timeout=30).status_code == 503
        with service.admin() as admin:
            export = admin.get("/api/feedback.csv")
        assert export.status_code == 503 and export.headers["content-type"] == "application/json"
        own_cluster.start_server()
        deadline = time.monotonic() + 20
        while httpx.post(service.url + "/api/feedback", json=body(lesson), timeout=30).status_code != 201:
            assert time.monotonic() < deadline, "the service did not reconnect to PostgreSQL"
            time.sleep(0.5)


def test_postgresql_hung_requests_end_and_sigterm_exits(served_course, own_cluster):
    url = own_cluster.new_database()
    service = for_database(served_course, url, rate_limit=0).start()
    try:
        lesson = unique_lesson()
        assert httpx.post(service.url + "/api/feedback", json=body(lesson)).status_code == 201
        own_cluster.pause()
        started = time.monotonic()
        answer = httpx.post(service.url + "/api/feedback", json=body(lesson), timeout=30)
        waited = time.monotonic() - started
        assert answer.status_code == 503, answer.text
        assert waited < 14, f"a request waited {waited:.1f} s on a hung database (the browser gives up at 15 s)"
        assert answer.headers["content-type"] == "application/json" and "content-security-policy" in answer.headers
        with ThreadPoolExecutor(4) as pool:                  # requests in flight when SIGTERM comes
            pending = [pool.submit(httpx.post, service.url + "/api/feedback", json=body(lesson), timeout=40)
                       for _ in range(4)]
            time.sleep(0.5)
            stopping = time.monotonic()
            service.process.send_signal(signal.SIGTERM)
            code = service.process.wait(40)
            answers = [f.result() for f in pending]
        assert code == 0 and time.monotonic() - stopping < 35
        assert all(a.status_code == 503 and a.headers["content-type"] == "application/json" for a in answers), \
            [(a.status_code, a.text[:80]) for a in answers]
        assert "Traceback" not in service.log
    finally:
        own_cluster.resume()
        service.stop()


# ---- one refused submission in a batch ----

def _refuse_marked_text(url: str) -> None:
    """A rule of the operator's the service does not know: the database refuses one text."""
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url[len("sqlite:///"):]) as conn:
            conn.execute("CREATE TRIGGER refuse_marked BEFORE INSERT ON feedback WHEN NEW.improve = 'refuse me' "
                         "BEGIN SELECT RAISE(ABORT, 'refused by the operator''s rule'); END")
    else:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("ALTER TABLE feedback ADD CONSTRAINT refuse_marked CHECK (improve <> 'refuse me')")


async def _batch(url: str, lesson: str) -> list[tuple[dict, httpx.Response]]:
    bodies = [body(lesson, improve="refuse me" if n == 17 else f"fine {n}") for n in range(50)]
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=httpx.Limits(max_connections=50)) as client:
        answers = await asyncio.gather(*(client.post("/api/feedback", json=b) for b in bodies))
    return list(zip(bodies, answers))


def test_one_refused_submission_does_not_fail_its_batch(served_course, database_url):
    service = for_database(served_course, database_url, rate_limit=0).start()
    try:
        _refuse_marked_text(database_url)
        lesson = unique_lesson()
        with ThreadPoolExecutor(1) as pool:
            results = pool.submit(asyncio.run, _batch(service.url, lesson)).result()
    finally:
        service.stop()
    refused = [(b, a) for b, a in results if b["improve"] == "refuse me"]
    others = [(b, a) for b, a in results if b["improve"] != "refuse me"]
    [(_, answer)] = refused
    assert answer.status_code == 422
    assert answer.json()["detail"] == "the database refused this feedback; the others were stored"
    assert all(a.status_code == 201 for _, a in others), [a.status_code for _, a in others]
    rows = stored_ids(database_url)
    assert all(rows[b["submission_id"]] == a.json()["id"] for b, a in others)
    assert refused[0][0]["submission_id"] not in rows
