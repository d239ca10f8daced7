"""Negation and irrealis: particles written with و/ف, possessed nouns of fear and intent, requirements.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _events


def test_a_negation_with_the_conjunction_written_on_it_negates() -> None:
    for text in ("ولم تقصف الطائرات الروسية مدينة حلب.", "ولن يهاجم الجيش السوري الرقة.",
                 "فلم تستهدف الغارات مواقع المعارضة."):
        evs = [e for e in _events(text) if e.type == "ASSAULT"]
        assert evs and all(e.negated for e in evs), text
    assert not any(e.negated for e in _events("ولا تزال الطائرات الروسية تقصف حلب.") if e.type == "ASSAULT")


def test_a_denial_with_the_conjunction_written_on_it_negates() -> None:
    evs = [e for e in _events("ونفت موسكو أن تكون طائراتها قصفت حلب.") if e.type == "ASSAULT"]
    assert evs and all(e.negated for e in evs)


def test_feared_required_or_intended_acts_are_not_events() -> None:
    for text in ("وأبدى الوزير تخوفه من هجوم على حلب.", "وتتطلب المرحلة المقبلة غارات على مواقع داعش.",
                 "وأكدت الحكومة نيتها قصف مواقع المعارضة."):
        assert not [e for e in _events(text) if e.type == "ASSAULT"], text


def test_what_is_sought_or_asked_for_in_quotes_is_not_an_event() -> None:
    assert not [e for e in _events("وتسعى الكويت إلى عقد قمة طارئة الشهر المقبل.") if e.type == "CONSULT"]
    assert not [e for e in _events("ودعت الكويت إلى «تعاون إقليمي» لمواجهة الإرهاب.") if e.type == "COOPERATE"]


def test_settling_scores_is_no_killing() -> None:
    assert not [e for e in _events("ورأى الناقد أن الكتاب تصفية حساب مع خصوم الكاتب.") if e.type == "ASSAULT"]


def test_a_purpose_with_lam_and_the_subjunctive_is_not_an_event() -> None:
    for text in ("وعبر المتطوعون الحدود ليقاتلوا في صفوف الفصائل.", "وأرسلت الحكومة قوات إضافية لتهاجم معاقل المسلحين."):
        assert not [e for e in _events(text) if e.type == "ASSAULT"], text


def test_what_would_lead_to_it_or_a_plan_provides_for_is_not_an_event() -> None:
    assert not [e for e in _events("ورصدت الشرطة مكافأة لمن يقدم معلومات تؤدي إلى اعتقال المتهمين.")
                if e.type == "COERCE"]
    assert not [e for e in _events("وقال الوسيط إن خطته تتضمن وقف إطلاق النار في المدينة.") if e.type == "RETREAT"]
    # the perfect reports a result
    assert [e for e in _events("وقالت الشرطة إن المعلومات أدت إلى اعتقال المتهمين.") if e.type == "COERCE"]


def test_a_wish_is_not_an_event() -> None:
    assert not [e for e in _events("وتمنى اللاعب أن تتم دعوته إلى المنتخب.") if e.type == "REQUEST"]
