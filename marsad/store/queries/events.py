"""Events: who did what to whom, where and when, filtered, for one entity, or by place for the map."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from marsad.store.queries.common import (
    EVENT_INVOLVES,
    IN_CHUNK,
    date_range,
    has_table,
    involves_params,
)
from marsad.store.queries.entities import entity_ids


class _Names:
    """Entity records for resolving ids in event rows, read for a whole page at once (`load`): a page of
    events names a hundred or so entities, and one IN query costs far less than a query per id."""

    _SQL = "SELECT id, name, name_en, type, country, sector, lat, lon FROM entities WHERE id IN ({})"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.cache: dict[str, dict[str, Any]] = {}

    def load(self, ids: Iterable[str]) -> None:
        todo = sorted({i for i in ids if i not in self.cache})
        for k in range(0, len(todo), IN_CHUNK):
            chunk = todo[k:k + IN_CHUNK]
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


def _as_actor(conn: sqlite3.Connection, ids: list[str]) -> tuple[str, list[Any]]:
    """A WHERE clause keeping the events one of `ids` is an actor of.

    Candidates come from an index — the entity → event index, or on a store from before it the documents
    that mention the entities (the coder takes an event's actors from its document's mentions) — and the
    actor list then decides, so a name costs a lookup, not a pass over every event in the store."""
    marks = ",".join("?" * len(ids))
    if has_table(conn, "event_entities"):
        cand = f"(v.doc_rowid, v.idx) IN (SELECT doc_rowid, idx FROM event_entities WHERE entity_id IN ({marks}))"
    else:
        cand = f"v.doc_rowid IN (SELECT doc_rowid FROM mentions WHERE entity_id IN ({marks}))"
    likes = " OR ".join(["'|' || coalesce(v.actor,'') || '|' LIKE ? ESCAPE '\\'"] * len(ids))
    return f"{cand} AND ({likes})", [*ids, *(involves_params(i)[0] for i in ids)]


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
    dates, dparams = date_range("coalesce(v.date, d.published)", date_from, date_to)
    where += dates
    params += dparams
    if actor:
        ids = sorted(entity_ids(conn, actor))
        if not ids:
            return None
        clause, p = _as_actor(conn, ids)
        where.append(clause)
        params += p
    if location:
        ids = sorted(entity_ids(conn, location))
        if not ids:
            return None
        where.append(f"v.location IN ({','.join('?' * len(ids))})")  # the events_location index
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
    """Events, newest first by their own date (undated last), with actor/recipient/location resolved to
    entity records. `actor` and `location` take an entity id or a name (`entity_ids`)."""
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
        f" AND {EVENT_INVOLVES}",
        (entity_id, *involves_params(entity_id)), limit, offset,
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
