"""Near-duplicates: each new document linked to earlier near-copies of it (agency copies, reposts).

MinHash over normalised word 3-shingles, LSH to find candidates (datasketch). Signatures are stored in
corpus_docs, so later runs rebuild the index in memory without re-reading old texts.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

import numpy as np

from marsad.corpus.passes.batch import NUM_PERM, NewDoc
from marsad.corpus.passes.union_find import UnionFind
from marsad.corpus.progress import Progress, Ticker

DUP_THRESHOLD = 0.5  # estimated Jaccard of word 3-shingles; agency copies with a changed lead stay above


def link_duplicates(conn: sqlite3.Connection, docs: list[NewDoc], progress: Progress | None = None) -> int:
    """Link each new document to earlier near-copies; returns how many new documents joined a group."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=DUP_THRESHOLD, num_perm=NUM_PERM)
    sigs: dict[int, np.ndarray] = {}
    for rowid, blob in conn.execute("SELECT doc_rowid, minhash FROM corpus_docs WHERE minhash IS NOT NULL"):
        sig = np.frombuffer(blob, dtype=np.uint32)
        sigs[rowid] = sig
        lsh.insert(rowid, LeanMinHash(seed=1, hashvalues=sig, scheme="affine32"), check_duplication=False)
    uf = UnionFind()
    group_of: dict[int, int] = {}
    for rowid, gid in conn.execute("SELECT doc_rowid, group_id FROM doc_groups"):
        group_of[rowid] = gid
        uf.union(gid, rowid)
    sim_of: dict[int, float] = {}
    linked = 0
    tick = Ticker(progress, "duplicates", len(docs))
    for d in docs:
        tick()
        if d.sig is None:
            continue
        lm = LeanMinHash(seed=1, hashvalues=d.sig, scheme="affine32")
        best = 0.0
        for other in lsh.query(lm):
            j = float(np.mean(sigs[other] == d.sig))
            if j >= DUP_THRESHOLD:
                uf.union(other, d.rowid)
                best = max(best, j)
        if best:
            linked += 1
            sim_of[d.rowid] = best
        lsh.insert(d.rowid, lm, check_duplication=False)
        sigs[d.rowid] = d.sig
    _rewrite_groups(conn, uf, group_of, sim_of)
    tick.finish()
    return linked


def _rewrite_groups(conn: sqlite3.Connection, uf: UnionFind, group_of: dict[int, int],
                    sim_of: dict[int, float]) -> None:
    """Every member of a touched root gets that root as group id; groups it absorbed are deleted."""
    members: dict[int, list[int]] = defaultdict(list)
    for x in list(uf.parent):
        members[uf.find(x)].append(x)
    touched = {uf.find(r) for r in sim_of}
    for root in touched:
        rows = members[root]
        if len(rows) < 2:
            continue
        old_groups = {group_of[r] for r in rows if r in group_of} - {root}
        for g in old_groups:
            conn.execute("DELETE FROM dup_groups WHERE id=?", (g,))
        conn.executemany(
            "INSERT INTO doc_groups (doc_rowid, group_id, similarity) VALUES (?,?,?)"
            " ON CONFLICT(doc_rowid) DO UPDATE SET group_id=excluded.group_id,"
            " similarity=coalesce(excluded.similarity, doc_groups.similarity)",
            [(r, root, sim_of.get(r)) for r in rows],
        )
        size, n_out, first, last = conn.execute(
            "SELECT count(*), count(DISTINCT coalesce(outlet, '')), min(published), max(published)"
            " FROM documents WHERE rowid IN (SELECT doc_rowid FROM doc_groups WHERE group_id=?)", (root,)
        ).fetchone()
        conn.execute(
            "INSERT INTO dup_groups (id, canonical, size, n_outlets, first_date, last_date) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET size=excluded.size, n_outlets=excluded.n_outlets,"
            " first_date=excluded.first_date, last_date=excluded.last_date",
            (root, root, size, n_out, first, last),
        )
