"""The last line of defence: whatever escapes the app, the client still gets a JSON answer.

Two cases reach it: a bug (an exception Starlette has already answered, or one that escaped
before any answer) and a request still running when the graceful shutdown's time is up
(uvicorn cancels it). Without this, uvicorn answers the second with a plain-text 500 and logs
a traceback; here it becomes 503 with ``Retry-After`` (the form keeps the text and sends it
again; the submission id makes sure a commit that did happen is not stored twice).
"""
from __future__ import annotations

import asyncio
import json
import logging

log = logging.getLogger("course.feedback")


class ConsistentErrors:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except asyncio.CancelledError:
            if started:
                raise
            log.warning(f"{scope['method']} {scope['path']} was still running when the service stopped: answered 503")
            await _answer(send, 503, {"detail": "the service is restarting; try again in a moment"},
                          [(b"retry-after", b"5")])
        except Exception:
            log.exception(f"internal error in {scope['method']} {scope['path']}")
            if not started:
                await _answer(send, 500, {"detail": "internal error; the service log has the details"})


async def _answer(send, status: int, data: dict, extra: list[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps(data).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *extra]})
    await send({"type": "http.response.body", "body": body})
