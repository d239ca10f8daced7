"""Quotes: who said what, filtered by speaker, cue and date, or for one entity."""

from __future__ import annotations

import sqlite3
from typing import Any

from marsad.store.queries.common import date_range, like_escape
from marsad.store.queries.entities import entity_ids
from marsad.text.normalize import normalize

_QUOTE_SELECT = (
    "SELECT q.*, d.id AS doc_id, d.published, d.outlet, d.title, d.url, e.name AS entity_name"
    " FROM quotes q JOIN documents d ON d.rowid=q.doc_rowid LEFT JOIN entities e ON e.id=q.speaker_entity"
)
# Newest document first (most quotes carry no date of their own, so the article's date is the quote's):
# read in the order of the documents' published index, which keeps a page an index walk.
_QUOTE_ORDER = " ORDER BY d.published DESC, d.rowid DESC, q.idx"


def _quote_json(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "document": r["doc_id"], "published": r["published"], "outlet": r["outlet"], "url": r["url"],
        "title": r["title"],
        "speaker": {"entity": r["speaker_entity"], "name": r["entity_name"], "text": r["speaker_text"]},
        "cue": {"text": r["cue_text"], "class": r["cue_class"]},
        "content": r["content"], "direct": bool(r["direct"]), "via": r["via"], "date": r["date"],
    }


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
    """Quotes, newest document first. `speaker` is an entity id, a name or spelling of an entity
    (`entity_ids`), or a name matched (as stored or normalised) in the speaker span."""
    where, params = ["d.is_latest=1"], []
    if speaker:
        ids = entity_ids(conn, speaker)
        pats = sorted({f"%{like_escape(speaker.strip())}%", f"%{like_escape(normalize(speaker).strip())}%"})
        alts = ["q.speaker_text LIKE ? ESCAPE '\\'" for _ in pats]
        params += pats
        if ids:
            alts.append(f"q.speaker_entity IN ({','.join('?' * len(ids))})")
            params += sorted(ids)
        where.append("(" + " OR ".join(alts) + ")")
    if cue_class:
        where.append("q.cue_class=?")
        params.append(cue_class)
    dates, dparams = date_range("coalesce(q.date, d.published)", date_from, date_to)
    rows = conn.execute(
        f"{_QUOTE_SELECT} WHERE {' AND '.join(where + dates)}{_QUOTE_ORDER} LIMIT ? OFFSET ?",
        (*params, *dparams, limit, offset),
    )
    return [_quote_json(r) for r in rows]


def entity_quotes(conn: sqlite3.Connection, entity_id: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """What an entity is quoted as saying (the speaker resolved to it), newest first."""
    rows = conn.execute(
        f"{_QUOTE_SELECT} WHERE q.speaker_entity=? AND d.is_latest=1{_QUOTE_ORDER} LIMIT ? OFFSET ?",
        (entity_id, limit, offset),
    )
    return [_quote_json(r) for r in rows]
