"""The last answer of the app: a request still running when the shutdown's grace period ends, and a
bug, both get JSON (and no second answer when one was already started)."""
from __future__ import annotations

import asyncio
import json

from build_tools.feedback.errors_middleware import ConsistentErrors



def run_apart(coroutine):
    """asyncio.run in a thread of its own: in a full run Playwright's sync API holds the main
    thread's event loop."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()

async def call(app) -> tuple[list[dict], BaseException | None]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/feedback", "headers": []}
    task = asyncio.create_task(ConsistentErrors(app)(scope, receive, send))
    await asyncio.sleep(0.05)
    task.cancel()                     # what uvicorn does when the graceful shutdown's time is up
    try:
        await task
        return sent, None
    except BaseException as exc:     # noqa: BLE001 - the test looks at what escaped
        return sent, exc


def test_a_request_cancelled_at_shutdown_gets_a_json_503():
    async def hangs(scope, receive, send):
        await asyncio.sleep(60)

    sent, escaped = run_apart(call(hangs))
    assert escaped is None
    start, body = sent
    assert start["status"] == 503 and (b"content-type", b"application/json") in start["headers"]
    assert (b"retry-after", b"5") in start["headers"]
    assert json.loads(body["body"]) == {"detail": "the service is restarting; try again in a moment"}


def test_a_cancelled_request_that_already_answered_is_not_answered_twice():
    async def answers_then_hangs(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await asyncio.sleep(60)

    sent, escaped = run_apart(call(answers_then_hangs))
    assert isinstance(escaped, asyncio.CancelledError)
    assert [m["type"] for m in sent] == ["http.response.start"]


def test_a_bug_before_any_answer_is_a_json_500():
    async def broken(scope, receive, send):
        raise KeyError("bug")

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    run_apart(ConsistentErrors(broken)({"type": "http", "method": "GET", "path": "/api/x", "headers": []}, None, send))
    assert sent[0]["status"] == 500
    assert json.loads(sent[1]["body"]) == {"detail": "internal error; the service log has the details"}
