"""Refuse API requests from foreign pages; let configured other origins call the API (CORS).

Browsers send ``Origin`` with every POST. A request whose Origin is neither this host nor one
of ``allowed`` gets 403 before any handler runs, so no other site can post (or read) feedback
through a visitor's browser. Allowed origins (a static copy of the site hosted elsewhere)
receive the CORS headers and preflight answers they need.
"""
from __future__ import annotations

import json

from .security import is_foreign_origin

API_PREFIX = "/api/"


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


class OriginMiddleware:
    def __init__(self, app, allowed: frozenset[str] = frozenset()):
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        if is_foreign_origin(origin, _header(scope, b"host"), self.allowed):
            await _send_json(send, 403, {"detail": f"requests from the origin {origin} are not accepted"})
            return
        cross = origin is not None and origin in self.allowed
        if cross and scope["method"] == "OPTIONS":
            await _send(send, 204, b"", [
                (b"access-control-allow-origin", origin.encode("latin-1")),
                (b"access-control-allow-methods", b"GET, POST"),
                (b"access-control-allow-headers", b"content-type, authorization"),
                (b"access-control-max-age", b"600"),
                (b"vary", b"Origin"),
            ])
            return
        if not cross:
            await self.app(scope, receive, send)
            return

        async def send_with_cors(message):
            if message["type"] == "http.response.start":
                extra = [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_cors)


async def _send_json(send, status: int, data: dict) -> None:
    await _send(send, status, json.dumps(data).encode("utf-8"), [(b"content-type", b"application/json")])


async def _send(send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": headers + [(b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
