"""Documents: lists for filter menus and pages, one document with its annotations, the whole store for
exports, and the store's headline counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from marsad.store.queries.common import document_filters

PAGE = 200  # documents read per round trip when iterating a whole store


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
    where, params = document_filters(outlet, date_from, date_to, table="")
    rows = conn.execute(
        "SELECT id, version, title, published, outlet, dateline, url, language, n_tokens FROM documents"
        # NULL dates sort last under DESC, and (published, rowid) is what the published index yields
        f" WHERE {' AND '.join(['is_latest=1', *where])} ORDER BY published DESC, rowid DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [dict(r) for r in rows]


def document_rowid(conn: sqlite3.Connection, doc_id: str) -> int | None:
    """The row of a document id (exact, or a unique prefix as `document` accepts)."""
    rows = conn.execute(
        "SELECT rowid FROM documents WHERE id >= ? AND id < ? LIMIT 2", (doc_id, doc_id + "\uffff")
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """A stored document by id (or unique id prefix, as users copy short ids), with its annotations."""
    rows = conn.execute(
        "SELECT rowid, * FROM documents WHERE id >= ? AND id < ? LIMIT 2", (doc_id, doc_id + "\uffff")
    ).fetchall()
    if len(rows) != 1:
        return None
    return document_json(conn, rows[0])


def iter_documents(conn: sqlite3.Connection, latest_only: bool = True) -> Iterator[dict[str, Any]]:
    """Every stored document in id order (stable across stores fed the same articles), read a page at a
    time: a PostgreSQL driver would otherwise fetch every text of the store before yielding the first."""
    cond = "AND is_latest=1" if latest_only else ""
    last = ""
    while True:
        rows = conn.execute(
            f"SELECT rowid, * FROM documents WHERE id > ? {cond} ORDER BY id LIMIT ?", (last, PAGE)
        ).fetchall()
        for r in rows:
            yield document_json(conn, r)
        if len(rows) < PAGE:
            return
        last = rows[-1]["id"]


def document_json(conn: sqlite3.Connection, r: Any) -> dict[str, Any]:
    """A documents row with its annotations, in the annotation contract's shape plus the stored version."""
    rowid = r["rowid"]
    ents: dict[str, dict[str, Any]] = {}
    for m in conn.execute(
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
        for q in conn.execute("SELECT * FROM quotes WHERE doc_rowid=? ORDER BY idx", (rowid,))
    ]
    events = [_event(v) for v in conn.execute("SELECT * FROM events WHERE doc_rowid=? ORDER BY idx", (rowid,))]
    dates = [
        {"text": d["text"], "start": d["start"], "end": d["end"], "value": d["value"], "precision": d["precision"]}
        for d in conn.execute("SELECT * FROM dates WHERE doc_rowid=? ORDER BY start, rowid", (rowid,))
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


def _event(v: Any) -> dict[str, Any]:
    return {
        "type": v["type"], "mode": v["mode"],
        "actor": [a for a in (v["actor"] or "").split("|") if a],
        "recipient": [a for a in (v["recipient"] or "").split("|") if a],
        "location": v["location"], "date": v["date"], "date_precision": v["date_precision"],
        "dead": v["dead"], "injured": v["injured"], "negated": bool(v["negated"]),
        "hypothetical": bool(v["hypothetical"]), "future": bool(v["future"]), "source": v["source"],
        "trigger": {"text": v["trigger_text"], "start": v["trigger_start"], "end": v["trigger_end"]},
        "sentence": {"start": v["sentence_start"], "end": v["sentence_end"]},
        "confidence": v["confidence"],
    }


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


def inventory(conn: sqlite3.Connection) -> dict[str, Any]:
    """Everything the store holds, counted (`marsad stats`): versions, tokens, the biggest outlets and
    every annotation table besides the headline counts."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "documents": one("SELECT count(*) FROM documents WHERE is_latest=1"),
        "versions": one("SELECT count(*) FROM documents"),
        "tokens": one("SELECT coalesce(sum(n_tokens),0) FROM documents WHERE is_latest=1"),
        "outlets": [tuple(r) for r in conn.execute(
            "SELECT coalesce(outlet,'?'), count(*) FROM documents WHERE is_latest=1"
            " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20")],
        "published": tuple(conn.execute(
            "SELECT min(published), max(published) FROM documents WHERE is_latest=1").fetchone()),
        "entities": one("SELECT count(*) FROM entities"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
        "dates": one("SELECT count(*) FROM dates"),
    }
