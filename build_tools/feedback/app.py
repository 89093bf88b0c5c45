"""The feedback service: the built site plus the feedback API, as one Starlette application.

``create_app(site_dir, store, settings)`` wires the routes to a :class:`FeedbackStore` the caller
owns (and closes). Learners' routes: ``POST /api/feedback`` and ``GET /api/health``. Instructors'
routes, behind the token in ``COURSE_ADMIN_TOKEN``: ``GET /api/feedback`` (JSON) and
``GET /api/feedback.csv``. Every answer of the API is JSON, errors included.
"""
from __future__ import annotations

import asyncio
import hmac
import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse as _StarletteJSON, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from .api import (BODY_SECONDS, STORAGE_SECONDS, WHOLE_NUMBER, ApiError, ClientGone, bounded, read_json,
                  refuse_if_limited, request_client)
from .database import ItemRefused, StorageUnavailable
from .errors_middleware import ConsistentErrors
from .export import csv_lines, json_text
from .group_commit import GroupCommit
from .origin import OriginMiddleware
from .proxy import ForwardedFor
from .rate_limit import RateLimiter
from .security import SecurityHeadersMiddleware, content_security_policy, inline_script_hashes
from .site_pages import KnownPages
from .storage import MAX_PAGE, FeedbackQuery, FeedbackStore, parse_day
from .validation import LANG_PATTERN, NAME_PATTERN, InvalidSubmission, validate_submission

ADMIN_TOKEN_ENV = "COURSE_ADMIN_TOKEN"
API_METHODS = {"/api/feedback": "GET, POST", "/api/feedback.csv": "GET", "/api/health": "GET"}
log = logging.getLogger("course.feedback")
HEALTH_CACHE_SECONDS = 1.0   # /api/health probes a write at most once a second (again after any failure)


class JSONResponse(_StarletteJSON):
    """JSON with C0/C1 control characters escaped (see export.json_text)."""

    def render(self, content) -> bytes:
        return json_text(content).encode("utf-8")


@dataclass(frozen=True)
class ServiceSettings:
    rate_limit: int = 30                        # submissions per minute per client; 0 = off
    admin_token: str = ""                       # empty: instructors' routes are off
    languages: frozenset[str] | None = None     # accepted `lang` values (the course languages)
    allowed_origins: frozenset[str] = frozenset()
    max_body_bytes: int = 64 * 1024             # 2 x 4,000 characters of any script fit easily
    connect_origins: tuple[str, ...] = ()       # other hosts the pages may send to (CSP connect-src)
    own_origins: frozenset[str] = frozenset()   # the site's own origins (origin.own_origins)
    origin_per_connection: bool = False         # no site_url and bound to every address
    trusted_proxies: tuple = ()                 # networks whose X-Forwarded-For is believed (proxy.py)
    known: KnownPages | None = None             # pages and lessons a submission may name
    body_seconds: float = BODY_SECONDS
    storage_seconds: float = STORAGE_SECONDS


def _query_from(request: Request) -> FeedbackQuery:
    params = request.query_params
    unknown = set(params) - {"lang", "lesson", "since", "until", "include_spam", "after_id", "limit"}
    if unknown:
        raise ApiError(400, f"unknown filter {sorted(unknown)[0]!r}; filters: lang, lesson, since, until, "
                            "include_spam, after_id, limit")
    lang, lesson = params.get("lang", ""), params.get("lesson", "")
    if lang and not LANG_PATTERN.fullmatch(lang):
        raise ApiError(400, f"lang must be a language code such as el, not {lang[:40]!r}")
    if lesson and not NAME_PATTERN.fullmatch(lesson):
        raise ApiError(400, f"lesson must be a lesson id such as omnichannel-basics, not {lesson[:80]!r}")
    try:
        since: date | None = parse_day(params["since"], "since") if "since" in params else None
        until: date | None = parse_day(params["until"], "until") if "until" in params else None
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    numbers = {}
    for name, default, top in (("after_id", 0, 2**62), ("limit", MAX_PAGE, MAX_PAGE)):
        raw = params.get(name, str(default))
        if not WHOLE_NUMBER.fullmatch(raw) or int(raw) > top:
            raise ApiError(400, f"{name} must be a whole number from 0 to {top}, not {raw[:40]!r}")
        numbers[name] = int(raw)
    return FeedbackQuery(lang, lesson, since, until, params.get("include_spam") in ("1", "true"), **numbers)


class SiteFiles(StaticFiles):
    """The built site, without dotfiles or dot-folders (.git, .env, .htpasswd, a stray .DS_Store)."""

    async def get_response(self, path: str, scope) -> Response:
        if any(part.startswith(".") for part in re.split(r"[/\\]", path) if part):
            raise HTTPException(404)
        return await super().get_response(path, scope)


