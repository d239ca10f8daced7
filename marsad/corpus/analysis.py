"""The incremental cross-document pass: duplicates, stories, merged events, claims.

`analyse()` reads only documents it has not analysed yet (`corpus_docs` records the ones it has), places
each into what earlier runs built, and writes everything in one transaction: a run that dies leaves the
store as it was, and a re-run with nothing new changes nothing.

* Duplicates: MinHash over normalised word 3-shingles, LSH to find candidates (datasketch). Signatures
  are stored, so later runs rebuild the index in memory without re-reading old texts.
* Stories: single-pass clustering in publication order. A document joins the most similar story still
  open (its last article no more than `window_days` before this one) or opens a new one, so a new day of
  news never re-clusters the archive. Copies always follow their original into its story.
* Events: records of one PLOVER type whose dates are compatible (±2 days) and that share a place or an
  actor become one merged event; every figure each source gave is kept (dead 20 vs 35).
* Claims: quotes whose contents say the same thing (IDF-weighted overlap of words and entities) form a
  proposition group; related pairs from different speakers or outlets get a stance label, and a
  "disagree" needs a visible reason (`label_pair`).
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import math
import sqlite3
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from marsad.corpus.denial import covers, denial_words, negates, reports_rumour
from marsad.corpus.features import content_terms, doc_terms, shingles, tfidf, words
from marsad.corpus.opposition import TIME_BOUND, confirms, opposition, poles

NUM_PERM = 128
DUP_THRESHOLD = 0.5  # estimated Jaccard of word 3-shingles; agency copies with a changed lead stay above
MIN_SHINGLES = 8  # shorter texts (captions, one-liners) collide by chance
STORY_THRESHOLD = 0.25  # cosine to a story centroid (top TF-IDF terms)
STORY_TERMS = 30
CENTROID_TERMS = 80
EVENT_DAYS = 2
# Relatedness is the IDF-weighted cosine of two quotes' content words and entities (`_overlap_candidates`).
CLAIM_NEAR = 0.50  # a near-restatement: the two quotes join one claim group
CLAIM_REL = 0.25  # related enough to compare, with a shared entity or three shared words
CLAIM_DENY_REL = 0.40  # a denial and a statement this related and about one actor speak of one thing
CLAIM_CONFIRM_REL = 0.20  # ... or this related when the statement calls itself confirmed («مؤكد»)
MIN_CLAIM_TERMS = 5  # content words a quote needs before it can contradict another
CLAIM_MAX_DF = 0.002
CLAIM_WINDOW_DAYS = 60
MAX_STANCE_PAIRS = 100  # the stance model embeds each side with e5 (~0.2 s a pair on one core)
PLACE_TYPES = {"GPE", "LOC", "FAC"}
#: The reason stored for a contradiction the stance model found in a near-restatement (`label_pair`).
MODEL_REASON = "changed restatement: the stance model reads one quote as the other with a fact changed"
CONTRA_TYPES = {"assert", "announce", "say", "accuse", "call", "warn", "express", "condemn"}


@dataclass
class _NewDoc:
    rowid: int
    title: str | None
    date: str | None
    outlet: str | None
    sig: np.ndarray | None
    terms: np.ndarray  # vocabulary ids
    counts: np.ndarray


@dataclass
class _Story:
    id: int
    title: str | None
    first: str | None
    last: str | None
    centroid: dict[str, float]
    dirty: bool = False
    members: list[tuple[int, float]] = field(default_factory=list)


def _day(s: str | None) -> dt.date | None:
    if not s or len(s) < 10:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        p = self.parent.setdefault(x, x)
        while p != self.parent.setdefault(p, p):
            self.parent[x] = p = self.parent[p]
        return p

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the older (smaller) id survives, so group and claim ids stay stable as they grow
            ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra
        return ra


def analyse(
    store: Any, *, window_days: int = 3, since: str | None = None, max_stance_pairs: int = MAX_STANCE_PAIRS
) -> dict[str, Any]:
    """Analyse every document not analysed yet; returns counts of what this run added or changed.

    `max_stance_pairs` bounds the stance-model work of one run (the e5 encoder is the slow part); the
    most similar quote pairs are labelled first, the rest of the run's candidate pairs stay unlabelled.
    """
    from marsad.store.dialect import dialect_of

    conn: sqlite3.Connection = store.conn
    if hasattr(store, "commit"):
        store.commit()
    t0 = time.monotonic()
    docs = _read_new(conn, since)
    stats: dict[str, Any] = {"documents": len(docs)}
    if not docs:
        stats.update(duplicates=0, stories_new=0, stories_touched=0, merged_events=0, claims=0,
                     claim_pairs=0, contradictions=0, seconds=round(time.monotonic() - t0, 2))
        return stats
    try:
        # Only one analysis writes at a time (SQLite's write lock; an advisory lock on PostgreSQL, where
        # ingest keeps writing meanwhile). A run that waited for another skips what that one analysed.
        dialect_of(conn).begin_write(conn, "analyse")
        docs = _not_analysed(conn, docs)
        stats["documents"] = len(docs)
        stats["duplicates"] = _duplicates(conn, docs)
        stats.update(_stories(conn, docs, window_days))
        stats["merged_events"] = _events(conn, [d.rowid for d in docs])
        stats.update(_claims(conn, docs, max_stance_pairs))
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


def _not_analysed(conn: sqlite3.Connection, docs: list[_NewDoc]) -> list[_NewDoc]:
    """`docs` minus those a concurrent run recorded in corpus_docs after they were read."""
    done: set[int] = set()
    rowids = [d.rowid for d in docs]
    for i in range(0, len(rowids), 500):
        chunk = rowids[i:i + 500]
        done |= {r[0] for r in conn.execute(
            f"SELECT doc_rowid FROM corpus_docs WHERE doc_rowid IN ({','.join('?' * len(chunk))})", chunk)}
    return [d for d in docs if d.rowid not in done] if done else docs


# -- reading -------------------------------------------------------------------------------------------
_VOCAB: dict[str, int] = {}
_WORDS: list[str] = []


def _vid(t: str) -> int:
    i = _VOCAB.get(t)
    if i is None:
        i = _VOCAB[t] = len(_WORDS)
        _WORDS.append(t)
    return i


def _read_new(conn: sqlite3.Connection, since: str | None) -> list[_NewDoc]:
    """Signatures and term counts of the unanalysed latest documents, in publication order.

    Texts are streamed and dropped: only a 1 KB signature and a small term array stay per document, so
    a 30K-article store fits in a few hundred MB.
    """
    from datasketch import MinHash

    perms = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations
    sql = ("SELECT d.rowid, d.title, d.text, d.published, d.outlet FROM documents d"
           " LEFT JOIN corpus_docs c ON c.doc_rowid = d.rowid WHERE c.doc_rowid IS NULL AND d.is_latest = 1")
    params: list[Any] = []
    if since:
        sql += " AND d.published >= ?"
        params.append(since)
    out: list[_NewDoc] = []
    for rowid, title, text, published, outlet in conn.execute(sql, params).fetchall():
        w = words(text)
        sh = shingles(w)
        sig = None
        if len(sh) >= MIN_SHINGLES:
            m = MinHash(num_perm=NUM_PERM, seed=1, permutations=perms, scheme="affine32", hashfunc=zlib.crc32)
            m.update_batch(list(sh))
            sig = m.hashvalues.astype(np.uint32)
        c = doc_terms(title, w)
        get = _VOCAB.get
        ids = np.array([i if (i := get(t)) is not None else _vid(t) for t in c], dtype=np.int32)
        out.append(_NewDoc(rowid, title, (published or "")[:10] or None, outlet, sig, ids,
                           np.fromiter(c.values(), dtype=np.int32, count=len(c))))
    # dated articles in time order, then undated ones (which may join any open story)
    out.sort(key=lambda d: (d.date is None, d.date or "", d.rowid))
    return out


# -- near-duplicates -----------------------------------------------------------------------------------
def _duplicates(conn: sqlite3.Connection, docs: list[_NewDoc]) -> int:
    """Link each new document to earlier near-copies; returns how many new documents joined a group."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=DUP_THRESHOLD, num_perm=NUM_PERM)
    sigs: dict[int, np.ndarray] = {}
    for rowid, blob in conn.execute("SELECT doc_rowid, minhash FROM corpus_docs WHERE minhash IS NOT NULL"):
        sig = np.frombuffer(blob, dtype=np.uint32)
        sigs[rowid] = sig
        lsh.insert(rowid, LeanMinHash(seed=1, hashvalues=sig, scheme="affine32"), check_duplication=False)
    uf = _UnionFind()
    group_of: dict[int, int] = {}
    for rowid, gid in conn.execute("SELECT doc_rowid, group_id FROM doc_groups"):
        group_of[rowid] = gid
        uf.union(gid, rowid)
    sim_of: dict[int, float] = {}
    linked = 0
    for d in docs:
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
    # rewrite the groups that changed: every member of a touched root gets that root as group id
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
    return linked


