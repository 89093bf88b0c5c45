"""What every JSON API route of `course serve` shares (feedback here, attempts in build_tools/attempts/):
errors as JSON, the rate limit, a bounded read of a JSON body, and bounded waits for storage.

Every wait of a request is bounded, and ends before the browser's own 15 s timeout: the
learner's text stays in the form (503) instead of a request that hangs.
"""
from __future__ import annotations

import asyncio
import json
import re

from starlette.requests import ClientDisconnect, Request

from .database import StorageUnavailable
from .proxy import client_key
from .rate_limit import RateLimiter

BODY_SECONDS = 10.0          # to receive the whole body once the headers are in
STORAGE_SECONDS = 10.0       # to store a submission or answer a query (the database bounds itself too)
WHOLE_NUMBER = re.compile(r"[0-9]{1,19}")
MAX_NUMBER_DIGITS = 20       # JSON numbers longer than this are refused before int() sees them


class ApiError(Exception):
    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None, **extra):
        self.status, self.detail, self.headers, self.extra = status, detail, headers or {}, extra


class ClientGone(Exception):
    """The client closed the connection before its body arrived: nothing to answer, nothing to log."""


def request_client(request: Request) -> str:
    return client_key(request.client.host if request.client else None)


def refuse_if_limited(limiter: RateLimiter, request: Request, what: str) -> None:
    """429 with Retry-After when this client sent more than the limiter allows (``what``: 'submissions')."""
    wait = limiter.acquire(request_client(request))
    if wait:
        seconds = max(1, int(wait + 0.999))
        raise ApiError(429, f"too many {what}: at most {limiter.per_minute} a minute from one client; "
                            f"try again in {seconds} s", {"Retry-After": str(seconds)})


async def read_json(request: Request, limit: int, seconds: float, what: str):
    """The request's JSON body (``what``: 'the feedback'), read within ``limit`` bytes and ``seconds``."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise ApiError(415, f"send {what} as JSON (Content-Type: application/json)")
    return parse_json(await read_body(request, limit, seconds))


async def read_body(request: Request, limit: int, seconds: float) -> bytes:
    too_big = ApiError(413, f"the request body is larger than {limit} bytes")
    declared = request.headers.get("content-length")
    if declared is not None and (not WHOLE_NUMBER.fullmatch(declared) or int(declared) > limit):
        raise too_big
    body = bytearray()
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                body += chunk
                if len(body) > limit:
                    raise too_big
    except TimeoutError:
        raise ApiError(408, f"the request body did not arrive within {seconds:.0f} s", {"Connection": "close"}) from None
    except ClientDisconnect:
        raise ClientGone() from None
    return bytes(body)


def _no_duplicate_keys(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key {key[:40]!r} appears twice in one object")
        seen[key] = value
    return seen


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number of {len(text)} digits")
    return int(text)


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def parse_json(body: bytes):
    try:
        return json.loads(body.decode("utf-8"), object_pairs_hook=_no_duplicate_keys, parse_int=_bounded_int,
                          parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:     # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise ApiError(400, f"the body is not valid JSON: {str(exc)[:200]}") from None


async def bounded(awaitable, seconds: float):
    """The awaitable's result, or 503 when the storage did not answer within ``seconds``. (A call
    running in a worker thread ends only when the thread does: the database's own timeouts and
    the PostgreSQL watchdog bound those; a submission waiting for its group commit ends at once.)"""
    try:
        async with asyncio.timeout(seconds):
            return await awaitable
    except TimeoutError:
        raise StorageUnavailable(f"the database did not answer within {seconds:.0f} s") from None
