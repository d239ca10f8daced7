"""Troops massed, deployed or sent with the subject between the verb and the troops (حشد الجيش قواته، نشر
الجيش وحدات إضافية، أرسلت الحكومة تعزيزات): a MOBILIZE whose actor is the subject; the same verbs with
anything but troops after them (نشر صورا، أرسل رسالة) are no mobilisation.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _events


def test_massing_or_deploying_troops_with_the_subject_between_is_a_mobilisation() -> None:
    for text in ("وحشد الجيش التونسي قواته قرب الحدود الجنوبية.",
                 "ونشر الجيش التونسي أمس وحدات إضافية على الحدود الجنوبية.",
                 "وأرسلت الحكومة التونسية تعزيزات إلى الحدود الجنوبية."):
        assert "MOBILIZE" in [e.type for e in _events(text)], text


def test_the_same_verbs_with_other_objects_are_no_mobilisation() -> None:
    for text in ("ونشر الجيش التونسي صورا للدوريات على الحدود.", "وأرسل الرئيس التونسي رسالة إلى نظيره."):
        assert "MOBILIZE" not in [e.type for e in _events(text)], text
