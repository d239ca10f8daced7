"""The response cache level that worker processes share: what one computes, the others serve."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from marsad.api.cache import Entry, ResponseCache, make_etag
from marsad.api.shared_cache import SharedCache


def _entry(body: bytes, stamp: object = (1, 0)) -> Entry:
    return Entry(200, ((b"content-type", b"application/json"), (b"x-thing", b"\xe9")), body, make_etag(body), stamp)


def test_an_answer_put_by_one_process_is_a_hit_in_another(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    one = ResponseCache(1 << 20, shared=SharedCache(path, 1 << 20))
    two = ResponseCache(1 << 20, shared=SharedCache(path, 1 << 20))
    assert two.get(b"/api/x", (1, 0)) is None
    assert one.get(b"/api/x", (1, 0)) is None
    assert one.put(b"/api/x", _entry(b'{"a": 1}'))
    got = two.get(b"/api/x", (1, 0))
    assert got == _entry(b'{"a": 1}')  # same status, headers (non-ASCII bytes too), body and ETag
    assert two.hits == 1 and len(two) == 1  # now also in the second process's own LRU
    assert two.get(b"/api/x", (2, 0)) is None  # a different store stamp is a miss


def test_the_shared_file_stays_under_its_bound(tmp_path: Path) -> None:
    shared = SharedCache(str(tmp_path / "shared.db"), 50_000)
    for i in range(600):
        shared.put(f"/api/{i}".encode(), _entry(b"x" * 1000, stamp=(i // 300, 0)))
    assert shared.nbytes() <= 50_000 + 256 * 1300
    assert shared.get(b"/api/599", (1, 0)) is not None  # the newest survive
    assert shared.get(b"/api/0", (0, 0)) is None  # the oldest, of an old stamp, went first
    assert shared.put(b"/api/huge", _entry(b"y" * 60_000)) is None and shared.get(b"/api/huge", (1, 0)) is None


def test_a_broken_shared_file_is_only_a_miss(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    cache = ResponseCache(1 << 20, shared=SharedCache(str(path), 1 << 20))
    cache.shared.conn.execute("DROP TABLE responses")  # type: ignore[union-attr]
    assert cache.get(b"/api/x", (1, 0)) is None
    assert cache.put(b"/api/x", _entry(b"{}"))  # still kept in the process's own LRU
    assert cache.get(b"/api/x", (1, 0)) is not None
    assert isinstance(cache.shared.conn, sqlite3.Connection)  # type: ignore[union-attr]
