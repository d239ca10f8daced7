"""Fighters named by their group's adjective are mentions of the group.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.kb.group_adjectives import add_group_adjective_mentions


def _mentions(text: str) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in add_group_adjective_mentions(text, [])}


def test_a_member_noun_with_the_group_adjective_is_the_group() -> None:
    got = _mentions("وتصدى الأهالي لمسلحين حوثيين حاولوا دخول القرية، بعدما انسحبت عناصر حوثية من التلال.")
    assert list(got.values()) == [["مسلحين حوثيين", "عناصر حوثية"]]
    assert next(iter(got)) == "جماعة الحوثي"


def test_a_nationality_or_an_unknown_adjective_is_left_alone() -> None:
    assert _mentions("وقال مقاتلون سوريون إنهم انسحبوا، فيما وصلت مجموعات قبلية إلى البلدة.") == {}