# -- stories -------------------------------------------------------------------------------------------
def _stories(conn: sqlite3.Connection, docs: list[_NewDoc], window_days: int) -> dict[str, int]:
    df: dict[str, int] = dict(conn.execute("SELECT term, df FROM corpus_df").fetchall())
    n_docs = conn.execute("SELECT count(*) FROM corpus_docs").fetchone()[0] + len(docs)
    new_df: Counter[str] = Counter()
    for d in docs:
        for i in d.terms:
            new_df[_WORDS[i]] += 1
    for t, n in new_df.items():
        df[t] = df.get(t, 0) + n
    conn.executemany(
        "INSERT INTO corpus_df (term, df) VALUES (?,?) ON CONFLICT(term) DO UPDATE SET df=corpus_df.df+excluded.df",
        new_df.items(),
    )
    idf: dict[str, float] = {}  # df and n_docs stay fixed from here on
    window = dt.timedelta(days=window_days)
    first_new = next((_day(d.date) for d in docs if d.date), None)
    open_since = (first_new - window).isoformat() if first_new else "0000"
    stories: dict[int, _Story] = {}
    # postings of the open stories' centroids: term → {story: weight}, so a document's dot product with
    # every open story is summed over the terms it shares with them and nothing else
    index: dict[str, dict[int, float]] = defaultdict(dict)
    norms: dict[int, float] = {}
    for sid, title, first, last, centroid in conn.execute(
        "SELECT id, title, first_date, last_date, centroid FROM stories WHERE last_date IS NULL OR last_date >= ?",
        (open_since,),
    ):
        st = _Story(sid, title, first, last, json.loads(centroid))
        stories[sid] = st
        _post(index, norms, st)
    story_of_doc: dict[int, int] = {}
    group_of = dict(conn.execute("SELECT doc_rowid, group_id FROM doc_groups").fetchall())
    story_of_group: dict[int, int] = {}
    for rowid, sid in conn.execute(
        "SELECT sd.doc_rowid, sd.story_id FROM story_docs sd JOIN doc_groups g ON g.doc_rowid = sd.doc_rowid"
        " ORDER BY sd.story_id, sd.doc_rowid"  # the later story of a group wins, on every backend
    ):
        story_of_group[group_of[rowid]] = sid
    next_id = (conn.execute("SELECT coalesce(max(id), 0) FROM stories").fetchone()[0]) + 1
    new_stories = 0
    # open stories by last day, checked lazily: a heap entry may be stale once its story grew
    expiry: list[tuple[str, int]] = [(st.last, sid) for sid, st in stories.items() if st.last]
    heapq.heapify(expiry)
    for d in docs:
        day = _day(d.date)
        if day is not None:
            cutoff = (day - window).isoformat()
            while expiry and expiry[0][0] < cutoff:
                last, sid = heapq.heappop(expiry)
                st = stories.get(sid)
                if st is None:
                    continue
                if st.last and st.last >= cutoff:
                    heapq.heappush(expiry, (st.last, sid))
                    continue
                _unpost(index, st)
                if st.dirty:
                    _save_story(conn, st)
                del stories[sid]
        counts = dict(zip(map(_WORDS.__getitem__, d.terms.tolist()), d.counts.tolist(), strict=True))
        vec = tfidf(counts, df, n_docs, STORY_TERMS, idf)
        sid, sim = None, 0.0
        g = group_of.get(d.rowid)
        if g is not None and g in story_of_group and story_of_group[g] in stories:
            sid, sim = story_of_group[g], 1.0
        else:
            dots: dict[int, float] = defaultdict(float)
            for t, w in vec.items():
                post = index.get(t)
                if post:
                    for c, cw in post.items():
                        dots[c] += w * cw
            vnorm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            for c in sorted(dots):  # ties go to the oldest story, whatever order the dicts iterate in
                s = dots[c] / (vnorm * norms[c]) if norms[c] else 0.0
                if s > sim:
                    sid, sim = c, s
            if sim < STORY_THRESHOLD:
                sid = None
        if sid is None:
            sid, sim = next_id, 1.0
            next_id += 1
            new_stories += 1
            stories[sid] = _Story(sid, d.title, d.date, d.date, {})
            if d.date:
                heapq.heappush(expiry, (d.date, sid))
        st = stories[sid]
        _unpost(index, st)
        merged = Counter(st.centroid)
        merged.update(vec)
        st.centroid = {t: round(v, 5) for t, v in merged.most_common(CENTROID_TERMS)}
        _post(index, norms, st)
        if d.date:
            st.first = min(st.first or d.date, d.date)
            if not st.last or d.date > st.last:
                st.last = d.date
                heapq.heappush(expiry, (d.date, sid))
        st.title = st.title or d.title
        st.members.append((d.rowid, sim))
        st.dirty = True
        story_of_doc[d.rowid] = sid
        if g is not None:
            story_of_group.setdefault(g, sid)
    for st in stories.values():
        if st.dirty:
            _save_story(conn, st)
    return {"stories_new": new_stories, "stories_touched": len(set(story_of_doc.values()))}


