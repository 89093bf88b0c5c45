"""Many learners at once: 2,000+ submissions from 50 concurrent clients, some invalid and some sent
twice (a retry after a lost answer); every accepted one must be stored exactly once. On PostgreSQL
the same again with two service processes sharing one database."""
from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
from feedback_lessons import unique_lesson
from service_process import for_database

from build_tools.feedback.storage import FeedbackQuery, FeedbackStore

CLIENTS = 50
PER_CLIENT = 41          # 50 x 41 = 2,050 submissions, plus the resends


async def one_client(number: int, urls: list[str], lesson: str) -> list[tuple[str, int, int]]:
    """Sends PER_CLIENT submissions on its own connection; returns (submission_id, status, id)."""
    results = []
    url = urls[number % len(urls)]
    limits = httpx.Limits(max_connections=1)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        for n in range(PER_CLIENT):
            sid = str(uuid.uuid4())
            body = {"submission_id": sid, "rating": 1 + (number + n) % 5, "lang": "el", "lesson": lesson,
                    "page": "01-basics", "helpful": f"client {number} message {n} «ελληνικά»"}
            if n % 10 == 7:
                body["rating"] = 9                       # invalid: refused, never stored
            response = await client.post("/api/feedback", json=body)
            results.append((sid, response.status_code, response.json().get("id", 0)))
            if n % 20 == 3:                              # resent: the answer must be the same id
                again = await client.post("/api/feedback", json=body)
                results.append((sid, again.status_code, again.json().get("id", 0)))
    return results


async def all_clients(urls: list[str], lesson: str) -> list[tuple[str, int, int]]:
    batches = await asyncio.gather(*(one_client(n, urls, lesson) for n in range(CLIENTS)))
    return [result for batch in batches for result in batch]


def run_clients(urls: list[str], lesson: str) -> list[tuple[str, int, int]]:
    """In a thread of its own: the browser tests' Playwright may hold this thread's event loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, all_clients(urls, lesson)).result()


def assert_stored_exactly_once(database_url: str, lesson: str, results: list[tuple[str, int, int]]) -> None:
    statuses = Counter(status for _, status, _ in results)
    assert set(statuses) == {200, 201, 422}, statuses
    accepted = {sid: feedback_id for sid, status, feedback_id in results if status == 201}
    resent = [(sid, feedback_id) for sid, status, feedback_id in results if status == 200]
    refused = {sid for sid, status, _ in results if status == 422}
    assert len(accepted) >= 2000 - len(refused) and len(accepted) + len(refused) == CLIENTS * PER_CLIENT
    assert all(accepted[sid] == feedback_id for sid, feedback_id in resent)
    store = FeedbackStore.open(database_url)
    try:
        rows = list(store.iter_all(FeedbackQuery(lesson=lesson)))
    finally:
        store.close()
    assert len(rows) == len(accepted)
    assert {row["submission_id"]: row["id"] for row in rows} == accepted
    assert len({row["id"] for row in rows}) == len(rows)
    assert not refused & {row["submission_id"] for row in rows}


def test_two_thousand_submissions_from_fifty_clients(served_course, database_url):
    service = for_database(served_course, database_url, rate_limit=0).start()
    try:
        lesson = unique_lesson()
        results = run_clients([service.url], lesson)
    finally:
        assert service.stop() == 0
    assert_stored_exactly_once(database_url, lesson, results)


def test_two_processes_share_one_postgresql_database(served_course, postgres_url):
    url = postgres_url
    services = [for_database(served_course, url, rate_limit=0).launch() for _ in range(2)]   # start together
    try:
        for service in services:
            service.wait_ready()
        lesson = unique_lesson()
        results = run_clients([s.url for s in services], lesson)
    finally:
        for service in services:
            service.stop()
    assert_stored_exactly_once(url, lesson, results)
