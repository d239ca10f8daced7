"""Read-only queries the REST API and the web pages need beyond what `SqliteStore` offers.

The server is a thin layer over these functions (datasette's rule: every page is also a JSON endpoint),
so the page and its JSON twin can never disagree. Every function takes a store's open connection (a
`sqlite3.Connection` with `sqlite3.Row` rows, or the PostgreSQL store's `PgConnection`, which runs the same
SQL), never writes, and binds every user value as an SQL parameter.

Filters are pushed into SQL (with LIMIT/OFFSET there too) rather than filtered in Python, because the
server answers interactive requests on stores of hundreds of thousands of annotations: a page must cost
an index lookup and a bounded scan, not a pass over the whole table.
"""

from __future__ import annotations

import json
import sqlite3
import string
from collections.abc import Iterable
from typing import Any

from marsad.store.dialect import dialect_of
from marsad.text.normalize import normalize

ENTITY_COLUMNS = ("id", "name", "name_en", "type", "wikidata", "country", "sector", "lat", "lon", "precision")
# SQLite's lower() and LIKE, and PostgreSQL's lower()/ILIKE on COLLATE "C" columns, fold ASCII letters only
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_IN_CHUNK = 500  # ids bound in one IN (...) list


def _like_escape(s: str) -> str:
    """`s` as a literal inside a LIKE pattern (with ESCAPE '\\'), so `_` and `%` in ids match themselves."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the store has a table (stores made by older marsad versions lack the corpus tables)."""
    return dialect_of(conn).has_table(conn, name)


def has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    """Whether a table has a column (stores from before a migration, opened read-only, lack it)."""
    return dialect_of(conn).has_column(conn, table, column)


def generation(conn: sqlite3.Connection) -> tuple[int, int]:
    """A value that changes whenever documents are added or analysed (O(1): two max-rowid lookups), so
    callers can cache aggregate answers until the store actually changes."""
    docs = conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
    analysed = 0
    if has_table(conn, "corpus_docs"):
        analysed = conn.execute("SELECT coalesce(max(doc_rowid), 0) FROM corpus_docs").fetchone()[0]
    return docs, analysed


# -- documents -----------------------------------------------------------------------------------------------
def outlets(conn: sqlite3.Connection, limit: int = 200) -> list[dict[str, Any]]:
    """Outlets with their number of (latest) documents, for filter menus."""
    return [
        {"outlet": r[0], "documents": r[1]}
        for r in conn.execute(
            "SELECT outlet, count(*) FROM documents WHERE is_latest=1 AND outlet IS NOT NULL"
            " GROUP BY outlet ORDER BY 2 DESC, 1 LIMIT ?", (limit,))
    ]


