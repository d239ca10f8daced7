"""The watch's state in the store, on both backends: a document and its seen mark go in together."""

from __future__ import annotations

import pytest

from marsad.ingest.plaintext import build_document
from marsad.store import open_store
from marsad.watch import state
from tests.watch.helpers import arabic


def doc(n: int):  # type: ignore[no-untyped-def]
    d = build_document(arabic(n), source=f"t{n}", title=f"خبر {n}")
    d.language = "ar"
    return d


def test_a_document_and_its_mark_are_stored_together_or_not_at_all(store_url: str) -> None:
    with open_store(store_url) as store:
        state.open_for_watch(store)
        assert state.store_item(store, doc(1), "src", "k1") == "stored"
        assert state.store_item(store, doc(1), "src", "k1-again") == "unchanged"  # the store's content dedup

        def broken_add(d):  # type: ignore[no-untyped-def]
            store.conn.execute("INSERT INTO watch_items (source, item_key, seen_at, status) VALUES ('x','y','t','z')")
            raise RuntimeError("disk full")

        real_add = store.add
        store.add = broken_add  # type: ignore[method-assign]
        with pytest.raises(RuntimeError):
            state.store_item(store, doc(2), "src", "k2")
        store.add = real_add  # type: ignore[method-assign]
        assert state.item_states(store.conn, "src").keys() == {"k1", "k1-again"}
        assert state.item_states(store.conn, "x") == {}  # rolled back with it
    with open_store(store_url) as store:  # and durable once returned
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        assert [tuple(r) for r in store.conn.execute(
            "SELECT item_key, status FROM watch_items ORDER BY item_key").fetchall()] == [
            ("k1", "stored"), ("k1-again", "unchanged")]


def test_source_health_and_validators(store_url: str) -> None:
    with open_store(store_url) as store:
        c = store.conn
        assert state.source_state(c, "u") == state.SourceState()
        assert state.record_failure(c, "u", "HTTP 500") == 1
        assert state.record_failure(c, "u", "timed out") == 2
        state.record_ok(c, "u", "ok", etag='"e"', last_modified="Sun, 07 Jan 2024 10:00:00 GMT")
        assert state.source_state(c, "u") == state.SourceState('"e"', "Sun, 07 Jan 2024 10:00:00 GMT", 0)
        state.record_failure(c, "u", "HTTP 502")
        assert state.source_state(c, "u").etag == '"e"'  # kept through a failure


def test_a_pending_item_keeps_when_it_was_first_tried(store_url: str) -> None:
    with open_store(store_url) as store:
        c = store.conn
        state.mark(c, "u", "k", state.PENDING)
        c.execute("UPDATE watch_items SET seen_at='2000-01-01T00:00:00+00:00'")
        state.mark(c, "u", "k", state.PENDING)
        assert state.item_states(c, "u") == {"k": ("pending", "2000-01-01T00:00:00+00:00")}
        state.mark(c, "u", "k", "failed")
        assert state.item_states(c, "u")["k"][0] == "failed"
