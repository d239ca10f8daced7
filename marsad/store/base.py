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

from marsad.document import Document
from marsad.store.search import Snippet
from marsad.text.normalize import normalize, shadow_terms

Status = Literal["stored", "new-version", "unchanged"]


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
        locks on shared entity rows in one global order and cannot deadlock. Mentions, quotes, events and
        dates follow in annotation order, which is what breaks ties when they are read back.
        """
        c = self.conn
        c.executemany(
            "INSERT INTO entities (id, name, name_en, type, wikidata, country, sector, lat, lon, precision)"
            " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
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
            [(rowid, i, (q.speaker or {}).get("entity"), (q.speaker or {}).get("text"),
              (q.speaker or {}).get("start"), (q.speaker or {}).get("end"),
              q.cue["text"], q.cue["class"], q.cue["start"], q.cue["end"],
              q.content["text"], q.content["start"], q.content["end"], int(q.direct), q.via, q.date)
             for i, q in enumerate(doc.quotes)],
        )
        c.executemany(
            "INSERT INTO events (doc_rowid, idx, type, mode, actor, recipient, location, date, date_precision, dead,"
            " injured, negated, hypothetical, future, source, trigger_text, trigger_start, trigger_end,"
            " sentence_start, sentence_end, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(rowid, i, v.type, v.mode, "|".join(v.actor), "|".join(v.recipient), v.location, v.date,
              v.date_precision, v.dead, v.injured, int(v.negated), int(v.hypothetical), int(v.future),
              v.source, v.trigger.get("text"), v.trigger.get("start"), v.trigger.get("end"),
              v.sentence.get("start"), v.sentence.get("end"), v.confidence)
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

    # -- reading ---------------------------------------------------------------------------------------
    def get(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document by id (or unique id prefix, as users copy short ids), with its annotations."""
        rows = self.conn.execute(
            "SELECT rowid, * FROM documents WHERE id >= ? AND id < ? LIMIT 2", (doc_id, doc_id + "\uffff")
        ).fetchall()
        if len(rows) != 1:
            return None
        return self._document_json(rows[0])

    def _document_json(self, r: Any) -> dict[str, Any]:
        c, rowid = self.conn, r["rowid"]
        ents: dict[str, dict[str, Any]] = {}
        for m in c.execute(
            "SELECT e.*, m.start, m.end, m.text AS mtext FROM mentions m JOIN entities e ON e.id=m.entity_id"
            " WHERE m.doc_rowid=? ORDER BY m.start, m.rowid", (rowid,)
        ):
            e = ents.setdefault(m["id"], {k: m[k] for k in ("id", "name", "name_en", "type", "wikidata",
                                                              "country", "sector", "lat", "lon")} | {"mentions": []})
            e["mentions"].append({"start": m["start"], "end": m["end"], "text": m["mtext"]})
        quotes = [
            {"speaker": {"entity": q["speaker_entity"], "text": q["speaker_text"], "start": q["speaker_start"],
                         "end": q["speaker_end"]} if q["speaker_text"] else None,
             "cue": {"text": q["cue_text"], "start": q["cue_start"], "end": q["cue_end"], "class": q["cue_class"]},
             "content": {"text": q["content"], "start": q["content_start"], "end": q["content_end"]},
             "direct": bool(q["direct"]), "via": q["via"], "date": q["date"]}
            for q in c.execute("SELECT * FROM quotes WHERE doc_rowid=? ORDER BY idx", (rowid,))
        ]
        events = []
        for v in c.execute("SELECT * FROM events WHERE doc_rowid=? ORDER BY idx", (rowid,)):
            events.append({
                "type": v["type"], "mode": v["mode"],
                "actor": [a for a in (v["actor"] or "").split("|") if a],
                "recipient": [a for a in (v["recipient"] or "").split("|") if a],
                "location": v["location"], "date": v["date"], "date_precision": v["date_precision"],
                "dead": v["dead"], "injured": v["injured"], "negated": bool(v["negated"]),
                "hypothetical": bool(v["hypothetical"]), "future": bool(v["future"]), "source": v["source"],
                "trigger": {"text": v["trigger_text"], "start": v["trigger_start"], "end": v["trigger_end"]},
                "sentence": {"start": v["sentence_start"], "end": v["sentence_end"]},
                "confidence": v["confidence"],
            })
        dates = [
            {"text": d["text"], "start": d["start"], "end": d["end"], "value": d["value"], "precision": d["precision"]}
            for d in c.execute("SELECT * FROM dates WHERE doc_rowid=? ORDER BY start, rowid", (rowid,))
        ]
        return {
            "id": r["id"],
            "version": r["version"],
            "is_latest": bool(r["is_latest"]),
            "source": r["source"],
            "document": {k: r[k] for k in ("title", "published", "outlet", "dateline", "url", "language", "text")},
            "entities": list(ents.values()),
            "quotes": quotes,
            "events": events,
            "dates": dates,
        }

    def iter_documents(self, latest_only: bool = True) -> Iterator[dict[str, Any]]:
        """Every stored document in id order (stable across stores fed the same articles)."""
        cond = "WHERE is_latest=1" if latest_only else ""
        for r in self.conn.execute(f"SELECT rowid, * FROM documents {cond} ORDER BY id"):
            yield self._document_json(r)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        cue_class: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored quotes, newest first, with their document's outlet and date.

        `speaker` matches an entity id exactly, or a name in the speaker span or the linked entity's name
        (spelling-insensitive: both sides are normalised).
        """
        where, params = ["d.is_latest=1"], []
        if cue_class:
            where.append("q.cue_class=?")
            params.append(cue_class)
        if date_from:
            where.append("coalesce(q.date, d.published)>=?")
            params.append(date_from)
        if date_to:
            where.append("coalesce(q.date, d.published)<=?")
            params.append(date_to)
        rows = self.conn.execute(
            "SELECT q.*, d.id AS doc_id, d.published, d.outlet, d.title, d.url, e.name AS entity_name"
            " FROM quotes q JOIN documents d ON d.rowid=q.doc_rowid LEFT JOIN entities e ON e.id=q.speaker_entity"
            f" WHERE {' AND '.join(where)} ORDER BY coalesce(q.date, d.published) DESC, d.id, q.idx",
            params,
        )
        want = normalize(speaker).strip() if speaker else None
        out: list[dict[str, Any]] = []
        for r in rows:
            if want and not (
                r["speaker_entity"] == speaker
                or want in normalize(r["speaker_text"] or "")
                or want in normalize(r["entity_name"] or "")
            ):
                continue
            if len(out) >= limit + offset:
                break
            out.append({
                "document": r["doc_id"], "published": r["published"], "outlet": r["outlet"], "url": r["url"],
                "speaker": {"entity": r["speaker_entity"], "name": r["entity_name"], "text": r["speaker_text"]},
                "cue": {"text": r["cue_text"], "class": r["cue_class"]},
                "content": r["content"], "direct": bool(r["direct"]), "via": r["via"], "date": r["date"],
            })
        return out[offset:]

    def events(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        where: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored events, newest first, with actor/recipient/location names resolved.

        `actor` and `where` take an entity id or a name (spelling-insensitive, matched against the entity's
        canonical name and every mention text it has in the store).
        """
        cond, params = ["d.is_latest=1"], []
        if type:
            cond.append("v.type=?")
            params.append(type.upper())
        if date_from:
            cond.append("coalesce(v.date, d.published)>=?")
            params.append(date_from)
        if date_to:
            cond.append("coalesce(v.date, d.published)<=?")
            params.append(date_to)
        actor_ids = self._entity_ids(actor) if actor else None
        place_ids = self._entity_ids(where) if where else None
        if actor_ids == set() or place_ids == set():
            return []  # a name that means no entity matches no event (and needs no pass over them all)
        from marsad.store.queries import has_table

        if has_table(self.conn, "event_entities"):
            # candidates from the entity → event index; the list checks below still decide the role
            for ids in (x for x in (actor_ids, place_ids) if x):
                cond.append("(v.doc_rowid, v.idx) IN (SELECT doc_rowid, idx FROM event_entities"
                            f" WHERE entity_id IN ({','.join('?' * len(ids))}))")
                params.extend(sorted(ids))
        rows = self.conn.execute(
            "SELECT v.*, d.id AS doc_id, d.published, d.outlet, d.url, d.text AS doc_text"
            " FROM events v JOIN documents d ON d.rowid=v.doc_rowid"
            f" WHERE {' AND '.join(cond)} ORDER BY coalesce(v.date, d.published) DESC, d.id, v.idx",
            params,
        )
        names: dict[str, dict[str, Any]] = {}

        def ent(eid: str) -> dict[str, Any]:
            if eid not in names:
                r = self.conn.execute("SELECT id, name, type, country, sector, lat, lon FROM entities WHERE id=?",
                                      (eid,)).fetchone()
                names[eid] = dict(r) if r else {"id": eid, "name": None}
            return names[eid]

        out: list[dict[str, Any]] = []
        for r in rows:
            acts = [a for a in (r["actor"] or "").split("|") if a]
            recs = [a for a in (r["recipient"] or "").split("|") if a]
            if actor_ids is not None and not actor_ids & set(acts):
                continue
            if place_ids is not None and r["location"] not in place_ids:
                continue
            if len(out) >= limit + offset:
                break
            out.append({
                "document": r["doc_id"], "published": r["published"], "outlet": r["outlet"], "url": r["url"],
                "type": r["type"], "mode": r["mode"], "date": r["date"], "date_precision": r["date_precision"],
                "actor": [ent(a) for a in acts], "recipient": [ent(a) for a in recs],
                "location": ent(r["location"]) if r["location"] else None,
                "dead": r["dead"], "injured": r["injured"], "negated": bool(r["negated"]),
                "hypothetical": bool(r["hypothetical"]), "future": bool(r["future"]), "source": r["source"],
                "trigger": r["trigger_text"],
                "sentence": r["doc_text"][r["sentence_start"]:r["sentence_end"]] if r["sentence_end"] else None,
            })
        return out[offset:]

    def _entity_ids(self, name_or_id: str) -> set[str]:
        """Entity ids a user means by an id or a name (canonical name or any stored mention text)."""
        ids = {r[0] for r in self.conn.execute("SELECT id FROM entities WHERE id=?", (name_or_id,))}
        want = normalize(name_or_id).strip()
        for r in self.conn.execute("SELECT id, name FROM entities"):
            if normalize(r[1]) == want:
                ids.add(r[0])
        for r in self.conn.execute("SELECT DISTINCT entity_id, text FROM mentions"):
            if normalize(r[1]) == want:
                ids.add(r[0])
        return ids

    def stats(self) -> dict[str, Any]:
        c = self.conn
        one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents WHERE is_latest=1"),
            "versions": one("SELECT count(*) FROM documents"),
            "tokens": one("SELECT coalesce(sum(n_tokens),0) FROM documents WHERE is_latest=1"),
            "outlets": [tuple(r) for r in c.execute(
                "SELECT coalesce(outlet,'?'), count(*) FROM documents WHERE is_latest=1"
                " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20")],
            "published": tuple(c.execute(
                "SELECT min(published), max(published) FROM documents WHERE is_latest=1").fetchone()),
            "entities": one("SELECT count(*) FROM entities"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "events": one("SELECT count(*) FROM events"),
            "dates": one("SELECT count(*) FROM dates"),
            "schema_version": self.schema_version(),
        }


__all__ = ["SearchHit", "Status", "Store", "doc_key"]
