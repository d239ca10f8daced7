"""Read-side of the cross-document analysis: plain dicts for the CLI, the API and exports.

Everything here reads tables that `analyse()` wrote; nothing recomputes, so these are cheap enough to
serve per request.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from marsad.corpus.reasons import reason_fields
from marsad.store.queries import story_documents
from marsad.text.normalize import normalize


def _conn(store: Any) -> sqlite3.Connection:
    conn = store.conn
    if isinstance(conn, sqlite3.Connection):  # the PostgreSQL connection's rows have names already
        conn.row_factory = sqlite3.Row
    return conn


def _side(r: sqlite3.Row, p: str) -> dict[str, Any]:
    """One side of a claim pair in the contract shape: the quote's words as printed, who, where, when."""
    return {
        "text": r[f"{p}_text"],
        "speaker": r[f"{p}_speaker"],
        "outlet": r[f"{p}_outlet"],
        "published": r[f"{p}_published"],
        "document": r[f"{p}_document"],
    }


_PAIR_SQL = """
SELECT cp.claim_id, cp.label, cp.confidence, cp.similarity, {reason} AS reason,
       qa.content AS a_text, coalesce(ea.name, qa.speaker_text) AS a_speaker, da.outlet AS a_outlet,
       coalesce(da.published, qa.date) AS a_published, da.id AS a_document, qa.cue_class AS a_cue,
       qb.content AS b_text, coalesce(eb.name, qb.speaker_text) AS b_speaker, db.outlet AS b_outlet,
       coalesce(db.published, qb.date) AS b_published, db.id AS b_document, qb.cue_class AS b_cue
FROM claim_pairs cp
JOIN quotes qa ON qa.doc_rowid = cp.a_doc AND qa.idx = cp.a_idx
JOIN quotes qb ON qb.doc_rowid = cp.b_doc AND qb.idx = cp.b_idx
JOIN documents da ON da.rowid = cp.a_doc
JOIN documents db ON db.rowid = cp.b_doc
LEFT JOIN entities ea ON ea.id = qa.speaker_entity
LEFT JOIN entities eb ON eb.id = qb.speaker_entity
"""
# ties in confidence are broken by the pair's key, so every backend lists them in one order
_PAIR_KEY = "cp.a_doc, cp.a_idx, cp.b_doc, cp.b_idx"


def _pair_sql(conn: sqlite3.Connection) -> str:
    # a store from before migration 7, opened read-only, has no reasons to show
    from marsad.store.queries import has_column

    return _PAIR_SQL.format(reason="cp.reason" if has_column(conn, "claim_pairs", "reason") else "NULL")


def contradictions(store: Any, limit: int | None = 50, min_confidence: float = 0.0,
                   reasons: bool = False) -> list[dict[str, Any]]:
    """Pairs of quotes that contradict each other, most confident first, in the CLI/JSON contract shape.

    `reasons` adds each pair's `reason` (the evidence the rules saw: a denial and what it denies, or the
    opposite words) with its `reason_code` and `reason_params` (`reasons.parse`); the contract's JSON
    keeps to `a`, `b` and `confidence`."""
    conn = _conn(store)
    sql = _pair_sql(conn) + (" WHERE cp.label = 'disagree' AND cp.confidence >= ?"
                             " ORDER BY cp.confidence DESC, cp.claim_id, " + _PAIR_KEY)
    params: list[Any] = [min_confidence]
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    out = []
    for r in conn.execute(sql, params):
        row = {"a": _side(r, "a"), "b": _side(r, "b"), "confidence": round(float(r["confidence"]), 4)}
        if reasons:
            row.update(reason_fields(r["reason"]))
        out.append(row)
    return out


