"""Full-text searches on a bounded pool of threads, each with a time limit.

Every other read is an index lookup of a few milliseconds and runs on the event loop (`routes`), but a
search's cost is the client's to choose (a common prefix*, a dozen OR terms over a large store): 200
concurrent costly searches on the event loop made `/api/stats` wait 39 s behind them. Searches therefore
run on `threads` threads of their own; at most `queue` more wait for one, and a search beyond that is
answered 503 at once instead of queueing without end. Each search is stopped after `seconds`: on SQLite
by a progress handler (called every few thousand virtual-machine steps, so SQLite itself notices the
deadline), on PostgreSQL by `statement_timeout` on the pool's connections. Both answer 503 with a line
that says what happened. Everything else keeps the event loop, and GIL-free SQLite work lets the two
overlap.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from fastapi import HTTPException

if TYPE_CHECKING:
    from marsad.store import Store

T = TypeVar("T")
PROGRESS_STEPS = 10_000  # SQLite VM steps between deadline checks (~a millisecond of work or less)


@dataclass(frozen=True, slots=True)
class SearchLimits:
    """How many searches run at once (`threads`), how many more may wait (`queue`), and for how long
    one may run (`seconds`)."""

    threads: int = 4
    queue: int = 32  # 8 per thread
    seconds: float = 10.0


DEFAULT_SEARCH = SearchLimits()


class SearchPool:
    """Runs `fn(store)` for a search on a pool thread with that thread's read-only store, under a deadline."""

    def __init__(self, reader: Callable[[], Store], limits: SearchLimits | None = None) -> None:
        self.limits = limits = limits or DEFAULT_SEARCH
        self._reader = reader
        self._executor = ThreadPoolExecutor(max(1, limits.threads), thread_name_prefix="marsad-search")
        self._slots = threading.BoundedSemaphore(max(1, limits.threads) + max(0, limits.queue))
        self._local = threading.local()

    async def run(self, fn: Callable[[Store], T]) -> T:
        """From the event loop: the search's result, or 503 when the pool is full or the search too slow."""
        return await asyncio.wrap_future(self._submit(fn))

    def call(self, fn: Callable[[Store], T]) -> T:
        """From a worker thread (the server-rendered pages): as `run`, waiting for the result."""
        return self._submit(fn).result()

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _submit(self, fn: Callable[[Store], T]) -> Future[T]:
        if not self._slots.acquire(blocking=False):
            raise HTTPException(503, "too many searches at once; try again in a moment", headers={"Retry-After": "2"})
        try:
            fut = self._executor.submit(self._timed, fn)
        except BaseException:
            self._slots.release()
            raise
        # released when the search ends, not when its caller stops waiting (a client that disconnects
        # does not stop the thread, so its slot stays taken until the work is done)
        fut.add_done_callback(lambda _: self._slots.release())
        return fut

    def _timed(self, fn: Callable[[Store], T]) -> T:
        store = self._reader()
        self._arm(store)
        self._local.deadline = time.monotonic() + self.limits.seconds
        try:
            return fn(store)
        except Exception as exc:
            if _timed_out(exc):
                raise HTTPException(503, f"the search took longer than {self.limits.seconds:g} s and was stopped; "
                                         "narrow it (fewer OR terms, longer prefixes, a date range)") from None
            raise
        finally:
            self._local.deadline = None

    def _arm(self, store: Store) -> None:
        """Put the time limit on this thread's connection (once per connection)."""
        if getattr(self._local, "armed", None) is store.conn:
            return
        if isinstance(store.conn, sqlite3.Connection):
            store.conn.set_progress_handler(self._past_deadline, PROGRESS_STEPS)
        else:
            store.conn.execute(f"SET statement_timeout = {max(1, int(self.limits.seconds * 1000))}")
        self._local.armed = store.conn

    def _past_deadline(self) -> int:
        deadline = getattr(self._local, "deadline", None)
        return int(deadline is not None and time.monotonic() > deadline)


def _timed_out(exc: BaseException) -> bool:
    """SQLite's "interrupted" (the progress handler said stop) or PostgreSQL's query_canceled."""
    if isinstance(exc, sqlite3.OperationalError):
        return "interrupted" in str(exc)
    return type(exc).__name__ == "QueryCanceled" or getattr(exc, "sqlstate", None) == "57014"


__all__ = ["DEFAULT_SEARCH", "SearchLimits", "SearchPool"]