def _post(index: dict[str, dict[int, float]], norms: dict[int, float], st: _Story) -> None:
    for t, w in st.centroid.items():
        index[t][st.id] = w
    norms[st.id] = math.sqrt(sum(w * w for w in st.centroid.values()))


def _unpost(index: dict[str, dict[int, float]], st: _Story) -> None:
    for t in st.centroid:
        post = index.get(t)
        if post is not None:
            post.pop(st.id, None)
            if not post:
                del index[t]


def _save_story(conn: sqlite3.Connection, st: _Story) -> None:
    conn.executemany(
        "INSERT INTO story_docs (doc_rowid, story_id, similarity) VALUES (?,?,?)"
        " ON CONFLICT(doc_rowid) DO UPDATE SET story_id=excluded.story_id, similarity=excluded.similarity",
        [(r, st.id, round(s, 4)) for r, s in st.members],
    )
    st.members.clear()
    size, n_out = conn.execute(
        "SELECT count(*), count(DISTINCT d.outlet) FROM story_docs sd JOIN documents d ON d.rowid = sd.doc_rowid"
        " WHERE sd.story_id=?", (st.id,)
    ).fetchone()
    conn.execute(
        "INSERT INTO stories (id, title, first_date, last_date, size, n_outlets, centroid) VALUES (?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET title=excluded.title, first_date=excluded.first_date,"
        " last_date=excluded.last_date, size=excluded.size, n_outlets=excluded.n_outlets, centroid=excluded.centroid",
        (st.id, st.title, st.first, st.last, size, n_out, json.dumps(st.centroid, ensure_ascii=False)),
    )
    st.dirty = False


# -- events --------------------------------------------------------------------------------------------
@dataclass
class _Merged:
    id: int
    type: str
    date_min: dt.date | None
    date_max: dt.date | None
    locations: Counter[str]
    actors: set[str]
    recipients: set[str]
    dead: list[dict[str, Any]]
    injured: list[dict[str, Any]]
    mentions: list[tuple[int, int]]
    dirty: bool = False


def _split(s: str | None) -> set[str]:
    return {a for a in (s or "").split("|") if a}


