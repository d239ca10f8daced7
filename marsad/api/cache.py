"""A bounded in-process cache of whole JSON API responses, with ETag revalidation.

The API is read-only between ingests and its answers are pure functions of the URL and the store's
contents, so a repeated GET can be answered with the bytes sent last time instead of running the same
queries and serialising the same JSON again (what datasette and most read-only analytics servers do).
Entries are stamped with the store's generation (`queries.generation`, which moves whenever a document
is added or analysed, by this process or any other) plus a local epoch that `POST /api/documents` bumps,
and a stamp that no longer matches empties the cache. The cache is bounded by entry count and bytes
(LRU), and concurrent misses for one URL wait for the first instead of all running the same queries.

Every cacheable response, cached or not, carries a strong ETag (a hash of the body) and `Cache-Control:
no-cache`, so clients and proxies may keep a copy but must revalidate; `If-None-Match` gets a 304.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, MutableMapping
from dataclasses import dataclass
from typing import Any, Protocol

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CACHE_CONTROL = b"no-cache"  # keep a copy, but ask each time: the store may change at any ingest
ENTRY_OVERHEAD = 256  # bytes of bookkeeping counted per entry besides the body and headers
_CACHEABLE_TYPES = (b"application/json", b"application/geo+json")
_HOP_HEADERS = {b"content-length", b"etag", b"cache-control", b"x-cache", b"date", b"server"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One stored response: what is needed to send it again byte for byte."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    etag: bytes
    stamp: Hashable

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + ENTRY_OVERHEAD


class SecondLevel(Protocol):
    """A cache level behind this process's own, shared with other processes (`shared_cache.SharedCache`):
    consulted after a miss here and given every answer stored here."""

    def get(self, key: bytes, stamp: Hashable) -> Entry | None: ...

    def put(self, key: bytes, entry: Entry) -> None: ...


class ResponseCache:
    """An LRU of responses bounded by `max_entries` and `max_bytes`, valid for one store stamp.

    The store stamp is compared on every lookup; entries from an older stamp are dropped wholesale,
    since one new document can change any ranking or count. Thread-safe: lookups happen on the event
    loop, invalidation may come from a worker thread (the POST handler)."""

    def __init__(self, max_bytes: int, max_entries: int = 10_000, max_entry_bytes: int | None = None,
                 shared: SecondLevel | None = None) -> None:
        self.max_bytes = max(0, max_bytes)
        self.shared = shared  # the level shared with the server's other worker processes, if any
        self.max_entries = max(0, max_entries)
        # one huge answer must not flush everything else out
        self.max_entry_bytes = max_entry_bytes if max_entry_bytes is not None else self.max_bytes // 8
        self._data: OrderedDict[bytes, Entry] = OrderedDict()
        self._bytes = 0
        self._stamp: Hashable = None
        self._epoch = 0
        self._lock = threading.Lock()
        self.hits = self.misses = self.stores = self.evictions = 0

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0 and self.max_entries > 0

    @property
    def epoch(self) -> int:
        """The local invalidation counter, part of every stamp."""
        return self._epoch

    def invalidate(self) -> None:
        """Forget everything: a write through this process changed the store."""
        with self._lock:
            self._epoch += 1
            self._clear()

    def get(self, key: bytes, stamp: Hashable) -> Entry | None:
        with self._lock:
            self._sync(stamp)
            entry = self._data.get(key)
            if entry is not None:
                self._data.move_to_end(key)
                self.hits += 1
                return entry
        entry = self.shared.get(key, stamp) if self.shared is not None else None
        if entry is None:
            self.misses += 1
            return None
        self.hits += 1
        self._put(key, entry)  # another worker computed it; keep it here too
        return entry

    def put(self, key: bytes, entry: Entry) -> bool:
        """Store `entry` unless it is too big or its stamp is already out of date; returns whether stored."""
        stored = self._put(key, entry)
        if stored and self.shared is not None:
            self.shared.put(key, entry)
        return stored

    def _put(self, key: bytes, entry: Entry) -> bool:
        size = entry.size
        if not self.enabled or size > self.max_entry_bytes:
            return False
        with self._lock:
            if entry.stamp != self._stamp:  # the store moved on while this answer was being computed
                return False
            old = self._data.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._data[key] = entry
            self._bytes += size
            self.stores += 1
            while self._data and (self._bytes > self.max_bytes or len(self._data) > self.max_entries):
                _, dropped = self._data.popitem(last=False)
                self._bytes -= dropped.size
                self.evictions += 1
        return True

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"entries": len(self._data), "bytes": self._bytes, "max_bytes": self.max_bytes,
                    "max_entries": self.max_entries, "hits": self.hits, "misses": self.misses,
                    "stores": self.stores, "evictions": self.evictions}

    def __len__(self) -> int:
        return len(self._data)

    @property
    def nbytes(self) -> int:
        return self._bytes

    def _sync(self, stamp: Hashable) -> None:
        if stamp != self._stamp:
            self._clear()
            self._stamp = stamp

    def _clear(self) -> None:
        self._data.clear()
        self._bytes = 0


def make_etag(body: bytes) -> bytes:
    """A strong validator: equal bodies, equal tags, whichever process or run produced them."""
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


def etag_matches(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110 weak comparison for If-None-Match: `*`, or any listed tag with or without `W/`."""
    if if_none_match.strip() == b"*":
        return True
    tags = (t.strip() for t in if_none_match.split(b","))
    return any(t.removeprefix(b"W/") == etag for t in tags)


