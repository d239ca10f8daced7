"""Verbs that judge or report another's act: the accused of a charge did the act charged, the condemner
did not, a common noun after a verb of saying is its subject, and what a speaker expresses about itself
(أعرب X عن إدانته) is its own act (events/charges.py, events/roles.py, events/anaphora.speaker_owns).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _one
from tests.events.test_roles import EXTRA, _events

PARTIES = {
    **EXTRA,
    "روسيا": ("Q159", "GPE", "RUS", "country", None),
    "الولايات المتحدة": ("Q30", "GPE", "USA", "country", None),
    "إيران": ("Q794", "GPE", "IRN", "country", None),
    "المدنيين": ("agent:CVL", "MISC", None, None, "CVL"),
    "الحكومة الفرنسية": ("m:fra_gov", "ORG", "FRA", None, "GOV"),
}


def test_the_accused_did_what_it_is_charged_with_and_its_genitive_underwent_it() -> None:
    evs = _events("اتهمت الولايات المتحدة روسيا بقصف المدنيين في حلب.", PARTIES)
    acc = _one(evs, "ACCUSE")
    assert acc.actor == ["Q30"] and acc.recipient == ["Q159"]
    shelling = _one(evs, "ASSAULT")
    assert shelling.actor == ["Q159"] and shelling.recipient == ["agent:CVL"]


def test_civilians_are_never_the_ones_who_shell() -> None:
    ev = _one(_events("وتواصل الحملة قصف المدنيين في أحياء حلب الشرقية.", PARTIES), "ASSAULT")
    assert "agent:CVL" not in ev.actor and ev.recipient == ["agent:CVL"]


def test_a_definite_compass_word_is_a_noun_not_a_place_phrase() -> None:
    # «الغرب روسيا» is not «غرب روسيا» (west of Russia): the article bars the construct
    evs = _events("اتهم الغرب روسيا بقصف المستشفيات.", PARTIES)
    acc = _one(evs, "ACCUSE")
    assert acc.recipient == ["Q159"] and "Q159" not in acc.actor
    assert _one(evs, "ASSAULT").actor == ["Q159"]


def test_a_common_noun_after_a_verb_of_calling_is_its_subject() -> None:
    ev = _one(_events("ودعا المجلس إيران إلى وقف تدخلها في شؤون جيرانها.", PARTIES), "REQUEST")
    assert ev.actor == [] and ev.recipient == ["Q794"]


def test_a_common_noun_joined_to_a_named_party_leaves_it_the_subject() -> None:
    ev = _one(_events("وانتقدت اللجنة والولايات المتحدة إيران بسبب الإعدامات.", PARTIES), "ACCUSE")
    assert "Q30" in ev.actor and "Q30" not in ev.recipient


def test_the_subject_of_a_condemnation_did_not_make_the_attack() -> None:
    evs = _events("ونددت الحكومة الفرنسية بالتفجير الذي وقع في مدينة الموصل.", PARTIES)
    assert _one(evs, "ACCUSE").actor == ["m:fra_gov"]
    assert _one(evs, "ASSAULT").actor == []


def test_a_speaker_expressing_its_own_condemnation_is_its_author() -> None:
    assert _one(_events("وأعربت الكويت عن إدانتها للهجوم على الحافلة.", PARTIES), "ACCUSE").actor == ["Q817"]
    # al-Urdunn takes a masculine verb and pronoun, as Iraq and Lebanon do
    assert _one(_events("وأعرب الأردن عن إدانته للهجوم على الحافلة.", PARTIES), "ACCUSE").actor == ["Q810"]


def test_a_noun_ending_in_taa_marbuta_carries_no_pronoun_of_the_speaker() -> None:
    # الهدنه (the truce, folded) ends like a masculine pronoun: the speaker did not make the truce
    evs = _events("وقال خالد العمري إن الهدنة صامدة في الموصل.", PARTIES)
    assert all("m:khalid" not in e.actor for e in evs)
