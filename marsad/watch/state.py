"""What a watch remembers, kept in the store (`watch_sources`, `watch_items`; migration 9), not a side file.

State in the store means a watcher killed at any moment (`kill -9`, a reboot) restarts where it stopped:
per source its HTTP validators and health, per item the key it was seen under and the document it became.

An item is marked seen in the same transaction that stores its document (`store_item`), so after a crash
either both are there or neither is. Even where the two could come apart (a file holding several
documents is marked with its last one), nothing is duplicated: the store refuses a text it already holds
(`content_hash`), so an item read again is reported "unchanged" and only then marked.

Item statuses: `stored`, `new-version`, `unchanged` (a document), `failed` (read but unusable: not Arabic,
empty; not retried), `pending` (its article page could not be fetched for now; retried next round). A
source whose fetch fails marks nothing: its items are read when it is back.

All SQL is SQLite's dialect with `?` placeholders over `store.conn`; the PostgreSQL connection translates
it, so both backends keep the same rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from marsad.document import Document
from marsad.store.dialect import dialect_of

SEEN = ("stored", "new-version", "unchanged", "failed")
PENDING = "pending"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class SourceState:
    """A source's row: the validators to send next time and how many rounds in a row it has failed."""

    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0


def source_state(conn: Any, source: str) -> SourceState:
    row = conn.execute("SELECT etag, last_modified, failures FROM watch_sources WHERE source=?", (source,)).fetchone()
    return SourceState(row[0], row[1], row[2] or 0) if row else SourceState()


def record_ok(conn: Any, source: str, status: str, *, etag: str | None, last_modified: str | None) -> None:
    """A source was read: its new validators (None when the next round must fetch it whole) and health."""
    t = now()
    conn.execute(
        "INSERT INTO watch_sources (source, etag, last_modified, checked_at, ok_at, status, error, failures)"
        " VALUES (?,?,?,?,?,?,NULL,0) ON CONFLICT(source) DO UPDATE SET etag=excluded.etag,"
        " last_modified=excluded.last_modified, checked_at=excluded.checked_at, ok_at=excluded.ok_at,"
        " status=excluded.status, error=NULL, failures=0",
        (source, etag, last_modified, t, t, status),
    )
    _commit(conn)


def record_failure(conn: Any, source: str, error: str) -> int:
    """A source could not be read this round; its validators are kept. Returns failures in a row."""
    conn.execute(
        "INSERT INTO watch_sources (source, checked_at, status, error, failures) VALUES (?,?,'down',?,1)"
        " ON CONFLICT(source) DO UPDATE SET checked_at=excluded.checked_at, status='down',"
        " error=excluded.error, failures=watch_sources.failures + 1",
        (source, now(), error),
    )
    _commit(conn)
    return source_state(conn, source).failures


def item_states(conn: Any, source: str) -> dict[str, tuple[str, str]]:
    """Every item key of a source seen so far, with its status and when it was first seen."""
    rows = conn.execute("SELECT item_key, status, seen_at FROM watch_items WHERE source=?", (source,)).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def mark(conn: Any, source: str, key: str, status: str, doc_id: str | None = None, *, commit: bool = True) -> None:
    """Record an item's outcome. A `pending` item keeps the time it was first tried (`seen_at`), which is
    how long its article page has been unreachable."""
    keep_first = "watch_items.seen_at" if status == PENDING else "excluded.seen_at"
    conn.execute(
        "INSERT INTO watch_items (source, item_key, seen_at, doc_id, status) VALUES (?,?,?,?,?)"
        f" ON CONFLICT(source, item_key) DO UPDATE SET seen_at={keep_first}, doc_id=excluded.doc_id,"
        " status=excluded.status",
        (source, key, now(), doc_id, status),
    )
    if commit:
        _commit(conn)


def store_item(store: Any, doc: Document, source: str, key: str | None) -> str:
    """Store `doc` and, in the same transaction, mark `key` of `source` seen (no key: store only).

    Returns the store's status (stored, new-version, unchanged). The transaction is opened here, so the
    store's `add` works inside it (a savepoint) and commits nothing itself; see `open_for_watch`."""
    conn = store.conn
    _begin(conn)
    try:
        status = store.add(doc)
        if key is not None:
            mark(conn, source, key, status, doc.id, commit=False)
        store.commit()
    except BaseException:
        conn.rollback()
        raise
    return status


def open_for_watch(store: Any) -> Any:
    """Make `store` leave commits to `store_item`: the SQLite store otherwise commits inside `add` once its
    batch is full or a second old, which would split a document from its seen mark."""
    if hasattr(store, "batch_seconds"):
        store.batch_seconds = float("inf")
        store.batch_size = 1 << 30
    return store


def unanalysed_watch_docs(conn: Any) -> list[str]:
    """Ids of documents a watch stored that the cross-document pass has not placed yet: this round's, and
    those of a round killed before its pass ran (so alerts catch up after a crash too)."""
    has_corpus = dialect_of(conn).has_table(conn, "corpus_docs")
    sql = ("SELECT DISTINCT d.id FROM watch_items w JOIN documents d ON d.id = w.doc_id"
           " WHERE w.status IN ('stored', 'new-version')")
    if has_corpus:
        sql += " AND NOT EXISTS (SELECT 1 FROM corpus_docs c WHERE c.doc_rowid = d.rowid)"
    return [r[0] for r in conn.execute(sql + " ORDER BY d.id").fetchall()]


def _begin(conn: Any) -> None:
    if conn.in_transaction:
        return
    conn.execute("BEGIN" if dialect_of(conn).name == "postgresql" else "BEGIN IMMEDIATE")


def _commit(conn: Any) -> None:
    if conn.in_transaction:
        conn.execute("COMMIT")