def claims(store: Any, limit: int | None = 50, min_size: int = 2) -> list[dict[str, Any]]:
    """Proposition groups seen in more than one quote, largest first, with their labelled pairs."""
    conn = _conn(store)
    sql = ("SELECT * FROM claims WHERE size >= ? ORDER BY (SELECT count(*) FROM claim_pairs p"
           " WHERE p.claim_id = claims.id AND p.label='disagree') DESC, size DESC, id")
    params: list[Any] = [min_size]
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    pair_sql = _pair_sql(conn)
    out = []
    for c in conn.execute(sql, params).fetchall():
        quotes = [
            {"text": q["content"], "speaker": q["speaker"], "cue": q["cue_class"], "outlet": q["outlet"],
             "published": q["published"], "document": q["id"]}
            for q in conn.execute(
                "SELECT q.content, coalesce(e.name, q.speaker_text) AS speaker, q.cue_class, d.outlet,"
                " coalesce(d.published, q.date) AS published, d.id FROM claim_quotes cq"
                " JOIN quotes q ON q.doc_rowid = cq.doc_rowid AND q.idx = cq.idx"
                " JOIN documents d ON d.rowid = cq.doc_rowid LEFT JOIN entities e ON e.id = q.speaker_entity"
                " WHERE cq.claim_id = ? ORDER BY cq.date, cq.doc_rowid, cq.idx", (c["id"],))
        ]
        pairs = [
            {"a": _side(r, "a"), "b": _side(r, "b"), "label": r["label"], "confidence": round(float(r["confidence"]), 4),
             "similarity": round(float(r["similarity"]), 4), **reason_fields(r["reason"])}
            for r in conn.execute(pair_sql + " WHERE cp.claim_id = ? ORDER BY cp.confidence DESC, " + _PAIR_KEY,
                                  (c["id"],))
        ]
        out.append({"id": c["id"], "text": c["text"], "first_date": c["first_date"], "last_date": c["last_date"],
                    "size": c["size"], "documents": c["n_docs"], "quotes": quotes, "pairs": pairs})
    return out


def stories(store: Any, limit: int | None = 50, min_size: int = 2, since: str | None = None) -> list[dict[str, Any]]:
    """Stories with more than one article, biggest first, each with its articles in date order."""
    conn = _conn(store)
    sql = "SELECT * FROM stories WHERE size >= ?"
    params: list[Any] = [min_size]
    if since:
        sql += " AND last_date >= ?"
        params.append(since)
    sql += " ORDER BY size DESC, first_date, id"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    out = []
    for s in conn.execute(sql, params).fetchall():
        docs = story_documents(conn, s["id"])
        terms = list(json.loads(s["centroid"]))[:8]
        out.append({"id": s["id"], "title": s["title"], "first_date": s["first_date"], "last_date": s["last_date"],
                    "size": s["size"], "outlets": s["n_outlets"], "terms": terms, "documents": docs})
    return out


def duplicates(store: Any, limit: int | None = 50) -> list[dict[str, Any]]:
    """Near-duplicate groups, largest first: every copy is kept, with how many outlets carried it."""
    conn = _conn(store)
    sql = "SELECT * FROM dup_groups WHERE size >= 2 ORDER BY size DESC, n_outlets DESC, id"
    params: list[Any] = []
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    out = []
    for g in conn.execute(sql, params).fetchall():
        docs = [
            {"document": r["id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"],
             "similarity": r["similarity"]}
            for r in conn.execute(
                "SELECT d.id, d.title, d.outlet, d.published, g.similarity FROM doc_groups g"
                " JOIN documents d ON d.rowid = g.doc_rowid WHERE g.group_id = ? ORDER BY d.published, d.rowid",
                (g["id"],))
        ]
        out.append({"id": g["id"], "size": g["size"], "sources": g["n_outlets"], "first_date": g["first_date"],
                    "last_date": g["last_date"], "documents": docs})
    return out


def merged_events(store: Any, limit: int | None = 50, min_sources: int = 1) -> list[dict[str, Any]]:
    """Merged events with every mention and every figure each source gave, best attested first."""
    conn = _conn(store)
    sql = "SELECT * FROM merged_events WHERE n_sources >= ? ORDER BY n_mentions DESC, date_min, id"
    params: list[Any] = [min_sources]
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    out = []
    for m in conn.execute(sql, params).fetchall():
        mentions = [
            {"document": r["id"], "outlet": r["outlet"], "published": r["published"], "idx": r["idx"],
             "trigger": r["trigger_text"], "dead": r["dead"], "injured": r["injured"]}
            for r in conn.execute(
                "SELECT d.id, d.outlet, d.published, e.idx, e.trigger_text, e.dead, e.injured"
                " FROM merged_event_mentions mm JOIN events e ON e.doc_rowid = mm.doc_rowid AND e.idx = mm.idx"
                " JOIN documents d ON d.rowid = mm.doc_rowid WHERE mm.merged_id = ? ORDER BY d.published, mm.doc_rowid, mm.idx",
                (m["id"],))
        ]
        out.append({
            "id": m["id"], "type": m["type"], "date_min": m["date_min"], "date_max": m["date_max"],
            "locations": list(json.loads(m["location"] or "{}")),
            "actors": [a for a in (m["actors"] or "").split("|") if a],
            "recipients": [a for a in (m["recipients"] or "").split("|") if a],
            "dead": json.loads(m["dead"] or "[]"), "injured": json.loads(m["injured"] or "[]"),
            "mentions": mentions, "sources": m["n_sources"],
        })
    return out


