"""The PostgreSQL store: the SQLite store's schema and behaviour, shared by many processes at once.

`open_store("postgresql://user@host:port/db")` gives a `PostgresStore`; everything built on stores (CLI,
API, exports, cross-document analysis) uses it unchanged through `store.conn`, a `PgConnection` that
speaks the SQLite dialect marsad's SQL is written in.

Writing differs from SQLite because several writers may run at once:

* every document is its own transaction. A document that fails rolls back alone; one that commits is
  complete (document row, search row, annotations). Batching documents into one transaction, as SQLite
  does to save fsyncs, would let two concurrent writers hold locks on each other's documents and
  deadlock, so `batch_size` is accepted for interface compatibility and every `add` commits;
* a transaction-scoped advisory lock on the document key (its URL, or outlet + title) serialises the
  writers that could make versions of one article, so version numbers and the single `is_latest` row
  stay right (a partial unique index backs this up);
* the document insert is `ON CONFLICT (content_hash) DO NOTHING`: when two writers race on the same text,
  the second waits for the first and then reports it "unchanged" instead of failing or duplicating;
* shared entity records are upserted in id order (see `Store._add_annotations`), so writers lock them
  in one global order.
"""

from __future__ import annotations

from marsad.document import Document
from marsad.store.base import SearchHit, Status, Store, doc_key
from marsad.store.dialect import LOCK_CLASS_DOC, lock_key, redact_url
from marsad.store.pg_connection import PgConnection
from marsad.store.pg_schema import SCHEMA_TABLE, current_version, migrate
from marsad.store.pg_search import RANK_WEIGHTS, to_tsquery, tsvector_literal
from marsad.store.queries import document_filters
from marsad.store.search import Highlighter


class PostgresStore(Store):
    """A store in a PostgreSQL database, shared by any number of reading and writing processes."""

    def __init__(self, url: str, *, readonly: bool = False, create: bool = True, batch_size: int = 200) -> None:
        self.path = url  # what the API's cache keys and messages call the store
        self.batch_size = max(1, batch_size)
        self.conn = PgConnection.connect(url, readonly=readonly)
        try:
            if readonly or not create:
                version = current_version(self.conn)
                if version == 0:
                    raise FileNotFoundError(f"{redact_url(url)}: no marsad store in this database; "
                                            "run `marsad ingest` first")
            if not readonly:
                migrate(self.conn)
        except BaseException:
            self.conn.close()
            raise

    def commit(self) -> None:
        """Every `add` has committed already; this only ends a transaction someone opened on `conn`."""
        self.conn.commit()

    def schema_version(self) -> int:
        return current_version(self.conn)

    def size_bytes(self) -> int:
        """Size of the whole database (tables, indexes, TOAST), as the server reports it."""
        return int(self.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])

    def __enter__(self) -> PostgresStore:
        return self

    # -- writing ---------------------------------------------------------------------------------------
    def add(self, doc: Document) -> Status:
        """Store one document and its annotations in one transaction; a known text is left untouched."""
        c = self.conn
        h = doc.content_hash
        if c.execute("SELECT 1 FROM documents WHERE content_hash=?", (h,)).fetchone():
            return "unchanged"
        key = doc_key(doc)
        body = doc.text
        tsv = tsvector_literal(doc.title, body)  # before BEGIN: the transaction holds locks only for SQL
        # A transaction the caller opened on `conn` gets a savepoint per document, as on SQLite.
        nested = c.in_transaction
        done, undo = ("RELEASE doc", "ROLLBACK TO doc") if nested else ("COMMIT", "ROLLBACK")
        lock = f"SELECT pg_advisory_xact_lock({LOCK_CLASS_DOC}, {lock_key(key)})"  # two ints of ours
        try:
            c.raw.execute(f"{'SAVEPOINT doc' if nested else 'BEGIN'}; {lock}")  # one round trip
            prev = c.execute("UPDATE documents SET is_latest=0 WHERE doc_key=? AND is_latest=1 RETURNING version",
                             (key,)).fetchone()
            version = prev[0] + 1 if prev else 1
            row = c.execute(
                "WITH d AS (INSERT INTO documents (id, content_hash, doc_key, version, is_latest, title, text,"
                " published, outlet, dateline, url, language, author, source, n_tokens)"
                " VALUES (?,?,?,?,1,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (content_hash) DO NOTHING RETURNING rowid)"
                " INSERT INTO documents_fts (rowid, tsv) SELECT rowid, CAST(? AS tsvector) FROM d RETURNING rowid",
                (doc.id, h, key, version, doc.title, body, doc.published, doc.outlet, doc.dateline, doc.url,
                 doc.language, doc.author, doc.source, len(body.split()), tsv),
            ).fetchone()
            if row is None:  # another writer stored this very text since our first look
                c.execute(undo)
                if nested:
                    c.execute("RELEASE doc")
                return "unchanged"
            with c.pipeline():
                self._add_annotations(row[0], doc)
                c.execute(done)
        except BaseException:
            if c.in_transaction:
                c.execute(undo)
                if nested:
                    c.execute("RELEASE doc")
            raise
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
        """Best-matching latest versions ranked by ts_rank (title words weigh 3× body words); the query
        language and its errors are the SQLite store's (`pg_search.to_tsquery`)."""
        tsq, terms = to_tsquery(query)
        if tsq is None:
            return []
        where, params = ["f.tsv @@ CAST(? AS tsquery)", "d.is_latest=1"], [tsq]
        filters, fparams = document_filters(outlet, date_from, date_to)
        where += filters
        params += fparams
        sql = (
            "SELECT d.id, d.title, d.published, d.outlet, d.url, d.source, d.text,"
            f" ts_rank('{RANK_WEIGHTS}', f.tsv, CAST(? AS tsquery), 1) AS score"
            " FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
            f" WHERE {' AND '.join(where)} ORDER BY score DESC, d.rowid LIMIT ? OFFSET ?"
        )
        rows = self.conn.execute(sql, (tsq, *params, limit, offset)).fetchall()
        hl = Highlighter.for_terms(terms)
        return [
            SearchHit(r["id"], r["title"], r["published"], r["outlet"], r["url"], r["source"],
                      hl.snippet(r["text"]), float(r["score"]))
            for r in rows
        ]


__all__ = ["SCHEMA_TABLE", "PostgresStore"]
