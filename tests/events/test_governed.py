"""Subjects that a governing clause supplies: a verb that announces an act carried by a support noun
(أعلن الجيش أمس شن غارات), and the head of a relative clause closed by a comma (X الذي زار Y، قد هدد).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_genitives import PARTIES, _typed
from tests.events.test_roles import _events

WITH_CAIRO = {**PARTIES, "القاهرة": ("Q85", "GPE", "EGY", "settlement", None)}


def test_an_announced_support_noun_is_the_announcers_act() -> None:
    ev = _typed(_events("وأعلن الجيش الليبي أمس شن غارات جوية على مواقع حركة الشباب.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:lby_army"] and ev.recipient == ["m:shabab"]
    ev = _typed(_events("وأعلنت جبهة النصرة تنفيذ هجوم على مقر حزب التحرير.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:nusra"]


def test_adverbs_of_time_may_stand_between_the_announcer_and_the_act() -> None:
    ev = _typed(_events("وأعلن الجيش الليبي أمس قصف مواقع حركة الشباب.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:lby_army"] and ev.recipient == ["m:shabab"]


def test_a_denied_support_noun_is_the_deniers_act_negated() -> None:
    ev = _typed(_events("ونفى الجيش الليبي شن غارات جوية على مواقع حركة الشباب.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:lby_army"] and ev.negated


def test_the_object_of_a_closed_relative_clause_is_not_the_next_verbs_subject() -> None:
    text = "وكان القيادي حسن الراشد الذي زار القاهرة الشهر الماضي، قد هدد بضرب مواقع حزب التحرير."
    ev = _typed(_events(text, WITH_CAIRO), "THREATEN")
    assert ev.actor == ["m:hassan"]


def test_a_party_between_a_relatives_verb_and_a_resumptive_noun_is_the_subject() -> None:
    text = "وتسعى المنظمة إلى عقد القمة الطارئة التي طلبت جبهة النصرة عقدها في الدوحة."
    ev = _typed(_events(text, PARTIES), "REQUEST")
    assert ev.actor == ["m:nusra"] and "m:nusra" not in ev.recipient


def test_what_a_clause_answers_or_is_caused_by_is_not_its_subjects_act() -> None:
    ev = _typed(_events("وأغلق الجيش الليبي المعبر الحدودي بسبب الهجمات المتكررة.", PARTIES), "ASSAULT")
    assert ev.actor == []


def test_the_counted_subject_of_a_death_verb_died_however_long_its_phrase() -> None:
    text = "وأفادت مصادر بأن خمسة من عناصر حركة الشباب الموالية للقيادي حسن الراشد لقوا مصرعهم في هجوم قرب الحدود."
    ev = _typed(_events(text, PARTIES), "ASSAULT")
    assert "m:shabab" not in ev.actor and "m:hassan" not in ev.actor


def test_who_undergoes_an_attack_is_its_recipient() -> None:
    ev = _typed(_events("وتعرضت قوات الجيش الليبي لهجوم بالسيارات المفخخة قرب الحدود.", PARTIES), "ASSAULT")
    assert ev.actor == [] and ev.recipient == ["m:lby_army"]
    ev = _typed(_events("وتعرض مقر حزب التحرير أمس لغارات عنيفة من جبهة النصرة.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:nusra"] and ev.recipient == ["m:tahrir"]


def test_an_attack_told_again_in_the_next_clause_keeps_its_actor() -> None:
    text = "وشنت جبهة النصرة غارات على مواقع حركة الشباب. واستهدفت الغارات مخازن للأسلحة قرب الحدود."
    evs = [e for e in _events(text, PARTIES) if e.type == "ASSAULT"]
    assert evs and all(e.actor == ["m:nusra"] for e in evs)
    text = "وقتل عشرة من عناصر حركة الشباب في غارات جوية لجبهة النصرة. استهدفت مواقع وتجمعات لهم قرب الحدود."
    evs = [e for e in _events(text, PARTIES) if e.type == "ASSAULT"]
    assert evs and all(e.actor == ["m:nusra"] for e in evs)


def test_a_noun_after_a_sentence_opening_verb_may_be_its_subject() -> None:
    text = "وشنت جبهة النصرة غارات على مواقع حركة الشباب. وهاجم مسلحون مجهولون مقر حزب التحرير."
    evs = [e for e in _events(text, PARTIES) if e.type == "ASSAULT" and "مسلح" not in e.trigger.text]
    assert all("m:nusra" not in e.actor for e in evs if e.trigger.text.startswith("وهاجم"))


def test_a_participle_after_a_reported_clause_is_the_sayers() -> None:
    text = "وقال القيادي حسن الراشد إن جبهة النصرة قصفت مواقع حركة الشباب، مطالبا حزب التحرير بالتدخل."
    ev = _typed(_events(text, PARTIES), "REQUEST")
    assert ev.actor == ["m:hassan"]


def test_still_may_stand_between_the_subject_and_its_verb() -> None:
    ev = _typed(_events("وقال المتحدث إن جبهة النصرة ما تزال تقصف مواقع حركة الشباب.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:nusra"] and ev.recipient == ["m:shabab"]


def test_a_titled_announcer_does_the_announced_act() -> None:
    ev = _typed(_events("وأعلن قائد الجيش الليبي حسن الراشد قصف مواقع حركة الشباب.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:hassan"] and ev.recipient == ["m:shabab"]


def test_an_adviser_to_an_office_is_the_subject_not_governed_by_its_lam() -> None:
    ev = _typed(_events("وانتقد المستشار الإعلامي لرئيس الوزراء الليبي سامي العطار قرار حزب التحرير.", PARTIES), "ACCUSE")
    assert ev.actor == ["m:sami"]
