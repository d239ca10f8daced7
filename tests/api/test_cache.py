"""The response cache and ETag revalidation: hits are byte-identical, writes invalidate, size is bounded."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.api.cache import CacheMiddleware, Entry, ResponseCache, etag_matches, make_etag

from .conftest import LOCAL, TOKEN
from .test_api import ARTICLE

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def fresh(tmp_path: Path, store_db: Path) -> Iterator[tuple[TestClient, Path]]:
    """A cached, ingest-enabled app over a private copy of the store (so tests see their own cache)."""
    from marsad.api.server import create_app

    db = tmp_path / "c.db"
    shutil.copy(store_db, db)
    with TestClient(create_app(str(db), token=TOKEN), raise_server_exceptions=False, base_url=LOCAL) as c:
        yield c, db


def test_repeated_get_is_a_hit_and_identical(fresh: tuple[TestClient, Path]) -> None:
    c, _ = fresh
    first = c.get("/api/entities", params={"limit": 3})
    second = c.get("/api/entities", params={"limit": 3})
    assert first.status_code == second.status_code == 200
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("MISS", "HIT")
    assert first.content == second.content
    assert first.headers["etag"] == second.headers["etag"] == make_etag(first.content).decode()
    assert first.headers["content-type"] == second.headers["content-type"] == "application/json"
    assert second.headers["cache-control"] == "no-cache" and second.headers["x-content-type-options"] == "nosniff"
    # a different query string is a different answer
    assert c.get("/api/entities", params={"limit": 4}).headers["x-cache"] == "MISS"


def test_etag_revalidation_gives_304(fresh: tuple[TestClient, Path]) -> None:
    c, _ = fresh
    r = c.get("/api/stats")
    tag = r.headers["etag"]
    for inm in (tag, f"W/{tag}", f'"nope", {tag}', "*"):
        nm = c.get("/api/stats", headers={"If-None-Match": inm})
        assert nm.status_code == 304 and nm.content == b"" and nm.headers["etag"] == tag, inm
    assert c.get("/api/stats", headers={"If-None-Match": '"other"'}).status_code == 200


def test_post_invalidates(fresh: tuple[TestClient, Path]) -> None:
    c, _ = fresh
    before = c.get("/api/stats").json()
    assert c.get("/api/stats").headers["x-cache"] == "HIT"
    assert c.post("/api/documents", json={"text": ARTICLE, "published": "2024-03-03"}, headers=AUTH).status_code == 201
    after = c.get("/api/stats")
    assert after.headers["x-cache"] == "MISS"
    assert after.json()["documents"] == before["documents"] + 1


def test_write_by_another_process_invalidates(fresh: tuple[TestClient, Path]) -> None:
    """The store's generation is checked on every lookup, so a writer elsewhere (`marsad ingest`) is seen."""
    c, db = fresh
    before = c.get("/api/stats")
    assert c.get("/api/stats").headers["x-cache"] == "HIT"
    with sqlite3.connect(db) as w:
        w.execute("INSERT INTO documents (id, content_hash, doc_key, text) VALUES ('ab12', 'h-new', 'k-new', 'نص')")
    after = c.get("/api/stats")
    assert after.headers["x-cache"] == "MISS" and after.headers["etag"] != before.headers["etag"]
    assert after.json()["documents"] == before.json()["documents"] + 1


def test_cache_disabled_still_validates(store_db: Path, client: TestClient) -> None:
    from marsad.api.server import create_app

    with TestClient(create_app(str(store_db), cache_mb=0), base_url=LOCAL) as off:
        a, b = off.get("/api/events", params={"limit": 5}), off.get("/api/events", params={"limit": 5})
        assert a.headers["x-cache"] == b.headers["x-cache"] == "BYPASS"
        assert a.content == b.content == client.get("/api/events", params={"limit": 5}).content
        assert off.get("/api/events", params={"limit": 5}, headers={"If-None-Match": a.headers["etag"]}).status_code == 304
        assert len(off.app.state.backend.cache) == 0