def _events(conn: sqlite3.Connection, rowids: list[int]) -> int:
    """Merge the new documents' event records into real-world events; returns merged events touched."""
    if not rowids:
        return 0
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _corpus_new (rowid INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM _corpus_new")
    conn.executemany("INSERT INTO _corpus_new VALUES (?)", [(r,) for r in rowids])
    rows = conn.execute(
        "SELECT e.*, d.published, d.outlet, d.id AS doc_id FROM events e JOIN documents d ON d.rowid = e.doc_rowid"
        " WHERE e.doc_rowid IN (SELECT rowid FROM _corpus_new)"
        " AND e.negated = 0 AND e.hypothetical = 0 AND e.future = 0 ORDER BY d.published, e.doc_rowid, e.idx"
    ).fetchall()
    if not rows:
        return 0
    types = sorted({r["type"] for r in rows})
    days = [x for x in (_day(r["date"]) or _day(r["published"]) for r in rows) if x]
    lo = (min(days) - dt.timedelta(days=EVENT_DAYS)).isoformat() if days else "0000"
    merged: dict[int, _Merged] = {}
    # merged events by (type, place) and (type, party): a record can only join one sharing either, so
    # only those are checked, in the order they were created (the first compatible one takes it)
    by_key: dict[tuple[str, str], set[int]] = defaultdict(set)
    order: dict[int, int] = {}

    def index(m: _Merged) -> None:
        order.setdefault(m.id, len(order))
        for loc in m.locations:
            by_key[(m.type, "L" + loc)].add(m.id)
        for p in m.actors | m.recipients:
            by_key[(m.type, "P" + p)].add(m.id)

    q = ",".join("?" * len(types))
    for m in conn.execute(
        # in (type, date_min) index order: the first compatible merged event takes a record
        f"SELECT * FROM merged_events WHERE type IN ({q}) AND (date_max IS NULL OR date_max >= ?)"
        " ORDER BY type, date_min, id", (*types, lo)
    ):
        merged[m["id"]] = _Merged(
            m["id"], m["type"], _day(m["date_min"]), _day(m["date_max"]),
            Counter(json.loads(m["location"] or "{}")), _split(m["actors"]), _split(m["recipients"]),
            json.loads(m["dead"] or "[]"), json.loads(m["injured"] or "[]"), [],
        )
        index(merged[m["id"]])
    next_id = conn.execute("SELECT coalesce(max(id), 0) FROM merged_events").fetchone()[0] + 1
    touched: set[int] = set()
    for r in rows:
        day = _day(r["date"]) if r["date_precision"] in (None, "day") else None
        day = day or _day(r["published"])
        loc = r["location"]
        parties = _split(r["actor"]) | _split(r["recipient"])
        best = None
        cands = set(by_key.get((r["type"], "L" + loc), ())) if loc else set()
        for p in parties:
            cands |= by_key.get((r["type"], "P" + p), set())
        for m in sorted((merged[c] for c in cands), key=lambda m: order[m.id]):
            same_place = bool(loc) and loc in m.locations
            shared = bool(parties & (m.actors | m.recipients))
            if day and m.date_min and m.date_max:
                if not (m.date_min - dt.timedelta(days=EVENT_DAYS) <= day <= m.date_max + dt.timedelta(days=EVENT_DAYS)):
                    continue
                ok = same_place or shared
            else:
                ok = same_place and shared  # without dates, demand both
            if ok:
                best = m
                break
        if best is None:
            best = _Merged(next_id, r["type"], day, day, Counter(), set(), set(), [], [], [])
            merged[next_id] = best
            next_id += 1
        if day:
            best.date_min = min(best.date_min or day, day)
            best.date_max = max(best.date_max or day, day)
        if loc:
            best.locations[loc] += 1
        best.actors |= _split(r["actor"])
        best.recipients |= _split(r["recipient"])
        src = {"document": r["doc_id"], "outlet": r["outlet"], "published": r["published"], "source": r["source"]}
        if r["dead"] is not None:
            best.dead.append({"value": r["dead"], **src})
        if r["injured"] is not None:
            best.injured.append({"value": r["injured"], **src})
        best.mentions.append((r["doc_rowid"], r["idx"]))
        best.dirty = True
        order.setdefault(best.id, len(order))
        if loc:
            by_key[(best.type, "L" + loc)].add(best.id)
        for p in parties:
            by_key[(best.type, "P" + p)].add(best.id)
        touched.add(best.id)
    for m in merged.values():
        if not m.dirty:
            continue
        conn.executemany(
            "INSERT INTO merged_event_mentions (merged_id, doc_rowid, idx) VALUES (?,?,?)"
            " ON CONFLICT(doc_rowid, idx) DO UPDATE SET merged_id=excluded.merged_id",
            [(m.id, d, i) for d, i in m.mentions],
        )
        n_m, n_src = conn.execute(
            "SELECT count(*), count(DISTINCT coalesce(d.outlet, d.id)) FROM merged_event_mentions mm"
            " JOIN documents d ON d.rowid = mm.doc_rowid WHERE mm.merged_id=?", (m.id,)
        ).fetchone()
        conn.execute(
            "INSERT INTO merged_events (id, type, date_min, date_max, location, actors, recipients,"
            " dead, injured, n_mentions, n_sources) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET type=excluded.type, date_min=excluded.date_min,"
            " date_max=excluded.date_max, location=excluded.location, actors=excluded.actors,"
            " recipients=excluded.recipients, dead=excluded.dead, injured=excluded.injured,"
            " n_mentions=excluded.n_mentions, n_sources=excluded.n_sources",
            (m.id, m.type, m.date_min and m.date_min.isoformat(), m.date_max and m.date_max.isoformat(),
             json.dumps(dict(m.locations), ensure_ascii=False), "|".join(sorted(m.actors)),
             "|".join(sorted(m.recipients)), json.dumps(m.dead, ensure_ascii=False),
             json.dumps(m.injured, ensure_ascii=False), n_m, n_src),
        )
    return len(touched)


# -- claims --------------------------------------------------------------------------------------------
@dataclass
class _Quote:
    doc: int
    idx: int
    text: str
    cue: str
    speaker: str
    date: str | None
    outlet: str | None
    group: int | None
    entities: frozenset[str]
    terms: frozenset[str]
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # entity → offsets in `text`

    actors: frozenset[str] = frozenset()  # the entities that are not places
    speaker_id: str | None = None  # the speaker's resolved entity, when there is one
    speaker_text: str | None = None  # the speaker as the article names them (what a reason shows)

    @cached_property
    def denies(self) -> bool:
        """Does the quote deny, by its cue or in its own words («لا صحة», «غير صحيح»)?"""
        return self.cue == "deny" or denial_words(self.text)

    @cached_property
    def negates(self) -> bool:
        """Does the quote negate something in its own words («لم يتم», «لا توجد»)?"""
        return negates(self.text)

    @cached_property
    def substantive(self) -> bool:
        """Enough content words to state a proposition (extraction fragments and bare names do not)."""
        return len(self.terms) >= MIN_CLAIM_TERMS

    @cached_property
    def pole_keys(self) -> frozenset[tuple[str, str]]:
        """(pair, pole) of every opposing word in the text, wherever it stands (a cheap pre-filter)."""
        return frozenset((p[0], p[1]) for p in poles(self.text))
    def opposes(self, other: _Quote) -> str | None:
        """Opposite predicates about an actor both quotes mention (see `opposition`).

        Places are left out as anchors: news quotes name the country they are set in («في سوريا») far
        more often than they make it the subject, and opposite words near a setting are two claims
        about different things."""
        shared = self.actors & other.actors
        if not shared:
            return None
        mine, theirs = self.pole_keys, other.pole_keys
        if not mine or not theirs:
            return None
        if not any((name, "b" if pole == "a" else "a") in theirs for name, pole in mine):
            return None  # no pair of opposite poles anywhere in the two texts
        a = [sp for e in shared for sp in self.spans.get(e, ())]
        b = [sp for e in shared for sp in other.spans.get(e, ())]
        return opposition(self.text, other.text, a, b)


def _quotes(conn: sqlite3.Connection, where: str, params: Iterable[Any] = ()) -> list[_Quote]:
    rows = conn.execute(
        "SELECT q.doc_rowid, q.idx, q.content, q.content_start, q.content_end, q.cue_class, q.speaker_entity,"
        " q.speaker_text, coalesce(q.date, d.published) AS date, d.outlet, g.group_id"
        " FROM quotes q JOIN documents d ON d.rowid = q.doc_rowid LEFT JOIN doc_groups g ON g.doc_rowid = q.doc_rowid"
        f" WHERE {where} ORDER BY q.doc_rowid, q.idx", tuple(params)
    ).fetchall()
    ents: dict[tuple[int, int], dict[str, list[tuple[int, int]]]] = defaultdict(dict)
    places: set[str] = set()
    docs = sorted({r[0] for r in rows})
    spans = {(r[0], r[1]): (r[3], r[4]) for r in rows}
    by_doc: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for (doc, idx), (s, e) in spans.items():
        by_doc[doc].append((idx, s, e))
    for i in range(0, len(docs), 500):
        chunk = docs[i:i + 500]
        for doc, ent, start, end, etype in conn.execute(
            'SELECT m.doc_rowid, m.entity_id, m.start, m."end", e.type FROM mentions m'
            " LEFT JOIN entities e ON e.id = m.entity_id"
            f" WHERE m.doc_rowid IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            if etype in PLACE_TYPES:
                places.add(ent)
            for idx, s, e in by_doc[doc]:
                if s <= start and end <= e:
                    ents[(doc, idx)].setdefault(ent, []).append((start - s, end - s))
    out = []
    for r in rows:
        spans = ents.get((r[0], r[1]), {})
        out.append(_Quote(r[0], r[1], r[2], r[5], (r[6] or r[7] or "").strip(), (r[8] or "")[:10] or None, r[9],
                          r[10], frozenset(spans), frozenset(content_terms(r[2])), spans,
                          frozenset(e for e in spans if e not in places), r[6] or None, (r[7] or "").strip() or None))
    return out


def _related(rel: float, shared: int, entity: bool) -> bool:
    """Do two quotes speak about one proposition? Near-restatements always do; looser pairs must also
    share an entity or three specific words (a denial rarely repeats the wording it denies)."""
    if rel >= CLAIM_NEAR:
        return True
    return rel >= CLAIM_REL and (entity or shared >= 3)


PairFilter = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def _overlap_candidates(quotes: list[_Quote], n_old: int,
                        pair_filter: PairFilter | None = None) -> list[tuple[int, int, int, bool, float]]:
    """(i, j, shared content words, shared entity?, lexical cosine) for pairs with a new quote that share
    anything specific.

    Candidates share an entity or at least two words. Words carried by more than `CLAIM_MAX_DF` of the
    quotes (and at least 50) say nothing about which proposition a quote is about and are ignored, which
    also keeps the sparse products small. The cosine is over IDF-weighted words and entities, so sharing
    a rare name counts for more than sharing a common verb; it is what decides relatedness (embedding
    every candidate quote with USE took ~6 minutes on the 30K-article store). `pair_filter` drops pairs
    in bulk, on arrays, before any per-pair Python work.
    """
    from scipy.sparse import csr_matrix, diags

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for k, q in enumerate(quotes):
        # sorted, so columns (and float sums) come in one order whatever the process's string hashing
        feats = sorted(set(q.terms) | {"\x00" + e for e in q.entities})
        for t in feats:
            rows.append(k)
            cols.append(vocab.setdefault(t, len(vocab)))
    if not rows:
        return []
    n = len(quotes)
    x = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(vocab)))
    df = np.asarray(x.sum(0)).ravel()
    cap = max(50, int(CLAIM_MAX_DF * n))
    keep = np.nonzero(df <= cap)[0]
    is_ent = np.array([t.startswith("\x00") for t in vocab], dtype=bool)
    # entity columns count 100, word columns 1: one product gives both
    w = np.where(is_ent, 100.0, 1.0).astype(np.float32)
    xk = x[:, keep].tocsr()
    xw = xk.multiply(w[keep]).tocsr()
    idf = np.log((n + 1) / (df[keep] + 1)).astype(np.float32) + 1.0
    xi = xk.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(xi.multiply(xi).sum(1)).ravel())
    xi = (diags(1.0 / np.maximum(norms, 1e-9)) @ xi).tocsr()
    out: list[tuple[int, int, int, bool, float]] = []
    xit = xi.T.tocsr()
    xwt = xw.T.tocsr()
    for s0 in range(n_old, n, 1000):
        # both products have the same non-zeros (all weights are positive), so their data line up
        block = (xk[s0:s0 + 1000] @ xwt).tocsr()
        cos = (xi[s0:s0 + 1000] @ xit).tocsr()
        if not (np.array_equal(block.indptr, cos.indptr) and np.array_equal(block.indices, cos.indices)):
            block.sort_indices()  # the same product order makes this rare; sorted, the patterns match
            cos.sort_indices()
            if not np.array_equal(block.indices, cos.indices):
                raise AssertionError("claim candidate products disagree on their non-zeros")
        rows_b = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr))
        # one shared word is chance, an entity or two words are not; each pair once, against earlier quotes
        keep_pairs = (block.data >= 2) & (block.indices < s0 + rows_b)
        ii, js = s0 + rows_b[keep_pairs], block.indices[keep_pairs]
        vs, cs = block.data[keep_pairs], cos.data[keep_pairs]
        shared, ent = (vs % 100).astype(np.int64), vs >= 100
        if pair_filter is not None:
            m = pair_filter(ii, js, shared, ent, cs)
            ii, js, shared, ent, cs = ii[m], js[m], shared[m], ent[m], cs[m]
        out.extend(zip(ii.tolist(), js.tolist(), shared.tolist(), ent.tolist(), cs.tolist(), strict=True))
    return out


