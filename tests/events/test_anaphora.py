"""Dropped subjects and pronouns: the party an inflection or a possessive continues, by agreement.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.document import Event
from marsad.events.anaphora import verb_features
from tests.events.test_events import _one
from tests.events.test_roles import _events as _events_with

EXTRA: dict[str, tuple[str, str, str | None, str | None, str | None]] = {
    "الكويت": ("Q817", "GPE", "KWT", "country", None),
    "مسلحون": ("agent:UAF", "MISC", None, None, "UAF"),
}


def _events(text: str) -> list[Event]:
    return _events_with(text, EXTRA)


def test_verb_inflection_gives_the_subjects_gender_and_number() -> None:
    assert verb_features("ودعت") == ("f", "sg")
    assert verb_features("هاجموا") == ("m", "pl")
    assert verb_features("يقصفون") == ("m", "pl")
    assert verb_features("تستهدف") == ("f", "sg")
    assert verb_features("وطالب") == ("m", "sg")
    assert verb_features("قصفوه") == ("m", "pl")  # an object pronoun after the plural
    assert verb_features("ودعا") == ("m", "sg") and verb_features("أكدا")[1] == "pl"
    assert verb_features("وتتعاون") == ("f", "sg")  # the ن is the root's, not a plural ending


def test_a_dropped_subject_continues_the_party_of_the_sentence_before() -> None:
    evs = _events("وأدانت الكويت القصف على حلب. ودعت إلى تحرك دولي فوري.")
    assert _one(evs, "REQUEST").actor == ["Q817"]


def test_the_party_continued_must_agree_with_the_verb() -> None:
    # ودعا (masculine) continues the man who spoke, not the state (feminine) that acted after him
    evs = _events("وقال سيرغي لافروف للصحفيين إن الوضع صعب. وأدانت الكويت القصف. ودعا إلى وقف القتال في سوريا.")
    assert _one(evs, "REQUEST").actor == ["Q7803"]


def test_a_plural_verb_continues_the_plural_party() -> None:
    evs = _events("وهاجم مسلحون حاجزا للشرطة قرب حلب. ثم طالبوا الكويت بدفع فدية.")
    assert _one(evs, "REQUEST").actor == ["agent:UAF"]


def test_a_possessive_names_who_made_the_visit() -> None:
    evs = _events("وقال سيرغي لافروف للصحفيين إن الوضع صعب. وتأتي زيارته الكويت بعد أسبوع من التوتر.")
    assert _one(evs, "CONSULT").actor == ["Q7803"]


def test_a_noun_after_a_singular_verb_may_be_its_subject() -> None:
    evs = _events("وأدانت الكويت القصف على حلب. ودعا المجلس الوطني إلى التحرك.")
    assert _one(evs, "REQUEST").actor == []


def test_a_noun_that_spells_like_a_verb_continues_nobody() -> None:
    evs = _events("وقاتل الجيش السوري قرب حلب. وتأخر إتمام سحب القوات التركية من الحدود الشمالية.")
    assert _one(evs, "RETREAT").actor != ["m:syr_army"]


def test_nobody_before_a_verb_negates_it() -> None:
    evs = _events("وقال سيرغي لافروف إن لا أحد يرحب بقصف المدنيين.")
    assert all(e.negated for e in evs if e.type == "SUPPORT")


def test_a_circumstantial_participle_continues_the_speaker_before() -> None:
    evs = _events("وقال سيرغي لافروف للصحفيين إن الوضع صعب. داعيا الكويت إلى الوساطة.")
    ev = _one(evs, "REQUEST")
    assert ev.actor == ["Q7803"] and ev.recipient == ["Q817"]


def test_the_possessive_of_an_accusation_is_the_accused_unless_le_names_the_accused() -> None:
    evs = _events("وقال سيرغي لافروف للصحفيين إن الوضع صعب. وجاء اتهامه للكويت بعد أيام.")
    ev = _one(evs, "ACCUSE")
    assert ev.actor == ["Q7803"]


def test_insurgents_and_the_resistance_are_different_parties() -> None:
    from marsad.kb.nominals import add_nominal_mentions
    from tests.events.test_events import _doc

    text = "واشتبك الثوار مع المتمردين قرب المدينة، فيما قصفت المقاومة الشعبية مواقع الانقلابيين."
    ids = {e.name: e.id for e in add_nominal_mentions(text, _doc(text).entities)}
    assert ids["الثوار"] != ids["المتمردين"] and ids["المتمردين"] == ids.get("الانقلابيين", ids["المتمردين"])


def test_a_nationality_before_the_verb_closes_its_subject() -> None:
    evs = _events("وقال الجيش إن طائرة روسية استهدفت مقاتلي المعارضة قرب الرقة.")
    assert "m:opp" not in _one(evs, "ASSAULT").actor


def test_a_verb_with_an_object_pronoun_is_active_and_continues_its_party() -> None:
    evs = _events("وقصف الجيش السوري مواقع المعارضة أمس. ثم قصفها مجددا بالمدفعية بعد ساعات.")
    assert _one(evs, "ASSAULT", "قصفها").actor == ["m:syr_army"]



def test_the_warplanes_are_never_the_antecedent_of_hum() -> None:
    # a machine plural agrees as a feminine singular: «their attacks» are the gunmen's, not the jets'
    extra = {**EXTRA, "المقاتلات": ("agent:MIL", "MISC", None, None, "MIL")}
    text = "وخسر مسلحون كثيرا من عتادهم بعدما دمرت المقاتلات آليات كانوا يستخدمونها في هجماتهم على القرى."
    ev = _one(_events_with(text, extra), "ASSAULT", "هجماتهم")
    assert ev.actor == ["agent:UAF"]
