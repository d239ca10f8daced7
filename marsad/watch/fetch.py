"""HTTP for `marsad watch`: conditional GET, politeness per host, timeouts, retries, a size cap.

Only the standard library (`urllib.request`): a watcher fetches a few feeds every quarter hour, which needs
no connection pool, and a dependency less is a dependency less to audit.

* Conditional GET: the validators a feed sent last time (ETag, Last-Modified) go back as If-None-Match /
  If-Modified-Since; a 304 costs the server nothing and tells us nothing changed.
* Politeness: at least `delay` seconds between two requests to one host, whoever asks (a feed and the
  article pages it links to share the budget).
* Retries: a connection error, a timeout, a 429 or a 5xx is tried again after 1, 2, 4 … × `backoff`
  seconds; a 4xx is final (retrying a 404 only annoys the server).
* Redirects are followed (urllib's own limit of 10, and its loop detection); a loop is reported as one
  error, not as a traceback or a chain of retries.
* A response larger than `max_bytes` is refused after reading `max_bytes` + 1 bytes, never held whole.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from marsad import __version__

USER_AGENT = f"marsad/{__version__} (+https://github.com/; marsad watch)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A URL that could not be fetched: the message is one line naming the reason (HTTP 500, timed out,
    redirect loop, too large). `transient` says whether trying again later may help."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True, slots=True)
class Response:
    """What a GET returned. `status` 304 means "not modified": `body` is empty and the caller keeps what it has."""

    url: str
    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """GETs with the rules of the module docstring; one per watch process, so host delays carry across rounds.

    `sleep` is how it waits (the loop passes one that returns early when asked to stop)."""

    def __init__(self, *, delay: float = 1.0, timeout: float = 20.0, retries: int = 3, backoff: float = 1.0,
                 max_bytes: int = 20_000_000, sleep: Callable[[float], object] = time.sleep) -> None:
        self.delay = delay
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.sleep = sleep
        self._last: dict[str, float] = {}  # host -> monotonic time of its last request
        self._opener = urllib.request.build_opener()  # the default redirect handler: follows, detects loops

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET `url` (conditionally when validators are given); raises FetchError when it cannot."""
        headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._once(url, headers)
            except FetchError as exc:
                if not exc.transient or attempt >= self.retries:
                    raise
                self.sleep(self.backoff * (2 ** attempt))
                attempt += 1

    def _polite(self, url: str) -> None:
        """Wait until `delay` seconds have passed since the last request to this URL's host."""
        host = (urlsplit(url).hostname or "").lower()
        last = self._last.get(host)
        if last is not None:
            wait = last + self.delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = time.monotonic()

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        self._polite(url)
        req = urllib.request.Request(url, headers=headers)
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                body = resp.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise FetchError(f"response is over the {self.max_bytes / 1e6:g} MB limit", transient=False)
                h = resp.headers
                return Response(resp.geturl(), resp.status, body, h.get("ETag"), h.get("Last-Modified"),
                                h.get("Content-Type"))
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 304:
                return Response(url, 304, b"", exc.headers.get("ETag"), exc.headers.get("Last-Modified"))
            if 300 <= exc.code < 400:
                raise FetchError(f"redirect loop or too many redirects (HTTP {exc.code})", transient=False) from None
            raise FetchError(f"HTTP {exc.code}", transient=exc.code in RETRY_STATUS) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            text = getattr(reason, "strerror", None) or str(reason)
            if isinstance(reason, (socket.timeout, TimeoutError)):
                text = "timed out"
            raise FetchError(f"cannot connect ({text})", transient=True) from None
        except TimeoutError:
            raise FetchError("timed out", transient=True) from None
        except (ConnectionError, http.client.HTTPException, OSError) as exc:
            raise FetchError(f"connection lost ({type(exc).__name__}: {exc})", transient=True) from None
        except ValueError as exc:  # a URL urllib cannot take apart
            raise FetchError(f"not a usable URL ({exc})", transient=False) from None
