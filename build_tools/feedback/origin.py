"""Refuse API requests from foreign pages; let configured other origins call the API (CORS).

Browsers send ``Origin`` with every POST. The service compares it with the site's own
addresses, never with the ``Host`` header (which a client, or a proxy that rewrites it, chooses):

- the public address, ``site_url`` (mkdocs.yml, or ``course serve --site-url`` /
  ``COURSE_SITE_URL``), when it is set;
- the address the service listens on (``http://127.0.0.1:8000`` and, on the loopback, also
  ``http://localhost:8000``; with ``--host 0.0.0.0`` the address each connection arrived at):
  only this service's own pages have that origin;
- any ``--allow-origin``.

Anything else gets 403 before any handler runs, so no other site can post (or read) feedback
through a visitor's browser. Requests without Origin (curl, scripts) pass. Allowed other
origins (a static copy of the site hosted elsewhere) receive the CORS headers and preflight
answers they need.
"""
from __future__ import annotations

import json
import logging
import time

from .security import origin_of

API_PREFIX = "/api/"
log = logging.getLogger("course.feedback")


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _is_wildcard(host: str) -> bool:
    return host.strip("[]") in ("0.0.0.0", "::", "")


def _http_origin(host: str, port: int) -> str:
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return origin_of(f"http://{host}:{port}")


def own_origins(site_url: str | None, bind_host: str, port: int) -> frozenset[str]:
    """The origins the pages of this site have: the public address and the listening address
    (for a wildcard bind, the listening address is decided per connection: see ``per_connection``)."""
    public = {origin_of(site_url)} if site_url else set()
    if _is_wildcard(bind_host):
        return frozenset(public)
    names = {bind_host, "localhost"} if bind_host.strip("[]") in ("127.0.0.1", "::1", "localhost") else {bind_host}
    return frozenset(public | {_http_origin(name, port) for name in names})


def is_wildcard(host: str) -> bool:
    return _is_wildcard(host)


class OriginMiddleware:
    def __init__(self, app, allowed: frozenset[str] = frozenset(), own: frozenset[str] | None = None,
                 per_connection: bool = False):
        """``own``: the site's origins (see :func:`own_origins`); ``per_connection``: also the origin
        of the local address each connection arrived at (no site_url, bound to every address)."""
        self.app = app
        self.allowed = allowed
        self.own = own or frozenset()
        self.per_connection = per_connection
        self._warned_at = -60.0

    def _accepted(self, origin: str, scope) -> bool:
        origin = origin_of(origin) or origin        # 'null' (file://, sandboxed frames) stays 'null'
        if origin in self.allowed or origin in self.own:
            return True
        server = scope.get("server")
        return bool(self.per_connection and server and origin == _http_origin(server[0], server[1]))

    def _warn(self, origin: str) -> None:
        now = time.monotonic()
        if now - self._warned_at >= 60.0:
            self._warned_at = now
            expected = ", ".join(sorted(self.own | self.allowed)) or "the address the service listens on"
            log.warning(f"refused a request from the origin {origin}; accepted: {expected}. If learners reach the "
                        "site at that address, set site_url in mkdocs.yml or 'course serve --site-url'")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        if origin is not None and not self._accepted(origin, scope):
            self._warn(origin)
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