def _claim_pair_filter(quotes: list[_Quote]) -> PairFilter:
    """Drop, in bulk, candidate pairs that can be neither related nor a contradiction, so the per-pair
    Python work runs on a tenth of them: too far apart in time, not related (`_related`), and not
    able to meet `_disagreement` (which needs two substantive quotes and a denial on one side, or
    opposition words on both)."""
    day = np.array([(d.toordinal() if d else 0) for d in (_day(q.date) for q in quotes)], dtype=np.int64)
    subst = np.array([q.substantive for q in quotes], dtype=bool)
    denies = np.array([q.denies for q in quotes], dtype=bool) & subst
    poled = np.array([bool(q.actors) and bool(q.pole_keys) for q in quotes], dtype=bool) & subst

    def keep(i: np.ndarray, j: np.ndarray, shared: np.ndarray, ent: np.ndarray, rel: np.ndarray) -> np.ndarray:
        di, dj = day[i], day[j]
        in_window = (di == 0) | (dj == 0) | (np.abs(di - dj) <= CLAIM_WINDOW_DAYS)
        related = (rel >= CLAIM_NEAR) | ((rel >= CLAIM_REL) & (ent | (shared >= 3)))
        may_disagree = (denies[i] & subst[j]) | (denies[j] & subst[i]) | (poled[i] & poled[j])
        return in_window & (related | may_disagree)

    return keep


