"""The incremental cross-document pass: duplicates, stories, merged events, claims.

`analyse()` reads only documents it has not analysed yet (`corpus_docs` records the ones it has), places
each into what earlier runs built, and writes everything in one transaction: a run that dies leaves the
store as it was, and a re-run with nothing new changes nothing.

* Duplicates (`passes/duplicates.py`): MinHash over normalised word 3-shingles, LSH to find candidates
  (datasketch). Signatures are stored, so later runs rebuild the index in memory without re-reading
  old texts.
* Stories (`passes/stories.py`): single-pass clustering in publication order. A document joins the most
  similar story still open (its last article no more than `window_days` before this one) or opens a new
  one, so a new day of news never re-clusters the archive. Copies always follow their original into its
  story.
* Events (`passes/merged_events.py`): records of one PLOVER type whose dates are compatible (±2 days)
  and that share a place or an actor become one merged event; every figure each source gave is kept
  (dead 20 vs 35).
* Claims (`passes/claims.py`): quotes whose contents say the same thing (IDF-weighted overlap of words
  and entities) form a proposition group; related pairs from different speakers or outlets get a stance
  label, and a "disagree" needs a visible reason (`label_pair`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from typing import Any

from marsad.corpus.passes.batch import not_analysed, read_new
from marsad.corpus.passes.claims import MAX_STANCE_PAIRS, link_claims
from marsad.corpus.passes.duplicates import link_duplicates
from marsad.corpus.passes.merged_events import merge_events
from marsad.corpus.passes.stories import cluster_stories
from marsad.corpus.progress import Progress


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def analyse(
    store: Any, *, window_days: int = 3, since: str | None = None, max_stance_pairs: int = MAX_STANCE_PAIRS,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Analyse every document not analysed yet; returns counts of what this run added or changed.

    `max_stance_pairs` bounds the stance-model work of one run (the e5 encoder is the slow part); the
    most similar quote pairs are labelled first, the rest of the run's candidate pairs stay unlabelled.
    `progress(stage, done, total)` hears how far each pass is (stages and units: `progress.STAGES`);
    `marsad.corpus.progress.Bars()` draws them as tqdm bars on stderr.
    """
    from marsad.store.dialect import dialect_of

    conn: sqlite3.Connection = store.conn
    if hasattr(store, "commit"):
        store.commit()
    t0 = time.monotonic()
    docs = read_new(conn, since, progress)
    stats: dict[str, Any] = {"documents": len(docs)}
    if not docs:
        stats.update(duplicates=0, stories_new=0, stories_touched=0, merged_events=0, claims=0,
                     claim_pairs=0, contradictions=0, seconds=round(time.monotonic() - t0, 2))
        return stats
    try:
        # Only one analysis writes at a time (SQLite's write lock; an advisory lock on PostgreSQL, where
        # ingest keeps writing meanwhile). A run that waited for another skips what that one analysed.
        dialect_of(conn).begin_write(conn, "analyse")
        docs = not_analysed(conn, docs)
        stats["documents"] = len(docs)
        stats["duplicates"] = link_duplicates(conn, docs, progress)
        stats.update(cluster_stories(conn, docs, window_days, progress))
        stats["merged_events"] = merge_events(conn, [d.rowid for d in docs], progress)
        stats.update(link_claims(conn, docs, max_stance_pairs, progress))
        now = _now()
        conn.executemany(
            "INSERT INTO corpus_docs (doc_rowid, date, minhash, analysed_at) VALUES (?,?,?,?)",
            [(d.rowid, d.date, d.sig.tobytes() if d.sig is not None else None, now) for d in docs],
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    stats["seconds"] = round(time.monotonic() - t0, 2)
    return stats
