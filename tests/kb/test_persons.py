"""Persons named in apposition to a title whom the tagger missed, and their later surnames and kunyas."""

from __future__ import annotations

from marsad.document import Entity, Span
from marsad.kb.persons import add_apposed_persons


def _names(ents: list[Entity]) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in ents}


def test_name_after_a_title_and_its_surname() -> None:
    text = "وقال محافظ الإقليم ناصر الجبوري إن الطريق آمن. وأضاف الجبوري أن الوضع مستقر."
    assert _names(add_apposed_persons(text, [])) == {"ناصر الجبوري": ["ناصر الجبوري", "الجبوري"]}


def test_rank_between_title_and_name_and_unknown_surname() -> None:
    text = "وأكد رئيس هيئة الموانئ اللواء عمرو زقزوق، أن الميناء يعمل. وقال زقزوق إن الحركة طبيعية."
    assert _names(add_apposed_persons(text, [])) == {"عمرو زقزوق": ["عمرو زقزوق", "زقزوق"]}


def test_title_after_the_name_and_a_kunya() -> None:
    text = "واعتبر رياض قرنفل المحلل السوري أن الحل بعيد. وقال الناشط أبو سليم الدرعاوي إن القصف مستمر، وأضاف أبو سليم أن الأهالي نزحوا."
    out = _names(add_apposed_persons(text, []))
    assert out["رياض قرنفل"] == ["رياض قرنفل"]
    assert out["أبو سليم الدرعاوي"] == ["أبو سليم الدرعاوي", "أبو سليم"]


def test_no_name_without_apposition_or_after_a_preposition() -> None:
    text = "قال وزير الخارجية على هامش الاجتماع إن المتحدث باسم الحكومة غائب. والتقى سمير الوفد."
    assert add_apposed_persons(text, []) == []


def test_joins_a_surname_the_tagger_found() -> None:
    text = "وقالت الوزيرة هالة الدباغ إن الخطة جاهزة. وأكدت الدباغ أن التمويل متوفر."
    i = text.rindex("الدباغ")
    found = Entity(id="m:x", name="الدباغ", type="PER", mentions=[Span(i, i + 6, "الدباغ")])
    out = add_apposed_persons(text, [found])
    assert len(out) == 1 and [m.text for m in out[0].mentions] == ["هالة الدباغ", "الدباغ"]
