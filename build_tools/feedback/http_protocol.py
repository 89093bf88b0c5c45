"""uvicorn's HTTP protocol (httptools) with a deadline for the request line and headers.

uvicorn bounds the idle time between requests (``timeout_keep_alive``) but not the time a client
takes to send a request's headers: a client that connects and sends nothing, or one byte now and
then, would hold its connection for ever, and enough of them exhaust the service. Here every
request has ``HEADER_SECONDS`` from its first byte (from the connection, for the first request)
to the end of its headers; past that it is answered 408 (JSON, with the security headers the
server adds to every answer) and the connection is closed. The body has its own deadline in the
app (api.BODY_SECONDS); the number of connections is capped by uvicorn's ``limit_concurrency``.
The request line and headers together may be ``HEADER_BYTES`` long (431 beyond).
"""
from __future__ import annotations

import json

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

HEADER_SECONDS = 10.0
HEADER_BYTES = 32 * 1024        # request line plus headers; more is answered 431


class _Refused(Exception):
    """Raised out of a parser callback to stop parsing a request already answered."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    header_seconds = HEADER_SECONDS
    _header_timer = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_header_timer()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._header_bytes = 0
        self._start_header_timer()

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        super().on_header(name, value)

    def _count(self, size: int) -> None:
        self._header_bytes = getattr(self, "_header_bytes", 0) + size
        if self._header_bytes > HEADER_BYTES:
            self._cancel_header_timer()
            self._answer_and_close(431, f"the request line and headers are longer than {HEADER_BYTES} bytes")
            raise _Refused()

    def on_headers_complete(self) -> None:
        self._cancel_header_timer()
        super().on_headers_complete()

    def connection_lost(self, exc) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def _start_header_timer(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_seconds, self._headers_too_slow)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            return          # a response is being written: the header deadline is not this request's
        self._answer_and_close(408, f"the request headers did not arrive within {self.header_seconds:.0f} s")

    def data_received(self, data: bytes) -> None:
        if self.transport.is_closing():
            return
        try:
            super().data_received(data)
        except _Refused:
            pass

    def send_400_response(self, msg: str) -> None:
        """As uvicorn's, in JSON like every other answer of the API (its security headers come with it)."""
        self._answer_and_close(400, msg)

    def _answer_and_close(self, status: int, msg: str) -> None:
        if self.transport.is_closing():
            return
        body = json.dumps({"detail": msg}).encode()
        content = [STATUS_LINE[status]]
        for name, value in self.server_state.default_headers:
            content.extend([name, b": ", value, b"\r\n"])
        content.extend([b"content-type: application/json\r\n", b"content-length: %d\r\n" % len(body),
                        b"connection: close\r\n", b"\r\n", body])
        self.transport.write(b"".join(content))
        self.transport.close()