def test_only_successful_api_gets_are_cached(fresh: tuple[TestClient, Path]) -> None:
    c, _ = fresh
    assert [c.get("/api/entities/no-such-entity").headers["x-cache"] for _ in range(2)] == ["MISS", "MISS"]
    assert c.get("/api/documents", params={"limit": 0}).status_code == 422
    page = c.get("/entities")
    assert page.status_code == 200 and "x-cache" not in page.headers and "etag" not in page.headers
    assert len(c.app.state.backend.cache) == 0


def test_app_cache_is_bounded(store_db: Path) -> None:
    from marsad.api.server import create_app

    with TestClient(create_app(str(store_db), cache_mb=0.02), base_url=LOCAL) as c:  # ~20 KB
        cache: ResponseCache = c.app.state.backend.cache
        for n in range(100):  # unknown parameters are ignored, but each URL is its own entry
            assert c.get("/api/stats", params={"n": n}).status_code == 200
        assert 0 < len(cache) < 100 and cache.nbytes <= cache.max_bytes
        assert c.get("/api/stats", params={"n": 99}).headers["x-cache"] == "HIT"
        assert c.get("/api/stats", params={"n": 0}).headers["x-cache"] == "MISS"  # least recently used went first
        assert cache.stats()["evictions"] > 0


def _entry(body: bytes, stamp: Any = 1) -> Entry:
    return Entry(200, ((b"content-type", b"application/json"),), body, make_etag(body), stamp)


def test_lru_bounds_and_stamps() -> None:
    cache = ResponseCache(max_bytes=4000, max_entries=3, max_entry_bytes=1500)
    assert cache.get(b"a", 1) is None  # adopts stamp 1
    for k in (b"a", b"b", b"c"):
        assert cache.put(k, _entry(k * 100))
    assert cache.get(b"a", 1) is not None  # a is now most recent
    cache.put(b"d", _entry(b"d" * 100))
    assert cache.get(b"b", 1) is None and cache.get(b"a", 1) is not None and len(cache) == 3  # b was least recent
    assert not cache.put(b"big", _entry(b"x" * 2000))  # over the per-entry limit
    for i in range(10):
        cache.put(bytes([i]), _entry(b"y" * 1200))
    assert cache.nbytes <= 4000
    assert not cache.put(b"old", _entry(b"z", stamp=0))  # computed before the store moved on
    assert cache.get(b"d", 2) is None and len(cache) == 0  # a new stamp empties it
    cache.put(b"e", _entry(b"e", stamp=2))
    cache.invalidate()
    assert len(cache) == 0 and cache.epoch == 1


def test_etag_matching() -> None:
    tag = make_etag(b"{}")
    assert etag_matches(tag, tag) and etag_matches(b"W/" + tag, tag) and etag_matches(b'"x" , ' + tag, tag)
    assert etag_matches(b"*", tag) and not etag_matches(b'"x"', tag)


def test_concurrent_misses_compute_once() -> None:
    """Requests for a URL that is being computed wait for that answer instead of running it again."""
    calls = 0

    async def app(scope: Any, receive: Any, send: Any) -> None:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.01)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b'{"n": 1}'})

    mw = CacheMiddleware(app, ResponseCache(1 << 20), stamp=lambda: 1)

    async def get() -> tuple[int, bytes]:
        out: dict[str, Any] = {}

        async def send(msg: Any) -> None:
            if msg["type"] == "http.response.start":
                out["status"], out["headers"] = msg["status"], dict(msg["headers"])
            else:
                out["body"] = msg["body"]

        scope = {"type": "http", "method": "GET", "path": "/api/x", "raw_path": b"/api/x", "query_string": b"",
                 "headers": []}
        await mw(scope, None, send)
        return out["status"], out["headers"][b"x-cache"]

    async def main() -> list[tuple[int, bytes]]:
        return await asyncio.gather(*(get() for _ in range(5)))

    results = asyncio.run(main())
    assert calls == 1
    assert sorted(results) == [(200, b"HIT")] * 4 + [(200, b"MISS")]
