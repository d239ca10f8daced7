"""A titled subject whose name stands in apposition between commas (دعا الوزير، فلان، …), the body that
sources or a majority belong to after في with adjectives between (مصادر دبلوماسية في الحكومة), a receiver
of aid (حصل X على مساعدات) and ambushes (نصب كمينا; not a checkpoint, كمين أمني ثابت).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.events.anaphora import verb_features
from tests.events.test_genitives import _typed
from tests.events.test_roles import _events

PARTIES = {
    "سامر حداد": ("m:haddad", "PER", None, None, None),
    "جبهة الساحل": ("m:sahil", "ORG", None, None, None),
    "حركة الفجر": ("m:fajr", "ORG", None, None, None),
    "الحكومة": ("m:gov", "ORG", None, None, None),
    "البرلمان": ("m:parl", "ORG", None, None, None),
    "المجلس البلدي": ("m:council", "ORG", None, None, None),
    "الإقليم": ("m:iqlim", "LOC", None, None, None),
}


def test_a_name_in_apposition_after_the_title_is_the_subject() -> None:
    ev = _typed(_events("واتهم وزير الداخلية، سامر حداد، جبهة الساحل بتهريب السلاح.", PARTIES), "ACCUSE")
    assert ev.actor == ["m:haddad"]
    assert ev.recipient == ["m:sahil"]


def test_a_meeting_with_the_name_in_apposition_and_an_office_after_it() -> None:
    ev = _typed(_events("والتقى رئيس الوزراء، سامر حداد، المبعوث الدولي أمس.", PARTIES), "CONSULT")
    assert ev.actor == ["m:haddad"]


def test_sources_and_majorities_act_for_the_body_they_are_in() -> None:
    ev = _typed(_events("وانتقدت مصادر دبلوماسية في الحكومة موقف جبهة الساحل.", PARTIES), "ACCUSE")
    assert ev.actor == ["m:gov"]
    ev = _typed(_events("وأيدت غالبية في البرلمان مشروع القرار.", PARTIES), "SUPPORT")
    assert ev.actor == ["m:parl"]
    ev = _typed(_events("واعتقل قيادي بارز في حركة الفجر ثلاثة أشخاص.", PARTIES), "COERCE")
    assert ev.actor == ["m:fajr"]


def test_people_in_two_coordinated_bodies_act_for_both() -> None:
    ev = _typed(_events("ونفت مصادر في الحكومة والمجلس البلدي أي اتصال بالجبهة.", PARTIES), "REJECT")
    assert ev.actor == ["m:gov", "m:council"]


def test_the_subject_of_a_verb_of_receiving_is_the_aids_recipient() -> None:
    ev = _typed(_events("وتمكنت الحكومة من الحصول على مساعدات خلال العام الماضي.", PARTIES), "AID")
    assert ev.actor == [] and ev.recipient == ["m:gov"]
    ev = _typed(_events("وحصلت حركة الفجر على دعم عسكري كبير.", PARTIES), "AID")
    assert ev.actor == [] and ev.recipient == ["m:fajr"]


def test_an_ambush_is_an_attack_and_a_checkpoint_is_none() -> None:
    ev = _typed(_events("ونصبت حركة الفجر كمينا لدورية الجيش قرب الإقليم.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:fajr"]
    assert not [e for e in _events("وأقامت الشرطة ثلاثة كمائن أمنية ثابتة على الطريق.", PARTIES)
                if e.type == "ASSAULT"]


def test_a_claim_of_the_responsibility_names_the_attacker() -> None:
    # «أعلن/تبنى X المسؤولية عن» claims it; «حمّل X المسؤولية» blames another and is no claim
    ev = _typed(_events("وأعلنت حركة الفجر المسؤولية عن الهجوم على القافلة.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:fajr"]
    ev = _typed(_events("وتبنت حركة الفجر المسؤولية عن التفجير.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:fajr"]


def test_an_unnamed_delegation_acts_for_its_nationality() -> None:
    # (only a country the article names: the adjective stands for one of its entities)
    parties = {**PARTIES, "الأردن": ("m:jo", "GPE", "JOR", "country", None)}
    ev = _typed(_events("وأرسل الأردن مساعدات. وزار وفد أردني الإقليم أمس.", parties), "CONSULT")
    assert ev.actor == ["m:jo"]


def test_a_coordinated_feminine_verb_before_a_preposition_continues_its_subject() -> None:
    # «وسيطرت على»: a feminine passive would have its subject after it, so the verb is active
    ev = _typed(_events("وتواصل قوات حركة الفجر تطهير القرى، بعد أن تمكنت من دخول القاعدة، وسيطرت على "
                        "الإقليم.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:fajr"]
    # (the root's س is no future prefix: سيطرت is a feminine perfect, سيقصف a future)
    assert verb_features("وسيطرت") == ("f", "sg") and verb_features("سيقصفون") == ("m", "pl")


def test_the_topic_of_an_inna_clause_is_the_subject_of_its_first_verb() -> None:
    # place phrases may stand between; what follows the verb is its object, not a VSO subject
    ev = _typed(_events("وقال الشهود إن مسلحي حركة الفجر في الإقليم تستهدف المركبات المدنية.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:fajr"]
    # (not past a second complementizer: the inner clause has its own topic)
    ev = _typed(_events("وقال سامر حداد إن الحكومة ترى أن جبهة الساحل تقصف القرى.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:sahil"]


def test_two_parties_joined_before_a_dual_verb_are_both_its_subject() -> None:
    ev = _typed(_events("وكان سامر حداد وجبهة الساحل قد اتفقا على وقف القتال.", PARTIES), "AGREE")
    assert ev.actor == ["m:haddad", "m:sahil"]


def test_an_office_in_a_place_before_a_name_in_apposition() -> None:
    ev = _typed(_events("ودعا منسق الشؤون الإنسانية في الإقليم، سامر حداد، جبهة الساحل إلى فتح الطرق.", PARTIES),
                "REQUEST")
    assert ev.actor == ["m:haddad"] and ev.recipient == ["m:sahil"]


def test_a_death_noun_names_who_died_and_only_an_agent_phrase_who_killed() -> None:
    # the genitive of مقتل died; «على يد» (past the party's men) names the killer
    ev = _typed(_events("وبدأ ذلك بمقتل سامر حداد على يد مسلحي جبهة الساحل.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:sahil"] and ev.recipient == ["m:haddad"]
    # the one who announces or mourns a death did not kill
    ev = _typed(_events("وأعلنت حركة الفجر مقتل ثلاثة من عناصرها في الإقليم.", PARTIES), "ASSAULT")
    assert "m:fajr" not in ev.actor
    ev = _typed(_events("ونعى سامر حداد مقتل عشرات المدنيين.", PARTIES), "ASSAULT")
    assert ev.actor == []
