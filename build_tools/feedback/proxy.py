"""Which address a submission comes from (the rate limit's key), and proxies trusted only on request.

By default the peer address of the TCP connection is the client, whatever headers say: any
local program could otherwise pick its own rate-limit key with ``X-Forwarded-For``. With
``course serve --trust-proxy ADDRESS`` (repeatable; an address or a network such as 10.0.0.0/8)
a connection from such an address is a reverse proxy: the client is the right-most address of
``X-Forwarded-For`` that is not itself a trusted proxy. Keys are always a valid IP address
(normalised) or a short fixed string, so no header can make the limiter keep large keys. When
a trusted proxy sends no ``X-Forwarded-For`` at all, every learner would share one allowance:
that is logged as a warning (once a minute at most).
"""
from __future__ import annotations

import ipaddress
import logging
import time
from functools import lru_cache

log = logging.getLogger("course.feedback")
MAX_KEY = 64
WARN_EVERY_SECONDS = 60.0


def parse_networks(values) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """'127.0.0.1', '10.0.0.0/8', '::1' -> networks; ValueError names the bad one."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(str(value).strip(), strict=False))
        except ValueError:
            raise ValueError(f"{value!r} is not an IP address or network (e.g. 127.0.0.1 or 10.0.0.0/8)") from None
    return tuple(networks)


@lru_cache(maxsize=4096)
def client_key(address: str | None) -> str:
    """A bounded, normalised rate-limit key for an address as given (remembered for the last
    4,096 addresses: parsing one took a twentieth of a request's time)."""
    if not address:
        return "unknown"
    try:
        return str(ipaddress.ip_address(address.strip()[:MAX_KEY]))
    except ValueError:
        return "invalid-address"


def _header(scope, name: bytes) -> str | None:
    values = [v.decode("latin-1") for k, v in scope.get("headers", []) if k == name]
    return ",".join(values) if values else None


class ForwardedFor:
    """ASGI middleware: sets scope['client'] from X-Forwarded-For, only behind a trusted proxy."""

    def __init__(self, app, trusted=()):
        self.app = app
        self.trusted = tuple(trusted)
        self._warned_at = -WARN_EVERY_SECONDS

    def _is_trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.trusted)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self.trusted and scope.get("client"):
            peer = scope["client"][0]
            if self._is_trusted(peer):
                forwarded = _header(scope, b"x-forwarded-for")
                if forwarded is None:
                    self._warn(peer)
                else:
                    hops = [h.strip() for h in forwarded.split(",")[-32:] if h.strip()]
                    client = next((h for h in reversed(hops) if not self._is_trusted(h)), hops[0] if hops else peer)
                    scope = {**scope, "client": (client_key(client), 0)}
        await self.app(scope, receive, send)

    def _warn(self, peer: str) -> None:
        now = time.monotonic()
        if now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            log.warning(f"the trusted proxy {peer} sent a request without X-Forwarded-For: all its learners share one "
                        "rate-limit allowance; make the proxy set it (nginx: proxy_set_header X-Forwarded-For "
                        "$proxy_add_x_forwarded_for)")
