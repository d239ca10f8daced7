"""The embedded default store: one SQLite file in WAL mode.

Each document (document row, search row, annotations) is written atomically inside its own SAVEPOINT, a
nested transaction: a document that fails rolls back alone and the batch goes on. Savepoints are committed
together every `batch_size` documents or `batch_seconds`, because a commit per document costs ~1 ms of
FTS5 segment writing and would halve ingest speed. A run killed at any point leaves every document either
wholly stored or absent; a re-run stores exactly the missing ones (`batch_size=1` commits each document).
Identity comes from content (`Document.content_hash`), never from insertion order.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

from marsad.document import Document
from marsad.store.base import SearchHit, Status, Store, doc_key
from marsad.store.errors import StoreError, store_error
from marsad.store.migrations import migrate
from marsad.store.queries import document_filters
from marsad.store.search import Highlighter, SearchSyntaxError, to_fts_query
from marsad.text.normalize import shadow_terms

OPTIMIZE_MIN_DOCS = 1000  # a load this large, and
OPTIMIZE_MIN_SHARE = 10  # at least a tenth of the store, ends with the full-text index merged


def _connect_readonly(path: str) -> sqlite3.Connection:
    """A read-only connection (`mode=ro`) that works where the store's directory cannot be written.

    Reading a WAL store needs its -shm index, which SQLite creates when missing; in a read-only directory
    it cannot, and the open fails. When there is no -wal file (or an empty one) every change is in the
    main file, so it is opened `immutable`, without the index. A -wal file that holds changes cannot be
    read that way; the message says to open the store once where it can be written.
    """
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if "readonly" not in str(exc) and "unable to open" not in str(exc):
            raise
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StoreError(f"{path}: cannot read the store here: its directory cannot be written and its -wal "
                             "file holds changes; open it once with write access (`marsad stats`)") from None
    return sqlite3.connect(f"{uri}&immutable=1", uri=True, isolation_level=None, check_same_thread=False)


class SqliteStore(Store):
    """A store in one SQLite file (WAL mode: readers never block the single writer)."""

    def __init__(
        self, path: str | Path, *, readonly: bool = False, batch_size: int = 200, batch_seconds: float = 1.0
    ) -> None:
        self.path = str(path)
        self.batch_size = max(1, batch_size)
        self.batch_seconds = batch_seconds
        self._pending = 0
        self._tx_started = 0.0
        if readonly and not Path(self.path).exists():
            raise FileNotFoundError(f"{self.path}: no such database; run `marsad ingest` first")
        try:
            if readonly:
                self.conn = _connect_readonly(self.path)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                migrate(self.conn)
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.row_factory = sqlite3.Row
            version = self.schema_version()
        except sqlite3.Error as exc:
            raise store_error(self.path, exc, writing=not readonly) from None
        if version == 0:
            self.conn.close()
            raise FileNotFoundError(f"{self.path}: no marsad store in this file; run `marsad ingest` first")
        # a read-only server may run on a store from before migration 5, so search checks for its index
        self._superseded_index = version >= 5

    def commit(self) -> None:
        """Make every document added so far durable."""
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self._pending = 0

    def after_bulk_load(self, added: int) -> None:
        """Merge the full-text index into one segment after a large load.

        FTS5 writes each commit's documents as a new index segment and merges them only partly as it
        goes, so after a bulk load every query reads several segments per term. 'optimize' rewrites the
        index as one: on the 30K-article store it took 2 s and cut a full-text query's ranking time by a
        fifth and its match counting by half. It rewrites the whole index, so it runs only when the load
        was a sizeable part of the store."""
        total = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
        if added >= OPTIMIZE_MIN_DOCS and added * OPTIMIZE_MIN_SHARE >= total:
            self.commit()
            self.conn.execute("INSERT INTO documents_fts(documents_fts) VALUES('optimize')")

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def size_bytes(self) -> int:
        """Size of the database file (the WAL is folded into it at checkpoints)."""
        return os.path.getsize(self.path)

    def __enter__(self) -> SqliteStore:
        return self

    # -- writing ---------------------------------------------------------------------------------------
    def add(self, doc: Document) -> Status:
        """Store one document and its annotations atomically; a known text is left untouched."""
        c = self.conn
        h = doc.content_hash
        if c.execute("SELECT 1 FROM documents WHERE content_hash=?", (h,)).fetchone():
            return "unchanged"
        key = doc_key(doc)
        if not c.in_transaction:
            c.execute("BEGIN IMMEDIATE")
            self._tx_started = time.monotonic()
        c.execute("SAVEPOINT doc")
        try:
            prev = c.execute(
                "SELECT rowid, version FROM documents WHERE doc_key=? AND is_latest=1", (key,)
            ).fetchone()
            version = 1
            if prev:
                version = prev[1] + 1
                c.execute("UPDATE documents SET is_latest=0 WHERE rowid=?", (prev[0],))
            body = doc.text
            cur = c.execute(
                "INSERT INTO documents (id, content_hash, doc_key, version, is_latest, title, text, published,"
                " outlet, dateline, url, language, author, source, n_tokens)"
                " VALUES (?,?,?,?,1,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, h, key, version, doc.title, body, doc.published, doc.outlet, doc.dateline, doc.url,
                 doc.language, doc.author, doc.source, len(body.split())),
            )
            rowid = cur.lastrowid
            c.execute(
                "INSERT INTO documents_fts (rowid, title, body) VALUES (?,?,?)",
                (rowid, shadow_terms(doc.title or ""), shadow_terms(body)),
            )
            self._add_annotations(rowid, doc)
            c.execute("RELEASE doc")
        except BaseException:
            c.execute("ROLLBACK TO doc")
            c.execute("RELEASE doc")
            raise
        self._pending += 1
        if self._pending >= self.batch_size or time.monotonic() - self._tx_started >= self.batch_seconds:
            self.commit()
        return "new-version" if version > 1 else "stored"

    # -- reading ---------------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Best-matching latest versions, ranked by BM25 (title words weigh more than body words)."""
        match, terms = to_fts_query(query)
        where, params = ["documents_fts MATCH ?", "d.is_latest=1"], [match]
        ranked = ("SELECT documents_fts.rowid AS rid, bm25(documents_fts, 3.0, 1.0) AS score"
                  " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid")
        if not (outlet or date_from or date_to) and self._superseded_index:
            # no column of the documents row is needed to rank, only "is it the latest version"
            where[1] = "documents_fts.rowid NOT IN (SELECT rowid FROM documents WHERE is_latest=0)"
            ranked = "SELECT documents_fts.rowid AS rid, bm25(documents_fts, 3.0, 1.0) AS score FROM documents_fts"
        filters, fparams = document_filters(outlet, date_from, date_to)
        where += filters
        params += fparams
        # Rank first, then read the page's rows: selecting the text in the ranking query makes SQLite
        # carry every matching article through the sorter (3x slower for a word in most articles).
        sql = (
            "SELECT d.id, d.title, d.published, d.outlet, d.url, d.source, d.text, top.score FROM ("
            f"{ranked} WHERE {' AND '.join(where)} ORDER BY score LIMIT ? OFFSET ?"
            ") AS top JOIN documents d ON d.rowid = top.rid ORDER BY top.score"
        )
        try:
            rows = self.conn.execute(sql, (*params, limit, offset)).fetchall()
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc) or "syntax" in str(exc):
                raise SearchSyntaxError(f"cannot parse query {query!r}: {exc}") from None
            raise
        hl = Highlighter.for_terms(terms)
        return [
            SearchHit(r["id"], r["title"], r["published"], r["outlet"], r["url"], r["source"],
                      hl.snippet(r["text"]), -r["score"])
            for r in rows
        ]


__all__ = ["SearchHit", "SearchSyntaxError", "SqliteStore", "Status", "doc_key"]
