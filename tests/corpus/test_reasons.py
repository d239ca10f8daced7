"""Contradiction reasons: one stored English sentence, a stable code parsed back from it, Arabic on the page."""

from __future__ import annotations

import pytest

from marsad.api.reasons_ar import PAIR_LABELS, UNKNOWN_SPEAKER, reason_ar
from marsad.corpus.opposition import _PAIRS, opposition
from marsad.corpus.reasons import (
    CODES,
    MODEL_REASON,
    OPPOSITION_CODES,
    denial_reason,
    opposition_reason,
    parse,
    reason_fields,
)


def test_every_opposition_pair_has_a_code_and_an_arabic_name() -> None:
    assert [name for name, _, _ in _PAIRS] == list(OPPOSITION_CODES)
    assert set(PAIR_LABELS) == set(OPPOSITION_CODES.values())
    assert len(set(CODES)) == len(CODES)


@pytest.mark.parametrize(("sentence", "code", "params"), [
    # sentences exactly as stores written by earlier versions hold them: no migration needed
    ("denial: وزارة الصحة denies what نقابة الأطباء states", "denial",
     {"denier": "وزارة الصحة", "claimant": "نقابة الأطباء"}),
    ("denial: ? denies what ? states", "denial", {"denier": "?", "claimant": "?"}),
    ("ended/persists: وهزم ↔ لايزال", "ended_persists", {"pair": "ended/persists", "words": ["وهزم", "لايزال"]}),
    ("true/untrue: مؤكد ↔ غير صحيح", "true_untrue", {"pair": "true/untrue", "words": ["مؤكد", "غير صحيح"]}),
    (MODEL_REASON, "changed_restatement", {}),
])
def test_stored_sentences_parse_to_codes(sentence: str, code: str, params: dict) -> None:
    assert parse(sentence) == {"code": code, "params": params}
    assert reason_fields(sentence) == {"reason": sentence, "reason_code": code, "reason_params": params}


def test_builders_and_parser_agree() -> None:
    assert parse(denial_reason(None, "الوزير")) == {"code": "denial", "params": {"denier": "?", "claimant": "الوزير"}}
    for name, code in OPPOSITION_CODES.items():
        assert parse(opposition_reason(name, "أ ب", "ج")) == {"code": code,
                                                              "params": {"pair": name, "words": ["أ ب", "ج"]}}
    found = opposition("الجيش هزم التنظيم في المدينة", "التنظيم لا يزال في المدينة")
    assert found == "ended/persists: هزم ↔ لا يزال" and parse(found)["code"] == "ended_persists"


def test_unknown_and_missing_reasons() -> None:
    assert parse(None) is None and parse("") is None
    assert reason_fields(None) == {"reason": None, "reason_code": None, "reason_params": {}}
    odd = reason_fields("rose/fell: ارتفع ↔ انخفض")  # a pair this version does not know
    assert odd["reason_code"] is None and reason_ar(odd) is None


def test_reasons_in_arabic() -> None:
    denial = reason_fields(denial_reason("قسد", "الجيش الروسي"))
    assert reason_ar(denial) == "نفي: قسد ينفي ما يؤكده الجيش الروسي"
    assert reason_ar(reason_fields(denial_reason(None, "الوزير"))) == f"نفي: {UNKNOWN_SPEAKER} ينفي ما يؤكده الوزير"
    assert reason_ar(reason_fields("ended/persists: هزم ↔ لا يزال")) == "انتهى/مستمر: هزم ↔ لا يزال"
    assert reason_ar(reason_fields("won/lost: فاز ↔ خسر")) == "فاز/خسر: فاز ↔ خسر"
    assert "نموذج الموقف" in (reason_ar(reason_fields(MODEL_REASON)) or "")
    for code in CODES:  # every code reads as Arabic, with no English left in it
        text = reason_ar({"reason_code": code, "reason_params": {"words": ["أ", "ب"], "denier": "س", "claimant": "ص"}})
        assert text and not any("a" <= ch.lower() <= "z" for ch in text), code
