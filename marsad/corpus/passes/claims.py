"""Claims: quotes that say the same thing, and the pairs of sources that agree or disagree about it.

Quotes whose contents say the same thing (IDF-weighted overlap of words and entities) form a
proposition group; related pairs from different speakers or outlets get a stance label, and a
"disagree" needs a visible reason (`label_pair`). New quotes are compared with every quote of the last
`CLAIM_WINDOW_DAYS` before them, so claim groups grow across runs without re-reading the archive.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from marsad.corpus.denial import covers, denial_words, negates, reports_rumour
from marsad.corpus.features import content_terms
from marsad.corpus.opposition import TIME_BOUND, confirms, opposition, poles
from marsad.corpus.passes.batch import NewDoc, day, mark_new
from marsad.corpus.passes.union_find import UnionFind
from marsad.corpus.progress import Progress, Ticker
from marsad.corpus.reasons import MODEL_REASON, denial_reason

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
CONTRA_TYPES = {"assert", "announce", "say", "accuse", "call", "warn", "express", "condemn"}


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


def _overlap_candidates(quotes: list[_Quote], n_old: int, pair_filter: PairFilter | None = None,
                        tick: Callable[[int], None] | None = None) -> list[tuple[int, int, int, bool, float]]:
    """(i, j, shared content words, shared entity?, lexical cosine) for pairs with a new quote that share
    anything specific.

    Candidates share an entity or at least two words. Words carried by more than `CLAIM_MAX_DF` of the
    quotes (and at least 50) say nothing about which proposition a quote is about and are ignored, which
    also keeps the sparse products small. The cosine is over IDF-weighted words and entities, so sharing
    a rare name counts for more than sharing a common verb; it is what decides relatedness (embedding
    every candidate quote with USE took ~6 minutes on the 30K-article store). `pair_filter` drops pairs
    in bulk, on arrays, before any per-pair Python work. `tick(n)` is told of each block of n new quotes.
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
        if tick is not None:
            tick(min(1000, n - s0))
    return out


def _claim_pair_filter(quotes: list[_Quote]) -> PairFilter:
    """Drop, in bulk, candidate pairs that can be neither related nor a contradiction, so the per-pair
    Python work runs on a tenth of them: too far apart in time, not related (`_related`), and not
    able to meet `_disagreement` (which needs two substantive quotes and a denial on one side, or
    opposition words on both)."""
    ordinal = np.array([(d.toordinal() if d else 0) for d in (day(q.date) for q in quotes)], dtype=np.int64)
    subst = np.array([q.substantive for q in quotes], dtype=bool)
    denies = np.array([q.denies for q in quotes], dtype=bool) & subst
    poled = np.array([bool(q.actors) and bool(q.pole_keys) for q in quotes], dtype=bool) & subst

    def keep(i: np.ndarray, j: np.ndarray, shared: np.ndarray, ent: np.ndarray, rel: np.ndarray) -> np.ndarray:
        di, dj = ordinal[i], ordinal[j]
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
            return denial_reason(denial.speaker_text or denial.speaker, claim.speaker_text or claim.speaker)
    reason = a.opposes(b)
    if reason and reason.split(":", 1)[0] in TIME_BOUND:
        da, db = day(a.date), day(b.date)
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



def link_claims(conn: sqlite3.Connection, docs: list[NewDoc], max_pairs: int = MAX_STANCE_PAIRS,
                progress: Progress | None = None) -> dict[str, int]:
    """Place the new documents' quotes into claim groups and label their related pairs; returns counts.

    `max_pairs` bounds the stance-model work (`_label`)."""
    mark_new(conn, [d.rowid for d in docs])
    new = [q for q in _quotes(conn, "q.doc_rowid IN (SELECT rowid FROM _corpus_new)") if len(q.text.split()) >= 3]
    if not new:
        return {"claims": 0, "claim_pairs": 0, "contradictions": 0, "claim_pairs_unlabelled": 0}
    old, old_claim = _window_quotes(conn, new)
    allq = old + new
    n_old = len(old)
    cid, uf = _claim_ids(conn, [old_claim[(q.doc, q.idx)] for q in old], len(new))
    pairs = _related_pairs(allq, n_old, cid, uf, progress)
    labelled, stance_skipped = _label(allq, pairs, max_pairs, progress)
    final = [uf.find(c) for c in cid]
    _store(conn, allq, n_old, cid, final, labelled)
    summaries = _summarise(conn, sorted({final[n_old + k] for k in range(len(new))}))
    return {
        "claims": sum(1 for r in summaries if r[1] > 1),
        "claim_pairs": len(labelled),
        "contradictions": sum(1 for x in labelled if x[3] == "disagree"),
        "claim_pairs_unlabelled": stance_skipped,
    }


