"""The batch one analysis run works on: the documents not analysed yet, read once for every pass.

Texts are streamed and dropped as they are read: only a 1 KB MinHash signature and a small array of
term ids stay per document, so a 30K-article store fits in a few hundred MB. Also here: the day of a
stored date string, which every pass compares, and the temporary table of the batch's rowids that the
passes holding SQL over the batch join against.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

from marsad.corpus.features import doc_terms, shingles, words
from marsad.corpus.progress import Progress, Ticker

NUM_PERM = 128
MIN_SHINGLES = 8  # shorter texts (captions, one-liners) collide by chance


@dataclass
class NewDoc:
    rowid: int
    title: str | None
    date: str | None
    outlet: str | None
    sig: np.ndarray | None
    terms: np.ndarray  # vocabulary ids (`WORDS`)
    counts: np.ndarray


# Term ids of the process: a document keeps int32 ids instead of strings (the stories pass maps back).
VOCAB: dict[str, int] = {}
WORDS: list[str] = []


def _vid(t: str) -> int:
    i = VOCAB.get(t)
    if i is None:
        i = VOCAB[t] = len(WORDS)
        WORDS.append(t)
    return i


def day(s: str | None) -> dt.date | None:
    """The date of an ISO string's first ten characters; None when it has none (undated, or malformed)."""
    if not s or len(s) < 10:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def read_new(conn: sqlite3.Connection, since: str | None, progress: Progress | None = None) -> list[NewDoc]:
    """Signatures and term counts of the unanalysed latest documents, in publication order."""
    from datasketch import MinHash

    perms = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations
    sql = ("SELECT d.rowid, d.title, d.text, d.published, d.outlet FROM documents d"
           " LEFT JOIN corpus_docs c ON c.doc_rowid = d.rowid WHERE c.doc_rowid IS NULL AND d.is_latest = 1")
    params: list[Any] = []
    if since:
        sql += " AND d.published >= ?"
        params.append(since)
    out: list[NewDoc] = []
    rows = conn.execute(sql, params).fetchall()
    tick = Ticker(progress, "read", len(rows))
    for rowid, title, text, published, outlet in rows:
        w = words(text)
        sh = shingles(w)
        sig = None
        if len(sh) >= MIN_SHINGLES:
            m = MinHash(num_perm=NUM_PERM, seed=1, permutations=perms, scheme="affine32", hashfunc=zlib.crc32)
            m.update_batch(list(sh))
            sig = m.hashvalues.astype(np.uint32)
        c = doc_terms(title, w)
        get = VOCAB.get
        ids = np.array([i if (i := get(t)) is not None else _vid(t) for t in c], dtype=np.int32)
        out.append(NewDoc(rowid, title, (published or "")[:10] or None, outlet, sig, ids,
                          np.fromiter(c.values(), dtype=np.int32, count=len(c))))
        tick()
    tick.finish()
    # dated articles in time order, then undated ones (which may join any open story)
    out.sort(key=lambda d: (d.date is None, d.date or "", d.rowid))
    return out


def not_analysed(conn: sqlite3.Connection, docs: list[NewDoc]) -> list[NewDoc]:
    """`docs` minus those a concurrent run recorded in corpus_docs after they were read."""
    done: set[int] = set()
    rowids = [d.rowid for d in docs]
    for i in range(0, len(rowids), 500):
        chunk = rowids[i:i + 500]
        done |= {r[0] for r in conn.execute(
            f"SELECT doc_rowid FROM corpus_docs WHERE doc_rowid IN ({','.join('?' * len(chunk))})", chunk)}
    return [d for d in docs if d.rowid not in done] if done else docs


def mark_new(conn: sqlite3.Connection, rowids: list[int]) -> None:
    """Fill the temporary table `_corpus_new` with the batch's rowids (a join, not a long IN list)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _corpus_new (rowid INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM _corpus_new")
    conn.executemany("INSERT INTO _corpus_new VALUES (?)", [(r,) for r in rowids])
