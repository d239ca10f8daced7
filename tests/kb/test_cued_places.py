"""Places read from the noun of place that governs them (kb/cued_places.py)."""

from __future__ import annotations

from marsad.kb.cued_places import cued_places


def _added(text: str) -> list[str]:
    return [text[s:e] for s, e, _t in cued_places(text, [])]


def test_a_rare_word_after_a_noun_of_place_and_both_words_after_a_dual() -> None:
    assert _added("وقصفت الطائرات قرية الخربشة وبلدة الزهيرات فجر اليوم.") == ["الخربشة", "الزهيرات"]
    assert _added("ودارت اشتباكات في بلدتي المزيرعة والقصر شرقي المدينة.") == ["المزيرعة", "القصر"]


def test_ordinary_words_construct_nouns_and_idioms_are_not_places() -> None:
    assert _added("وانتقلت القوات إلى منطقة العمليات، وشعر بألم في منطقة إبهام القدم.") == []
    assert _added("ومن ناحية أخرى قال الوزير إن الوضع مستقر.") == []
