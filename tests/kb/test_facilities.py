"""Head noun + name = one facility or natural feature (kb/facilities.py); sentences written for these tests."""

from __future__ import annotations

from marsad.kb.facilities import attach_heads


def spans(text: str, *items: tuple[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for phrase, typ in items:
        i = text.find(phrase)
        out.append((i, i + len(phrase), typ))
    return sorted(out)


def show(text: str, ms) -> list[tuple[str, str]]:
    return [(text[s:e], t) for s, e, t in attach_heads(text, ms)]


def test_royal_name_inside_a_hospital_is_the_hospital():
    text = "نقل المصابون إلى مستشفى الملك فهد لتلقي العلاج."
    assert show(text, spans(text, ("الملك فهد", "PER"))) == [("مستشفى الملك فهد", "FAC")]


def test_embassy_named_by_a_person_but_not_by_a_country():
    text = "زار الوزير سفارة خادم الحرمين الشريفين في مدريد ثم سفارة فرنسا."
    got = show(text, spans(text, ("خادم الحرمين الشريفين", "PER"), ("مدريد", "GPE"), ("فرنسا", "GPE")))
    assert ("سفارة خادم الحرمين الشريفين", "ORG") in got and ("فرنسا", "GPE") in got


def test_camp_and_mountain_heads_absorb_a_head_matched_as_a_town():
    text = "هاجم المقاتلون نقاطا تابعة لمعسكر القرميد قرب جبل الشيخ."
    ms = spans(text, ("معسكر", "GPE"), ("القرميد", "GPE"))
    got = show(text, ms)
    assert ("معسكر القرميد", "FAC") in got and ("لمعسكر", "GPE") not in got
    assert ("جبل الشيخ", "LOC") in got  # a natural feature takes a plain definite noun as its name


def test_canal_before_a_place_channel_before_a_body():
    text = "عبرت السفينة قناة بنما بينما بثت قناة الحرة الخبر."
    got = show(text, spans(text, ("بنما", "GPE"), ("الحرة", "ORG")))
    assert ("قناة بنما", "LOC") in got and ("الحرة", "ORG") in got


def test_words_that_only_look_like_heads():
    text = "التطبيق سهل الاستخدام، وأدى الوفد مناسك العمرة في مدرسة بريطانية."
    assert show(text, spans(text, ("بريطانية", "LOC"))) == [("بريطانية", "LOC")]


def test_definite_head_with_an_adjective_name():
    text = "أقيمت المباراة في الملعب الأولمبي بحضور الجماهير."
    assert show(text, spans(text, ("الأولمبي", "ORG"))) == [("الملعب الأولمبي", "FAC")]


def test_honorific_between_head_and_person():
    text = "تخرج في جامعة الملك سعود ثم عمل في قاعدة الأمير سلطان الجوية."
    got = show(text, spans(text, ("سعود", "PERS"), ("سلطان", "PERS")))
    assert got == [("جامعة الملك سعود", "FAC"), ("قاعدة الأمير سلطان", "FAC")]
