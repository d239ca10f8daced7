"""Military units named by designation: a unit noun and an ordinal or number that agrees with it.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.document import Entity, Span
from marsad.kb.coref import resolve_title
from marsad.kb.nominals import add_nominal_mentions
from marsad.kb.units import add_unit_mentions, is_unit


def _names(text: str) -> list[list[str]]:
    return [[m.text for m in e.mentions] for e in add_unit_mentions(text, [])]


def test_a_designation_is_a_unit_and_every_repeat_is_the_same_one() -> None:
    text = "وتقدمت الفرقة السابعة نحو التلال، ثم انسحبت الفرقة السابعة بعد قصف عنيف."
    ents = add_unit_mentions(text, [])
    assert [(e.type, e.sector) for e in ents] == [("ORG", "MIL")]
    assert [m.text for m in ents[0].mentions] == ["الفرقة السابعة", "الفرقة السابعة"]


def test_numbers_branches_and_the_military_region() -> None:
    text = "وهاجم اللواء 22 ميكا مواقع قرب الوادي بإسناد من المنطقة العسكرية الخامسة وللفوج الثاني."
    assert _names(text) == [["اللواء 22 ميكا"], ["المنطقة العسكرية الخامسة"], ["للفوج الثاني"]]


def test_a_rank_a_description_or_an_area_is_no_unit() -> None:
    text = "وقال اللواء سامي الخطيب إن الكتيبة المنسحبة وصلت إلى المنطقة الثانية من المدينة."
    assert _names(text) == []
    # the ordinal agrees with the unit noun: a feminine ordinal after a masculine noun is another phrase
    assert _names("ومنح اللواء الثالثة جوائز") == []


def test_a_camp_named_after_its_unit_is_a_place() -> None:
    assert _names("واقتحم المسلحون معسكر اللواء 41 شرق البلدة.") == []


def test_existing_mentions_win() -> None:
    text = "وقصفت الفرقة التاسعة القرية."
    s = text.index("الفرقة")
    known = Entity(id="Q1", name="الفرقة التاسعة", type="ORG", mentions=[Span(s, s + 14, "الفرقة التاسعة")])
    assert add_unit_mentions(text, [known]) == [known]


def test_the_army_is_not_one_of_its_units() -> None:
    text = "وتقدمت الفرقة السابعة نحو التلال، وقال الجيش إن المعارك مستمرة."
    ents = add_nominal_mentions(text, [])
    unit = next(e for e in ents if is_unit(e.name))
    assert [m.text for m in unit.mentions] == ["الفرقة السابعة"]
    s = text.index("الجيش")
    assert resolve_title(text, s, s + 5, ents) is None
