"""`POST /api/attempts` (learners, with consent) and `GET /api/quiz-stats` (instructors) on `course serve`.

Built from the feedback service's parts: the same JSON errors with one message per field, the
bounded read of a JSON body, rate limit and storage waits (feedback/api.py), the Origin check
and CORS (feedback/origin.py), the per-client rate limit (feedback/rate_limit.py),
group commit (feedback/group_commit.py), the security headers and storage layer. An attempt is
acknowledged (201, or 200 for a resend of the same attempt_id) only once it is committed.
"""
from __future__ import annotations

import base64
import binascii
import hmac
from dataclasses import dataclass
from typing import Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..feedback.api import (BODY_SECONDS, STORAGE_SECONDS, ApiError, ClientGone, bounded, read_json,
                            refuse_if_limited)
from ..feedback.database import StorageUnavailable
from ..feedback.group_commit import GroupCommit
from ..feedback.errors_middleware import ConsistentErrors
from ..feedback.origin import OriginMiddleware
from ..feedback.proxy import ForwardedFor
from ..feedback.rate_limit import RateLimiter
from .storage import AttemptStore
from .validation import InvalidAttempt, validate_attempt

ROUTES = ("/api/attempts", "/api/quiz-stats", "/api/quiz-stats.css")
MAX_BODY = 256 * 1024


@dataclass(frozen=True)
class AttemptSettings:
    rate_limit: int = 30                       # attempts a minute per client; 0 = off
    admin_token: str = ""                      # empty: the statistics page is off
    languages: frozenset[str] | None = None
    allowed_origins: frozenset[str] = frozenset()
    own_origins: frozenset[str] = frozenset()  # as the feedback service's settings (feedback/origin.py)
    origin_per_connection: bool = False
    trusted_proxies: tuple = ()


def _token_of(header: str) -> str:
    """The token of 'Bearer <token>' or the password of 'Basic base64(user:password)' (browsers ask for it)."""
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            return ""
    return ""


def create_attempts_app(store: AttemptStore, settings: AttemptSettings,
                        report_page: Callable[[list, str | None], str], stylesheet: str):
    """``report_page(attempts, lang)`` makes the statistics page (the caller knows the bank)."""
    limiter = RateLimiter(settings.rate_limit)
    writer = GroupCommit(store)

    async def submit(request: Request) -> Response:
        refuse_if_limited(limiter, request, "attempts")
        data = await read_json(request, MAX_BODY, BODY_SECONDS, "the attempt")
        try:
            attempt = validate_attempt(data, settings.languages)
        except InvalidAttempt as exc:
            raise ApiError(422, "the attempt has invalid fields", errors=exc.errors) from None
        attempt_id, created = await bounded(writer.add(attempt), STORAGE_SECONDS)
        return JSONResponse({"id": attempt_id, "duplicate": not created}, status_code=201 if created else 200)

    async def stats_page(request: Request) -> Response:
        if not settings.admin_token:
            raise ApiError(403, "instructor access is off: set COURSE_ADMIN_TOKEN before starting the service")
        given = _token_of(request.headers.get("authorization", ""))
        if not hmac.compare_digest(given.encode(), settings.admin_token.encode()):
            raise ApiError(401, "instructor token missing or wrong: send 'Authorization: Bearer <token>', or give "
                                "the token as the password when the browser asks",
                           {"WWW-Authenticate": 'Basic realm="course instructors", charset="UTF-8"'})
        lang = request.query_params.get("lang") or None
        if lang and settings.languages is not None and lang not in settings.languages:
            raise ApiError(400, f"lang must be one of the course languages: {', '.join(sorted(settings.languages))}")
        attempts = await run_in_threadpool(store.attempts)
        html = await run_in_threadpool(report_page, attempts, lang)
        return Response(html, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"})

    async def styles(request: Request) -> Response:
        return Response(stylesheet, media_type="text/css; charset=utf-8")

    async def client_gone(request: Request, exc: ClientGone) -> Response:
        return Response(status_code=400)      # nobody receives it

    async def api_error(request: Request, exc: ApiError) -> Response:
        return JSONResponse({"detail": exc.detail, **exc.extra}, status_code=exc.status, headers=exc.headers)

    async def storage_error(request: Request, exc: StorageUnavailable) -> Response:
        return JSONResponse({"detail": "attempt storage is unavailable just now; try again later"},
                            status_code=503, headers={"Retry-After": "30"})

    async def wrong_method(request: Request) -> Response:
        allowed = "POST" if request.url.path == "/api/attempts" else "GET"
        raise ApiError(405, f"{request.method} is not allowed here; use {allowed}", {"Allow": allowed})

    app = Starlette(routes=[
        Route("/api/attempts", submit, methods=["POST"]),
        Route("/api/quiz-stats", stats_page, methods=["GET"]),
        Route("/api/quiz-stats.css", styles, methods=["GET"]),
        Route("/api/{rest:path}", wrong_method, methods=["GET", "POST", "PUT", "PATCH", "DELETE"]),
    ], exception_handlers={ApiError: api_error, StorageUnavailable: storage_error,
                                            ClientGone: client_gone})
    # The same wrapping as the feedback app's; the security headers come from the server (serve.py).
    app = OriginMiddleware(app, settings.allowed_origins, settings.own_origins, settings.origin_per_connection)
    return ForwardedFor(ConsistentErrors(app), settings.trusted_proxies)


def with_attempts(site_app, attempts_app):
    """One ASGI app: the attempts routes to ``attempts_app``, everything else to ``site_app``."""
    async def app(scope, receive, send):
        target = attempts_app if scope["type"] == "http" and scope["path"] in ROUTES else site_app
        await target(scope, receive, send)
    return app
