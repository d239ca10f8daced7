"""Defences below the application: request heads that are too big or too slow, and Host names not served.

uvicorn bounds how many connections it serves (`limit_concurrency`, then 503 for everyone) but not how
long a request may take to send its head, and its C parser (httptools) not how big the head may be: one
client holding a few hundred half-sent requests made every other client get 503 for as long as it liked,
and a 50 MB header was read whole. `GuardedHttpToolsProtocol` answers 408 and closes a connection whose
request line and headers are not complete `header_timeout_s` after their first byte (or after the
connection opened), and 431 once they pass `max_head_bytes`. A kept-alive connection that sends nothing
is still uvicorn's (`timeout_keep_alive`).

`HostCheck` refuses requests whose Host header names a host this server was not told it serves: a web
page on another site can point its own DNS name at 127.0.0.1 (DNS rebinding) and then read a local
server's answers as same-origin; it cannot make the browser send `Host: localhost` or an IP address.

These limits are for a server reached directly; a server exposed beyond this machine belongs behind a
reverse proxy that buffers requests and limits clients (README, "Exposing the server").
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any, ClassVar

from fastapi.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[..., Awaitable[None]]

HEADER_TIMEOUT_S = 10.0  # seconds from the first byte of a request to the end of its headers
MAX_HEAD_BYTES = 64 * 1024  # request line and headers together (nginx's default buffers hold 32 KB)

_REASONS = {408: b"Request Timeout", 431: b"Request Header Fields Too Large"}


def _httptools_base() -> type:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    return HttpToolsProtocol


try:
    _Base: Any = _httptools_base()
except ImportError:  # pragma: no cover - httptools is a dependency; without it serve() uses h11's own limit
    _Base = None


if _Base is not None:

    class GuardedHttpToolsProtocol(_Base):  # type: ignore[misc, valid-type]
        """uvicorn's httptools protocol with a deadline and a size limit on each request's head."""

        header_timeout_s: ClassVar[float] = HEADER_TIMEOUT_S
        max_head_bytes: ClassVar[int] = MAX_HEAD_BYTES

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._head_timer: Any = None
            self._head_bytes = 0
            self._in_head = False

        def connection_made(self, transport: Any) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._start_head()

        def connection_lost(self, exc: Exception | None) -> None:
            self._stop_head()
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            if not self._in_head and (self.cycle is None or self.cycle.response_complete):
                self._start_head()  # the next request on a kept-alive connection
            if self._in_head:
                self._head_bytes += len(data)
            super().data_received(data)
            if self._in_head and self._head_bytes > self.max_head_bytes:
                self._refuse(431, f"request headers too large (limit {self.max_head_bytes} bytes)")

        def on_headers_complete(self) -> None:
            self._stop_head()
            super().on_headers_complete()

        def _start_head(self) -> None:
            self._in_head, self._head_bytes = True, 0
            if self._head_timer is None:
                self._head_timer = self.loop.call_later(self.header_timeout_s, self._head_too_slow)

        def _stop_head(self) -> None:
            self._in_head = False
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_too_slow(self) -> None:
            self._head_timer = None
            if self._in_head:
                self._refuse(408, f"request headers not complete within {self.header_timeout_s:g} s")

        def _refuse(self, status: int, message: str) -> None:
            """Answer with `status` and close: the request never reached the application."""
            self._stop_head()
            if self.transport.is_closing():
                return
            body = message.encode()
            self.transport.write(b"".join([
                b"HTTP/1.1 %d %s\r\n" % (status, _REASONS[status]),
                b"content-type: text/plain; charset=utf-8\r\n",
                b"content-length: %d\r\n" % len(body), b"connection: close\r\n\r\n", body]))
            self.transport.close()
else:  # pragma: no cover
    GuardedHttpToolsProtocol = None  # type: ignore[assignment, misc]


def uvicorn_http_options() -> dict[str, Any]:
    """The uvicorn options that put these limits in place (the h11 parser has its own size limit only)."""
    if GuardedHttpToolsProtocol is not None:
        return {"http": GuardedHttpToolsProtocol}
    return {"http": "h11", "h11_max_incomplete_event_size": MAX_HEAD_BYTES}  # pragma: no cover


# -- Host names ----------------------------------------------------------------------------------------------
_PORT = re.compile(r":\d*$")


def host_name(header: str) -> str:
    """The host of a Host header value: lower case, without port or IPv6 brackets."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1:h.find("]")] if "]" in h else h
    return _PORT.sub("", h)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class HostCheck:
    """Serve only requests for `localhost`, an IP address, or a name in `allowed` ("*": any name)."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str] = ()) -> None:
        self.app = app
        names = {host_name(a) for a in allowed if a.strip()}
        self.any = "*" in names
        self.names = names | {"localhost"}

    def allows(self, header: str | None) -> bool:
        if self.any or header is None:  # no Host at all: HTTP/1.0 tools; browsers always send one
            return True
        name = host_name(header)
        return name in self.names or name.endswith(".localhost") or _is_ip(name)

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                      send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] == "http":
            raw = dict(scope.get("headers") or []).get(b"host")
            header = raw.decode("latin-1") if raw is not None else None
            if not self.allows(header):
                name = host_name(header or "")[:100]
                resp = JSONResponse({"detail": f"this server does not serve the host {name!r}; start it with "
                                               f"--allowed-host {name} to accept that name"}, status_code=400)
                await resp(scope, receive, send)
                return
        await self.app(scope, receive, send)