def _pair_worth_labelling(a: _Quote, b: _Quote) -> bool:
    # A speaker repeating himself, or two copies of one agency story, is not two sources.
    if a.group is not None and a.group == b.group and a.doc != b.doc:
        return False
    if a.doc == b.doc and (a.speaker == b.speaker or not a.speaker or not b.speaker):
        return False
    return not (a.doc == b.doc and a.idx == b.idx)


def _disagreement(a: _Quote, b: _Quote, rel: float) -> str | None:
    """Why the two quotes contradict each other, in words an analyst can check, or None.

    Two reasons count. A denial set against a statement of the same proposition: one side denies (by
    its cue, «نفى», or in its own words, «غير صحيح»), the other asserts, and the two are about one
    thing (a near-restatement, or closely related and about the same actor, or about the same actor
    related when the other side calls its claim confirmed, «مؤكد»). The statement must assert: not
    negate anything itself, nor speak of what is being said («ما تم تداوله»); the two speakers must not
    be one resolved entity; what they share must lie mostly inside what the denial covers, and a
    statement a denier's own words carry almost whole is that denier's account (`denial.py`). Or
    opposite predicates
    about a shared actor (`opposition.py`); for quantities and states that change from day to day
    (rose/fell, opened/closed) only on the same day. Fragments and a quote nested in the other are
    never a contradiction: there is nothing, or nothing different, to compare.
    """
    if not (a.substantive and b.substantive):
        return None
    if a.doc == b.doc and (a.text in b.text or b.text in a.text):
        return None  # one extraction nested in another
    if a.denies != b.denies:
        denial, claim = (a, b) if a.denies else (b, a)
        if (
            claim.cue in CONTRA_TYPES
            and not claim.negates
            and not reports_rumour(claim.text)
            and not (denial.cue != "deny" and len(claim.terms & denial.terms) >= 0.9 * len(claim.terms))
            and not (a.speaker_id and a.speaker_id == b.speaker_id)
            and (rel >= CLAIM_NEAR or (a.actors & b.actors and (
                rel >= CLAIM_DENY_REL or (rel >= CLAIM_CONFIRM_REL and confirms(claim.text)))))
            and covers(denial.text, denial.cue == "deny", denial.terms, claim.terms)
        ):
            return (f"denial: {denial.speaker_text or denial.speaker or '?'} denies what"
                    f" {claim.speaker_text or claim.speaker or '?'} states")
    reason = a.opposes(b)
    if reason and reason.split(":", 1)[0] in TIME_BOUND:
        da, db = _day(a.date), _day(b.date)
        if not (da and db and abs((da - db).days) <= 1):
            return None
    return reason


