"""Place names that are also ordinary words need evidence (kb/place_gate.py); sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.kb import find_known_mentions, get_kb, link_mentions
from marsad.kb.common_words import zipf
from marsad.kb.place_gate import commonness, continues_list, is_generic_place


def found(text: str, tagged=()) -> list[str]:
    return [text[s:e] for s, e, _t, _i in find_known_mentions(text, tagged)]


def one(text: str, phrase: str, ner: str) -> list[tuple[str, str]]:
    i = text.find(phrase)
    return [(e.name, e.type) for e in link_mentions(text, [(i, i + len(phrase), ner)])]


def test_frequency_table_is_normalised_and_summed():
    assert zipf("الله") > 6.0  # الله and the spelling اللة fold into one normalised word
    assert zipf("دمشق") > 4.5
    assert zipf("سيطه") == 0.0  # rarer than the table keeps


@pytest.mark.parametrize(("key", "token", "level"), [
    ("دمشق", "دمشق", 0),  # very common, but a capital: frequent because famous
    ("تدمر", "تدمر", 0),  # a verb too, but no noun form الـتدمر: judged by context instead
    ("فندق", "فندق", 2),  # فندق/الفندق: a noun
    ("الصدر", "الصدر", 2),  # صدر: a noun
    ("سيطه", "بسيطه", 2),  # ب + a village is doubtful when بسيطة is the common word
    ("القطف", "القطف", 1),  # fairly common noun قطف
])
def test_commonness(key, token, level):
    assert commonness(key, token, get_kb().candidates(key)) == level


def test_curated_and_multiword_names_are_never_gated():
    kb = get_kb()
    assert commonness("روسيا", "روسيا", kb.candidates("روسيا")) is None
    assert commonness("دير الزور", "دير", kb.candidates("دير الزور")) is None


def test_common_words_are_not_places_without_evidence():
    assert found("حصل المزارعون على أرباح بسيطة هذا الموسم.") == []
    assert found("نزل الوفد في فندق فاخر وسط العاصمة.") == []
    assert found("أصيب ثلاثة عمال بجروح متوسطة ونقلوا إلى المستشفى.") == []
    assert found("من ناحية ثانية، ناقش المجلس الميزانية.") == []  # an idiom, not the cue ناحية


def test_verb_after_relative_pronoun_is_not_a_place():
    assert found("هذه المواد التي تدمر البيئة ممنوعة في الأسواق.") == []
    assert found("سيطر المسلحون على تدمر الأثرية بعد معارك عنيفة.") == ["تدمر"]


def test_cue_list_and_document_evidence():
    assert found("قصفت المدفعية قريتي جروح والقطف بعد منتصف الليل.") == ["جروح", "القطف"]
    # a list passes on only a plural's strength: a very common word needs its own cue
    assert found("قصفت المدفعية قريتي جروح وفندق بعد منتصف الليل.") == ["جروح"]
    # the second mention has no cue, but the first one said it is a village
    assert found("نزح الأهالي من قرية جروح أمس. وقال سكان جروح إن القصف لم يتوقف.") == ["جروح", "جروح"]
    assert found("وصل الوفد إلى دمشق ثم توجه إلى حلب واللاذقية.") == ["دمشق", "حلب", "اللاذقية"]


def test_tagger_agreement_is_enough_for_a_fairly_common_word_only():
    text = "تعرضت مزارع القطف لأضرار كبيرة."
    i = text.find("القطف")
    assert found(text) == []
    assert found(text, [(i, i + 5, "LOC")]) == ["القطف"]
    text = "نزل الوفد في فندق فاخر وسط العاصمة."
    i = text.find("فندق")
    assert found(text, [(i, i + 4, "LOC")]) == []


def test_linker_drops_tagger_places_that_are_words():
    assert one("أصيب الحارس بطلق ناري في الصدر ونقل إلى المستشفى.", "الصدر", "LOC") == []
    assert one("ودعا الخطيب الله أن يحفظ البلاد.", "الله", "MISC") == [("الله", "MISC")]
    assert one("اشتدت المعارك في ريف المحافظة الشمالي.", "ريف", "LOC") == []
    assert one("وصل الوفد إلى دمشق صباحا.", "دمشق", "LOC")[0][1] == "GPE"


def test_helpers():
    assert is_generic_place(["بريف"]) and is_generic_place(["للمدينه"]) and not is_generic_place(["حلب"])
    t = "الراعي والعياش"
    assert continues_list(t, 6, 7) and not continues_list("الراعي في العياش", 6, 10)


def test_cues_let_names_the_build_kept_back_match():
    # حماة is also «protectors» (حماة الأمن): matched only after a place noun, proclitic allowed
    assert found("تقدمت القوات في سهل زراعي بريف حماة الشمالي.") == ["حماة"]
    assert found("استهدف الهجوم حماة الوطن.") == []
    # a cue passes on to the next item of a list joined by و
    assert found("دارت اشتباكات بمنطقتي الرستن والمضيق غربي المحافظة.") == ["الرستن", "المضيق"]
    assert found("دارت اشتباكات قرب الرستن والمضيق غربي المحافظة.") == ["الرستن"]
    assert found("قصفت الطائرات أطراف مدينة الباب شرقي حلب.") == ["الباب", "حلب"]


def test_cues_do_not_make_places_of_adjectives_prepositions_or_common_nouns():
    assert found("ما زالت مناطق تحت سيطرة المسلحين في الشرق.") == []
    assert found("وصل الوفد إلى العاصمة القطرية للمشاركة في الاجتماع.") == []
    assert found("عادت الحياة إلى منطقة حرب سابقة بعد سنوات.") == []
    assert found("قال المحافظ إن الطريق مفتوح وإن الحركة طبيعية.") == []  # وإن is not the town وان


def test_a_commoner_whole_word_or_a_noun_with_a_pronoun_is_no_place():
    assert found("فاز الفريق بفارق كبير على منافسه.") == []  # ك + بير على would be the town بئر علي
    assert found("كتب الصحفي في زاويته الأسبوعية عن الانتخابات.") == []
    assert found("أعلن مركز رصد الزلازل عن هزة خفيفة.") == []


def test_hamza_spelling_of_a_city_is_the_city():
    assert found("رفعت الشركة دعوى أمام محكمة في أبها الأسبوع الماضي.") == ["أبها"]
