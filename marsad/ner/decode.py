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
from pathlib import Path

import numpy as np
import pycrfsuite

from marsad.ner.features import FeatureExtractor, Starts, gaz_context_features

#: A word type's cached facts: (vector row, normalised form, org head?, may start a gazetteer match?,
#: clitic readings, its gazetteer starts, its training-lexicon starts)
_Entry = tuple[int, str, bool, bool, list[tuple[str, str]], Starts, Starts]

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
        self._bg_prev: dict[tuple[str, str], np.ndarray] = {}
        self._bg_next: dict[tuple[str, str], np.ndarray] = {}
        for attr, r in weights.attr_row.items():
            for prefix, table in (("bg-=", self._bg_prev), ("bg+=", self._bg_next)):
                if attr.startswith(prefix):
                    a, sep, b = attr[4:].partition("|")
                    if sep:
                        table[(a, b)] = weights.matrix[r]
        self._gaz_cache: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], np.ndarray] = {}
        self._ctx_rows = weights.context_rows(FeatureExtractor.OFFSETS)

    def _entry(self, word: str, scratch: list[np.ndarray]) -> _Entry:
        """(vector row, normalised form, org head?, may start a gazetteer match?, clitic readings, and the
        readings that start a gazetteer and a training-lexicon entry)."""
        hit = self._rows.get(word)
        if hit is not None:
            return hit
        fx = self.fx
        own, keep, norm, cands, org, gz = fx.word_core(word)
        vec = self._word_vector(own, keep)
        starts = (fx.res.gazetteer.starts(cands), fx.train_lex.starts(cands)) if gz else ((), ())
        if len(self._rows) < self._cache_size:
            row = len(self._rows)
            self._vectors[row] = vec
            entry = (row, norm, org, gz, cands, *starts)
            self._rows[word] = entry
            return entry
        scratch.append(vec)  # cache full: the vector travels beside the gather (row -1 - its index)
        return (-len(scratch), norm, org, gz, cands, *starts)

    def _word_vector(self, own: list[str], keep: list[str]) -> np.ndarray:
        """The (5, K) vector `segment_scores` gives for (own, ctx[-2], ctx[-1], ctx[1], ctx[2]) of
        `FeatureExtractor.word_info`: the same rows gathered in the same order, so the same sums to the bit
        (a context list is `keep` prefixed, and a shared prefix keeps the sorted order)."""
        w = self.w
        zero = w._zero_row
        idx = [zero]
        idx.extend(r for r in map(w.attr_row.get, own) if r is not None)
        offsets = [0]
        found = [t for t in map(self._ctx_rows.get, keep) if t is not None]
        for j in range(len(FeatureExtractor.OFFSETS)):
            offsets.append(len(idx))
            idx.append(zero)
            idx.extend(t[j] for t in found if t[j] is not None)
        return np.add.reduceat(w.matrix[idx], offsets, axis=0)

    def document_emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(n_tokens, K) state scores of all tokens of non-empty sentences, and the sentence lengths.

        Token for token exactly what CRFsuite sums for `fx.sentence(tokens)` of each sentence.
        """
        sents = [s for s in sentences if len(s)]
        lens = np.array([len(s) for s in sents], dtype=np.int64)
        scratch: list[np.ndarray] = []
        entries = [self._entry(t, scratch) for s in sents for t in s]
        n = len(entries)
        k = len(self.w.labels)
        if n == 0:
            return np.zeros((0, k)), lens
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
        self._pairs_and_heads(e, entries, rest)
        off = 0
        for length in lens.tolist():
            seg = entries[off:off + length]
            if any(x[3] for x in seg):
                self._gazetteer(e[off:off + length], seg)
            off += length
        return e, lens

    def _pairs_and_heads(self, e: np.ndarray, entries: list, rest: np.ndarray) -> None:
        """Bigram features and organisation-head features, inside sentences only."""
        bp, bn = self._bg_prev, self._bg_next
        same_next = (rest >= 1).tolist()
        n = len(entries)
        for i in range(n - 1):
            if not same_next[i]:
                continue
            pair = (entries[i][1], entries[i + 1][1])
            v = bn.get(pair)
            if v is not None:
                e[i] += v
            v = bp.get(pair)
            if v is not None:
                e[i + 1] += v
        rest_l = rest.tolist()
        for j in range(n):
            if entries[j][2]:  # an organisation head word: orgh-d on the next three tokens
                for d in (1, 2, 3):
                    v = self._orgh[d - 1]
                    if v is not None and d <= rest_l[j]:
                        e[j + d] += v

    def _gazetteer(self, e: np.ndarray, seg: list) -> None:
        """Add the gazetteer-derived features of one sentence (memoised by the neighbouring matches)."""
        norms = [x[1] for x in seg]
        gaz = self.fx.gazetteer_from_starts(norms, [x[5] for x in seg], [x[6] for x in seg])
        n = len(gaz)
        hit = [i for i in range(n) if gaz[i]]
        if not hit:
            return
        near = sorted({j for i in hit for j in (i - 1, i, i + 1) if 0 <= j < n})
        empty: tuple[str, ...] = ()
        cache = self._gaz_cache
        for i in near:
            key = (tuple(gaz[i - 1]) if i > 0 else empty, tuple(gaz[i]), tuple(gaz[i + 1]) if i + 1 < n else empty)
            v = cache.get(key)
            if v is None:
                v = self.w.score(gaz_context_features(gaz, i))
                if len(cache) < 100_000:
                    cache[key] = v
            e[i] += v

    def tag_indices(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Best label index sequence of each sentence (Viterbi over all sentences at once)."""
        e, lens = self.document_emissions(sentences)
        paths = viterbi_flat(e, lens, self.w.trans) if len(lens) else []
        it = iter(paths)
        return [next(it) if len(s) else np.zeros(0, dtype=np.int64) for s in sentences]


def _or_zero(v: np.ndarray | None, k: int) -> np.ndarray:
    return np.zeros(k) if v is None else v


def viterbi_flat(e: np.ndarray, lens: np.ndarray, trans: np.ndarray) -> list[np.ndarray]:
    """Best paths of several sequences given back to back in `e`; vectorised over the sequences.

    Positions past a sequence's end are padding; its final score is read at its own last position,
    and backtracking starts there, so padding never influences a path.
    """
    s_n = len(lens)
    length = int(lens.max())
    k = trans.shape[0]
    starts = np.cumsum(lens) - lens
    sent = np.repeat(np.arange(s_n), lens)
    pos = np.arange(len(e)) - np.repeat(starts, lens)
    x = np.zeros((length, s_n, k))
    x[pos, sent] = e
    hist = np.empty((length, s_n, k))
    back = np.empty((length, s_n, k), dtype=np.int64)
    score = x[0]
    hist[0] = score
    tr = trans[None, :, :]
    for t in range(1, length):
        cand = score[:, :, None] + tr  # sequence × from × to
        cand.argmax(axis=1, out=back[t])
        score = np.add(cand.max(axis=1), x[t], out=hist[t])
    # past its end a sequence points each label back to itself, so one backtracking pass carries its
    # final label unchanged down to its last position, with no per-step masking (padding tags are dropped)
    back[np.arange(length)[:, None] >= lens[None, :]] = np.arange(k)
    rows = np.arange(s_n)
    cur = hist[lens - 1, rows].argmax(axis=1)
    tags = np.empty((length, s_n), dtype=np.int64)
    for t in range(length - 1, 0, -1):
        tags[t] = cur
        cur = back[t, rows, cur]
    tags[0] = cur
    return [tags[: lens[i], i] for i in range(s_n)]
