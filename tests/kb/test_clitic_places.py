"""A word that names a small place whole and a large one after its conjunction و (kb/clitic_places.py).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.kb.clitic_places import cut_outranks, held_whole
from marsad.text.normalize import normalize


def _places(text: str, *names: str) -> list[tuple[str, str | None]]:
    from marsad.kb import link_mentions

    ms = [(text.find(n), text.find(n) + len(n), "LOC") for n in names]
    return [(e.mentions[0].text, e.name_en) for e in link_mentions(text, ms)]


def test_a_listed_city_after_wa_is_the_larger_city() -> None:
    text = "وتوزعت المعارض بين الدمام والرياض وجدة خلال الصيف."
    assert ("جدة", "Jeddah") in _places(text, "الدمام", "الرياض", "وجدة")


def test_a_cue_or_a_preposition_keeps_the_word_whole() -> None:
    assert _places("ووصل القطار إلى مدينة وجدة مساء.", "وجدة") == [("وجدة", "Oujda")]
    assert _places("ووصل القطار إلى وجدة مساء.", "وجدة") == [("وجدة", "Oujda")]


def test_a_city_of_its_own_weight_stays_whole() -> None:
    assert not cut_outranks(normalize("وهران"))  # Oran, not و + a village
    assert cut_outranks(normalize("وجدة"))
    assert not cut_outranks(normalize("بروما"))  # a preposition is no list's conjunction
    assert held_whole(normalize("إلى")) and held_whole(normalize("محافظة")) and not held_whole(normalize("الرياض"))


def test_the_raw_text_matcher_reads_the_list_the_same_way() -> None:
    from marsad.kb.link import find_known_mentions

    text = "وتوزعت المعارض بين الدمام والرياض وجدة خلال الصيف."
    found = {text[s:e] for s, e, _t, _id in find_known_mentions(text)}
    assert "جدة" in found and "وجدة" not in found
