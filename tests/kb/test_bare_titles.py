"""A bare definite title refers back to the person last named with a title of the same head.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.document import Entity, Span
from marsad.kb.bare_titles import add_bare_title_mentions


def _person(text: str, name: str, eid: str, country: str | None = None) -> Entity:
    i = text.index(name)
    return Entity(id=eid, name=name, type="PER", mentions=[Span(i, i + len(name), name)], country=country)


def _texts(e: Entity) -> list[str]:
    return [m.text for m in e.mentions]


def test_a_bare_minister_is_the_minister_named_before() -> None:
    text = "وصل وزير الزراعة الكيني سامويل موانغي إلى عمان. وعقد الوزير اجتماعا مع رجال أعمال."
    minister = _person(text, "سامويل موانغي", "p:m")
    add_bare_title_mentions(text, [minister])
    assert _texts(minister) == ["سامويل موانغي", "الوزير"]


def test_a_proclitic_stays_outside_the_mention() -> None:
    text = "استقبل السفير الهولندي يان ديكر وفدا تجاريا، ثم أقام الوفد مأدبة احتفاء بالسفير."
    envoy = _person(text, "يان ديكر", "p:e")
    add_bare_title_mentions(text, [envoy])
    assert _texts(envoy) == ["يان ديكر", "السفير"]


def test_only_a_holder_of_the_same_head_is_a_referent() -> None:
    text = ("التقى وزير الصحة نبيل سعادة والسفير الإيطالي ماركو بيني في المستشفى. "
            "وأكد الوزير أن التعاون مستمر.")
    health, envoy = _person(text, "نبيل سعادة", "p:h"), _person(text, "ماركو بيني", "p:i")
    add_bare_title_mentions(text, [health, envoy])
    assert _texts(health) == ["نبيل سعادة", "الوزير"]
    assert _texts(envoy) == ["ماركو بيني"]


def test_a_nationality_after_the_title_must_be_the_holders() -> None:
    text = "وصل وزير الخارجية البلجيكي ديدييه رينرز إلى تونس. وقال الوزير الألماني إن الزيارة مهمة."
    belgian = _person(text, "ديدييه رينرز", "p:b")
    add_bare_title_mentions(text, [belgian])
    assert _texts(belgian) == ["ديدييه رينرز"]
    text = "وصل وزير الخارجية البلجيكي ديدييه رينرز إلى تونس. وقال الوزير البلجيكي إن الزيارة مهمة."
    belgian = _person(text, "ديدييه رينرز", "p:b")
    add_bare_title_mentions(text, [belgian])
    assert _texts(belgian) == ["ديدييه رينرز", "الوزير البلجيكي"]


def test_a_bare_president_is_a_head_of_state_never_a_prime_minister() -> None:
    text = "زار رئيس الوزراء الماليزي أحمد زاهد جاكرتا، ثم قال الرئيس إن الحدود آمنة."
    premier = _person(text, "أحمد زاهد", "p:pm")
    add_bare_title_mentions(text, [premier])
    assert _texts(premier) == ["أحمد زاهد"]
    text = "زار الرئيس الإندونيسي جوكو ويدودو ماليزيا، ثم قال الرئيس إن الحدود آمنة."
    head = _person(text, "جوكو ويدودو", "p:id")
    add_bare_title_mentions(text, [head])
    assert _texts(head) == ["جوكو ويدودو", "الرئيس"]


def test_another_office_or_holder_is_not_a_reference_back() -> None:
    text = ("وصل الرئيس الكيني أوهورو كينياتا إلى الخرطوم. ثم تحدث الرئيس السابق للبنك، "
            "واجتمع نائب الرئيس مع الرئيس التنفيذي للشركة.")
    head = _person(text, "أوهورو كينياتا", "p:k")
    add_bare_title_mentions(text, [head])
    assert _texts(head) == ["أوهورو كينياتا"]


def test_a_title_that_introduces_a_name_is_left_to_the_name() -> None:
    text = "وصل الوزير كمال عيسى إلى جدة، ثم التقى الوزير سامي فرح."
    first, second = _person(text, "كمال عيسى", "p:1"), _person(text, "سامي فرح", "p:2")
    add_bare_title_mentions(text, [first, second])
    assert _texts(first) == ["كمال عيسى"] and _texts(second) == ["سامي فرح"]


def test_the_holder_last_spoken_of_wins_over_the_one_last_introduced() -> None:
    text = ("التقى وزير الخارجية الكندي بيتر كينت نظيره البرازيلي ماورو فييرا وزير الخارجية البرازيلي. "
            "وقال كينت إن المحادثات مثمرة، وأكد الوزير أن التجارة ستنمو.")
    canadian, brazilian = _person(text, "بيتر كينت", "p:c"), _person(text, "ماورو فييرا", "p:b")
    said = text.index("كينت إن")
    canadian.mentions.append(Span(said, said + len("كينت"), "كينت"))
    add_bare_title_mentions(text, [canadian, brazilian])
    assert _texts(canadian) == ["بيتر كينت", "كينت", "الوزير"]
    assert _texts(brazilian) == ["ماورو فييرا"]


def test_a_title_before_a_surname_the_tagger_missed_there_is_no_reference() -> None:
    text = "وصل وزير الخارجية الكندي بيتر كينت إلى لندن، حيث رحب الوزير كينت بالاتفاق."
    canadian = _person(text, "بيتر كينت", "p:c")
    add_bare_title_mentions(text, [canadian])
    assert _texts(canadian) == ["بيتر كينت"]


def test_a_former_holder_a_deputy_or_an_adjective_is_no_reference() -> None:
    text = ("وصل الرئيس التشيلي ميشيل باشليه إلى سانتياغو. وكان الرئيس التشيلي الأسبق ريكاردو لاغوس قد غادر، "
            "وتحدث نواب الرئيس عن السبب الرئيس في الأزمة، وعُين مستشاران كنواب للرئيس.")
    head = _person(text, "ميشيل باشليه", "p:h")
    add_bare_title_mentions(text, [head])
    assert _texts(head) == ["ميشيل باشليه"]


def test_a_verb_spelt_with_al_before_the_president_leaves_him_the_subject() -> None:
    text = "وصل الرئيس التشيلي ميشيل باشليه إلى سانتياغو، ثم التقى الرئيس وفدا من المزارعين."
    head = _person(text, "ميشيل باشليه", "p:h")
    add_bare_title_mentions(text, [head])
    assert _texts(head) == ["ميشيل باشليه", "الرئيس"]
