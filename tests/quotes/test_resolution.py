"""Who said it: anaphora, agreement, word order and entity links, on sentences written for the test."""

from __future__ import annotations

from typing import Any

from marsad.document import Entity, Span
from marsad.quotes import quotes_in_text
from marsad.quotes.anaphora import _head_of_state
from marsad.quotes.nouns import base
from marsad.text import normalize


def _sp(q: Any) -> tuple[str | None, str | None]:
    sp = q.speaker
    if sp is None:
        return None, None
    if isinstance(sp, dict):
        return sp["text"], sp["entity"]
    return sp.text, sp.entity


def _text(q: Any) -> str:
    return q.content.text if hasattr(q.content, "text") else q.content["text"]


def _cls(q: Any) -> str:
    return q.cue.cls if hasattr(q.cue, "cls") else q.cue["class"]


def _find(qs: list[Any], words: str) -> Any:
    hits = [q for q in qs if words in _text(q)]
    assert hits, [_text(q) for q in qs]
    return min(hits, key=lambda q: len(_text(q)))


def _ent(text: str, eid: str, typ: str, words: str) -> Entity:
    s = text.index(words)
    return Entity(id=eid, name=words, type=typ, mentions=[Span(s, s + len(words), words)])


def test_title_alone_is_the_minister_named_with_exactly_that_title() -> None:
    text = ("عنوان\nاستقبل وزير الداخلية حمد الراشد، ووزير الداخلية الأردني عمر الخطيب وفدا مشتركا.\n"
            "وقال وزير الداخلية الأردني إن التنسيق مستمر.\nوأكد وزير الداخلية أن الحدود آمنة.")
    qs = quotes_in_text(text)
    assert _sp(_find(qs, "التنسيق مستمر"))[0] == "عمر الخطيب"
    assert _sp(_find(qs, "الحدود آمنة"))[0] == "حمد الراشد"


def test_short_form_of_a_source_and_of_a_body() -> None:
    text = ("عنوان\nقالت مصادر دبلوماسية في بيروت إن الاجتماع تأجل.\nوأكد المصدر أن الموعد لم يحدد.\n"
            "وأعلنت الهيئة العامة للطيران المدني تعليق الرحلات. وأوضحت الهيئة أن القرار مؤقت.")
    qs = quotes_in_text(text)
    assert _sp(_find(qs, "الموعد لم يحدد"))[0] == "مصادر دبلوماسية في بيروت"
    assert _sp(_find(qs, "القرار مؤقت"))[0] == "الهيئة العامة للطيران المدني"


def test_emphatic_title_is_the_last_named_speaker() -> None:
    text = ("عنوان\nوقال جمال الدوسري، رئيس اللجنة المالية في المجلس، إن الميزانية متوازنة.\n"
            "وأضاف النائب المستقل نفسه أن العجز سيتراجع.")
    q = _find(quotes_in_text(text), "العجز سيتراجع")
    assert _sp(q)[0] == "جمال الدوسري"


def test_feminine_continuation_is_a_speaker_not_a_feminine_noun() -> None:
    text = ("عنوان\nوقالت المنظمة الدولية للهجرة إن آلاف الأسر نزحت.\n"
            "ولا تزال اقتراحات الحكومة بشأن العودة قيد الدراسة، مضيفة أن المخيمات مكتظة.")
    q = _find(quotes_in_text(text), "المخيمات مكتظة")
    assert _sp(q)[0] == "المنظمة الدولية للهجرة"


def test_subject_inside_reported_content_is_not_a_continuation() -> None:
    text = "عنوان\nقال المتحدث العسكري إن الكتيبة انسحبت من المدينة، مضيفا أن العملية انتهت."
    q = _find(quotes_in_text(text), "العملية انتهت")
    assert _sp(q)[0] == "المتحدث العسكري"


def test_verb_gives_a_named_subject_its_gender() -> None:
    text = ("عنوان\nوقالت سلمى كارين إن المساعدات وصلت.\nودعت الأطراف المتنازعة إلى وقف القتال.\n"
            "وأضافت أن الوضع صعب.")
    q = _find(quotes_in_text(text), "الوضع صعب")
    assert _sp(q)[0] == "سلمى كارين"


def test_relative_clause_with_its_own_subject() -> None:
    text = "عنوان\nوتدور المعارك حول البلدة التي قالت فصائل المعارضة: إنها استعادتها أمس."
    q = _find(quotes_in_text(text), "استعادتها أمس")
    assert _sp(q)[0] == "فصائل المعارضة"


def test_plural_verb_has_no_subject_after_it() -> None:
    text = "عنوان\nلكن خبراء حثوا البنك على خفض الفائدة."
    q = _find(quotes_in_text(text), "خفض الفائدة")
    assert _sp(q)[0] == "خبراء"


def test_statement_speaks_for_its_source() -> None:
    text = "عنوان\nأعلن بيان صادر عن مكتب محافظ البصرة أن الطريق أعيد فتحه."
    q = _find(quotes_in_text(text), "الطريق أعيد فتحه")
    assert _sp(q)[0] == "مكتب محافظ البصرة"


def test_body_named_in_quotation_marks() -> None:
    text = 'عنوان\nوأشارت "شرطة العاصمة" إلى أن المشتبه به اعتقل.'
    q = _find(quotes_in_text(text), "المشتبه به اعتقل")
    assert _sp(q)[0] == "شرطة العاصمة"


