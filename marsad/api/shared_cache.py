"""The second level of the response cache, shared by the worker processes of one server.

With `marsad serve --workers N` each process keeps its own in-memory LRU (`ResponseCache`), so an answer
computed by one worker would be computed again by every other: with two workers the hit rate of the API
load test fell from 0.47 to 0.35. This level is one SQLite file, normally in shared memory (`/dev/shm`),
that every worker reads after a miss in its own LRU and writes after computing an answer. A lookup is one
primary-key read, far cheaper than the queries it saves. It is bounded in bytes: past the bound the
entries of older store stamps go first, then the oldest entries (first in, first out; each process's
own LRU keeps what is hot). It is a cache: losing or corrupting it costs only recomputation, so writes
are not synced and any SQLite error is treated as a miss.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Hashable

from marsad.api.cache import Entry

log = logging.getLogger("marsad.api")

TRIM_EVERY = 256  # puts between checks of the file's total size


class SharedCache:
    """Responses keyed by request URL and store stamp in a SQLite file that several processes open."""

    def __init__(self, path: str, max_bytes: int) -> None:
        self.path, self.max_bytes = path, max(0, max_bytes)
        self._lock = threading.Lock()
        self._puts = 0
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=2, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=OFF")
        # The body goes last and the sizes are indexed: adding up sizes and choosing what to drop then
        # reads the index, not the bodies' overflow pages.
        self.conn.executescript(
            "CREATE TABLE IF NOT EXISTS responses (key BLOB PRIMARY KEY, stamp TEXT NOT NULL, size INTEGER NOT NULL,"
            " status INTEGER NOT NULL, headers TEXT NOT NULL, etag BLOB NOT NULL, body BLOB NOT NULL);"
            "CREATE INDEX IF NOT EXISTS responses_size ON responses(size);"
        )

    @staticmethod
    def _stamp(stamp: Hashable) -> str:
        return repr(stamp)  # stamps are tuples of ints: repr is stable across processes

    def get(self, key: bytes, stamp: Hashable) -> Entry | None:
        try:
            with self._lock:
                row = self.conn.execute(
                    "SELECT status, headers, body, etag FROM responses WHERE key=? AND stamp=?", (key, self._stamp(stamp))
                ).fetchone()
        except sqlite3.Error as exc:
            log.warning("shared response cache %s: %s", self.path, exc)
            return None
        if row is None:
            return None
        headers = tuple((k.encode("latin-1"), v.encode("latin-1")) for k, v in json.loads(row[1]))
        return Entry(row[0], headers, bytes(row[2]), bytes(row[3]), stamp)

    def put(self, key: bytes, entry: Entry) -> None:
        if entry.size > self.max_bytes:
            return
        headers = json.dumps([[k.decode("latin-1"), v.decode("latin-1")] for k, v in entry.headers])
        stamp = self._stamp(entry.stamp)
        try:
            with self._lock:
                self.conn.execute(
                    "INSERT OR REPLACE INTO responses (key, stamp, size, status, headers, etag, body)"
                    " VALUES (?,?,?,?,?,?,?)", (key, stamp, entry.size, entry.status, headers, entry.etag, entry.body)
                )
                self._puts += 1
                if self._puts % TRIM_EVERY == 0:
                    self._trim(stamp)
        except sqlite3.Error as exc:
            log.warning("shared response cache %s: %s", self.path, exc)

    def _trim(self, stamp: str) -> None:
        """Bring the file under its bound: other stamps' entries first, then the oldest."""
        total = self.conn.execute("SELECT coalesce(sum(size), 0) FROM responses").fetchone()[0]
        if total <= self.max_bytes:
            return
        self.conn.execute("DELETE FROM responses WHERE stamp != ?", (stamp,))
        total = self.conn.execute("SELECT coalesce(sum(size), 0) FROM responses").fetchone()[0]
        if total <= self.max_bytes:
            return
        # drop the oldest rows down to three quarters of the bound, so trimming is not needed at every check
        excess, dropped = total - self.max_bytes * 3 // 4, 0
        doomed = []
        for rowid, size in self.conn.execute("SELECT rowid, size FROM responses ORDER BY rowid"):
            if dropped >= excess:
                break
            doomed.append((rowid,))
            dropped += size
        self.conn.executemany("DELETE FROM responses WHERE rowid=?", doomed)

    def nbytes(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT coalesce(sum(size), 0) FROM responses").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self.conn.close()