def timeline(store: Any, entity: str, limit: int | None = 500) -> list[dict[str, Any]]:
    """Everything dated about one entity across documents: mentions, quotes it gave, events it took part in.

    `entity` is an entity id or a name (Arabic or English, spelling-normalised); when no entity record
    matches (a store ingested without NER), speakers whose name contains it are used instead.
    """
    conn = _conn(store)
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM entities WHERE id = ? OR name = ? OR lower(name_en) = lower(?)", (entity, entity, entity))]
    if not ids:
        key = normalize(entity)
        ids = [r[0] for r in conn.execute("SELECT id, name FROM entities") if normalize(r[1]) == key]
    items: list[dict[str, Any]] = []

    def doc_fields(r: sqlite3.Row) -> dict[str, Any]:
        return {"document": r["doc_id"], "outlet": r["outlet"], "title": r["title"]}

    q = ",".join("?" * len(ids))
    if ids:
        # one item per (document, entity): its first mention (portable SQL has no bare columns in GROUP BY)
        seen: set[tuple[int, str]] = set()
        for r in conn.execute(
            f"SELECT m.doc_rowid, m.entity_id, m.text, m.start, d.id AS doc_id, d.outlet, d.title, d.published"
            f" FROM mentions m JOIN documents d ON d.rowid = m.doc_rowid WHERE m.entity_id IN ({q}) AND d.is_latest = 1"
            " ORDER BY m.doc_rowid, m.entity_id, m.start, m.rowid", ids):
            if (r["doc_rowid"], r["entity_id"]) in seen:
                continue
            seen.add((r["doc_rowid"], r["entity_id"]))
            items.append({"date": r["published"], "kind": "mention", "entity": r["entity_id"], "text": r["text"],
                          **doc_fields(r)})
        wanted = set(ids)
        like = " OR ".join(["e.actor LIKE ? OR e.recipient LIKE ?"] * len(ids))
        for r in conn.execute(
            "SELECT e.*, d.id AS doc_id, d.outlet, d.title, d.published FROM events e JOIN documents d"
            f" ON d.rowid = e.doc_rowid WHERE d.is_latest = 1 AND ({like}) ORDER BY e.doc_rowid, e.idx",
            [f"%{i}%" for i in ids for _ in (0, 1)]):
            actors, recipients = set((r["actor"] or "").split("|")), set((r["recipient"] or "").split("|"))
            if not wanted & (actors | recipients):
                continue  # LIKE matched a longer id
            items.append({"date": r["date"] or r["published"], "kind": "event", "type": r["type"],
                          "text": r["trigger_text"], "role": "actor" if wanted & actors else "recipient",
                          **doc_fields(r)})
    speaker_sql = (
        "SELECT q.*, d.id AS doc_id, d.outlet, d.title, d.published FROM quotes q JOIN documents d"
        " ON d.rowid = q.doc_rowid WHERE d.is_latest = 1 AND "
    )
    if ids:
        rows = conn.execute(speaker_sql + f"q.speaker_entity IN ({q}) ORDER BY q.doc_rowid, q.idx", ids).fetchall()
    else:
        key = normalize(entity)
        rows = [r for r in conn.execute(speaker_sql + "q.speaker_text IS NOT NULL ORDER BY q.doc_rowid, q.idx")
                if key and key in normalize(r["speaker_text"])]
    for r in rows:
        items.append({"date": r["date"] or r["published"], "kind": "quote", "cue": r["cue_class"],
                      "speaker": r["speaker_text"], "text": r["content"], **doc_fields(r)})
    items.sort(key=lambda x: (x["date"] is None, x["date"] or "", x["document"], x["kind"]))
    return items[:limit] if limit else items
