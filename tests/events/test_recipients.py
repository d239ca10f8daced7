"""To whom: the owner of what was hit, the group of the members named, the party one sides with.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _one
from tests.events.test_roles import _events


def test_the_owner_after_a_word_of_belonging_is_the_party_aimed_at() -> None:
    ev = _one(_events("ونددت الكويت بقيام مسلحين تابعين لتنظيم داعش بخطف مدنيين قرب الموصل."), "ACCUSE")
    assert ev.actor == ["Q817"] and ev.recipient == ["Q2429253"]
    ev = _one(_events("وقصف الجيش السوري مخازن سلاح تابعة لتنظيم داعش قرب الموصل."), "ASSAULT")
    assert ev.recipient == ["Q2429253"]


def test_members_in_a_group_make_the_group_the_party_addressed() -> None:
    ev = _one(_events("ودعت الكويت الأعضاء في المعارضة إلى الحوار."), "REQUEST")
    assert ev.recipient == ["m:opp"]


def test_solidarity_with_names_who_is_supported() -> None:
    ev = _one(_events("وأكد الوزير تضامن الكويت مع الأردن في هذه الظروف."), "SUPPORT")
    assert ev.recipient == ["Q810"]


def test_the_country_of_a_visit_may_stand_after_its_length() -> None:
    ev = _one(_events("وبدأ سيرغي لافروف زيارة تستمر يومين إلى الأردن."), "CONSULT")
    assert ev.actor == ["Q7803"] and ev.recipient == ["Q810"]


def test_taking_control_with_the_subject_between_verb_and_complement() -> None:
    ev = _one(_events("وسيطر الجيش السوري صباح أمس على قاعدة حميميم بعد معارك."), "ASSAULT")
    assert ev.actor == ["m:syr_army"]
    assert not [e for e in _events("وسيطرت الشرطة على الوضع بعد ساعات.") if e.type == "ASSAULT"]


def test_who_undertakes_an_act_is_its_actor() -> None:
    evs = _events("ونددت الكويت بقيام مسلحين تابعين لتنظيم داعش بخطف مدنيين قرب الموصل.")
    assert _one(evs, "ASSAULT").actor == ["Q2429253"]


def test_whose_act_is_welcomed_or_endorsed_is_the_recipient() -> None:
    evs = _events("ورحبت الكويت في بيان أمس، بانسحاب الجيش السوري من المدينة.")
    assert _one(evs, "SUPPORT").recipient == ["m:syr_army"]
    evs = _events("وأيدت الكويت الخطوات الأردنية لضبط الحدود.")
    assert _one(evs, "SUPPORT").recipient == ["Q810"]


def test_without_a_subject_the_first_noun_is_not_read_as_the_object() -> None:
    evs = _events("ورفضت الفصائل الأردنية العرض الجديد.")
    assert all(e.recipient != ["Q810"] for e in evs)


def test_the_other_side_of_a_clash_follows_maa() -> None:
    ev = _one(_events("وخاض الجيش العراقي معارك ضارية مع تنظيم داعش غرب الموصل."), "ASSAULT")
    assert ev.actor == ["m:irq_army"] and ev.recipient == ["Q2429253"]
    ev = _one(_events("واشتبك مسلحون مع الجيش العراقي ليلا في ضواحي المدينة."), "ASSAULT")
    assert ev.recipient == ["m:irq_army"]


def test_a_verbal_noun_with_a_lam_object_has_its_genitive_as_the_doer() -> None:
    # دعم X للـ…: X supports; but a time adverbial after an arrest leaves the genitive the one arrested
    ev = _one(_events("وانتقد الوزير دعم الأردن للجماعات المتشددة."), "SUPPORT")
    assert ev.actor == ["Q810"]
    ev = _one(_events("وتأتي هذه الخطوة بعد اعتقال خالد العمري للمرة الثالثة."), "COERCE")
    assert ev.recipient == ["m:khalid"]