def _window_quotes(conn: sqlite3.Connection, new: list[_Quote]) -> tuple[list[_Quote], dict[tuple[int, int], int]]:
    """The stored quotes of the claim window before the new ones, and the claim id of each."""
    days = [x for x in (day(q.date) for q in new) if x]
    window = dt.timedelta(days=CLAIM_WINDOW_DAYS)
    lo = (min(days) - window).isoformat() if days else "0000"
    old_claim = {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT doc_rowid, idx, claim_id FROM claim_quotes WHERE date IS NULL OR date >= ?", (lo,))}
    old = _quotes(conn, "(q.doc_rowid, q.idx) IN (SELECT doc_rowid, idx FROM claim_quotes"
                  " WHERE date IS NULL OR date >= ?)", (lo,)) if old_claim else []
    return [q for q in old if (q.doc, q.idx) in old_claim], old_claim


def _claim_ids(conn: sqlite3.Connection, old_ids: list[int], n_new: int) -> tuple[list[int], UnionFind]:
    """Claim ids of the old quotes as they are, then fresh ids above the current maximum for the new."""
    uf = UnionFind()
    next_id = conn.execute("SELECT coalesce(max(claim_id), 0) FROM claim_quotes").fetchone()[0] + 1
    cid: list[int] = []
    for c in old_ids:
        cid.append(c)
        uf.find(c)
    for _ in range(n_new):
        cid.append(next_id)
        uf.find(next_id)
        next_id += 1
    return cid, uf


def _related_pairs(allq: list[_Quote], n_old: int, cid: list[int], uf: UnionFind,
                   progress: Progress | None) -> list[tuple[int, int, float, str | None]]:
    """(earlier, later, relatedness, reason to disagree) of the pairs worth labelling; near-restatements
    merge their claim groups in `uf` on the way.

    Candidates share an entity or content words (a sparse product, so 100K quotes stay cheap); their
    IDF-weighted cosine decides relatedness. Only labelled pairs are embedded, by the stance model."""
    tick = Ticker(progress, "claim candidates", len(allq) - n_old)
    candidates = _overlap_candidates(allq, n_old, _claim_pair_filter(allq), tick)
    tick.finish()
    tick = Ticker(progress, "claims", len(candidates))
    pairs: list[tuple[int, int, float, str | None]] = []
    for i, j, shared, ent, rel in candidates:
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
        tick()
    tick.finish()
    return pairs


def _label(allq: list[_Quote], pairs: list[tuple[int, int, float, str | None]], max_pairs: int,
           progress: Progress | None) -> tuple[list[tuple[int, int, float, str, float, str | None]], int]:
    """(earlier, later, relatedness, label, confidence, reason) of the pairs labelled, and how many the
    stance model had no room for.

    Pairs with a visible reason to disagree are labelled by that reason, without the model, so all of
    them are kept; the model (e5 embeddings, the slow part) labels the most related of the rest, never
    more than a run can afford."""
    hinted = [p for p in pairs if p[3]]
    # (relatedness rounded: float32 sums may differ in the last bit, and ties are common at 1.0)
    rest = sorted((p for p in pairs if not p[3]), key=lambda p: (-round(p[2], 5), p[0], p[1]))
    stance_skipped = max(0, len(rest) - max_pairs)
    rest = rest[:max_pairs]
    labelled: list[tuple[int, int, float, str, float, str | None]] = []
    tick = Ticker(progress, "stance", len(rest))
    if rest:
        from marsad.corpus.stance import changed, predict_proba

        probs = list(predict_proba([(allq[j].text, allq[i].text) for j, i, _, _ in rest]))
    else:
        probs = []
    tick.finish()
    for (j, i, rel, reason), p in zip(hinted + rest, [None] * len(hinted) + probs, strict=True):
        qa, qb = allq[j], allq[i]
        label, conf = label_pair(p, rel, reason, qa.denies and qb.denies,
                                 p is None or changed(qa.text, qb.text))
        why = None if label != "disagree" else reason or MODEL_REASON
        labelled.append((j, i, rel, label, conf, why))
    return labelled, stance_skipped


def _store(conn: sqlite3.Connection, allq: list[_Quote], n_old: int, cid: list[int], final: list[int],
           labelled: list[tuple[int, int, float, str, float, str | None]]) -> None:
    """Remap the claim ids that merged, then write the new quotes and the labelled pairs."""
    remap = {c: f for c, f in zip(cid[:n_old], final[:n_old], strict=True) if c != f}
    for c, f in remap.items():
        conn.execute("UPDATE claim_quotes SET claim_id=? WHERE claim_id=?", (f, c))
        conn.execute("UPDATE claim_pairs SET claim_id=? WHERE claim_id=?", (f, c))
        conn.execute("DELETE FROM claims WHERE id=?", (c,))
    conn.executemany(
        "INSERT INTO claim_quotes (doc_rowid, idx, claim_id, date, vector) VALUES (?,?,?,?,?)"
        " ON CONFLICT(doc_rowid, idx) DO UPDATE SET claim_id=excluded.claim_id, date=excluded.date,"
        " vector=excluded.vector",
        [(q.doc, q.idx, final[n_old + k], q.date, b"") for k, q in enumerate(allq[n_old:])],
    )
    conn.executemany(
        "INSERT INTO claim_pairs (claim_id, a_doc, a_idx, b_doc, b_idx, similarity, label, confidence, reason)"
        " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(a_doc, a_idx, b_doc, b_idx) DO UPDATE SET"
        " claim_id=excluded.claim_id, similarity=excluded.similarity, label=excluded.label,"
        " confidence=excluded.confidence, reason=excluded.reason",
        [(final[i], allq[j].doc, allq[j].idx, allq[i].doc, allq[i].idx, round(s, 4), label, round(conf, 4), why)
         for j, i, s, label, conf, why in labelled],
    )


def _summarise(conn: sqlite3.Connection, touched: list[int]) -> list[Any]:
    """Rewrite the summary row of every touched claim; returns (claim, size, n_docs, first, last) of each.

    Two set-based queries for them all (one query a claim made 100K round trips)."""
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
    return summaries
