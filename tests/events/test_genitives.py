"""Whose act an event noun names, and whose men are hit: genitives of event nouns and of member nouns,
and verbs of managing (تمكن من، نجح في، استطاع) whose verbal noun is their subject's act.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.document import Event
from tests.events.test_roles import _events

PARTIES: dict[str, tuple[str, str, str | None, str | None, str | None]] = {
    "حسن الراشد": ("m:hassan", "PER", None, None, None),
    "سامي العطار": ("m:sami", "PER", None, None, None),
    "الجيش الليبي": ("m:lby_army", "ORG", "LBY", None, "MIL"),
    "حزب التحرير": ("m:tahrir", "ORG", None, None, None),
    "جبهة النصرة": ("m:nusra", "ORG", None, None, "REB"),
    "حركة الشباب": ("m:shabab", "ORG", None, None, "REB"),
}


def _typed(evs: list[Event], typ: str) -> Event:
    got = [e for e in evs if e.type == typ]
    assert got, f"no {typ} in {[(e.type, e.trigger.text) for e in evs]}"
    return got[0]


def test_managing_verb_makes_its_subject_the_doer_of_the_verbal_noun() -> None:
    evs = _events("وتمكن الجيش الليبي في ساعة متأخرة من قتل خمسة من عناصر حركة الشباب قرب الحدود.", PARTIES)
    ev = _typed(evs, "ASSAULT")
    assert ev.actor == ["m:lby_army"] and ev.recipient == ["m:shabab"]


def test_managing_verb_without_a_preposition() -> None:
    ev = _typed(_events("واستطاعت جبهة النصرة اغتيال قائد في حزب التحرير.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:nusra"] and ev.recipient == ["m:tahrir"]


def test_members_counted_after_the_subject_belong_to_the_party_hit() -> None:
    ev = _typed(_events("واعتقلت الشرطة صباح أمس العشرات من أنصار حزب التحرير في العاصمة.", PARTIES), "COERCE")
    assert ev.actor and ev.recipient == ["m:tahrir"]


def test_members_after_another_clause_are_not_the_object() -> None:
    # «أو أعضاء …» is coordinated with the actor, not hit by it
    ev = _typed(_events("وتصاعدت هجمات جبهة النصرة أو أعضاء حزب التحرير على القرى في الأسابيع الأخيرة.", PARTIES), "ASSAULT")
    assert "m:tahrir" not in ev.recipient


def test_titled_genitive_of_a_meeting_noun_is_its_actor() -> None:
    ev = _typed(_events("وتناولت محادثات وزير الداخلية الأسبق حسن الراشد في تونس ملف الحدود.", PARTIES), "CONSULT")
    assert ev.actor == ["m:hassan"]


def test_genitive_of_an_event_noun_is_not_the_verbs_subject() -> None:
    # the tribe (no entity) refused; the person is what it refused to pledge allegiance to
    evs = _events("ورفضت العشيرة مبايعة الزعيم الجديد سامي العطار.", PARTIES)
    assert "m:sami" not in _typed(evs, "REJECT").actor
    assert _typed(evs, "SUPPORT").recipient == ["m:sami"]


def test_strikes_genitive_stays_the_verbs_subject() -> None:
    # غارات names its owner: the army's strikes destroyed, so the army acts
    ev = _typed(_events("بعد أن دمرت غارات الجيش الليبي مخازن السلاح التابعة لحزب التحرير.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:lby_army"]


def test_dropped_subject_of_a_managing_verb_continues_the_clause_before() -> None:
    # the army, not the party inside the على phrase, is who «managed to» arrest
    evs = _events("وواصلت قوات الجيش الليبي هجماتها على مواقع جبهة النصرة، وتمكنت في الصحراء من اعتقال "
                  "عشرات المسلحين.", PARTIES)
    assert _typed(evs, "COERCE").actor == ["m:lby_army"]


TOWNS: dict[str, tuple[str, str, str | None, str | None, str | None]] = {
    "القصير": ("m:qusayr", "GPE", "SYR", "settlement", None),
}


def test_a_town_never_acts_but_a_capital_may() -> None:
    # the governor's town is no actor of the meeting; Moscow stands for its government
    met = _events("واستقبل محافظ القصير أمس وفدا من الهلال الأحمر في مكتبه.", TOWNS)
    assert all("m:qusayr" not in e.actor for e in met)
    ev = _typed(_events("وترفض موسكو أي تدخل عسكري أجنبي في البلاد.", TOWNS), "REJECT")
    assert len(ev.actor) == 1  # (the KB's Moscow, a settlement)


def test_a_relative_whose_pronoun_takes_the_antecedent_back_names_who_underwent_it() -> None:
    # عليه / the object suffix return to the antecedent: the person was arrested, not the arrester
    evs = _events("وأفادت المحكمة أن حسن الراشد الذي ألقي القبض عليه في الربيع الماضي سيمثل أمامها غدا.", PARTIES)
    ev = _typed(evs, "COERCE")
    assert ev.recipient == ["m:hassan"] and "m:hassan" not in ev.actor
    ev = _typed(_events("وطالبت الأسرة بإطلاق سامي العطار الذي اعتقلته قوات الجيش الليبي قبل أسبوع.", PARTIES), "COERCE")
    assert ev.recipient == ["m:sami"] and ev.actor == ["m:lby_army"]


def test_an_object_with_lam_right_after_the_genitive_makes_the_genitive_the_doer() -> None:
    # دعم X لـ Y: X supports; a sound plural of people after ل is the object too (اعتقال X لصحفيين)
    ev = _typed(_events("وحمل البيان المسؤولية على دعم جبهة النصرة لحزب التحرير في المدينة.", PARTIES), "SUPPORT")
    assert ev.actor == ["m:nusra"] and ev.recipient == ["m:tahrir"]
    ev = _typed(_events("وتحدث التقرير عن اعتقال الجيش الليبي لمدونين في بنغازي.", PARTIES), "COERCE")
    assert ev.actor == ["m:lby_army"] and ev.recipient == []


def test_a_cause_after_the_genitive_leaves_it_the_one_arrested() -> None:
    # لانتقادها: «for her criticising», a pronoun -ها and no accusative alif; لعامين: for two years
    ev = _typed(_events("وطالبت المنظمة بالإفراج بعد اعتقال الناشطة سامي العطار لانتقادها الحكومة.", PARTIES),
                "COERCE")
    assert ev.actor == [] and ev.recipient == ["m:sami"]
    ev = _typed(_events("وانتقد الحزب اعتقال حسن الراشد لعامين دون محاكمة.", PARTIES), "COERCE")
    assert ev.actor == [] and ev.recipient == ["m:hassan"]
