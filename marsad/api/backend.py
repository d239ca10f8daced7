"""The store behind the server: per-thread read-only connections and the one writer `POST` uses.

Reads go through read-only store connections, one per worker thread (sqlite3 connections are not meant
to be shared between threads, and per-thread connections let queries run in parallel under WAL or on a
PostgreSQL server, whichever `--db` names). Writing is possible only when an API token is configured, and
then through a single separate read-write connection guarded by a lock.
"""

from __future__ import annotations

import hmac
import threading
from typing import Any

from fastapi import HTTPException

from marsad.api.cache import ResponseCache
from marsad.api.searchpool import DEFAULT_SEARCH, SearchLimits, SearchPool
from marsad.api.shared_cache import SharedCache
from marsad.store import SqliteStore, Store, open_store
from marsad.store.queries import generation

TOKEN_ENV = "MARSAD_API_TOKEN"
DEFAULT_CACHE_MB = 64.0  # response cache per server process; 0 disables it
# Readers map the SQLite file instead of copying every page out of the OS cache: article texts span
# overflow pages, and the copies were a third to a half of a full-text search's CPU on a 30K-article store.
# All reader threads (and worker processes) share the one mapping through the OS page cache.
READER_MMAP_BYTES = 1 << 30


class Backend:
    """The store behind the server: per-thread read-only connections, one lazily opened writer."""

    def __init__(self, db: str, token: str | None, cache_mb: float = DEFAULT_CACHE_MB,
                 shared_cache: SharedCache | None = None, search: SearchLimits = DEFAULT_SEARCH) -> None:
        self.db = db
        self.token = token or None
        self.cache = ResponseCache(int(max(0.0, cache_mb) * 1024 * 1024), shared=shared_cache)
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self._writer: Store | None = None
        self._pipeline: Any = None
        if self.token:
            # ingestion is enabled, so the store may be created here (and migrated) before readers open it
            self._writer = open_store(db, batch_size=1)
        # fail at start-up, not on the first request, when the store is missing, incomplete or damaged
        self.reader().check()
        self.searches = SearchPool(self.reader, search)

    def reader(self) -> Store:
        """This thread's read-only store connection."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, readonly=True)  # on PostgreSQL: default_transaction_read_only
            if isinstance(store, SqliteStore):
                store.conn.execute("PRAGMA query_only=ON")
                store.conn.execute(f"PRAGMA mmap_size={READER_MMAP_BYTES}")
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def check_token(self, authorization: str | None) -> None:
        """Refuse a write unless ingestion is configured (403) and the bearer token matches (401)."""
        if not self.token:
            raise HTTPException(403, f"ingestion is disabled on this server: start it with {TOKEN_ENV} set or "
                                     "--token-file to accept documents")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token.encode()):
            raise HTTPException(401, "missing or wrong API token (send 'Authorization: Bearer <token>')",
                                headers={"WWW-Authenticate": "Bearer"})

    def ingest(self, doc: Any) -> tuple[str, Any]:
        """Annotate and store one document; returns (status, annotated document)."""
        from marsad.annotate.pipeline import Pipeline

        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline()
            assert self._writer is not None
            annotated = self._pipeline(doc)
            status = self._writer.add(annotated)
            self._writer.commit()
        if status != "unchanged":
            self.cache.invalidate()
        return status, annotated

    def stamp(self) -> tuple[Any, int]:
        """What cached responses are valid for: the store's generation (moved by any writer, in any
        process) and this process's own invalidation count."""
        return generation(self.reader().conn), self.cache.epoch

    def close(self) -> None:
        self.searches.close()
        with self._lock:
            for s in self._all:
                try:
                    s.conn.close()
                except Exception:  # closing from another thread may fail; the process is ending anyway
                    pass
            self._all.clear()
            if self._writer is not None:
                self._writer.close()
                self._writer = None
