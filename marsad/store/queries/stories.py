"""Stories, read from the tables `marsad.corpus.analyse` writes."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class AnalysisState:
    """How far the cross-document pass has got on a store, so an empty listing can say why it is empty.

    `analysed`: the pass has recorded at least one document (`corpus_docs`); `pending`: latest document
    versions it has not analysed yet (stored since its last run, or left out by `analyse --since`)."""

    tables: bool
    analysed: bool
    pending: int

    @property
    def never_run(self) -> bool:
        """Documents are stored but none was ever analysed: every listing would be empty, misleadingly."""
        return not self.analysed and self.pending > 0


def analysis_state(conn: sqlite3.Connection) -> AnalysisState:
    """Where the cross-document pass stands: one existence check and one anti-join count (an index
    lookup per document, no text read), cheap enough to run with every listing."""
    pending_sql = "SELECT count(*) FROM documents d WHERE d.is_latest = 1"
    if not has_table(conn, "corpus_docs"):
        return AnalysisState(False, False, int(conn.execute(pending_sql).fetchone()[0]))
    analysed = conn.execute("SELECT 1 FROM corpus_docs LIMIT 1").fetchone() is not None
    pending = conn.execute(pending_sql + " AND NOT EXISTS (SELECT 1 FROM corpus_docs c WHERE c.doc_rowid = d.rowid)")
    return AnalysisState(True, analysed, int(pending.fetchone()[0]))
