"""Opposition words and the pair labelling rule: a contradiction needs a reason an analyst can see."""

from __future__ import annotations

import numpy as np

from marsad.corpus.features import content_terms
from marsad.corpus.opposition import opposition, poles
from marsad.corpus.passes.claims import CLAIM_NEAR, _disagreement, _Quote, label_pair

DEFEATED = "قال الجيش إنه هزم التنظيم في المدينة ولم تعد هناك مناطق تحت سيطرته"
STILL_THERE = "التنظيم لا يزال يتواجد في المدينة على شكل مجموعات متفرقة"


def test_opposite_poles_give_a_readable_reason() -> None:
    reason = opposition(DEFEATED, STILL_THERE)
    assert reason is not None and reason.startswith("ended/persists")
    assert opposition("انسحبت القوات من المدينة", "ستبقى القوات في المدينة").startswith("withdrew/stays")


def test_same_pole_or_both_poles_are_no_evidence() -> None:
    assert opposition("نجحت الخطة", "ونجح الفريق") is None
    # one side uses both poles (a restatement of what it rejects): no evidence either way
    assert opposition("رفضت الحكومة ما قيل عن أنها وافقت على الخطة", "وافقت الحكومة على الخطة") is None


def test_aims_and_abilities_are_not_outcomes() -> None:
    assert opposition("تستمر المهمة حتى القضاء على التنظيم", "التنظيم لا يزال يتواجد") is None
    assert opposition("القوات لا تستطيع التعامل مع التنظيم", "تمكنت القوات من التقدم") is None


def test_words_far_from_the_shared_actor_do_not_count() -> None:
    a = "التنظيم " + "كلمة " * 8 + "هزم"
    b = "التنظيم لا يزال يتواجد"
    assert opposition(a, b) is not None  # unanchored
    assert opposition(a, b, [(0, 7)], [(0, 7)]) is None  # "هزم" is ~40 characters from the mention
    assert opposition("هزم التنظيم", b, [(4, 11)], [(0, 7)]) is not None


def test_poles_report_offsets_into_the_text() -> None:
    (name, pole, start, end, word), *_ = poles("وقال إن الاتفاق مؤكد")
    assert (name, pole, word) == ("true/untrue", "a", "مؤكد")
    assert "وقال إن الاتفاق مؤكد"[start:end].strip() == "مؤكد"


def _p(agree: float, disagree: float, other: float) -> np.ndarray:
    return np.array([agree, disagree, other])


def test_two_denials_agree_and_a_reason_makes_a_contradiction() -> None:
    assert label_pair(_p(0.1, 0.8, 0.1), 0.3, None, both_deny=True)[0] == "agree"
    label, conf = label_pair(_p(0.6, 0.2, 0.2), 0.1, "ended/persists: هزم ↔ لا يزال")
    assert label == "disagree" and 0.5 <= conf <= 1.0


def test_model_disagreement_alone_needs_a_near_restatement() -> None:
    assert label_pair(_p(0.1, 0.8, 0.1), CLAIM_NEAR / 2, None)[0] == "other"
    assert label_pair(_p(0.1, 0.8, 0.1), CLAIM_NEAR, None)[0] == "disagree"


def _q(text: str, cue: str = "say", actors: frozenset[str] = frozenset({"X"}), date: str = "2015-08-01",
       at: tuple[int, int] = (0, 10)) -> _Quote:
    return _Quote(1, 0, text, cue, "speaker", date, None, None, actors, frozenset(content_terms(text)),
                  {e: [at] for e in actors}, actors)


CLAIM = "وزارة التعليم قررت تأجيل بدء الدراسة إلى ما بعد موسم الحج هذا العام"


def test_a_denial_against_a_statement_of_the_same_thing() -> None:
    denial = _q("ما يتم تداوله عن تأجيل الدراسة إلى ما بعد موسم الحج", cue="deny")
    assert _disagreement(denial, _q(CLAIM), 0.6) is not None
    # the denial's wording in a "say" quote makes it a denial too: two denials do not contradict
    in_words = _q("إن ما يتم تداوله عن تأجيل الدراسة إلى ما بعد الحج غير صحيح")
    assert in_words.denies
    assert _disagreement(denial, in_words, 0.6) is None
    # loosely related, without a shared actor: not the same proposition
    assert _disagreement(denial, _q(CLAIM, actors=frozenset()), 0.45) is None


def test_fragments_and_nested_quotes_never_contradict() -> None:
    assert _disagreement(_q("المرصد السوري", cue="deny"), _q(CLAIM), 0.9) is None
    assert _disagreement(_q(CLAIM, cue="deny"), _q(CLAIM + " وأضاف أن القرار نهائي"), 0.9) is None


def test_changing_states_must_be_reported_on_the_same_day() -> None:
    rose = "انسحبت القوات من المدينة صباح اليوم بعد معارك عنيفة"
    fell = "ستبقى القوات في المدينة صباح اليوم بعد معارك عنيفة"
    assert _disagreement(_q(rose), _q(fell), 0.3) is not None
    assert _disagreement(_q(rose), _q(fell, date="2015-08-05"), 0.3) is None


def test_hypotheticals_and_going_on_are_no_outcome() -> None:
    assert poles("القوات العراقية كان بإمكانها سحق الدواعش") == ()
    assert poles("لو انسحبت القوات من المدينة") == ()
    assert poles("القوات تواصل فرض الحصار") == ()  # «continues» something is not «persists»
    assert poles("الجيش هزم التنظيم")[0][:2] == ("ended/persists", "a")


def test_a_restatement_must_change_something_to_disagree() -> None:
    from marsad.corpus.stance import changed

    assert changed("يجري الفريق خلاله أربع مباريات ودية", "يجري الفريق خلاله ثلاث مباريات ودية")
    assert changed("ارتفع المؤشر اليوم", "انخفض المؤشر اليوم")
    assert changed("قتل 20 شخصا في الهجوم", "قتل 35 شخصا في الهجوم")
    assert not changed("مقاومة الإرهاب لن تنتهي بالمصادقة عل القانون", "مقاومة الإرهاب لن تنتهي بالمصادقة على القانون")
    assert not changed("اربطوا أحزمتكم.. حانت ساعة الإقلاع", "اربطوا أحزمتكم فقد حانت ساعة الإقلاع")
    assert label_pair(_p(0.1, 0.8, 0.1), CLAIM_NEAR, None, changed=False)[0] == "agree"
