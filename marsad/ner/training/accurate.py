"""Training the accurate mode (`marsad.ner.accurate`): the encoder head and the CRF that reads its scores.

The head is a multinomial logistic regression over multilingual-e5 word states; its scores on the
CRF's own training sentences are cross-fitted (`FOLDS` contiguous folds) so they are as noisy there as
on new text, and the CRF's string features use the same lexicon folds as the fast CRF.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from marsad.ner.accurate import (
    ACCURATE_MODEL_FILE,
    HEAD_FILE,
    EncoderHead,
    dense_features,
    merge,
    word_vectors,
)
from marsad.ner.encoder import get_encoder
from marsad.ner.resources import load_resources
from marsad.ner.training import SEED, log
from marsad.ner.training.data import Sentence, cut_long
from marsad.ner.training.lexicon import lexicon_folds

LR_C = 0.05
FOLDS = 5


def train_accurate(out: Path, train: list[Sentence], c1: float, c2: float,
                   iterations: int, cache: Path | None = None) -> Path:
    """Fit the encoder head and the accurate CRF on ANERcorp-train; write both into ``out``.

    ``cache`` (an .npy path) keeps the train-set word vectors between runs: computing them is the
    slow part (~6 min on one core). Never pass dev sentences here.
    """
    import pycrfsuite
    from sklearn.linear_model import LogisticRegression

    if cache is not None and cache.exists():
        X = np.load(cache)
    else:
        enc = get_encoder()
        t0 = time.time()
        X = np.concatenate([word_vectors(enc, toks) for toks, _ in train])
        log(f"encoder states for {len(X)} train tokens in {time.time() - t0:.0f}s")
        if cache is not None:
            np.save(cache, X)
    y = np.array([t for _, tags in train for t in tags])
    if len(X) != len(y):
        raise ValueError("encoder cache does not match the training sentences")
    mu, sd = X.mean(0), X.std(0) + 1e-6
    Z = (X - mu) / sd
    classes = sorted(set(y.tolist()))

    def fit(idx: np.ndarray) -> EncoderHead:
        lr = LogisticRegression(C=LR_C, max_iter=300, random_state=SEED).fit(Z[idx], y[idx])
        if list(lr.classes_) != classes:
            raise ValueError("a cross-fitting fold lacks a label")
        return EncoderHead(mu, sd, lr.coef_, lr.intercept_, classes)

    # cross-fitted probabilities for the CRF's training features: contiguous sentence folds
    offs = np.concatenate([[0], np.cumsum([len(t) for t, _ in train])])
    proba = np.zeros((len(X), len(classes)), dtype=np.float32)
    size = (len(train) + FOLDS - 1) // FOLDS
    for k in range(FOLDS):
        a, b = int(offs[k * size]), int(offs[min((k + 1) * size, len(train))])
        proba[a:b] = fit(np.r_[0:a, b:len(X)]).proba(X[a:b])
    head = fit(np.arange(len(X)))
    head.save(out / HEAD_FILE)
    acc = float((np.array(classes)[proba.argmax(1)] == y).mean())
    log(f"encoder head: cross-fitted train token accuracy {acc:.3f}")

    # string features exactly as train_crf builds them (fold-wise training lexicon, cut sentences)
    res = load_resources(out)
    trainer = pycrfsuite.Trainer(verbose=False)
    for fold, fx in lexicon_folds(train, res):
        for si in fold:
            dense = dense_features(proba[offs[si]:offs[si + 1]], classes)
            pos = 0
            for toks, tags in cut_long([train[si]]):
                trainer.append(merge(fx.sentence(toks), dense[pos:pos + len(toks)]), tags)
                pos += len(toks)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    log("accurate CRF (string + encoder features)")
    path = out / ACCURATE_MODEL_FILE
    trainer.train(str(path))
    return path