def documents(
    conn: sqlite3.Connection,
    *,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Latest document versions, newest first (undated last), without their text."""
    where, params = ["is_latest=1"], []
    if outlet:
        where.append("outlet=?")
        params.append(outlet)
    if date_from:
        where.append("published>=?")
        params.append(date_from)
    if date_to:
        where.append("published<=?")
        params.append(date_to)
    rows = conn.execute(
        "SELECT id, version, title, published, outlet, dateline, url, language, n_tokens FROM documents"
        # NULL dates sort last under DESC, and (published, rowid) is what the published index yields
        f" WHERE {' AND '.join(where)} ORDER BY published DESC, rowid DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [dict(r) for r in rows]


def document_rowid(conn: sqlite3.Connection, doc_id: str) -> int | None:
    """The row of a document id (exact, or a unique prefix as `SqliteStore.get` accepts)."""
    rows = conn.execute(
        "SELECT rowid FROM documents WHERE id >= ? AND id < ? LIMIT 2", (doc_id, doc_id + "\uffff")
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


# -- entities ------------------------------------------------------------------------------------------------
def entities(
    conn: sqlite3.Connection,
    *,
    q: str | None = None,
    type: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entities, most mentioned first; `q` matches the canonical or English name or any mention text.

    The name match runs on the stored spellings (substring, case-insensitive for Latin script) and on the
    normalised form of the query, so `الأسد` finds `الاسد`.
    """
    where, params = [], []
    if type:
        where.append("e.type=?")
        params.append(type.upper())
    if q:
        pats = {f"%{_like_escape(q.strip())}%", f"%{_like_escape(normalize(q).strip())}%"}
        alts = []
        for p in sorted(pats):
            alts.append("e.name LIKE ? ESCAPE '\\' OR e.name_en LIKE ? ESCAPE '\\' OR e.id=?")
            params += [p, p, q.strip()]
        where.append("(" + " OR ".join(alts) + ")")
    cond = f"WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(
        f"SELECT e.*, (SELECT count(*) FROM mentions m WHERE m.entity_id=e.id) AS n_mentions FROM entities e {cond}"
        " ORDER BY n_mentions DESC, e.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [dict(r) for r in rows]


def entity(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    """An entity's profile: its record, how often it is mentioned, quoted and involved in events."""
    r = conn.execute("SELECT * FROM entities WHERE id=?", (entity_id,)).fetchone()
    if r is None:
        return None
    out = dict(r)
    one = lambda sql, *p: conn.execute(sql, p).fetchone()[0]  # noqa: E731
    out["counts"] = {
        **dict(zip(("mentions", "documents"), conn.execute(
            "SELECT count(*), count(DISTINCT doc_rowid) FROM mentions WHERE entity_id=?", (entity_id,)).fetchone(),
            strict=True)),
        "quotes": one("SELECT count(*) FROM quotes WHERE speaker_entity=?", entity_id),
        "events": one("SELECT count(*) FROM event_entities WHERE entity_id=?", entity_id)
        if has_table(conn, "event_entities") else one(
            "SELECT count(*) FROM events WHERE doc_rowid IN (SELECT doc_rowid FROM mentions WHERE entity_id=?)"
            f" AND {_EVENT_INVOLVES}", entity_id, *_involves_params(entity_id)),
    }
    return out


def aliases(conn: sqlite3.Connection, entity_id: str, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """The distinct spellings an entity is mentioned by, most frequent first."""
    return [
        {"text": r[0], "mentions": r[1]}
        for r in conn.execute(
            "SELECT text, count(*) FROM mentions WHERE entity_id=? GROUP BY text ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?",
            (entity_id, limit, offset))
    ]


def mentions(
    conn: sqlite3.Connection, entity_id: str, *, limit: int = 50, offset: int = 0, context: int = 80
) -> list[dict[str, Any]]:
    """Documents mentioning an entity, newest first, each with its first mention in context."""
    rows = conn.execute(
        "SELECT d.id, d.title, d.published, d.outlet, d.url, count(*) AS n, min(m.start) AS start"
        " FROM mentions m JOIN documents d ON d.rowid=m.doc_rowid"
        " WHERE m.entity_id=? AND d.is_latest=1 GROUP BY d.rowid"
        " ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ? OFFSET ?",
        (entity_id, limit, offset),
    ).fetchall()
    out = []
    for r in rows:
        m = conn.execute(
            "SELECT m.start, m.end, m.text, substr(d.text, max(1, m.start + 1 - ?), m.start - max(0, m.start - ?)),"
            " substr(d.text, m.end + 1, ?) FROM mentions m JOIN documents d ON d.rowid=m.doc_rowid"
            " WHERE d.id=? AND m.entity_id=? AND m.start=?",
            (context, context, context, r["id"], entity_id, r["start"]),
        ).fetchone()
        out.append({
            "document": r["id"], "title": r["title"], "published": r["published"], "outlet": r["outlet"],
            "url": r["url"], "mentions": r["n"],
            "context": {"before": m[3].replace("\n", " "), "text": m[2], "after": m[4].replace("\n", " "),
                        "start": m[0], "end": m[1]},
        })
    return out


def _quote_json(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "document": r["doc_id"], "published": r["published"], "outlet": r["outlet"], "url": r["url"],
        "title": r["title"],
        "speaker": {"entity": r["speaker_entity"], "name": r["entity_name"], "text": r["speaker_text"]},
        "cue": {"text": r["cue_text"], "class": r["cue_class"]},
        "content": r["content"], "direct": bool(r["direct"]), "via": r["via"], "date": r["date"],
    }


_QUOTE_SELECT = (
    "SELECT q.*, d.id AS doc_id, d.published, d.outlet, d.title, d.url, e.name AS entity_name"
    " FROM quotes q JOIN documents d ON d.rowid=q.doc_rowid LEFT JOIN entities e ON e.id=q.speaker_entity"
)


# Newest document first (most quotes carry no date of their own, so the article's date is the quote's):
# read in the order of the documents' published index, which keeps a page an index walk.
_QUOTE_ORDER = " ORDER BY d.published DESC, d.rowid DESC, q.idx"


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    cue_class: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes, newest document first. `speaker` is an entity id, or a name matched (as stored or normalised) in the
    speaker span or the linked entity's canonical name."""
    where, params = ["d.is_latest=1"], []
    if speaker:
        ids = entity_ids(conn, speaker)
        pats = sorted({f"%{_like_escape(speaker.strip())}%", f"%{_like_escape(normalize(speaker).strip())}%"})
        alts = ["q.speaker_text LIKE ? ESCAPE '\\'" for _ in pats]
        params += pats
        if ids:
            alts.append(f"q.speaker_entity IN ({','.join('?' * len(ids))})")
            params += sorted(ids)
        where.append("(" + " OR ".join(alts) + ")")
    if cue_class:
        where.append("q.cue_class=?")
        params.append(cue_class)
    if date_from:
        where.append("coalesce(q.date, d.published)>=?")
        params.append(date_from)
    if date_to:
        where.append("coalesce(q.date, d.published)<=?")
        params.append(date_to)
    rows = conn.execute(
        f"{_QUOTE_SELECT} WHERE {' AND '.join(where)}"
        f"{_QUOTE_ORDER} LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [_quote_json(r) for r in rows]


def entity_quotes(conn: sqlite3.Connection, entity_id: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """What an entity is quoted as saying (the speaker resolved to it), newest first."""
    rows = conn.execute(
        f"{_QUOTE_SELECT} WHERE q.speaker_entity=? AND d.is_latest=1"
        f"{_QUOTE_ORDER} LIMIT ? OFFSET ?",
        (entity_id, limit, offset),
    )
    return [_quote_json(r) for r in rows]


def entity_ids(conn: sqlite3.Connection, name_or_id: str) -> set[str]:
    """Entity ids a user means: an exact id, or a canonical/English name equal to it (normalised).

    Unlike `SqliteStore._entity_ids` this does not scan every mention text, so it stays an index-sized
    lookup on large stores; spelling variants are still caught by the normalised comparison. Each
    alternative is an index probe (primary key, `entities_name`, `entities_name_en_lower`) on stores
    migrated to schema 4; older read-only stores get the same answer from a scan.
    """
    s = name_or_id.strip()
    # English names match ignoring ASCII case only, as SQLite's LIKE did here; lower() folds exactly that
    # on both backends, and comparing it by equality lets the expression index answer
    ids = {r[0] for r in conn.execute("SELECT id FROM entities WHERE id=? OR name=? OR lower(name_en)=?",
                                      (s, s, s.translate(_ASCII_LOWER)))}
    want = normalize(s).strip()
    if want and want != s:
        ids |= {r[0] for r in conn.execute("SELECT id FROM entities WHERE name=?", (want,))}
    return ids


# -- events --------------------------------------------------------------------------------------------------
_EVENT_INVOLVES = (
    "('|' || coalesce(actor,'') || '|' LIKE ? ESCAPE '\\' OR '|' || coalesce(recipient,'') || '|' LIKE ? ESCAPE '\\'"
    " OR location=?)"
)


def _involves_params(entity_id: str) -> tuple[str, str, str]:
    p = f"%|{_like_escape(entity_id)}|%"
    return p, p, entity_id


class _Names:
    """Entity records for resolving ids in event rows, read for a whole page at once (`load`): a page of
    events names a hundred or so entities, and one IN query costs far less than a query per id."""

    _SQL = "SELECT id, name, name_en, type, country, sector, lat, lon FROM entities WHERE id IN ({})"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.cache: dict[str, dict[str, Any]] = {}

    def load(self, ids: Iterable[str]) -> None:
        todo = sorted({i for i in ids if i not in self.cache})
        for k in range(0, len(todo), _IN_CHUNK):
            chunk = todo[k:k + _IN_CHUNK]
            for r in self.conn.execute(self._SQL.format(",".join("?" * len(chunk))), chunk):
                self.cache[r["id"]] = dict(r)
        for i in todo:
            self.cache.setdefault(i, {"id": i, "name": None})

    def __call__(self, eid: str) -> dict[str, Any]:
        if eid not in self.cache:
            self.load([eid])
        return self.cache[eid]


def _split(ids: str | None) -> list[str]:
    return [a for a in (ids or "").split("|") if a]


def _event_json(r: dict[str, Any], names: _Names) -> dict[str, Any]:
    return {
        "document": r["doc_id"], "idx": r["idx"], "published": r["published"], "outlet": r["outlet"],
        "url": r["url"], "type": r["type"], "mode": r["mode"], "date": r["date"],
        "date_precision": r["date_precision"],
        "actor": [names(a) for a in _split(r["actor"])], "recipient": [names(a) for a in _split(r["recipient"])],
        "location": names(r["location"]) if r["location"] else None,
        "dead": r["dead"], "injured": r["injured"], "negated": bool(r["negated"]),
        "hypothetical": bool(r["hypothetical"]), "future": bool(r["future"]), "source": r["source"],
        "trigger": r["trigger_text"], "sentence": r["sentence"], "confidence": r["confidence"],
    }


def _event_filters(
    conn: sqlite3.Connection,
    type: str | None,
    actor: str | None,
    location: str | None,
    date_from: str | None,
    date_to: str | None,
) -> tuple[list[str], list[Any]] | None:
    """WHERE clauses for event filters; None when a named actor or place matches no entity at all."""
    where: list[str] = ["d.is_latest=1"]
    params: list[Any] = []
    if type:
        where.append("v.type=?")
        params.append(type.upper())
    if date_from:
        where.append("coalesce(v.date, d.published)>=?")
        params.append(date_from)
    if date_to:
        where.append("coalesce(v.date, d.published)<=?")
        params.append(date_to)
    if actor:
        ids = sorted(entity_ids(conn, actor))
        if not ids:
            return None
        # An event's actors are entities its document mentions (the coder takes them from the mentions), so
        # candidate rows come from the documents that mention them (the mentions index) rather than from
        # matching the pipe-joined actor list of every event in the store; the list match then decides.
        where.append(f"v.doc_rowid IN (SELECT doc_rowid FROM mentions WHERE entity_id IN ({','.join('?' * len(ids))}))")
        params += ids
        where.append("(" + " OR ".join(["'|' || coalesce(v.actor,'') || '|' LIKE ? ESCAPE '\\'"] * len(ids)) + ")")
        params += [f"%|{_like_escape(i)}|%" for i in ids]
    if location:
        ids = sorted(entity_ids(conn, location))
        if not ids:
            return None
        where.append(f"v.location IN ({','.join('?' * len(ids))})")
        params += ids
    return where, params


_EVENT_COLUMNS = ("rowid", "idx", "type", "mode", "actor", "recipient", "location", "date", "date_precision", "dead",
                  "injured", "negated", "hypothetical", "future", "source", "trigger_text", "confidence")
_EVENT_SELECT = (
    f"SELECT {', '.join('v.' + c for c in _EVENT_COLUMNS)}, d.id AS doc_id, d.published, d.outlet, d.url,"
    " CASE WHEN v.sentence_end IS NOT NULL THEN substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start)"
    " END AS sentence FROM events v JOIN documents d ON d.rowid=v.doc_rowid"
)
_EVENT_KEYS = (*_EVENT_COLUMNS, "doc_id", "published", "outlet", "url", "sentence")
# By the event's own date (undated events last, as NULL sorts under DESC), then newest row: with a type
# filter this is exactly the order of the (type, date) index, so a page is read straight off it.
_EVENT_ORDER = " ORDER BY v.date DESC, v.rowid DESC LIMIT ? OFFSET ?"


def events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    actor: str | None = None,
    location: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events, newest first by their own date (undated last), with actor/recipient/location resolved to entity records."""
    f = _event_filters(conn, type, actor, location, date_from, date_to)
    if f is None:
        return []
    where, params = f
    return _event_page(conn, f" WHERE {' AND '.join(where)}", params, limit, offset)


def _event_page(conn: sqlite3.Connection, where: str, params: list[Any] | tuple[Any, ...], limit: int,
                offset: int) -> list[dict[str, Any]]:
    """Pick a page of event rows first, then read their details: SQLite's sorter carries every selected
    column, so sorting full rows (with the sentence cut out of the article) would cost a pass over all text."""
    ids = [r[0] for r in conn.execute(
        f"SELECT v.rowid FROM events v JOIN documents d ON d.rowid=v.doc_rowid{where}{_EVENT_ORDER}",
        (*params, limit, offset))]
    if not ids:
        return []
    # plain dicts: looking columns up by name in a row object costs more than building the event itself
    rows = {r["rowid"]: r for r in (dict(zip(_EVENT_KEYS, t, strict=True)) for t in conn.execute(
        f"{_EVENT_SELECT} WHERE v.rowid IN ({','.join('?' * len(ids))})", ids))}
    names = _Names(conn)
    names.load(e for r in rows.values() for e in (*_split(r["actor"]), *_split(r["recipient"]), r["location"]) if e)
    return [_event_json(rows[i], names) for i in ids]


def entity_events(conn: sqlite3.Connection, entity_id: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Events an entity takes part in as actor, recipient or location, newest first.

    The rows come from the `event_entities` index; a store from before it (opened read-only) takes its
    candidates from the documents that mention the entity and matches the pipe-joined actor lists.
    """
    if has_table(conn, "event_entities"):
        return _event_page(
            conn, " WHERE d.is_latest=1 AND (v.doc_rowid, v.idx) IN"
            " (SELECT doc_rowid, idx FROM event_entities WHERE entity_id=?)", (entity_id,), limit, offset)
    return _event_page(
        conn,
        " WHERE d.is_latest=1 AND v.doc_rowid IN (SELECT doc_rowid FROM mentions WHERE entity_id=?)"
        f" AND {_EVENT_INVOLVES.replace('actor', 'v.actor').replace('recipient', 'v.recipient')}",
        (entity_id, *_involves_params(entity_id)), limit, offset,
    )


def event_places(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Places with coordinates where events happened, with event counts by type (for the map)."""
    f = _event_filters(conn, type, actor, None, date_from, date_to)
    if f is None:
        return []
    where, params = f
    rows = conn.execute(
        "SELECT e.id, e.name, e.name_en, e.type AS entity_type, e.country, e.lat, e.lon, v.type, count(*) AS n,"
        " min(coalesce(v.date, d.published)) AS first, max(coalesce(v.date, d.published)) AS last,"
        " sum(coalesce(v.dead, 0)) AS dead"
        " FROM events v JOIN documents d ON d.rowid=v.doc_rowid JOIN entities e ON e.id=v.location"
        f" WHERE {' AND '.join(where)} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
        " GROUP BY e.id, v.type",
        params,
    )
    places: dict[str, dict[str, Any]] = {}
    for r in rows:
        p = places.setdefault(r["id"], {
            "id": r["id"], "name": r["name"], "name_en": r["name_en"], "country": r["country"],
            "lat": r["lat"], "lon": r["lon"], "events": 0, "dead": 0, "types": {}, "first": r["first"],
            "last": r["last"],
        })
        p["events"] += r["n"]
        p["dead"] += r["dead"]
        p["types"][r["type"]] = r["n"]
        p["first"] = min(filter(None, (p["first"], r["first"])), default=None)
        p["last"] = max(filter(None, (p["last"], r["last"])), default=None)
    ranked = sorted(places.values(), key=lambda p: (-p["events"], p["id"]))
    return ranked[offset:offset + limit]


def events_geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of events (as `events()` returns them) whose location has coordinates;
    property names follow `marsad.export`'s geojson writer so the two files are interchangeable."""
    feats = []
    for ev in rows:
        loc = ev.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        feats.append({
            "type": "Feature",
            "id": f"{ev['document']}-{ev['idx']}",
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
            "properties": {
                "event_type": ev["type"], "mode": ev["mode"], "date": ev["date"] or ev["published"],
                "date_precision": ev["date_precision"], "location": loc.get("name"),
                "actor": [a.get("name") or a["id"] for a in ev["actor"]],
                "recipient": [a.get("name") or a["id"] for a in ev["recipient"]],
                "dead": ev["dead"], "injured": ev["injured"], "negated": ev["negated"],
                "hypothetical": ev["hypothetical"], "future": ev["future"], "text": ev["sentence"],
                "document": ev["document"], "url": ev["url"],
            },
        })
    return {"type": "FeatureCollection", "features": feats}


# -- stories (tables written by marsad.corpus.analyse) ---------------------------------------------------------
def story(conn: sqlite3.Connection, story_id: int) -> dict[str, Any] | None:
    """One story with its articles in date order, in the shape `marsad.corpus.stories()` gives each story
    (which has no by-id lookup); None when there is no such story or the store was never analysed."""
    if not has_table(conn, "stories"):
        return None
    s = conn.execute("SELECT * FROM stories WHERE id=?", (story_id,)).fetchone()
    if s is None:
        return None
    docs = [
        {"document": r["id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"],
         "similarity": r["similarity"], "duplicate_group": r["group_id"]}
        for r in conn.execute(
            "SELECT d.id, d.title, d.outlet, d.published, sd.similarity, g.group_id FROM story_docs sd"
            " JOIN documents d ON d.rowid = sd.doc_rowid LEFT JOIN doc_groups g ON g.doc_rowid = sd.doc_rowid"
            " WHERE sd.story_id = ? ORDER BY d.published, d.rowid", (story_id,))
    ]
    try:
        terms = list(json.loads(s["centroid"]))[:8]
    except (ValueError, TypeError):
        terms = []
    return {"id": s["id"], "title": s["title"], "first_date": s["first_date"], "last_date": s["last_date"],
            "size": s["size"], "outlets": s["n_outlets"], "terms": terms, "documents": docs}


# -- time ----------------------------------------------------------------------------------------------------
def entity_activity(conn: sqlite3.Connection, entity_id: str) -> list[dict[str, Any]]:
    """Per-day counts of an entity's mentions (by document date), quotes and events (by their own date,
    else the document's), for its timeline chart. Undated items are left out."""
    days: dict[str, dict[str, Any]] = {}

    def add(rows: Iterable[sqlite3.Row], key: str) -> None:
        for day, n in rows:
            if day:
                days.setdefault(day[:10], {"date": day[:10], "mentions": 0, "quotes": 0, "events": 0})[key] += n

    add(conn.execute(
        "SELECT d.published, count(*) FROM mentions m JOIN documents d ON d.rowid=m.doc_rowid"
        " WHERE m.entity_id=? AND d.is_latest=1 GROUP BY 1", (entity_id,)), "mentions")
    add(conn.execute(
        "SELECT coalesce(q.date, d.published), count(*) FROM quotes q JOIN documents d ON d.rowid=q.doc_rowid"
        " WHERE q.speaker_entity=? AND d.is_latest=1 GROUP BY 1", (entity_id,)), "quotes")
    add(conn.execute(
        "SELECT coalesce(v.date, d.published), count(*) FROM events v JOIN documents d ON d.rowid=v.doc_rowid"
        " WHERE d.is_latest=1 AND v.doc_rowid IN (SELECT doc_rowid FROM mentions WHERE entity_id=?)"
        f" AND {_EVENT_INVOLVES.replace('actor', 'v.actor').replace('recipient', 'v.recipient')} GROUP BY 1",
        (entity_id, *_involves_params(entity_id))), "events")
    return [days[k] for k in sorted(days)]


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Headline counts for the home page (cheap: no full-text or annotation joins)."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    lo, hi = conn.execute("SELECT min(published), max(published) FROM documents WHERE is_latest=1").fetchone()
    return {
        "documents": one("SELECT count(*) FROM documents WHERE is_latest=1"),
        "entities": one("SELECT count(*) FROM entities"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
        "published": {"from": lo, "to": hi},
    }
