"""Attributed-quote extraction: each Arabic reported-speech construction the extractor must handle.

Documents are built in code so the tests are fast and say exactly which construction they exercise.
Every test also checks the offset contract: text[start:end] equals each span's text.
"""

from __future__ import annotations

from marsad.annotate.quotes import build_quotes
from marsad.document import Document, Entity, Quote, Span
from marsad.quotes import extract_quotes


def _quotes(text: str, entities: list[Entity] | None = None) -> list[Quote]:
    doc = Document(text=text, published="2018-02-11")
    if entities:
        doc.entities = entities
    qs = extract_quotes(doc)
    for q in qs:
        for span in (q.speaker, q.cue, q.content):
            if span is not None:
                assert text[span.start:span.end] == span.text, span
    return qs


def _find(qs: list[Quote], words: str) -> Quote:
    hits = [q for q in qs if words in q.content.text]
    assert hits, f"no quote containing {words!r}: {[q.content.text for q in qs]}"
    return min(hits, key=lambda q: len(q.content.text))


def test_direct_guillemets_with_vso_speaker() -> None:
    qs = _quotes("عنوان\nوقال وزير الخارجية الروسي سيرغي لافروف «لن نسمح بعودة الإرهاب إلى المنطقة».")
    q = _find(qs, "لن نسمح بعودة الإرهاب")
    assert q.direct is True
    # a title chain speaks through the name at its end (GUIDE: the bare name is enough)
    assert q.speaker is not None and q.speaker.text == "سيرغي لافروف"
    assert q.cue.cls == "say" and q.cue.text == "وقال"
    assert q.content.text == "لن نسمح بعودة الإرهاب إلى المنطقة"


def test_indirect_qala_inna_with_adverbial_and_via() -> None:
    qs = _quotes("عنوان\nقال لافروف في مقابلة مع قناة روسيا 1 أمس إن التنظيم لا يزال موجودا في سوريا.")
    q = _find(qs, "التنظيم لا يزال موجودا")
    assert q.speaker is not None and q.speaker.text == "لافروف"
    assert q.direct is False
    assert q.via is not None and "قناة روسيا 1" in q.via


def test_participle_continues_previous_speaker() -> None:
    qs = _quotes("عنوان\nوقال الرئيس المصري عبدالفتاح السيسي إن الأمن أولوية، مؤكداً أن الجيش مستعد للدفاع عن البلاد.")
    first = _find(qs, "الأمن أولوية")
    second = _find(qs, "الجيش مستعد للدفاع")
    assert "مؤكد" not in first.content.text  # the participle starts a new quote
    assert second.cue.cls == "assert"
    assert second.speaker is not None and "السيسي" in second.speaker.text


def test_continuation_wa_adafa_resolved() -> None:
    text = ("عنوان\nقال الوسيط الأممي ستفان دي ميستورا إن المفاوضات ستستأنف الأحد.\n"
            "وأضاف أن وفد المعارضة موجود في جنيف.\nوتابع \"نتوقع مفاوضات جدية\".")
    qs = _quotes(text)
    for words in ("وفد المعارضة موجود", "نتوقع مفاوضات جدية"):
        q = _find(qs, words)
        assert q.speaker is not None and "دي ميستورا" in q.speaker.text, q.speaker


def test_feminine_continuation_skips_masculine_speaker() -> None:
    # the last speaker is a man; وقالت must go back to the feminine subject (a place, grammatically feminine)
    text = ("عنوان\nوقال لافروف إن التنظيم ضعيف.\n"
            "وسحبت القوات الرئيسية، لكن موسكو أبقت على عدد من الوحدات القتالية. "
            "وقالت إن بقاء تلك القوات يأتي في إطار الاتفاقات.")
    q = _find(_quotes(text), "بقاء تلك القوات")
    assert q.speaker is not None and q.speaker.text == "موسكو"


def test_feminine_continuation_after_organisation() -> None:
    text = ("عنوان\nأكدت وزارة الدفاع الروسية أن قواتها أنجزت المهمة. ثم قال المحلل السياسي ناجي السامعي إن الوضع معقد.\n"
            "وأضافت الوزارة في بيانها أن الانسحاب سيبدأ قريبا.\nوأوضحت أن الطائرات ستبقى في القاعدة.")
    q = _find(_quotes(text), "الطائرات ستبقى")
    # «الوزارة» after the full name is that body
    assert q.speaker is not None and q.speaker.text == "وزارة الدفاع الروسية"
    q0 = _find(_quotes(text), "قواتها أنجزت")
    assert q0.cue.cls == "assert" and q0.speaker.text == "وزارة الدفاع الروسية"  # type: ignore[index]


def test_naqalat_agency_an_speaker_qawlahu_via() -> None:
    text = "عنوان\nفقد نقلت وكالة تاس الروسية للأنباء عن الجيش قوله الاثنين، إن قواته شرعت في تسيير دوريات."
    q = _find(_quotes(text), "قواته شرعت في تسيير")
    assert q.speaker is not None and q.speaker.text == "الجيش"
    assert q.via is not None and "وكالة تاس" in q.via
    assert q.cue.cls == "say"


def test_bihasab_attribution() -> None:
    text = "عنوان\nوبحسب الشركة فإن بطارية الساعة يمكن أن تدوم عشر ساعات."
    q = _find(_quotes(text), "بطارية الساعة يمكن")
    assert q.speaker is not None and q.speaker.text == "الشركة"
    assert q.cue.cls == "say"


