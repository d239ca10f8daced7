"""Exact CRF inference in numpy from the trained CRFsuite weights: the fast path of the NER tagger.

CRFsuite scores a tag sequence as the sum of its state-feature weights plus its transition weights.
Almost every feature of a token is a property of one word type at one context offset (the word, its
stem, affixes, clusters, word lists), so the summed weight vector of those features is computed once
per word type and cached; a sentence then costs one cached lookup per token, a few shifted array adds,
dictionary lookups for the rarer pair and gazetteer features, and a Viterbi pass that runs over all
sentences of a document at once. The tags are those CRFsuite's own Viterbi gives for the same model
(tests check it token for token); only the per-feature string building and passing is gone, which was
most of the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, repeat
from pathlib import Path

import numpy as np
import pycrfsuite

from marsad.ner.features import FeatureExtractor, Starts, gaz_context_features

#: A word type's cached facts: (vector row, normalised form, org head?, may start a gazetteer match?,
#: clitic readings, its gazetteer starts, its training-lexicon starts)
_Entry = tuple[int, str, bool, bool, tuple[tuple[str, str], ...], Starts, Starts]

#: Word types whose weight vectors are kept (36 MB): on SaudiNewsNet the 100K commonest raw tokens
#: cover 98% of running text (50K: 94%); the rest are computed on the fly.
CACHE_SIZE = 100_000


class CrfWeights:
    """State-feature and transition weights of a CRFsuite model as numpy arrays."""

    def __init__(self, model_path: Path) -> None:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
        info = tagger.info()
        tagger.close()
        self.labels: list[str] = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
        index = {lab: i for i, lab in enumerate(self.labels)}
        k = len(self.labels)
        self.attr_row: dict[str, int] = {}
        rows: list[np.ndarray] = []
        for (attr, lab), w in info.state_features.items():
            r = self.attr_row.get(attr)
            if r is None:
                r = self.attr_row[attr] = len(rows)
                rows.append(np.zeros(k))
            rows[r][index[lab]] = w
        rows.append(np.zeros(k))  # a zero row that `segment_scores` pads every segment with
        self.matrix = np.vstack(rows)
        self._zero_row = len(rows) - 1
        self.trans = np.zeros((k, k))
        for (a, b), w in info.transitions.items():
            self.trans[index[a], index[b]] = w
        self.zero = np.zeros(k)

    def score(self, feats: Sequence[str]) -> np.ndarray:
        """Summed weight vector of a feature list (each occurrence counts, as in CRFsuite)."""
        get = self.attr_row.get
        rows = [r for r in (get(f) for f in feats) if r is not None]
        if not rows:
            return self.zero
        return self.matrix[rows].sum(axis=0)

    def segment_scores(self, segments: Sequence[Sequence[str]]) -> np.ndarray:
        """`score` of several feature lists at once: one gather and one segmented sum."""
        get = self.attr_row.get
        zero = self._zero_row
        idx: list[int] = []
        offsets: list[int] = []
        for feats in segments:
            offsets.append(len(idx))
            idx.append(zero)
            idx.extend(r for r in map(get, feats) if r is not None)
        return np.add.reduceat(self.matrix[idx], offsets, axis=0)

    def context_rows(self, offsets: Sequence[int]) -> dict[str, tuple[int | None, ...]]:
        """Base feature → its row at each offset (``-2:w=…`` … ``2:w=…``; None where the model has none).

        One lookup per context feature of a word instead of one per feature and offset, and no
        ``f"{off}:{f}"`` strings to build for a word type seen for the first time.
        """
        slot = {str(off): j for j, off in enumerate(offsets)}
        acc: dict[str, list[int | None]] = {}
        for attr, r in self.attr_row.items():
            pre, sep, base = attr.partition(":")
            j = slot.get(pre) if sep else None
            if j is not None:
                acc.setdefault(base, [None] * len(offsets))[j] = r
        return {base: tuple(rows) for base, rows in acc.items()}

    def vec(self, feat: str) -> np.ndarray | None:
        r = self.attr_row.get(feat)
        return None if r is None else self.matrix[r]


class FastDecoder:
    """Tags token sentences with the CRF's weights; the same output as CRFsuite's tagger.

    Per word type it keeps one row of ``self._vectors``: the (5, K) summed weights of the word's own
    features and of its features as seen from offsets -2, -1, +1, +2. A document's emissions are then
    one gather plus shifted adds, masked at sentence boundaries.
    """

    def __init__(self, fx: FeatureExtractor, weights: CrfWeights, cache_size: int = CACHE_SIZE) -> None:
        self.fx = fx
        self.w = weights
        k = len(weights.labels)
        self._vectors = np.zeros((cache_size + 1, 5, k))  # the last row is scratch space for misses
        self._rows: dict[str, _Entry] = {}
        self._cache_size = cache_size
        self._bos = _or_zero(weights.vec("BOS"), k)
        self._eos = _or_zero(weights.vec("EOS"), k)
        self._orgh = [weights.vec(f"orgh-{d}") for d in (1, 2, 3)]
        # pair features, keyed without building their strings on the hot path
        self._bg_prev: dict[tuple[str, str], int] = {}  # word pair → its weight row
        self._bg_next: dict[tuple[str, str], int] = {}
        for attr, r in weights.attr_row.items():
            for prefix, table in (("bg-=", self._bg_prev), ("bg+=", self._bg_next)):
                if attr.startswith(prefix):
                    a, sep, b = attr[4:].partition("|")
                    if sep:
                        table[(a, b)] = r
        self._gaz_pairs, self._lex_pairs = first_pairs(fx.res.gazetteer.entries), first_pairs(fx.train_lex.entries)
        self._gaz_cache: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], np.ndarray] = {}
        self._ctx_index, self._ctx_matrix = context_blocks(weights, FeatureExtractor.OFFSETS)

    def _entries(self, words: list[str], scratch: list[np.ndarray]) -> list[_Entry]:
        """Each word's cached facts (vector row, normalised form, org head?, may start a gazetteer match?,
        clitic readings, and the readings that start a gazetteer and a training-lexicon entry).

        A document's new word types are scored together, one gather and one segmented sum for all of
        them: per word, the numpy call overhead cost more than the sums themselves.
        """
        get = self._rows.get
        entries = [get(w) for w in words]
        missing = [i for i, x in enumerate(entries) if x is None]
        if not missing:
            return entries
        new = list(dict.fromkeys([words[i] for i in missing]))
        fx = self.fx
        cores = fx.word_cores(new)
        vecs = self._word_vectors(cores)
        gaz, lex = fx.res.gazetteer, fx.train_lex
        made: dict[str, _Entry] = {}
        cached: list[int] = []
        for j, (word, (_own, _keep, norm, readings, org, gz)) in enumerate(zip(new, cores, strict=True)):
            # a tuple, not the list: an entry of str, int, bool and tuples is left out of the garbage
            # collector's walks, and these entries are most of what a run adds to the heap
            cands = tuple(readings)
            starts = (gaz.starts(cands), lex.starts(cands)) if gz else ((), ())
            if len(self._rows) < self._cache_size:
                entry = (len(self._rows), norm, org, gz, cands, *starts)
                self._rows[word] = entry
                cached.append(j)
            else:  # cache full: the vector travels beside the gather (row -1 - its index)
                scratch.append(vecs[j])
                entry = (-len(scratch), norm, org, gz, cands, *starts)
            made[word] = entry
        if cached:
            self._vectors[[made[new[j]][0] for j in cached]] = vecs[cached]
        for i in missing:
            entries[i] = made[words[i]]
        return entries

    def _word_vectors(self, cores: Sequence[tuple]) -> np.ndarray:
        """(n, 5, K): for each `FeatureExtractor.word_core`, the vectors `segment_scores` gives for (own,
        ctx[-2], ctx[-1], ctx[1], ctx[2]) of `FeatureExtractor.word_info`: the same rows summed in the same
        order, so the same sums to the bit (a context list is `keep` prefixed, and a shared prefix keeps
        the sorted order). A feature the model lacks gathers a zero row instead of being skipped: a sum
        that starts at +0.0 never becomes -0.0, so adding +0.0 changes no bit, and the rows of a word are
        then laid out by C-level `map` rather than per-feature Python filtering. The four context sums
        run together over (4, K) blocks (`context_blocks`): each cell is still summed in `keep` order."""
        w = self.w
        zero, czero = w._zero_row, len(self._ctx_matrix) - 1
        get, cget = w.attr_row.get, self._ctx_index.get
        idx: list[int] = []
        offsets: list[int] = []
        cidx: list[int] = []
        coffsets: list[int] = []
        for own, keep, *_rest in cores:
            offsets.append(len(idx))
            idx.append(zero)
            idx.extend(map(get, own, repeat(zero, len(own))))
            coffsets.append(len(cidx))
            cidx.append(czero)
            cidx.extend(map(cget, keep, repeat(czero, len(keep))))
        out = np.empty((len(cores), len(FeatureExtractor.OFFSETS) + 1, w.matrix.shape[1]))
        out[:, 0] = np.add.reduceat(w.matrix[idx], offsets, axis=0)
        out[:, 1:] = np.add.reduceat(self._ctx_matrix[cidx], coffsets, axis=0)
        return out

    def document_emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(n_tokens, K) state scores of all tokens of non-empty sentences, and the sentence lengths.

        Token for token exactly what CRFsuite sums for `fx.sentence(tokens)` of each sentence.
        """
        e, lens, _entries = self._emissions(sentences)
        return e, lens

    def _emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, list[_Entry]]:
        """`document_emissions`, and each token's `_Entry` (its normalised form and clitic readings serve
        the tagger's consistency pass, which would otherwise look every word up again)."""
        sents = [s for s in sentences if len(s)]
        lens = np.array([len(s) for s in sents], dtype=np.int64)
        scratch: list[np.ndarray] = []
        entries = self._entries([t for s in sents for t in s], scratch)
        n = len(entries)
        k = len(self.w.labels)
        if n == 0:
            return np.zeros((0, k)), lens, entries
        rows = np.fromiter((e[0] for e in entries), dtype=np.int64, count=n)
        if scratch:
            v = np.concatenate([self._vectors[np.maximum(rows, 0)], np.stack(scratch)])
            rows = np.where(rows >= 0, np.arange(n), n - 1 - rows)
            v = v[rows]
        else:
            v = self._vectors[rows]
        starts = np.cumsum(lens) - lens
        pos = np.arange(n) - np.repeat(starts, lens)  # position inside the sentence
        rest = np.repeat(lens, lens) - pos - 1  # tokens after it in the sentence
        e = v[:, 0].copy()
        e[1:] += v[:-1, 2] * (pos[1:] >= 1)[:, None]  # the previous token's "-1:" features
        e[2:] += v[:-2, 1] * (pos[2:] >= 2)[:, None]
        e[:-1] += v[1:, 3] * (rest[:-1] >= 1)[:, None]
        e[:-2] += v[2:, 4] * (rest[:-2] >= 2)[:, None]
        e[starts] += self._bos
        e[starts + lens - 1] += self._eos
        norms = [x[1] for x in entries]
        rest_l = rest.tolist()
        self._pairs_and_heads(e, norms, [j for j, x in enumerate(entries) if x[2]], rest_l)
        self._gazetteer(e, entries, norms, pos.tolist(), rest_l)
        return e, lens, entries

    def _pairs_and_heads(self, e: np.ndarray, norms: list[str], heads: list[int], rest: list[int]) -> None:
        """Bigram features and organisation-head features, inside sentences only.

        Each kind is added to all its rows in one fancy-indexed add (a row gets at most one term of a kind,
        so each sum is the one a per-token loop gives), in the order that loop adds them to a row:
        ``bg-`` before ``bg+``, then ``orgh-3`` before ``orgh-2`` before ``orgh-1``.
        """
        pairs = list(zip(norms, norms[1:], strict=False))
        for table, shift in ((self._bg_prev, 1), (self._bg_next, 0)):
            # the known pairs found at C speed, then those inside a sentence; their rows in one gather
            at = [i for i in compress(range(len(pairs)), map(table.__contains__, pairs)) if rest[i] >= 1]
            if at:
                e[[i + shift for i in at]] += self.w.matrix[[table[pairs[i]] for i in at]]
        if heads:  # an organisation head word: orgh-d on the next three tokens
            for d in (3, 2, 1):
                v = self._orgh[d - 1]
                at = [j + d for j in heads if d <= rest[j]]
                if v is not None and at:
                    e[at] += v

    def _gazetteer(self, e: np.ndarray, entries: list, norms: list[str], pos: list[int], rest: list[int]) -> None:
        """Add the gazetteer-derived features of the document's tokens (memoised by the neighbouring
        matches); only tokens next to a match are visited, not every sentence holding a possible start."""
        feats = self._gaz_matches(entries, norms, rest)
        if not feats:
            return
        empty: tuple[str, ...] = ()
        near = {i for i in feats}
        near.update([i - 1 for i in feats if pos[i] >= 1])
        near.update([i + 1 for i in feats if rest[i] >= 1])
        cache = self._gaz_cache
        at = [empty] * len(pos)  # each token's features as a tuple: a list index, not a dict lookup, per row
        for i, f in feats.items():
            at[i] = tuple(f)
        rows = sorted(near)
        vecs: list[np.ndarray] = []
        for i in rows:
            key = (at[i - 1] if pos[i] >= 1 else empty, at[i], at[i + 1] if rest[i] >= 1 else empty)
            v = cache.get(key)
            if v is None:
                v = self.w.score(gaz_context_features(key, 1))
                if len(cache) < 100_000:
                    cache[key] = v
            vecs.append(v)
        e[rows] += np.stack(vecs)  # distinct rows: each gets the one add a per-row loop gives it

    def _gaz_matches(self, entries: list, norms: list[str], rest: list[int]) -> dict[int, list[str]]:
        """Token → its `FeatureExtractor.gazetteer_from_starts` features, for the tokens that have any; the
        same lists in the same order (gazetteer matches by start, then the training lexicon's), found
        document-wide with the sentence ends as the limit of a match. Lengths over one are tried only where
        the next word continues some entry (`first_pairs`): for nearly every start, none does."""
        out: dict[int, list[str]] = {}
        cand = [i for i, x in enumerate(entries) if x[3]]
        for col, table, pre, pairs in ((5, self.fx.res.gazetteer, "gz", self._gaz_pairs),
                                       (6, self.fx.train_lex, "tgz", self._lex_pairs)):
            known = table.entries
            b, m, inner = pre + "B=", pre + "M=", pre + "I="
            for i in cand:
                st = entries[i][col]
                if not st:
                    continue
                room = rest[i] + 1
                after = norms[i + 1] if room > 1 else None
                for first, ls in st:
                    if after is None or (first, after) not in pairs:
                        ls = ls[-1:] if ls[-1] == 1 else ()  # (lengths are longest first)
                    for length in ls:
                        if length > room:
                            continue
                        labels = known.get((first, *norms[i + 1:i + length]))
                        if labels is None:
                            continue
                        for lab in labels:
                            here = out.setdefault(i, [])
                            here.append(b + lab)
                            if length > 1:
                                here.append(m + lab)
                            for j in range(i + 1, i + length):
                                out.setdefault(j, []).append(inner + lab)
                        break
        return out

    def tag_indices(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Best label index sequence of each sentence (Viterbi over all sentences at once)."""
        return self.decode(sentences)[0]

    def decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[np.ndarray], list[_Entry]]:
        """`tag_indices`, and the `_Entry` of every token of the sentences in order."""
        e, lens, entries = self._emissions(sentences)
        paths = viterbi_flat(e, lens, self.w.trans) if len(lens) else []
        it = iter(paths)
        return [next(it) if len(s) else np.zeros(0, dtype=np.int64) for s in sentences], entries


def first_pairs(entries: dict[tuple[str, ...], tuple[str, ...]]) -> frozenset[tuple[str, str]]:
    """The first two words of every entry of two words or more: a start whose next word makes no such pair
    can only match an entry of one word."""
    return frozenset(k[:2] for k in entries if len(k) > 1)


def context_blocks(weights: CrfWeights, offsets: Sequence[int]) -> tuple[dict[str, int], np.ndarray]:
    """Base feature → its index in a (n + 1, len(offsets), K) array of its weight rows at each offset (zero
    where the model has none; the last block is all zero).

    A word's context vectors are then one gathered block per base feature instead of one row per feature
    and offset, and summing the blocks adds each offset's rows in the same order as summing them apart.
    """
    by_base = weights.context_rows(offsets)
    zero = weights._zero_row
    rows = [[zero if r is None else r for r in rs] for rs in by_base.values()]
    rows.append([zero] * len(offsets))
    return {base: i for i, base in enumerate(by_base)}, weights.matrix[np.array(rows, dtype=np.int64)]


def _or_zero(v: np.ndarray | None, k: int) -> np.ndarray:
    return np.zeros(k) if v is None else v


def viterbi_flat(e: np.ndarray, lens: np.ndarray, trans: np.ndarray) -> list[np.ndarray]:
    """Best paths of several sequences given back to back in `e`; vectorised over the sequences.

    The sequences are laid out longest first, so at step t only the first ones (those still running) are
    computed: the same operations on the same values as over all of them, a third of the work on news.
    Positions past a sequence's end are never computed; its final score is read at its own last position,
    and backtracking starts there, so padding never influences a path.
    """
    s_n = len(lens)
    length = int(lens.max())
    k = trans.shape[0]
    order = np.argsort(-lens, kind="stable")  # rank → sequence, longest first
    slens = lens[order]
    rank = np.empty(s_n, dtype=np.int64)
    rank[order] = np.arange(s_n)
    starts = np.cumsum(lens) - lens
    pos = np.arange(len(e)) - np.repeat(starts, lens)
    x = np.zeros((length, s_n, k))
    x[pos, np.repeat(rank, lens)] = e
    running = (slens[None, :] > np.arange(length)[:, None]).sum(axis=1).tolist()  # sequences longer than t
    hist = np.empty((length, s_n, k))
    back = np.empty((length, s_n * k), dtype=np.int64)
    hist[0] = x[0]
    # sequence × to × from: the max over the last, contiguous axis is one argmax and one flat take of
    # the argmax's cells (the same value `max` gives); a max over the middle axis cost twice as much
    trt = np.ascontiguousarray(trans.T)
    cand = np.empty((s_n, k, k))
    cells = cand.reshape(-1)
    first = np.arange(s_n * k) * k
    for t in range(1, length):
        a = running[t]
        ak = a * k
        np.add(hist[t - 1, :a, None, :], trt, out=cand[:a])
        bt = back[t, :ak]
        cand[:a].argmax(axis=2, out=bt.reshape(a, k))
        np.add(cells[:ak * k].take(first[:ak] + bt).reshape(a, k), x[t, :a], out=hist[t, :a])
    # backtracking, too, moves only the sequences running at t: a shorter one keeps its final label
    # until its own last position (the tags past its end are never read)
    rows = np.arange(s_n) * k
    cur = hist[slens - 1, np.arange(s_n)].argmax(axis=1)
    tags = np.empty((length, s_n), dtype=np.int64)
    for t in range(length - 1, 0, -1):
        a = running[t]
        tags[t, :a] = cur[:a]
        cur[:a] = back[t, :a * k].take(rows[:a] + cur[:a])
    tags[0] = cur
    return [tags[:n, r] for n, r in zip(lens.tolist(), rank.tolist(), strict=True)]
