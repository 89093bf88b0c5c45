"""Submissions per minute per client: a token bucket for each client address.

A client may send ``per_minute`` submissions at once, then one more every ``60/per_minute``
seconds. ``per_minute=0`` turns the limit off. The limiter lives in one service process; with
several processes behind a proxy each one counts its own share.
"""
from __future__ import annotations

import threading
import time
from typing import Callable


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic, max_clients: int = 100_000):
        if per_minute < 0:
            raise ValueError("the rate limit must be 0 (off) or a positive number of submissions per minute")
        self.per_minute = per_minute
        self._clock = clock
        self._max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}    # client -> (tokens, time of last update)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def _refill(self, tokens: float, since: float, now: float) -> float:
        return min(float(self.per_minute), tokens + (now - since) * self.per_minute / 60.0)

    def acquire(self, client: str) -> float:
        """Take one submission for ``client``: 0.0 when allowed, else the seconds to wait."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, since = self._buckets.pop(client, (float(self.per_minute), now))
            tokens = self._refill(tokens, since, now)
            allowed = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)   # now the most recent entry
            while len(self._buckets) > self._max_clients:
                # The least recently seen client goes first: most likely its bucket has refilled anyway.
                del self._buckets[next(iter(self._buckets))]
            return 0.0 if allowed else (1.0 - tokens) * 60.0 / self.per_minute