def test_denial_and_accusation_classes() -> None:
    text = ("عنوان\nنفت وزارة الخارجية أن يكون الوزير قد زار دمشق.\n"
            "واتهمت المعارضة النظام السوري بفتح ممر آمن للتنظيم.")
    qs = _quotes(text)
    deny = _find(qs, "يكون الوزير قد زار")
    assert deny.cue.cls == "deny" and deny.speaker.text == "وزارة الخارجية"  # type: ignore[index]
    acc = _find(qs, "بفتح ممر آمن")
    assert acc.cue.cls == "accuse" and acc.speaker.text == "المعارضة"  # type: ignore[index]


def test_negated_denial_is_assert_and_other_negations_dropped() -> None:
    text = ("عنوان\nولم ينف المتحدث باسم الجيش أن القوات دخلت المدينة.\n"
            "ولم يؤكد الوزير أن الاتفاق وقع.")
    qs = _quotes(text)
    q = _find(qs, "القوات دخلت المدينة")
    assert q.cue.cls == "assert" and q.cue.negated is True
    assert q.cue.text == "ولم ينف"
    assert not [x for x in qs if "الاتفاق وقع" in x.content.text]
    assert q.speaker is not None and q.speaker.text == "المتحدث باسم الجيش"


def test_multi_sentence_direct_quote() -> None:
    text = "عنوان\nوقال الوزير: \"الوضع صعب. لكننا سننتصر. والشعب معنا\".\nوفي سياق آخر انتهى الاجتماع."
    q = _find(_quotes(text), "لكننا سننتصر")
    assert q.direct is True
    assert q.content.text == "الوضع صعب. لكننا سننتصر. والشعب معنا"


def test_quote_inside_a_quote() -> None:
    text = "عنوان\nوأوضح الضابط أحمد بورقيبة، أن الرجل أكد أنه تصرف على هذا النحو لإنقاذ شرف ابنته."
    qs = _quotes(text)
    outer = _find(qs, "الرجل أكد")
    inner = _find(qs, "تصرف على هذا النحو")
    assert outer is not inner
    assert "بورقيبة" in outer.speaker.text  # type: ignore[index]
    assert inner.speaker.text == "الرجل" and inner.cue.cls == "assert"  # type: ignore[index]


def test_speaker_links_to_entity() -> None:
    text = "عنوان\nواعتبر وزير الخارجية الروسي سيرغي لافروف أن التنظيم ما زال موجودا.\nوأضاف أن الوضع تحسن."
    s = text.index("سيرغي لافروف")
    r = text.index("الروسي")
    ents = [Entity(id="Q7803", name="سيرغي لافروف", type="PER", mentions=[Span(s, s + 12, "سيرغي لافروف")]),
            Entity(id="Q159", name="روسيا", type="GPE", mentions=[Span(r, r + 6, "الروسي")])]
    qs = _quotes(text, ents)
    assert all(q.speaker is not None and q.speaker.entity == "Q7803" for q in qs)
    assert len(qs) == 2


def test_unnamed_spokesperson_links_to_the_body() -> None:
    text = "عنوان\nوقال المتحدث باسم الجيش الروسي إن الدوريات بدأت."
    s = text.index("الجيش الروسي")
    ents = [Entity(id="ARMY", name="الجيش الروسي", type="ORG", mentions=[Span(s, s + 12, "الجيش الروسي")])]
    q = _find(_quotes(text, ents), "الدوريات بدأت")
    assert q.speaker is not None and q.speaker.entity == "ARMY"


def test_no_entities_leaves_entity_none() -> None:
    q = _find(_quotes("عنوان\nوقال الوزير الفرنسي إن الحوار مستمر."), "الحوار مستمر")
    assert q.speaker is not None and q.speaker.entity is None


def test_no_quotes() -> None:
    assert _quotes("عنوان\nشنت الطائرات غارات على المدينة وقتل عشرة أشخاص.") == []
    assert _quotes("") == []


def test_robust_to_non_arabic_and_huge_tokens() -> None:
    assert _quotes("The minister said that talks would resume. « unbalanced quote") == []
    _quotes("قال " + "ب" * 10_000 + " إن")
    _quotes("وقال «" + "x" * 10_000)
    _quotes("«»:\n\n،،، قال: ")


def test_date_taken_from_dates_stage_when_present() -> None:
    from marsad.document import DateRef

    text = "عنوان\nقال الجيش الروسي الخميس إنه أنجز مهمته في سوريا."
    doc = Document(text=text, published="2017-12-07")
    s = text.index("الخميس")
    doc.dates = [DateRef("الخميس", s, s + 6, "2017-12-07", "day")]
    q = extract_quotes(doc)[0]
    assert q.date == "2017-12-07"
    assert extract_quotes(Document(text=text))[0].date is None


def test_pipeline_component() -> None:
    component = build_quotes()
    doc = component(Document(text="عنوان\nوقال الوزير إن الاجتماع انتهى."))
    assert len(doc.quotes) == 1 and doc.quotes[0].cue.cls == "say"


def test_subject_after_inna_is_the_speaker_and_the_object_is_the_content() -> None:
    # after إنّ/أنّ the noun before the verb is its subject: the noun after it is the object (the
    # thing denied), not a post-verbal speaker; a partitive «من» phrase stays part of the subject
    text = "عنوان\nوقال الوزير إن الوحدات الخاصة من الشرطة المحلية نفت تقرير الصحيفة عن إغلاق المعبر."
    qs = _quotes(text)
    denial = _find(qs, "تقرير الصحيفة")
    assert denial.cue.cls == "deny"  # type: ignore[index]
    assert denial.speaker.text == "الوحدات الخاصة من الشرطة المحلية"  # type: ignore[index]
    assert denial.content.text.startswith("تقرير الصحيفة")  # type: ignore[index]
