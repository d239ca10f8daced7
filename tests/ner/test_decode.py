"""The numpy decoder must give exactly CRFsuite's tags for the same model and features."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.ner.decode import CrfWeights, FastDecoder, context_blocks, first_pairs, viterbi_flat
from marsad.ner.features import FeatureExtractor
from marsad.ner.resources import MODEL_DIR, MODEL_FILE, load_resources
from marsad.ner.tagger import get_tagger

SHARED = Path(__file__).resolve().parents[3] / "shared"

TEXTS = [
    "وقال الرئيس الأمريكي جورج بوش في واشنطن إن الأمم المتحدة يجب أن تتحرك .",
    "أعلنت وزارة الدفاع الروسية أن قواتها قصفت مواقع لتنظيم داعش قرب تدمر في ريف حمص الشرقي .",
    "والتقى وزير الخارجية سيرغي لافروف نظيره الأمريكي ريكس تيلرسون في فيينا ، وبحثا الأزمة السورية .",
    "في",
    "بغداد",
    "قال المتحدث باسم قوات سوريا الديمقراطية إن الهجوم على دير الزور لم يبدأ بعد",
]


def _sentences() -> list[list[str]]:
    return [t.split() for t in TEXTS]


def test_fast_path_equals_crfsuite() -> None:
    tagger = get_tagger()
    sents = _sentences()
    assert tagger.tag_sentences(sents) == [tagger.tag_crfsuite(s) for s in sents]


def test_full_cache_falls_back_to_on_the_fly_vectors() -> None:
    """With a cache of 5 word types most words miss; the tags must not change."""
    res = load_resources(MODEL_DIR)
    weights = CrfWeights(MODEL_DIR / MODEL_FILE)
    small = FastDecoder(FeatureExtractor(res), weights, cache_size=5)
    big = FastDecoder(FeatureExtractor(res), weights)
    sents = _sentences()
    for a, b in zip(small.tag_indices(sents), big.tag_indices(sents), strict=True):
        assert a.tolist() == b.tolist()


def test_emissions_match_crfsuite_feature_sums() -> None:
    res = load_resources(MODEL_DIR)
    fx = FeatureExtractor(res)
    weights = CrfWeights(MODEL_DIR / MODEL_FILE)
    dec = FastDecoder(FeatureExtractor(res), weights)
    sents = _sentences()
    e, lens = dec.document_emissions(sents)
    want = np.vstack([weights.score(f) for s in sents for f in fx.sentence(s)])
    assert lens.tolist() == [len(s) for s in sents]
    np.testing.assert_allclose(e, want, atol=1e-9)


def test_context_blocks_hold_each_offsets_row() -> None:
    weights = CrfWeights(MODEL_DIR / MODEL_FILE)
    index, blocks = context_blocks(weights, FeatureExtractor.OFFSETS)
    assert blocks.shape == (len(index) + 1, len(FeatureExtractor.OFFSETS), len(weights.labels))
    assert not blocks[-1].any()
    base = "w=" + next(k[len("-1:w="):] for k in weights.attr_row if k.startswith("-1:w="))
    for j, off in enumerate(FeatureExtractor.OFFSETS):
        row = weights.vec(f"{off}:{base}")
        assert (blocks[index[base], j] == (0.0 if row is None else row)).all()


def test_word_vectors_are_the_feature_sums_to_the_bit() -> None:
    """The (own, -2, -1, +1, +2) vectors of a word are the rows of those feature lists summed in order
    (as `FastDecoder._word_vectors` summed them one offset at a time), bit for bit."""
    res = load_resources(MODEL_DIR)
    fx = FeatureExtractor(res)
    dec = FastDecoder(FeatureExtractor(res), CrfWeights(MODEL_DIR / MODEL_FILE))
    w = dec.w

    def summed(feats: list[str]) -> np.ndarray:
        rows = [w._zero_row] + [w.attr_row.get(f, w._zero_row) for f in feats]
        return np.add.reduceat(w.matrix[rows], [0], axis=0)[0]

    words = [x for t in TEXTS for x in t.split()]
    vecs = dec._word_vectors(fx.word_cores(words))
    for word, v in zip(words, vecs, strict=True):
        own, ctx = fx.word_info(word)[:2]
        want = [summed(own)] + [summed(ctx[off]) for off in FeatureExtractor.OFFSETS]
        assert np.array_equal(v, np.vstack(want))


def test_first_pairs_are_the_starts_of_longer_entries() -> None:
    entries = {("الامم", "المتحده"): ("ORG",), ("بغداد",): ("LOC",), ("جورج", "بوش", "الابن"): ("PERS",)}
    assert first_pairs(entries) == {("الامم", "المتحده"), ("جورج", "بوش")}


def test_viterbi_against_brute_force() -> None:
    rng = np.random.default_rng(7)
    k = 3
    trans = rng.normal(size=(k, k))
    lens = np.array([1, 4, 2])
    e = rng.normal(size=(int(lens.sum()), k))
    paths = viterbi_flat(e, lens, trans)
    off = 0
    for length, path in zip(lens.tolist(), paths, strict=True):
        seg = e[off:off + length]
        off += length
        best = max(
            np.ndindex(*([k] * length)),
            key=lambda p, seg=seg: sum(seg[i, p[i]] for i in range(len(p)))
            + sum(trans[p[i - 1], p[i]] for i in range(1, len(p))),
        )
        assert path.tolist() == list(best)


@pytest.mark.slow
def test_fast_path_equals_crfsuite_on_dev_split() -> None:
    from marsad.ner.training.data import anercorp_split

    if not (SHARED / "data" / "ner").exists():
        pytest.skip("shared NER data not available")
    _train, dev = anercorp_split(SHARED)
    sents = [t for t, _ in dev]
    tagger = get_tagger()
    assert tagger.tag_sentences(sents) == [tagger.tag_crfsuite(s) for s in sents]