def create_app(site_dir: Path, store: FeedbackStore, settings: ServiceSettings = ServiceSettings(),
               server_adds_security_headers: bool = False) -> ASGIApp:
    """``server_adds_security_headers``: the HTTP server (uvicorn's ``headers``) adds them to every
    answer, its own 400/503 included; otherwise a middleware of the app does."""
    limiter = RateLimiter(settings.rate_limit)
    writer = GroupCommit(store)
    health_cache: dict[str, tuple[float, Exception | None]] = {}

    def require_instructor(request: Request) -> None:
        if not settings.admin_token:
            raise ApiError(403, f"instructor access is off: set {ADMIN_TOKEN_ENV} before starting the service")
        given = request.headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), settings.admin_token.encode()):
            raise ApiError(401, "instructor token missing or wrong: send 'Authorization: Bearer <token>'",
                           {"WWW-Authenticate": 'Bearer realm="feedback"'})

    async def submit(request: Request) -> Response:
        refuse_if_limited(limiter, request, "submissions")
        data = await read_json(request, settings.max_body_bytes, settings.body_seconds, "the feedback")
        try:
            submission = validate_submission(data, settings.languages, settings.known)
        except InvalidSubmission as exc:
            raise ApiError(422, "the feedback has invalid fields", errors=exc.errors) from None
        try:
            feedback_id, created = await bounded(writer.add(submission), settings.storage_seconds)
        except ItemRefused as exc:
            log.warning(f"feedback refused by the database: {exc}")
            raise ApiError(422, "the database refused this feedback; the others were stored") from None
        if submission.is_spam:
            log.info(f"feedback #{feedback_id} kept as spam (the hidden field was filled in)")
        return JSONResponse({"id": feedback_id, "duplicate": not created}, status_code=201 if created else 200)

    async def list_feedback(request: Request) -> Response:
        require_instructor(request)
        query = _query_from(request)
        rows = await bounded(run_in_threadpool(store.query, query), settings.storage_seconds)
        next_after = rows[-1]["id"] if len(rows) == query.limit and rows else None
        return JSONResponse({"items": rows, "count": len(rows), "next_after_id": next_after},
                            headers={"Cache-Control": "no-store"})

    async def export_csv(request: Request) -> Response:
        require_instructor(request)
        query = replace(_query_from(request), limit=MAX_PAGE)
        # The first page is read before the answer starts: a database that is down is a clean 503.
        first = await bounded(run_in_threadpool(store.query, query), settings.storage_seconds)

        def rows():
            yield from first
            if len(first) == MAX_PAGE:
                yield from store.iter_all(replace(query, after_id=first[-1]["id"]))

        name = f"feedback-{date.today().isoformat()}.csv"
        return StreamingResponse(csv_lines(rows()), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": f'attachment; filename="{name}"',
                                          "Cache-Control": "no-store"})

    async def health(request: Request) -> Response:
        loop = asyncio.get_running_loop()
        checked_at, problem = health_cache.get("last", (-1e9, None))
        if loop.time() - checked_at >= HEALTH_CACHE_SECONDS:
            try:
                await bounded(run_in_threadpool(store.ping), settings.storage_seconds)
                problem = None
            except StorageUnavailable as exc:
                problem = exc
            health_cache["last"] = (loop.time(), problem)
        if problem is not None:
            return JSONResponse({"status": "unavailable", "database": store.backend,
                                 "detail": "writes to the feedback database fail just now; see the service log"},
                                status_code=503, headers={"Cache-Control": "no-store", "Retry-After": "5"})
        return JSONResponse({"status": "ok", "database": store.backend}, headers={"Cache-Control": "no-store"})

    async def api_not_found(request: Request) -> Response:
        if request.url.path in API_METHODS:
            allowed = API_METHODS[request.url.path]
            raise ApiError(405, f"{request.method} is not allowed here; use {allowed}", {"Allow": allowed})
        raise ApiError(404, f"no API route {request.url.path[:200]}; routes: {', '.join(API_METHODS)}")

    async def client_gone(request: Request, exc: ClientGone) -> Response:
        log.info(f"{request_client(request)} closed the connection before sending the whole body")
        return Response(status_code=400)      # nobody receives it

    async def internal_error(request: Request, exc: Exception) -> Response:
        return JSONResponse({"detail": "internal error; the service log has the details"}, status_code=500)

    async def api_error(request: Request, exc: ApiError) -> Response:
        return JSONResponse({"detail": exc.detail, **exc.extra}, status_code=exc.status, headers=exc.headers)

    async def storage_error(request: Request, exc: StorageUnavailable) -> Response:
        log.error(f"feedback storage unavailable: {exc}")
        health_cache.clear()                 # the next /api/health probes again instead of repeating "ok"
        return JSONResponse({"detail": "feedback storage is unavailable just now; try again later"},
                            status_code=503, headers={"Retry-After": "30"})

    async def http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return Response(exc.detail, status_code=exc.status_code, headers=exc.headers)

    routes = [
        Route("/api/health", health, methods=["GET"]),
        Route("/api/feedback", submit, methods=["POST"]),
        Route("/api/feedback", list_feedback, methods=["GET"]),
        Route("/api/feedback.csv", export_csv, methods=["GET"]),
        Route("/api/{rest:path}", api_not_found, methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
        Mount("/", SiteFiles(directory=str(site_dir), html=True), name="site"),
    ]
    app = Starlette(routes=routes, exception_handlers={ApiError: api_error, StorageUnavailable: storage_error,
                                                       ClientGone: client_gone, HTTPException: http_error,
                                                       Exception: internal_error})
    app = OriginMiddleware(app, settings.allowed_origins, settings.own_origins, settings.origin_per_connection)
    app = ForwardedFor(ConsistentErrors(app), settings.trusted_proxies)
    if server_adds_security_headers:
        return app
    # Outermost, so that even the answers of the error handlers and the Origin check carry the headers.
    return SecurityHeadersMiddleware(app, service_csp(site_dir, settings))


def service_csp(site_dir: Path, settings: ServiceSettings) -> str:
    return content_security_policy(inline_script_hashes(Path(site_dir)), settings.connect_origins)
