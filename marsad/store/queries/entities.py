"""Entities: lists and profiles, the spellings they are mentioned by, and which entities a name means."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from marsad.store.queries.common import ASCII_LOWER, EVENT_INVOLVES, has_table, involves_params, like_escape
from marsad.text.normalize import normalize

ENTITY_COLUMNS = ("id", "name", "name_en", "type", "wikidata", "country", "sector", "lat", "lon", "precision")
# Mention texts are matched on their first characters, which is what the index covers: an index entry must
# stay small (PostgreSQL refuses keys over ~2.7 KB) whatever span a tagger marks on hostile input.
ALIAS_PREFIX = 100


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
        pats = {f"%{like_escape(q.strip())}%", f"%{like_escape(normalize(q).strip())}%"}
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
            "SELECT count(*) FROM events v WHERE v.doc_rowid IN (SELECT doc_rowid FROM mentions WHERE entity_id=?)"
            f" AND {EVENT_INVOLVES}", entity_id, *involves_params(entity_id)),
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


def entity_ids(conn: sqlite3.Connection, name_or_id: str) -> set[str]:
    """Entity ids a user means: an exact id, a canonical or English name, or a spelling the store has
    mentioned an entity by (`داعش` means the entity named `تنظيم الدولة الإسلامية`).

    Names and spellings are compared as typed and in normalised form (`الإسلامية` also finds `الاسلامية`).
    Every alternative is an index probe (primary key, `entities_name`, `entities_name_en_lower`,
    `mentions_text`), so resolving a name costs the same on a store of any size; a store from before
    those indexes, opened read-only, gets the same answer from a scan.
    """
    s = name_or_id.strip()
    if not s:
        return set()
    # English names match ignoring ASCII case only, as SQLite's LIKE did here; lower() folds exactly that
    # on both backends, and comparing it by equality lets the expression index answer
    ids = {r[0] for r in conn.execute("SELECT id FROM entities WHERE id=? OR name=? OR lower(name_en)=?",
                                      (s, s, s.translate(ASCII_LOWER)))}
    want = normalize(s).strip()
    if want and want != s:
        ids |= {r[0] for r in conn.execute("SELECT id FROM entities WHERE name=?", (want,))}
    ids |= _mentioned_as(conn, {s, want} - {""})
    return ids


def _mentioned_as(conn: sqlite3.Connection, spellings: Iterable[str]) -> set[str]:
    """Entities mentioned by exactly one of `spellings`."""
    texts = sorted(set(spellings))
    prefixes = sorted({t[:ALIAS_PREFIX] for t in texts})
    return {r[0] for r in conn.execute(
        f"SELECT DISTINCT entity_id FROM mentions WHERE substr(text, 1, {ALIAS_PREFIX}) IN"
        f" ({','.join('?' * len(prefixes))}) AND text IN ({','.join('?' * len(texts))})", (*prefixes, *texts))}


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
        f" AND {EVENT_INVOLVES} GROUP BY 1",
        (entity_id, *involves_params(entity_id))), "events")
    return [days[k] for k in sorted(days)]
