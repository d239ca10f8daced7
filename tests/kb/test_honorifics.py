"""Honorific pronouns stand for the nearest person of their rank named before.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.document import Entity, Span
from marsad.kb.honorifics import add_honorific_mentions


def _person(text: str, name: str, eid: str) -> Entity:
    i = text.index(name)
    return Entity(id=eid, name=name, type="PER", mentions=[Span(i, i + len(name), name)])


def test_each_honorific_goes_to_the_person_of_its_rank() -> None:
    text = "واستقبل الملك فهد بن سالم الرئيس كمال نوري في القصر، وبحث جلالته مع فخامته ملفات عدة."
    king, president = _person(text, "الملك فهد بن سالم", "p:k"), _person(text, "الرئيس كمال نوري", "p:p")
    add_honorific_mentions(text, [king, president])
    assert [m.text for m in king.mentions] == ["الملك فهد بن سالم", "جلالته"]
    assert [m.text for m in president.mentions] == ["الرئيس كمال نوري", "فخامته"]


def test_an_honorific_without_a_person_of_its_rank_stays_a_word() -> None:
    text = "والتقى الوزير سامي حداد بالصحفيين، وقال سموه إن الاجتماع مفيد."
    minister = _person(text, "الوزير سامي حداد", "p:m")
    add_honorific_mentions(text, [minister])
    assert [m.text for m in minister.mentions] == ["الوزير سامي حداد"]
