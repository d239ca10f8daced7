"""Capitals and state nouns standing for their state."""

from __future__ import annotations

from marsad.document import Entity, Span
from marsad.kb.metonymy import capitals_as_states
from marsad.kb.store import get_kb


def _city(text: str, name: str, iso: str) -> Entity:
    spans = []
    i = text.find(name)
    while i >= 0:
        spans.append(Span(i, i + len(name), name))
        i = text.find(name, i + 1)
    return Entity(id="city:" + name, name=name, type="GPE", mentions=spans, country=iso)


def test_capital_as_agent_joins_the_country() -> None:
    text = "رحبت طهران بالاتفاق، وأكد مسؤول في طهران أن موقف طهران ثابت. ووصل الوفد إلى طهران."
    out = capitals_as_states(text, [_city(text, "طهران", "IRN")])
    iran = next(e for e in out if e.id == get_kb().country_entry["IRN"].id)
    city = next(e for e in out if e.id == "city:طهران")
    assert [m.start for m in iran.mentions] == [text.index("طهران"), text.index("موقف طهران") + 5]
    assert len(city.mentions) == 2  # في طهران، إلى طهران


def test_capital_without_agency_stays_the_city() -> None:
    text = "ارتفعت أسعار فنادق بيروت هذا الصيف، وتنتشر المقاهي في شوارع بيروت."
    out = capitals_as_states(text, [_city(text, "بيروت", "LBN")])
    assert [e.id for e in out] == ["city:بيروت"]


def test_state_noun_with_feminine_nationality() -> None:
    text = "تحدث عن صراع الدولة الأردنية مع المهربين، وعن زيارة رئيس الجمهورية اللبناني."
    out = capitals_as_states(text, [])
    assert [[m.text for m in e.mentions] for e in out] == [["الدولة الأردنية"]]
