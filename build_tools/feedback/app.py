"""The feedback service: the built site plus the feedback API, as one Starlette application.

``create_app(site_dir, store, settings)`` wires the routes to a :class:`FeedbackStore` the caller
owns (and closes). Learners' routes: ``POST /api/feedback`` and ``GET /api/health``. Instructors'
routes, behind the token in ``COURSE_ADMIN_TOKEN``: ``GET /api/feedback`` (JSON) and
``GET /api/feedback.csv``. Every answer of the API is JSON, errors included.
"""
from __future__ import annotations

import hmac
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from .database import StorageUnavailable
from .export import csv_lines
from .group_commit import GroupCommit
from .origin import OriginMiddleware
from .rate_limit import RateLimiter
from .security import SecurityHeadersMiddleware, content_security_policy, inline_script_hashes
from .storage import MAX_PAGE, FeedbackQuery, FeedbackStore, parse_day
from .validation import LANG_PATTERN, NAME_PATTERN, InvalidSubmission, validate_submission

ADMIN_TOKEN_ENV = "COURSE_ADMIN_TOKEN"
API_METHODS = {"/api/feedback": "GET, POST", "/api/feedback.csv": "GET", "/api/health": "GET"}
log = logging.getLogger("course.feedback")


@dataclass(frozen=True)
class ServiceSettings:
    rate_limit: int = 30                        # submissions per minute per client; 0 = off
    admin_token: str = ""                       # empty: instructors' routes are off
    languages: frozenset[str] | None = None     # accepted `lang` values (the course languages)
    allowed_origins: frozenset[str] = frozenset()
    max_body_bytes: int = 64 * 1024             # 2 x 4,000 characters of any script fit easily
    connect_origins: tuple[str, ...] = ()       # other hosts the pages may send to (CSP connect-src)


class ApiError(Exception):
    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None, **extra):
        self.status, self.detail, self.headers, self.extra = status, detail, headers or {}, extra


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def _read_body(request: Request, limit: int) -> bytes:
    too_big = ApiError(413, f"the request body is larger than {limit} bytes")
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise too_big
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_big
    return bytes(body)


def _parse_json(body: bytes):
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ApiError(400, f"the body is not valid JSON: {exc}") from None


def _query_from(request: Request) -> FeedbackQuery:
    params = request.query_params
    unknown = set(params) - {"lang", "lesson", "since", "until", "include_spam", "after_id", "limit"}
    if unknown:
        raise ApiError(400, f"unknown filter {sorted(unknown)[0]!r}; filters: lang, lesson, since, until, "
                            "include_spam, after_id, limit")
    lang, lesson = params.get("lang", ""), params.get("lesson", "")
    if lang and not LANG_PATTERN.match(lang):
        raise ApiError(400, f"lang must be a language code such as el, not {lang!r}")
    if lesson and not NAME_PATTERN.match(lesson):
        raise ApiError(400, f"lesson must be a lesson id such as omnichannel-basics, not {lesson!r}")
    try:
        since: date | None = parse_day(params["since"], "since") if "since" in params else None
        until: date | None = parse_day(params["until"], "until") if "until" in params else None
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    numbers = {}
    for name, default, top in (("after_id", 0, 2**62), ("limit", MAX_PAGE, MAX_PAGE)):
        raw = params.get(name, str(default))
        if not raw.isdigit() or int(raw) > top:
            raise ApiError(400, f"{name} must be a whole number from 0 to {top}, not {raw!r}")
        numbers[name] = int(raw)
    return FeedbackQuery(lang, lesson, since, until, params.get("include_spam") in ("1", "true"), **numbers)


def create_app(site_dir: Path, store: FeedbackStore, settings: ServiceSettings = ServiceSettings()) -> ASGIApp:
    limiter = RateLimiter(settings.rate_limit)
    writer = GroupCommit(store)

    def require_instructor(request: Request) -> None:
        if not settings.admin_token:
            raise ApiError(403, f"instructor access is off: set {ADMIN_TOKEN_ENV} before starting the service")
        given = request.headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), settings.admin_token.encode()):
            raise ApiError(401, "instructor token missing or wrong: send 'Authorization: Bearer <token>'",
                           {"WWW-Authenticate": 'Bearer realm="feedback"'})

    async def submit(request: Request) -> Response:
        wait = limiter.acquire(_client(request))
        if wait:
            seconds = max(1, int(wait + 0.999))
            raise ApiError(429, f"too many submissions: at most {settings.rate_limit} a minute from one client; "
                                f"try again in {seconds} s", {"Retry-After": str(seconds)})
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            raise ApiError(415, "send the feedback as JSON (Content-Type: application/json)")
        data = _parse_json(await _read_body(request, settings.max_body_bytes))
        try:
            submission = validate_submission(data, settings.languages)
        except InvalidSubmission as exc:
            raise ApiError(422, "the feedback has invalid fields", errors=exc.errors) from None
        feedback_id, created = await writer.add(submission)
        if submission.is_spam:
            log.info(f"feedback #{feedback_id} kept as spam (the hidden field was filled in)")
        return JSONResponse({"id": feedback_id, "duplicate": not created}, status_code=201 if created else 200)

    async def list_feedback(request: Request) -> Response:
        require_instructor(request)
        query = _query_from(request)
        rows = await run_in_threadpool(store.query, query)
        next_after = rows[-1]["id"] if len(rows) == query.limit and rows else None
        return JSONResponse({"items": rows, "count": len(rows), "next_after_id": next_after},
                            headers={"Cache-Control": "no-store"})

    async def export_csv(request: Request) -> Response:
        require_instructor(request)
        query = _query_from(request)
        name = f"feedback-{date.today().isoformat()}.csv"
        return StreamingResponse(csv_lines(store.iter_all(query)), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": f'attachment; filename="{name}"',
                                          "Cache-Control": "no-store"})

    async def health(request: Request) -> Response:
        await run_in_threadpool(store.ping)
        return JSONResponse({"status": "ok", "database": store.backend}, headers={"Cache-Control": "no-store"})

    async def api_not_found(request: Request) -> Response:
        if request.url.path in API_METHODS:
            allowed = API_METHODS[request.url.path]
            raise ApiError(405, f"{request.method} is not allowed here; use {allowed}", {"Allow": allowed})
        raise ApiError(404, f"no API route {request.url.path}; routes: {', '.join(API_METHODS)}")

    async def internal_error(request: Request, exc: Exception) -> Response:
        return JSONResponse({"detail": "internal error; the service log has the details"}, status_code=500)

    async def api_error(request: Request, exc: ApiError) -> Response:
        return JSONResponse({"detail": exc.detail, **exc.extra}, status_code=exc.status, headers=exc.headers)

    async def storage_error(request: Request, exc: StorageUnavailable) -> Response:
        log.error(f"feedback storage unavailable: {exc}")
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
        Mount("/", StaticFiles(directory=str(site_dir), html=True), name="site"),
    ]
    app = Starlette(routes=routes, exception_handlers={ApiError: api_error, StorageUnavailable: storage_error,
                                                       HTTPException: http_error, Exception: internal_error})
    csp = content_security_policy(inline_script_hashes(Path(site_dir)), settings.connect_origins)
    # Outermost, so that even the answers of the error handlers and the Origin check carry the headers.
    return SecurityHeadersMiddleware(OriginMiddleware(app, settings.allowed_origins), csp)
