"""Stand-alone titles become mentions of the person the article introduced with them."""

from __future__ import annotations

from marsad.document import Entity, Span
from marsad.kb.titles import add_title_mentions


def _per(text: str, phrase: str, eid: str, country: str | None = None) -> Entity:
    i = text.index(phrase)
    return Entity(id=eid, name=phrase, type="PER", mentions=[Span(i, i + len(phrase), phrase)], country=country)


def _texts(e: Entity) -> list[str]:
    return [m.text for m in e.mentions]


def test_title_before_the_name_links_later_title() -> None:
    text = ("التقى وزير الخارجية البرازيلي ماورو فييرا نظيره، ووزير الخارجية الكندي جون بيرد. "
            "وقال وزير الخارجية البرازيلي إن اللقاء مثمر، فيما رأى وزير الخارجية الكندي أن الحوار ضروري.")
    a, b = _per(text, "ماورو فييرا", "a"), _per(text, "جون بيرد", "b")
    add_title_mentions(text, [a, b])
    assert _texts(a) == ["ماورو فييرا", "وزير الخارجية البرازيلي"]
    assert _texts(b) == ["جون بيرد", "وزير الخارجية الكندي"]


def test_title_after_the_name_and_spokeswoman_with_basm() -> None:
    text = ("أعلنت هيلين دوبوا، المتحدثة باسم الخارجية البلجيكية، أن الوفد وصل. "
            "وأضافت المتحدثة باسم الخارجية البلجيكية أن المحادثات تبدأ غدا.")
    e = _per(text, "هيلين دوبوا", "h")
    add_title_mentions(text, [e])
    assert _texts(e) == ["هيلين دوبوا", "المتحدثة باسم الخارجية البلجيكية"]


def test_shorter_title_inside_a_longer_one_is_not_standalone() -> None:
    text = ("استقبل وزير الخارجية كمال حداد نظيره. وقالت وكيلة وزير الخارجية إن الزيارة ناجحة، "
            "وأشاد وزير الخارجية الألماني بالنتائج.")
    e = _per(text, "كمال حداد", "k")
    add_title_mentions(text, [e])
    assert _texts(e) == ["كمال حداد"]


def test_generic_or_indefinite_titles_do_not_link() -> None:
    text = "قال الرئيس السابق ماهر عيسى إن البلاد بحاجة إلى وزير دفاع قوي. وانتقد الرئيس السابق الحكومة."
    e = _per(text, "ماهر عيسى", "m")
    add_title_mentions(text, [e])
    assert _texts(e) == ["ماهر عيسى"]


def test_title_introducing_another_name_is_not_a_mention() -> None:
    text = "قال رئيس البلدية سامي نصر إن الطريق مغلق. ثم عين المجلس رئيس البلدية الجديد فادي حلو."
    e = _per(text, "سامي نصر", "s")
    f = _per(text, "فادي حلو", "f")
    add_title_mentions(text, [e, f])
    assert _texts(e) == ["سامي نصر"]
