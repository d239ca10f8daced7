"""Stance between two short Arabic texts: `agree`, `disagree` or `other`.

Trained on the ANS corpus (Khouja 2020, Apache-2.0): news headlines paired with paraphrases (agree),
corrupted versions (disagree: a swapped entity, number, negation or direction) and unrelated headlines
(other). Frozen sentence embeddings alone miss the single changed word that makes a contradiction, so
the features also embed the *differing words* of each side on their own, and add cheap lexical
signals (negation, number and overlap mismatches). A class-weighted logistic regression sits on top:
it is small, deterministic and ships as plain arrays (`model/stance_lr.npz`), with no pickles to break
across scikit-learn versions. `python -m marsad.corpus.train_stance --shared /work/shared` rebuilds it.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from marsad.corpus.embed import e5_vectors, use_vectors
from marsad.text.normalize import normalize, strip_proclitics

LABELS = ("agree", "disagree", "other")
MODEL_PATH = Path(__file__).with_name("model") / "stance_lr.npz"

_WORD = re.compile(r"[\w\u0600-\u06ff]+")
# Negators and denial verbs: a mismatch in their count is the commonest way a headline is contradicted.
NEGATORS = frozenset(normalize(w) for w in (
    "لا لم لن ليس ليست ليسوا غير نفى نفت ينفي تنفي نفي عدم دون بدون ما"
).split())


def tokens(s: str) -> list[str]:
    """Normalised words with unambiguous proclitics removed (the unit every lexical feature counts)."""
    return [strip_proclitics(w) for w in _WORD.findall(normalize(s))]


def _key(w: str) -> str:
    # Five letters of the stem match inflected forms (يرتفع/يرتفعان) without a morphological analyser.
    return strip_proclitics(normalize(w))[:5]


def diff_parts(s1: str, s2: str) -> tuple[str, str]:
    """The words of each side that the other side lacks, in order ("-" when there are none)."""
    a, b = _WORD.findall(s1), _WORD.findall(s2)
    ka, kb = {_key(w) for w in a}, {_key(w) for w in b}
    d1 = " ".join(w for w in a if _key(w) not in kb) or "-"
    d2 = " ".join(w for w in b if _key(w) not in ka) or "-"
    return d1, d2


def changed(s1: str, s2: str) -> bool:
    """Does a restatement change something: a negation or number on one side only, or a content word
    swapped for another? Near-identical quotes that differ only by a particle or a typo («عل»/«على»,
    «..»/«فقد») are one statement, whatever the model says of them."""
    from marsad.corpus.features import STOPWORDS

    a, b = tokens(s1), tokens(s2)
    if sum(w in NEGATORS for w in a) != sum(w in NEGATORS for w in b):
        return True
    numa, numb = {w for w in a if w.isdigit()}, {w for w in b if w.isdigit()}
    if numa != numb:
        return True
    d1, d2 = diff_parts(s1, s2)
    c1, c2 = ([w for w in tokens(d) if len(w) >= 3 and w not in STOPWORDS] for d in (d1, d2))

    def variant(w: str, others: list[str]) -> bool:  # اربع / اربعه: one word spelled two ways
        return any(w.startswith(o) or o.startswith(w) for o in others)

    return any(not variant(w, c2) for w in c1) and any(not variant(w, c1) for w in c2)


def hand_features(s1: str, s2: str) -> list[float]:
    """Lexical overlap, length difference, negation and number mismatch between two texts."""
    a, b = tokens(s1), tokens(s2)
    sa, sb = set(a), set(b)
    na, nb = sum(w in NEGATORS for w in a), sum(w in NEGATORS for w in b)
    numa, numb = {w for w in sa if w.isdigit()}, {w for w in sb if w.isdigit()}
    inter, union = len(sa & sb), len(sa | sb) or 1
    return [
        inter / union, inter / (len(sa) or 1), inter / (len(sb) or 1), float(len(sa - sb)), float(len(sb - sa)),
        float(abs(len(a) - len(b))), float(na != nb), float((na > 0) != (nb > 0)),
        float(bool(numa) and bool(numb) and numa != numb), float(bool(numa) != bool(numb)),
    ]


def _pair_block(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    # Symmetric by construction, so the order of s1 and s2 never changes a label.
    return np.hstack([np.abs(u - v), u * v, (u * v).sum(1, keepdims=True)])


def _embed_unique(texts: list[str], fn) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    uniq = list(dict.fromkeys(texts))
    vecs = fn(uniq)
    return {t: vecs[i] for i, t in enumerate(uniq)}


def pair_features(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """Feature matrix for text pairs; every distinct string is embedded once."""
    if not pairs:
        return np.zeros((0, 0), dtype=np.float32)
    s1 = [p[0] for p in pairs]
    s2 = [p[1] for p in pairs]
    diffs = [diff_parts(a, b) for a, b in pairs]
    d1, d2 = [d[0] for d in diffs], [d[1] for d in diffs]
    e5 = _embed_unique(s1 + s2 + d1 + d2, e5_vectors)
    use = _embed_unique(s1 + s2 + d1 + d2, use_vectors)
    blocks = []
    for (xa, xb), table in (((s1, s2), e5), ((s1, s2), use), ((d1, d2), use), ((d1, d2), e5)):
        blocks.append(_pair_block(np.stack([table[t] for t in xa]), np.stack([table[t] for t in xb])))
    hand = np.array([hand_features(a, b) for a, b in pairs], dtype=np.float32)
    return np.hstack([*blocks, hand]).astype(np.float32)


@lru_cache(maxsize=1)
def _model() -> dict[str, np.ndarray]:
    with np.load(MODEL_PATH, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def predict_proba(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """Class probabilities, columns in `LABELS` order."""
    if not pairs:
        return np.zeros((0, len(LABELS)), dtype=np.float32)
    m = _model()
    x = (pair_features(pairs) - m["mean"]) / m["scale"]
    logits = x @ m["coef"].T + m["intercept"]
    logits -= logits.max(1, keepdims=True)
    p = np.exp(logits)
    p /= p.sum(1, keepdims=True)
    order = [list(m["classes"]).index(lab) for lab in LABELS]
    return p[:, order]


def predict_pairs(pairs: list[tuple[str, str]]) -> list[str]:
    """One label per pair: `agree`, `disagree` or `other`."""
    return [LABELS[i] for i in predict_proba(pairs).argmax(1)] if pairs else []


class StanceInputError(ValueError):
    pass


def read_pairs(path: str) -> list[tuple[str, str]]:
    """The (s1, s2) rows of a CSV with a header naming at least `s1` and `s2`."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            fields = reader.fieldnames
            if not fields:
                raise StanceInputError("empty file; expected a CSV header with columns s1,s2")
            names = [(n or "").strip() for n in fields]
            missing = [c for c in ("s1", "s2") if c not in names]
            if missing:
                raise StanceInputError(f"no column {' or '.join(missing)} in header {','.join(names)}")
            reader.fieldnames = names
            rows = []
            for n, r in enumerate(reader, start=2):
                if r.get("s1") is None or r.get("s2") is None:
                    raise StanceInputError(f"line {n}: fewer fields than the header")
                rows.append((r["s1"], r["s2"]))
            return rows
    except FileNotFoundError:
        raise StanceInputError("no such file") from None
    except IsADirectoryError:
        raise StanceInputError("is a directory, expected a CSV file") from None
    except UnicodeDecodeError:
        raise StanceInputError("not UTF-8 text") from None
    except csv.Error as exc:
        raise StanceInputError(f"bad CSV: {exc}") from None


def run_stance(path: str) -> int:
    """`marsad stance FILE.csv`: one label a line on stdout; a one-line error naming the file otherwise."""
    try:
        pairs = read_pairs(path)
    except StanceInputError as exc:
        print(f"marsad: {path}: {exc}", file=sys.stderr)
        return 1
    out = sys.stdout
    for i in range(0, len(pairs), 256):
        for label in predict_pairs(pairs[i:i + 256]):
            out.write(label + "\n")
    out.flush()
    return 0
