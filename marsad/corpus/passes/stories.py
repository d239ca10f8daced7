"""Stories: single-pass clustering of the new documents in publication order.

A document joins the most similar story still open (its last article no more than `window_days` before
this one) or opens a new one, so a new day of news never re-clusters the archive. Copies always follow
their original into its story. Similarity is the cosine of the document's top TF-IDF terms to a story's
centroid; the document frequencies grow with every run (`corpus_df`).
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import math
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from marsad.corpus.features import tfidf
from marsad.corpus.passes.batch import WORDS, NewDoc, day
from marsad.corpus.progress import Progress, Ticker

STORY_THRESHOLD = 0.25  # cosine to a story centroid (top TF-IDF terms)
STORY_TERMS = 30
CENTROID_TERMS = 80


@dataclass
class _Story:
    id: int
    title: str | None
    first: str | None
    last: str | None
    centroid: dict[str, float]
    dirty: bool = False
    members: list[tuple[int, float]] = field(default_factory=list)


def cluster_stories(conn: sqlite3.Connection, docs: list[NewDoc], window_days: int,
                    progress: Progress | None = None) -> dict[str, int]:
    """Place every new document into a story; returns how many stories it opened and touched."""
    df, n_docs = _count_terms(conn, docs)
    idf: dict[str, float] = {}  # df and n_docs stay fixed from here on
    window = dt.timedelta(days=window_days)
    first_new = next((day(d.date) for d in docs if d.date), None)
    open_stories = _OpenStories(conn, (first_new - window).isoformat() if first_new else "0000")
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
    tick = Ticker(progress, "stories", len(docs))
    for d in docs:
        today = day(d.date)
        if today is not None:
            open_stories.expire((today - window).isoformat())
        counts = dict(zip(map(WORDS.__getitem__, d.terms.tolist()), d.counts.tolist(), strict=True))
        vec = tfidf(counts, df, n_docs, STORY_TERMS, idf)
        g = group_of.get(d.rowid)
        if g is not None and g in story_of_group and story_of_group[g] in open_stories.stories:
            sid, sim = story_of_group[g], 1.0
        else:
            sid, sim = open_stories.best(vec)
        if sid is None:
            sid, sim = next_id, 1.0
            next_id += 1
            new_stories += 1
            open_stories.open(_Story(sid, d.title, d.date, d.date, {}))
        open_stories.join(sid, d, vec, sim)
        story_of_doc[d.rowid] = sid
        if g is not None:
            story_of_group.setdefault(g, sid)
        tick()
    open_stories.save_all()
    tick.finish()
    return {"stories_new": new_stories, "stories_touched": len(set(story_of_doc.values()))}


def _count_terms(conn: sqlite3.Connection, docs: list[NewDoc]) -> tuple[dict[str, int], int]:
    """Document frequencies and the document count with the new documents added (and stored)."""
    df: dict[str, int] = dict(conn.execute("SELECT term, df FROM corpus_df").fetchall())
    n_docs = conn.execute("SELECT count(*) FROM corpus_docs").fetchone()[0] + len(docs)
    new_df: Counter[str] = Counter()
    for d in docs:
        for i in d.terms:
            new_df[WORDS[i]] += 1
    for t, n in new_df.items():
        df[t] = df.get(t, 0) + n
    conn.executemany(
        "INSERT INTO corpus_df (term, df) VALUES (?,?) ON CONFLICT(term) DO UPDATE SET df=corpus_df.df+excluded.df",
        new_df.items(),
    )
    return df, n_docs


class _OpenStories:
    """The stories a document may still join, with their centroids indexed for the similarity search.

    Postings of the open stories' centroids (term → {story: weight}) let a document's dot product with
    every open story be summed over the terms it shares with them and nothing else. A story is saved
    when it closes (and the rest at the end), so memory holds only the window's stories."""

    def __init__(self, conn: sqlite3.Connection, open_since: str) -> None:
        self.conn = conn
        self.stories: dict[int, _Story] = {}
        self.index: dict[str, dict[int, float]] = defaultdict(dict)
        self.norms: dict[int, float] = {}
        for sid, title, first, last, centroid in conn.execute(
            "SELECT id, title, first_date, last_date, centroid FROM stories WHERE last_date IS NULL OR last_date >= ?",
            (open_since,),
        ):
            st = _Story(sid, title, first, last, json.loads(centroid))
            self.stories[sid] = st
            _post(self.index, self.norms, st)
        # open stories by last day, checked lazily: a heap entry may be stale once its story grew
        self.expiry: list[tuple[str, int]] = [(st.last, sid) for sid, st in self.stories.items() if st.last]
        heapq.heapify(self.expiry)

    def expire(self, cutoff: str) -> None:
        """Close (save and forget) the stories whose last article is older than `cutoff`."""
        expiry = self.expiry
        while expiry and expiry[0][0] < cutoff:
            last, sid = heapq.heappop(expiry)
            st = self.stories.get(sid)
            if st is None:
                continue
            if st.last and st.last >= cutoff:
                heapq.heappush(expiry, (st.last, sid))
                continue
            _unpost(self.index, st)
            if st.dirty:
                _save_story(self.conn, st)
            del self.stories[sid]

    def best(self, vec: dict[str, float]) -> tuple[int | None, float]:
        """The open story most similar to `vec` and the similarity, or None when none reaches the threshold."""
        sid, sim = None, 0.0
        dots: dict[int, float] = defaultdict(float)
        for t, w in vec.items():
            post = self.index.get(t)
            if post:
                for c, cw in post.items():
                    dots[c] += w * cw
        vnorm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        norms = self.norms
        for c in sorted(dots):  # ties go to the oldest story, whatever order the dicts iterate in
            s = dots[c] / (vnorm * norms[c]) if norms[c] else 0.0
            if s > sim:
                sid, sim = c, s
        if sim < STORY_THRESHOLD:
            sid = None
        return sid, sim

    def open(self, st: _Story) -> None:
        self.stories[st.id] = st
        if st.last:
            heapq.heappush(self.expiry, (st.last, st.id))

    def join(self, sid: int, d: NewDoc, vec: dict[str, float], sim: float) -> None:
        """Add `d` to story `sid`: its centroid, dates, title and members (saved later)."""
        st = self.stories[sid]
        _unpost(self.index, st)
        merged = Counter(st.centroid)
        merged.update(vec)
        st.centroid = {t: round(v, 5) for t, v in merged.most_common(CENTROID_TERMS)}
        _post(self.index, self.norms, st)
        if d.date:
            st.first = min(st.first or d.date, d.date)
            if not st.last or d.date > st.last:
                st.last = d.date
                heapq.heappush(self.expiry, (d.date, sid))
        st.title = st.title or d.title
        st.members.append((d.rowid, sim))
        st.dirty = True

    def save_all(self) -> None:
        for st in self.stories.values():
            if st.dirty:
                _save_story(self.conn, st)


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