def test_name_before_the_accusation_is_the_accused() -> None:
    text = "عنوان\nواتهم زعيم حزب معارض مقرب من النقابات نتنياهو بإهدار المال العام."
    q = _find(quotes_in_text(text), "بإهدار المال العام")
    assert _sp(q)[0] == "زعيم حزب معارض مقرب من النقابات"
    assert _text(q).startswith("نتنياهو")  # the accused is part of the accusation


def test_speaker_never_links_to_a_place_inside_the_title() -> None:
    text = "عنوان\nوقال محافظ الجهراء فهد العازمي إن الأمطار توقفت."
    ents = [_ent(text, "G1", "GPE", "الجهراء")]
    q = _find(quotes_in_text(text, ents), "الأمطار توقفت")
    assert _sp(q) == ("فهد العازمي", None)
    ents.append(_ent(text, "P1", "PER", "فهد العازمي"))
    q = _find(quotes_in_text(text, ents), "الأمطار توقفت")
    assert _sp(q) == ("فهد العازمي", "P1")


def test_praise_and_admission_cues() -> None:
    text = ("عنوان\nوأشاد الوزير بجهود فرق الإنقاذ.\nونوه المدير إلى أن التحقيق جار.\n"
            "ونوه الرئيس بدور المتطوعين.\nوأقر المسؤول بوجود تقصير.\nوأثنى السفير على التعاون بين البلدين.")
    qs = quotes_in_text(text)
    assert _cls(_find(qs, "فرق الإنقاذ")) == "express"
    assert _cls(_find(qs, "التحقيق جار")) == "say"
    assert _cls(_find(qs, "دور المتطوعين")) == "express"
    assert _cls(_find(qs, "وجود تقصير")) == "assert"
    assert _cls(_find(qs, "التعاون")) == "express"


def test_participle_with_its_object_before_the_content() -> None:
    text = "عنوان\nوقال المندوب إن الهدنة صامدة، داعيا الطرفين «إلى ضبط النفس»."
    q = _find(quotes_in_text(text), "ضبط النفس")
    assert _cls(q) == "call" and _text(q).startswith("الطرفين")
    assert _sp(q)[0] == "المندوب"


def test_verb_with_an_object_pronoun() -> None:
    text = "عنوان\nوهي الخطة التي وصفها وزير المالية بأنها ضرورية."
    q = _find(quotes_in_text(text), "ضرورية")
    assert _sp(q)[0] == "وزير المالية"


def test_main_clause_after_a_subordinate_one_is_a_new_quote() -> None:
    text = ("عنوان\nوفيما أشار مسؤول في الدفاع المدني إلى أن ثلاثة أشخاص أصيبوا، "
            "أعلنت جماعة مسلحة مسؤوليتها عن الانفجار.")
    qs = quotes_in_text(text)
    assert _sp(_find(qs, "ثلاثة أشخاص أصيبوا"))[0] == "مسؤول في الدفاع المدني"
    q = _find(qs, "مسؤوليتها عن الانفجار")
    assert _cls(q) == "announce" and "ثلاثة" not in _text(q)


def test_whereas_clause_continues_the_speaker() -> None:
    text = "عنوان\nوطالب الوسيط بفتح الطرق أمام الشاحنات في حين حث جميع الأطراف على وقف القتال."
    qs = quotes_in_text(text)
    assert "وقف القتال" not in _text(_find(qs, "بفتح الطرق"))
    assert _sp(_find(qs, "وقف القتال"))[0] == "الوسيط"


def test_epithet_does_not_hide_the_antecedent() -> None:
    text = ("عنوان\nوتبنى تنظيم بوكو حرام الهجوم على القرية.\n"
            "وأضاف بيان التنظيم المتشدد أن مقاتليه انسحبوا.")
    q = _find(quotes_in_text(text), "مقاتليه انسحبوا")
    assert _sp(q)[0] is not None and "بوكو حرام" in _sp(q)[0]


def test_it_came_before_for_x_that_he_warned() -> None:
    text = "عنوان\nوكان قد سبق للوزير سامر الأحمد أن حذر من أن الأسعار سترتفع."
    q = _find(quotes_in_text(text), "الأسعار سترتفع")
    assert _sp(q)[0] == "سامر الأحمد"


def test_participle_object_starting_with_ma() -> None:
    text = "عنوان\nوقال الشاهد إن الجنود أطلقوا النار، واصفا ما جرى «بالمجزرة»."
    q = _find(quotes_in_text(text), "بالمجزرة")
    assert _text(q).startswith("ما جرى") and _sp(q)[0] == "الشاهد"


def test_a_bare_president_is_the_head_of_state_not_the_prime_minister() -> None:
    text = ("عنوان\nاستقبل الرئيس الغاني جون ماهاما رئيس الوزراء التوغولي سليم آدو في أكرا.\n"
            "وقال الرئيس إن البلدين سيعززان التجارة.")
    assert _sp(_find(quotes_in_text(text), "سيعززان التجارة"))[0] == "جون ماهاما"
    text = "عنوان\nوصل رئيس الوزراء التوغولي سليم آدو إلى أكرا.\nوقال الرئيس إن البلدين سيعززان التجارة."
    assert _sp(_find(quotes_in_text(text), "سيعززان التجارة"))[0] != "سليم آدو"
    words = [base(normalize(w)) for w in ("رئيس", "الكاميرون")]
    assert _head_of_state(words) and not _head_of_state([words[0], base(normalize("الوزراء"))])