def label_pair(p: np.ndarray | None, rel: float, reason: str | None, both_deny: bool = False,
               changed: bool = True) -> tuple[str, float]:
    """Final label and confidence of a related quote pair from the stance model's probabilities (agree,
    disagree, other; None when the model was not run for it), the reason to disagree if there is one
    (`_disagreement`), and how surely both speak of one proposition.

    A disagreement needs a reason an analyst can see, or (the ANS model's own domain) a
    near-restatement that the model reads as changed and that does change something (`stance.changed`:
    12 judged pairs the model alone listed held 1 contradiction, a changed number, and 3 restatements
    differing by a particle). Without one the model's "disagree" on two
    differently worded quotes is mostly a difference of wording, and the pair is labelled `other`. Two
    denials of one thing agree.
    """
    agree, disagree, other = (1 / 3, 1 / 3, 1 / 3) if p is None else (float(x) for x in p)
    near = min(1.0, rel / CLAIM_NEAR)  # 1.0 for near-restatements
    if reason:
        return "disagree", round(0.5 + 0.3 * near + 0.2 * disagree, 4)
    if both_deny and rel >= CLAIM_REL:
        return "agree", round(0.5 + 0.5 * near, 4)
    if rel >= CLAIM_NEAR and disagree > max(agree, other) and changed:
        return "disagree", round(disagree * near, 4)
    if agree > max(disagree, other) or rel >= CLAIM_NEAR:
        return "agree", round(max(agree, 0.5) * near, 4)
    return "other", round(other if other > max(agree, disagree) else 1.0 - near, 4)


