"""Trigger words used in their ordinary sense are no events.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _events


def _assaults(text: str) -> list[str]:
    return [e.trigger.text for e in _events(text) if e.type == "ASSAULT"]


def test_killing_or_destroying_what_cannot_be_attacked_is_no_attack() -> None:
    assert _assaults("ويرش المزارعون المبيدات لقتل الحشرات الضارة في البساتين.") == []
    assert _assaults("وقال إن الضرائب الجديدة ستدمر الاقتصاد الوطني خلال عامين.") == []
    assert _assaults("ويحاول الشباب قتل الوقت في المقاهي بعد انتهاء الدوام.") == []


def test_killing_or_destroying_people_forces_and_buildings_is_an_attack() -> None:
    assert _assaults("وقتل الجيش السوري عشرة مسلحين قرب حلب.")
    assert _assaults("ودمرت الطائرات المبنى بالكامل في حلب ضمن عملية عسكرية.")
    assert _assaults("وأكد الأهالي أن المنزل دمر بالكامل خلال الحرب.")


def test_a_bare_topic_word_is_no_event() -> None:
    assert _assaults("وحذر الخطيب من التحريض على القتل والكراهية في وسائل الإعلام.") == []


def test_to_cite_is_not_to_be_martyred() -> None:
    assert _assaults("واستشهد الكاتب في مقاله بأقوال عدد من المؤرخين.") == []
    assert _assaults("واستشهد شابان برصاص الشرطة في حلب.")


def test_a_death_penalty_is_no_execution() -> None:
    assert _assaults("ويقترح المشروع عقوبات قد تصل إلى الإعدام لمهربي المخدرات.") == []
    assert _assaults("وأصدرت المحكمة حكما بالإعدام على المتهمين الثلاثة.") == []


def test_a_copula_under_negation_does_not_negate_the_event_noun() -> None:
    ev = next(e for e in _events("ولم تكن حادثة التحرش بالطالبة الأولى من نوعها في المدرسة.")
              if e.type == "ASSAULT")
    assert not ev.negated


def test_arrest_verbs_that_are_ordinary_words_need_people_after_them() -> None:
    def coerce(text: str) -> list[str]:
        return [e.trigger.text for e in _events(text) if e.type == "COERCE"]

    assert coerce("وأوقفت الشرطة خمسة أشخاص يشتبه في تهريبهم الأسلحة.")
    assert coerce("وتمكنت الدوريات من ضبط 14 متسللا على الحدود.")
    assert coerce("وأمر القاضي بتوقيف المتهمين الأربعة.")
    assert coerce("وأوقفت الشرطة حركة السير في الشارع الرئيسي.") == []
    assert coerce("ويستطيع المستخدم ضبط درجة الحرارة من هاتفه.") == []
