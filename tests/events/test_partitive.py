"""The party a count of its members stands for (عشرون من المقاتلين الأجانب لـX، 42 من قادة قوات X).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_clauses import PARTIES
from tests.events.test_roles import _events


def test_a_count_of_a_bodys_leaders_is_the_body_acting() -> None:
    for text in ("وانتقد عشرون من المقاتلين الأجانب لجبهة النصرة قرار الحكومة.",
                 "وانتقد 12 من قادة قوات جبهة النصرة قرار الحكومة."):
        evs = [e for e in _events(text, PARTIES) if e.type == "ACCUSE"]
        assert evs and evs[0].actor == ["m:nusra"], text


def test_those_a_count_surrendered_to_are_not_their_body() -> None:
    evs = [e for e in _events("واستسلم العشرات من الجنود لجبهة النصرة قرب الحدود.", PARTIES) if e.type == "RETREAT"]
    assert not evs or evs[0].actor != ["m:nusra"]


def test_a_count_before_a_preposition_of_place_is_no_member_phrase() -> None:
    evs = [e for e in _events("وانتقد عشرون من السكان المحليين في الكويت قرار الحكومة.", PARTIES)
           if e.type == "ACCUSE"]
    assert not evs or evs[0].actor != ["Q817"]


def test_two_member_nouns_joined_by_waw_share_their_body() -> None:
    evs = [e for e in _events("وينتقد أعضاء وقادة في جبهة النصرة قرار الحكومة.", PARTIES) if e.type == "ACCUSE"]
    assert evs and evs[0].actor == ["m:nusra"]
