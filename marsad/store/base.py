"""What every store backend shares: document identity, annotation rows, and the read side.

`SqliteStore` and `PostgresStore` differ in how they connect, open transactions, index text and search;
everything here is plain SQL in SQLite's dialect over `self.conn` (a `sqlite3.Connection`, or a
`PgConnection` that translates it), so both backends read and write the same rows the same way.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from marsad.document import Document, Speaker
from marsad.store import queries
from marsad.store.dialect import dialect_of, redact_url
from marsad.store.errors import StoreError, first_line
from marsad.store.search import Snippet
from marsad.text.normalize import shadow_terms

Status = Literal["stored", "new-version", "unchanged"]
#: The tables every read (CLI, API, pages) relies on; the corpus tables are optional (not analysed yet).
REQUIRED_TABLES = ("documents", "documents_fts", "entities", "mentions", "quotes", "events", "dates")


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    source: str | None
    snippet: Snippet
    score: float


def doc_key(doc: Document) -> str:
    """What makes two texts versions of one article: its URL, else outlet + title, else where it came from."""
    if doc.url:
        return "url:" + doc.url.strip()
    if doc.title:
        return f"title:{doc.outlet or ''}:{' '.join(shadow_terms(doc.title).split()[:40])}"
    return "src:" + (doc.source or doc.content_hash)


def _first_by_id(entities: list[Any]) -> list[Any]:
    """Entities with duplicate ids dropped (the first record of an id is the one stored)."""
    seen: dict[str, Any] = {}
    for e in entities:
        seen.setdefault(e.id, e)
    return list(seen.values())


class Store(ABC):
    """Base of the store backends; subclasses set `self.conn` and `self.path` and implement the abstract
    methods below."""

    conn: Any
    path: str

    # -- backend-specific --------------------------------------------------------------------------------
    @abstractmethod
    def add(self, doc: Document) -> Status:
        """Store one document and its annotations atomically; a known text is left untouched."""

    @abstractmethod
    def search(self, query: str, *, outlet: str | None = None, date_from: str | None = None,
               date_to: str | None = None, limit: int = 10, offset: int = 0) -> list[SearchHit]:
        """Best-matching latest versions, best first, with snippets cut from the original text."""

    @abstractmethod
    def commit(self) -> None:
        """Make every document added so far durable."""

    @abstractmethod
    def schema_version(self) -> int:
        """How many migration steps the store has had."""

    @abstractmethod
    def size_bytes(self) -> int:
        """Space the store takes on disk."""

    def check(self) -> None:
        """Raise StoreError unless every table the read side uses is there and its first rows can be read.

        A server checks this at start-up: a store with a table missing, or a schema that names tables
        whose pages are garbage, would otherwise start and answer 500 to every request."""
        missing = [t for t in REQUIRED_TABLES if not dialect_of(self.conn).has_table(self.conn, t)]
        if missing:
            raise StoreError(f"{redact_url(self.path)}: not a complete marsad store (no {', '.join(missing)} "
                             f"table{'s' if len(missing) > 1 else ''})")
        for table in REQUIRED_TABLES:
            try:
                self.conn.execute(f"SELECT * FROM {table} LIMIT 1").fetchall()  # our own table names
            except Exception as exc:  # sqlite3.DatabaseError or a psycopg error, whichever backend
                raise StoreError(f"{redact_url(self.path)}: the store is damaged: its {table} table cannot be "
                                 f"read ({first_line(exc)})") from None

    def after_bulk_load(self, added: int) -> None:
        """Tidy up indexes after a run that added `added` documents (nothing to do by default)."""
        return None

    def close(self) -> None:
        self.commit()
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------
    def _add_annotations(self, rowid: int, doc: Document) -> None:
        """Write a document's annotation rows (inside the caller's per-document transaction/savepoint).

        Entity records are upserted first, in id order: on PostgreSQL concurrent writers then take their
        locks on shared entity rows in one global order and cannot deadlock. An entity named differently by
        different documents (الإسلام، الاسلام) keeps the smallest spelling, so the stored name does not depend
        on the order documents arrive in (a re-run after lost Dask batches stores the same as one pass). Mentions, quotes, events and
        dates follow in annotation order, which is what breaks ties when they are read back.
        """
        c = self.conn
        c.executemany(
            "INSERT INTO entities (id, name, name_en, type, wikidata, country, sector, lat, lon, precision)"
            " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name = excluded.name"
            " WHERE excluded.name < entities.name",
            [(e.id, e.name, e.name_en, e.type, e.wikidata, e.country, e.sector, e.lat, e.lon, e.precision)
             for e in sorted(_first_by_id(doc.entities), key=lambda e: e.id)],
        )
        c.executemany(
            'INSERT INTO mentions (doc_rowid, entity_id, start, "end", text) VALUES (?,?,?,?,?)',
            [(rowid, e.id, m.start, m.end, m.text) for e in doc.entities for m in e.mentions],
        )
        c.executemany(
            "INSERT INTO quotes (doc_rowid, idx, speaker_entity, speaker_text, speaker_start, speaker_end, cue_text,"
            " cue_class, cue_start, cue_end, content, content_start, content_end, direct, via, date)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(rowid, i, *_speaker_row(q.speaker),
              q.cue.text, q.cue.cls, q.cue.start, q.cue.end,
              q.content.text, q.content.start, q.content.end, int(q.direct), q.via, q.date)
             for i, q in enumerate(doc.quotes)],
        )
        c.executemany(
            "INSERT INTO events (doc_rowid, idx, type, mode, actor, recipient, location, date, date_precision, dead,"
            " injured, negated, hypothetical, future, source, trigger_text, trigger_start, trigger_end,"
            " sentence_start, sentence_end, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(rowid, i, v.type, v.mode, "|".join(v.actor), "|".join(v.recipient), v.location, v.date,
              v.date_precision, v.dead, v.injured, int(v.negated), int(v.hypothetical), int(v.future),
              v.source, v.trigger.text, v.trigger.start, v.trigger.end,
              v.sentence.start, v.sentence.end, v.confidence)
             for i, v in enumerate(doc.events)],
        )
        c.executemany(
            "INSERT INTO event_entities (entity_id, doc_rowid, idx) VALUES (?,?,?) ON CONFLICT DO NOTHING",
            sorted({(e, rowid, i) for i, v in enumerate(doc.events) for e in (*v.actor, *v.recipient, v.location) if e}),
        )
        c.executemany(
            'INSERT INTO dates (doc_rowid, start, "end", text, value, precision) VALUES (?,?,?,?,?,?)',
            [(rowid, d.start, d.end, d.text, d.value, d.precision) for d in doc.dates],
        )

    # -- reading (the queries themselves are in marsad.store.queries, shared by every front-end) ---------
    def get(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document by id (or unique id prefix, as users copy short ids), with its annotations."""
        return queries.document(self.conn, doc_id)

    def iter_documents(self, latest_only: bool = True) -> Iterator[dict[str, Any]]:
        """Every stored document in id order (stable across stores fed the same articles)."""
        return queries.iter_documents(self.conn, latest_only)

    def stats(self) -> dict[str, Any]:
        """What the store holds (`queries.inventory`) and its schema version."""
        return queries.inventory(self.conn) | {"schema_version": self.schema_version()}


__all__ = ["SearchHit", "Status", "Store", "doc_key"]


def _speaker_row(sp: Speaker | None) -> tuple[str | None, str | None, int | None, int | None]:
    """The quote table's four speaker columns; an unattributed quote stores NULLs."""
    if sp is None:
        return None, None, None, None
    return sp.entity, sp.text, sp.start, sp.end