def _claims(conn: sqlite3.Connection, docs: list[_NewDoc], max_pairs: int = MAX_STANCE_PAIRS) -> dict[str, int]:
    rowids = [d.rowid for d in docs]
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _corpus_new (rowid INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM _corpus_new")
    conn.executemany("INSERT INTO _corpus_new VALUES (?)", [(r,) for r in rowids])
    new = [q for q in _quotes(conn, "q.doc_rowid IN (SELECT rowid FROM _corpus_new)") if len(q.text.split()) >= 3]
    if not new:
        return {"claims": 0, "claim_pairs": 0, "contradictions": 0, "claim_pairs_unlabelled": 0}
    days = [x for x in (_day(q.date) for q in new) if x]
    window = dt.timedelta(days=CLAIM_WINDOW_DAYS)
    lo = (min(days) - window).isoformat() if days else "0000"
    old_claim = {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT doc_rowid, idx, claim_id FROM claim_quotes WHERE date IS NULL OR date >= ?", (lo,))}
    old = _quotes(conn, "(q.doc_rowid, q.idx) IN (SELECT doc_rowid, idx FROM claim_quotes"
                  " WHERE date IS NULL OR date >= ?)", (lo,)) if old_claim else []
    old = [q for q in old if (q.doc, q.idx) in old_claim]
    allq = old + new
    n_old = len(old)
    uf = _UnionFind()
    # claim ids: existing ones as they are, new quotes get fresh ids above the current maximum
    next_id = conn.execute("SELECT coalesce(max(claim_id), 0) FROM claim_quotes").fetchone()[0] + 1
    cid: list[int] = []
    for q in old:
        cid.append(old_claim[(q.doc, q.idx)])
        uf.find(cid[-1])
    for _ in new:
        cid.append(next_id)
        uf.find(next_id)
        next_id += 1
    # Candidates share an entity or content words (a sparse product, so 100K quotes stay cheap); their
    # IDF-weighted cosine decides relatedness. Only labelled pairs are embedded, by the stance model.
    pairs: list[tuple[int, int, float, str | None]] = []  # (earlier, later, relatedness, reason to disagree)
    for i, j, shared, ent, rel in _overlap_candidates(allq, n_old, _claim_pair_filter(allq)):
        qi, qj = allq[i], allq[j]
        # a visible reason to disagree about a shared entity makes a pair worth comparing even when the
        # two sides share little wording (a rebuttal rarely repeats what it rebuts)
        related = _related(rel, shared, ent)
        reason = _disagreement(qi, qj, rel)
        if reason or related:
            # a claim group only absorbs near-restatements; looser relations are labelled as pairs but
            # would chain a whole topic into one "claim" if they merged groups too
            if rel >= CLAIM_NEAR:
                uf.union(cid[i], cid[j])
            if _pair_worth_labelling(qi, qj):
                a, b = (j, i) if j < i else (i, j)
                pairs.append((a, b, rel, reason))
    # Pairs with a visible reason to disagree are labelled by that reason, without the model, so all of
    # them are kept; the model (e5 embeddings, the slow part) labels the most related of the rest, never
    # more than a run can afford.
    hinted = [p for p in pairs if p[3]]
    # (relatedness rounded: float32 sums may differ in the last bit, and ties are common at 1.0)
    rest = sorted((p for p in pairs if not p[3]), key=lambda p: (-round(p[2], 5), p[0], p[1]))
    stance_skipped = max(0, len(rest) - max_pairs)
    rest = rest[:max_pairs]
    labelled: list[tuple[int, int, float, str, float, str | None]] = []
    if rest:
        from marsad.corpus.stance import changed, predict_proba

        probs = list(predict_proba([(allq[j].text, allq[i].text) for j, i, _, _ in rest]))
    else:
        probs = []
    for (j, i, rel, reason), p in zip(hinted + rest, [None] * len(hinted) + probs, strict=True):
        qa, qb = allq[j], allq[i]
        label, conf = label_pair(p, rel, reason, qa.denies and qb.denies,
                                 p is None or changed(qa.text, qb.text))
        why = None if label != "disagree" else reason or MODEL_REASON
        labelled.append((j, i, rel, label, conf, why))
    final = [uf.find(c) for c in cid]
    # persist: remap claim ids that merged, then write quotes, pairs and claim summaries
    remap = {c: f for c, f in zip(cid[:n_old], final[:n_old], strict=True) if c != f}
    for c, f in remap.items():
        conn.execute("UPDATE claim_quotes SET claim_id=? WHERE claim_id=?", (f, c))
        conn.execute("UPDATE claim_pairs SET claim_id=? WHERE claim_id=?", (f, c))
        conn.execute("DELETE FROM claims WHERE id=?", (c,))
    conn.executemany(
        "INSERT INTO claim_quotes (doc_rowid, idx, claim_id, date, vector) VALUES (?,?,?,?,?)"
        " ON CONFLICT(doc_rowid, idx) DO UPDATE SET claim_id=excluded.claim_id, date=excluded.date,"
        " vector=excluded.vector",
        [(q.doc, q.idx, final[n_old + k], q.date,
          b"")
         for k, q in enumerate(new)],
    )
    conn.executemany(
        "INSERT INTO claim_pairs (claim_id, a_doc, a_idx, b_doc, b_idx, similarity, label, confidence, reason)"
        " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(a_doc, a_idx, b_doc, b_idx) DO UPDATE SET"
        " claim_id=excluded.claim_id, similarity=excluded.similarity, label=excluded.label,"
        " confidence=excluded.confidence, reason=excluded.reason",
        [(final[i], allq[j].doc, allq[j].idx, allq[i].doc, allq[i].idx, round(s, 4), label, round(conf, 4), why)
         for j, i, s, label, conf, why in labelled],
    )
    touched = sorted({final[n_old + k] for k in range(len(new))})
    # summaries of every touched claim in two set-based queries (one a claim made 100K round trips)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _claims_touched (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM _claims_touched")
    conn.executemany("INSERT INTO _claims_touched VALUES (?)", [(c,) for c in touched])
    first_text = dict(conn.execute(
        "SELECT claim_id, content FROM (SELECT cq.claim_id, q.content, row_number() OVER (PARTITION BY cq.claim_id"
        " ORDER BY cq.date, cq.doc_rowid, cq.idx) AS n FROM claim_quotes cq"
        " JOIN quotes q ON q.doc_rowid = cq.doc_rowid AND q.idx = cq.idx"
        " WHERE cq.claim_id IN (SELECT id FROM _claims_touched)) firsts WHERE n = 1"
    ).fetchall())
    summaries = conn.execute(
        "SELECT claim_id, count(*), count(DISTINCT doc_rowid), min(date), max(date) FROM claim_quotes"
        " WHERE claim_id IN (SELECT id FROM _claims_touched) GROUP BY claim_id"
    ).fetchall()
    conn.executemany(
        "INSERT INTO claims (id, text, first_date, last_date, size, n_docs) VALUES (?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET text=excluded.text, first_date=excluded.first_date,"
        " last_date=excluded.last_date, size=excluded.size, n_docs=excluded.n_docs",
        [(c, first_text[c], first, last, size, n_docs) for c, size, n_docs, first, last in summaries],
    )
    return {
        "claims": sum(1 for r in summaries if r[1] > 1),
        "claim_pairs": len(labelled),
        "contradictions": sum(1 for x in labelled if x[3] == "disagree"),
        "claim_pairs_unlabelled": stance_skipped,
    }
