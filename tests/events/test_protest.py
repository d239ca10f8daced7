"""Protests told through their participants; protest sentences are protests first; slogans are no events.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.annotate.events import code_events
from marsad.document import Entity, Span
from tests.events.test_events import _doc, _events


def _types(text: str) -> set[str]:
    return {e.type for e in _events(text) if not e.negated}


def test_what_the_protesters_do_is_a_protest_whatever_the_verb() -> None:
    assert "PROTEST" in _types("ونصب المعتصمون خيامهم قرب مقر الحكومة منذ الصباح.")
    assert "PROTEST" in _types("وقطع المحتجون الطريق السريع بالإطارات المشتعلة.")
    assert "PROTEST" in _types("سار المتظاهرات من الجامعة حتى مبنى الوزارة.")


def test_protesters_inside_a_generic_agent_mention_are_still_the_protest_and_its_actor() -> None:
    text = "وردد المتظاهرون عبارات تطالب برحيل الوزير."
    doc = _doc(text)
    s = text.index("المتظاهرون")
    doc.entities.append(Entity(id="agent:OPP", name="المتظاهرون", type="MISC", sector="OPP",
                               mentions=[Span(s, s + len("المتظاهرون"), "المتظاهرون")]))
    ev = next(e for e in code_events(doc) if e.type == "PROTEST")
    assert ev.actor == ["agent:OPP"]


def test_a_crowd_gathering_in_a_square_is_a_protest_a_meeting_in_a_hall_is_not() -> None:
    assert "PROTEST" in _types("واحتشد آلاف من عمال المصانع أمام مقر البرلمان.")
    assert "PROTEST" in _types("وتجمع عشرات الصيادين في ساحة الميناء صباح السبت.")
    assert "PROTEST" in _types("وخرج الآلاف إلى شوارع المدينة بعد صلاة الجمعة.")
    assert "PROTEST" not in _types("تجمع الطلاب في القاعة الكبرى لحضور المحاضرة.")
    assert "PROTEST" not in _types("وتجمع مئات الزوار في المعرض لشراء الكتب.")
    assert "PROTEST" not in _types("خرج اللاعبون من الملعب بعد نهاية المباراة.")


def test_a_protest_with_police_and_burned_cars_is_a_protest_not_an_assault() -> None:
    types = _types("وأحرق المحتجون سيارتين للشرطة واشتبكوا مع عناصرها وسط المدينة.")
    assert "PROTEST" in types and "ASSAULT" not in types
    types = _types("واشتبك المتظاهرون مع الشرطة التي أطلقت الغاز المسيل للدموع لتفريقهم.")
    assert "PROTEST" in types and "ASSAULT" not in types


def test_a_killing_during_a_protest_is_an_assault_too() -> None:
    types = _types("وقتل متظاهران برصاص الشرطة خلال المسيرة الاحتجاجية في القاهرة.")
    assert {"PROTEST", "ASSAULT"} <= types


def test_a_battle_far_from_a_passing_mention_of_sit_ins_stays_an_assault() -> None:
    text = ("واقتحمت قوات الجيش السوري مواقع تنظيم داعش شرق حلب بعد معارك عنيفة استمرت أياما، وكانت المدينة "
            "قد شهدت قبل سنوات طويلة من بداية الحرب والدمار الكبير الذي لحق بأحيائها القديمة اعتصامات سلمية.")
    assert "ASSAULT" in _types(text)


def test_one_protest_per_sentence() -> None:
    evs = [e for e in _events("وتجمع آلاف المتظاهرين في ساحة المدينة احتجاجا على الغلاء ورفعوا لافتات.")
           if e.type == "PROTEST"]
    assert len(evs) == 1 and evs[0].trigger.text == "وتجمع"


def test_slogans_chanted_or_carried_are_no_events() -> None:
    types = _types("وردد المحتجون هتافات «أوقفوا القصف» و«لا للحرب» أمام السفارة.")
    assert "PROTEST" in types and "ASSAULT" not in types
    assert "ASSAULT" not in _types("ورفعوا لافتات كتب عليها «أوقفوا قتل الأبرياء».")


def test_a_single_man_shouting_in_court_is_no_protest() -> None:
    assert "PROTEST" not in _types("ورفع المتهم يده وهتف «الله أكبر» في بداية الجلسة.")
