"""Stories, read from the tables `marsad.corpus.analyse` writes."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from marsad.store.queries.common import has_table


def story_documents(conn: sqlite3.Connection, story_id: int) -> list[dict[str, Any]]:
    """A story's articles in date order, each with the near-duplicate group it belongs to (if any)."""
    return [
        {"document": r["id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"],
         "similarity": r["similarity"], "duplicate_group": r["group_id"]}
        for r in conn.execute(
            "SELECT d.id, d.title, d.outlet, d.published, sd.similarity, g.group_id FROM story_docs sd"
            " JOIN documents d ON d.rowid = sd.doc_rowid LEFT JOIN doc_groups g ON g.doc_rowid = sd.doc_rowid"
            " WHERE sd.story_id = ? ORDER BY d.published, d.rowid", (story_id,))
    ]


def story(conn: sqlite3.Connection, story_id: int) -> dict[str, Any] | None:
    """One story with its articles in date order, in the shape `marsad.corpus.stories()` gives each story
    (which has no by-id lookup); None when there is no such story or the store was never analysed."""
    if not has_table(conn, "stories"):
        return None
    s = conn.execute("SELECT * FROM stories WHERE id=?", (story_id,)).fetchone()
    if s is None:
        return None
    try:
        terms = list(json.loads(s["centroid"]))[:8]
    except (ValueError, TypeError):
        terms = []
    return {"id": s["id"], "title": s["title"], "first_date": s["first_date"], "last_date": s["last_date"],
            "size": s["size"], "outlets": s["n_outlets"], "terms": terms, "documents": story_documents(conn, story_id)}