class CacheMiddleware:
    """Serve GET requests under `prefix` from a `ResponseCache`, and validate them with ETags.

    `stamp()` returns the store's current generation; it runs on the event loop, so it must be cheap
    (two indexed max() lookups on SQLite). With a disabled cache responses still get ETags and 304s."""

    def __init__(self, app: ASGIApp, cache: ResponseCache, stamp: Callable[[], Hashable],
                 prefix: str = "/api/") -> None:
        self.app, self.cache, self.stamp, self.prefix = app, cache, stamp, prefix
        self._pending: dict[bytes, asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        key = scope.get("raw_path") or scope["path"].encode()
        key = key + b"?" + scope.get("query_string", b"")
        inm = _header(scope, b"if-none-match")
        if not self.cache.enabled:
            entry = await self._run(scope, receive, None)
            await self._send(send, entry, inm, b"BYPASS")
            return
        waited = False
        while True:
            stamp = self.stamp()
            entry = self.cache.get(key, stamp)
            if entry is not None:
                await self._send(send, entry, inm, b"HIT")
                return
            waiting = self._pending.get(key)
            if waiting is None or waited:
                break  # after one wait, an answer that was not cached (an error, too big) is computed anew
            await waiting.wait()  # the same URL is being computed: reuse its answer rather than repeat it
            waited = True
        lead = key not in self._pending
        if lead:
            self._pending[key] = asyncio.Event()
        try:
            captured = await self._run(scope, receive, stamp)
            if captured.cacheable:
                self.cache.put(key, captured.entry())
        finally:
            if lead:
                self._pending.pop(key).set()
        await self._send(send, captured, inm, b"MISS")

    async def _run(self, scope: Scope, receive: Receive, stamp: Hashable) -> _Captured:
        """Run the application, keeping its response instead of sending it."""
        captured = _Captured(stamp)
        await self.app(scope, receive, captured.send)
        return captured

    async def _send(self, send: Send, entry: Entry | _Captured, inm: bytes | None, state: bytes) -> None:
        if isinstance(entry, _Captured):
            if not entry.cacheable:
                await entry.replay(send, (b"x-cache", state))
                return
            entry = entry.entry()
        headers = [*entry.headers, (b"etag", entry.etag), (b"cache-control", CACHE_CONTROL), (b"x-cache", state)]
        if inm is not None and etag_matches(inm, entry.etag):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [h for h in headers if h[0] != b"content-type"]})
            await send({"type": "http.response.body", "body": b""})
            return
        headers.append((b"content-length", str(len(entry.body)).encode()))
        await send({"type": "http.response.start", "status": entry.status, "headers": headers})
        await send({"type": "http.response.body", "body": entry.body})


class _Captured:
    """A response collected from the application; cacheable when it is a complete 200 JSON answer."""

    def __init__(self, stamp: Hashable) -> None:
        self.stamp = stamp
        self.messages: list[Message] = []
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.body = bytearray()
        self._entry: Entry | None = None

    async def send(self, msg: Message) -> None:
        self.messages.append(msg)
        if msg["type"] == "http.response.start":
            self.status = msg["status"]
            self.headers = [(bytes(k).lower(), bytes(v)) for k, v in msg.get("headers") or []]
        elif msg["type"] == "http.response.body":
            self.body += msg.get("body", b"")

    @property
    def cacheable(self) -> bool:
        ctype = next((v for k, v in self.headers if k == b"content-type"), b"")
        return (self.status == 200 and ctype.startswith(_CACHEABLE_TYPES)
                and not any(k == b"set-cookie" for k, _ in self.headers)
                and not any(m.get("more_body") for m in self.messages[-1:]))

    def entry(self) -> Entry:
        if self._entry is None:
            body = bytes(self.body)
            self._entry = Entry(self.status, tuple(h for h in self.headers if h[0] not in _HOP_HEADERS), body,
                                make_etag(body), self.stamp)
        return self._entry

    async def replay(self, send: Send, header: tuple[bytes, bytes]) -> None:
        """Send the response as the application gave it, plus `header`."""
        for msg in self.messages:
            if msg["type"] == "http.response.start":
                msg = {**msg, "headers": [*(msg.get("headers") or []), header]}
            await send(msg)


def _header(scope: Scope, name: bytes) -> bytes | None:
    for k, v in scope.get("headers") or []:
        if k.lower() == name:
            return bytes(v)
    return None
