"""The NER "accurate mode": the fast CRF's features plus per-label scores from multilingual-e5 states.

Why: the fast CRF recognises names mostly through the lexicon, gazetteers and clusters, so recall on
names it has never seen is low. multilingual-e5-small (run in numpy by `encoder.py`) gives every
word a contextual vector; a multinomial logistic regression over a few of its layers turns that into
nine BIO-label probabilities per word, which become real-valued CRFsuite features (own word and ±1
neighbours, plus log-probabilities and the arg-max label). The CRF learns how far to trust them.

The classifier is trained on ANERcorp-train with 5-fold cross-fitting for the CRF's training
features (as the training lexicon is), so its scores on training text are as noisy as on new text;
the shipped classifier (fit on all of train) scores new text. Files written by
`marsad.ner.training.accurate.train_accurate`:

* ``ner-accurate.crfsuite`` – the CRF over string + dense features
* ``ner-encoder-head.npz``  – layer spec, standardisation and logistic-regression weights (~70 KB)

Tagging is slow (the transformer runs per sentence in numpy: a few hundred tokens/s on one core).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.ner.encoder import E5Encoder, get_encoder
from marsad.ner.features import FeatureExtractor

ACCURATE_MODEL_FILE = "ner-accurate.crfsuite"
HEAD_FILE = "ner-encoder-head.npz"
#: Word vectors fed to the classifier: ("first" | "mean" subword pooling, layer), concatenated.
#: Measured on dev: several middle-to-top layers beat the last layer alone.
LAYERS: tuple[tuple[str, int], ...] = (("first", 6), ("first", 8), ("first", 10), ("first", 12), ("mean", 12))


def word_vectors(enc: E5Encoder, words: Sequence[str],
                 layers: Sequence[tuple[str, int]] = LAYERS) -> np.ndarray:
    """[len(words), H * len(layers)] float32: the concatenated pooled states of each word."""
    need = sorted({lay for _, lay in layers})
    out = np.zeros((len(words), enc.H * len(layers)), dtype=np.float32)
    for start, ids, spans in enc.windows(words):
        h = enc.forward(ids, need)
        for j, (a, b) in enumerate(spans):
            for k, (pool, lay) in enumerate(layers):
                hl = h[need.index(lay)]
                out[start + j, k * enc.H:(k + 1) * enc.H] = hl[a] if pool == "first" else hl[a:b].mean(0)
    return out


class EncoderHead:
    """Standardise word vectors and score the nine BIO labels (multinomial logistic regression)."""

    def __init__(self, mu: np.ndarray, sd: np.ndarray, coef: np.ndarray, intercept: np.ndarray,
                 classes: Sequence[str], layers: Sequence[tuple[str, int]] = LAYERS) -> None:
        self.mu, self.sd = mu.astype(np.float32), sd.astype(np.float32)
        self.coef, self.intercept = coef.astype(np.float32), intercept.astype(np.float32)
        self.classes = list(classes)
        self.layers = [(str(p), int(lay)) for p, lay in layers]

    @classmethod
    def load(cls, path: Path) -> EncoderHead:
        """Read a head written by `save`."""
        z = np.load(path, allow_pickle=False)
        layers = [(str(p), int(lay)) for p, lay in zip(z["pools"], z["layer_ids"], strict=True)]
        return cls(z["mu"], z["sd"], z["coef"], z["intercept"], [str(c) for c in z["classes"]], layers)

    def save(self, path: Path) -> None:
        """Write the head as a small .npz (float32 arrays, no pickles)."""
        np.savez(path, mu=self.mu, sd=self.sd, coef=self.coef, intercept=self.intercept,
                 classes=np.array(self.classes), pools=np.array([p for p, _ in self.layers]),
                 layer_ids=np.array([lay for _, lay in self.layers], dtype=np.int32))

    def proba(self, X: np.ndarray) -> np.ndarray:
        """[n, 9] label probabilities for word vectors X."""
        z = ((X - self.mu) / self.sd) @ self.coef.T + self.intercept
        z -= z.max(1, keepdims=True)
        np.exp(z, out=z)
        return z / z.sum(1, keepdims=True)


def dense_features(proba: np.ndarray, classes: Sequence[str]) -> list[dict[str, float]]:
    """CRFsuite float features from per-word label probabilities of one sentence.

    Own probabilities, scaled log-probabilities (so a confident "not a name" also speaks), the
    arg-max label as an indicator, and the neighbours' probabilities (entity boundaries).
    """
    logp = np.log(np.clip(proba, 1e-4, 1.0)) / 9.2 + 1.0
    names = [f"p={c}" for c in classes]
    n = len(proba)
    out: list[dict[str, float]] = []
    for i in range(n):
        d: dict[str, float] = {}
        for k, name in enumerate(names):
            d[name] = float(proba[i, k])
            d["l" + name] = float(logp[i, k])
        d["pa=" + classes[int(proba[i].argmax())]] = 1.0
        for dj in (-1, 1):
            if 0 <= i + dj < n:
                for k, name in enumerate(names):
                    d[f"{dj}{name}"] = float(proba[i + dj, k])
        out.append(d)
    return out


def merge(str_feats: list[list[str]], dense: list[dict[str, float]]) -> list[dict[str, float]]:
    """One CRFsuite item per token: the string features (value 1) plus the dense ones."""
    out = []
    for f, d in zip(str_feats, dense, strict=True):
        item = dict.fromkeys(f, 1.0)
        item.update(d)
        out.append(item)
    return out


class AccurateNer:
    """The accurate-mode decoder: `FeatureExtractor` features + encoder scores → CRFsuite tagger."""

    def __init__(self, fx: FeatureExtractor, model_dir: Path) -> None:
        import pycrfsuite

        path = Path(model_dir) / ACCURATE_MODEL_FILE
        if not path.exists():
            raise FileNotFoundError(f"accurate NER model not found: {path} (train with --encoder)")
        self.fx = fx
        self.head = EncoderHead.load(Path(model_dir) / HEAD_FILE)
        self.enc = get_encoder()
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(path))
        self._lock = threading.Lock()

    def tag_raw(self, tokens: Sequence[str]) -> list[str]:
        """CRF tags (not yet BIO-repaired) for one window of tokens."""
        if not tokens:
            return []
        toks = [str(t) for t in tokens]
        proba = self.head.proba(word_vectors(self.enc, toks, self.head.layers))
        items = merge(self.fx.sentence(toks), dense_features(proba, self.head.classes))
        with self._lock:
            return list(self._crf.tag(items))
