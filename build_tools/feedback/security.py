"""Security of every response: headers and a Content-Security-Policy the built site passes.

The policy allows scripts from the site itself plus, by hash, exactly the inline scripts the
built pages contain (Material's small start-up scripts); JSON data blocks are not executed and
need nothing. The hashes are read from the site when the service starts, so a rebuilt theme
cannot silently break the pages or widen the policy.
"""
from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
NON_SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?(?!(?:text|application)/(?:java|ecma)script|module)""", re.I)


def inline_script_hashes(site_dir: Path) -> list[str]:
    """CSP source expressions ('sha256-…') of every executable inline script in the site's pages."""
    hashes: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        for match in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8", errors="replace")):
            attrs = match.group("attrs")
            if re.search(r"\bsrc\s*=", attrs, re.I) or NON_SCRIPT_TYPE.search(attrs):
                continue
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            hashes.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(hashes)


def content_security_policy(script_hashes: list[str], connect_origins: tuple[str, ...] = ()) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "media-src": ["'self'"],
        "connect-src": ["'self'", *connect_origins],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def security_headers(csp: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", csp.encode("ascii")),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    ]


class SecurityHeadersMiddleware:
    """Pure ASGI middleware: adds the security headers to every HTTP response, errors included."""

    def __init__(self, app, csp: str):
        self.app = app
        self.headers = security_headers(csp)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in self.headers}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


@lru_cache(maxsize=1024)
def origin_of(url: str) -> str:
    """'https://Example.org:443/x' -> 'https://example.org' (scheme, host and non-default port).
    Remembered for the last 1,024 values: every API request's Origin goes through it."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.hostname:
        return ""
    default = {"http": 80, "https": 443}.get(parts.scheme)
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{port}"
