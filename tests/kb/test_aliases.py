"""Short forms, acronyms and classifier phrases of bodies named in the article."""

from __future__ import annotations

from marsad.document import Entity, Span
from marsad.kb.aliases import add_alias_mentions
from marsad.kb.orgchunk import is_short_form, lemmas


def _ent(text: str, phrase: str, eid: str, typ: str = "ORG") -> Entity:
    i = text.index(phrase)
    return Entity(id=eid, name=phrase, type=typ, mentions=[Span(i, i + len(phrase), phrase)])


def _by_name(ents: list[Entity]) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in ents}


def test_head_noun_refers_to_the_body_named_before() -> None:
    text = "أصدرت الهيئة الوطنية لحماية البيئة تقريرا. وقالت الهيئة إن التلوث زاد."
    assert _by_name(add_alias_mentions(text, [])) == {
        "الهيئة الوطنية لحماية البيئة": ["الهيئة الوطنية لحماية البيئة", "الهيئة"]}


def test_short_form_keeps_head_and_some_words() -> None:
    text = "أعلنت جمعية المحامين الأردنيين رفضها. وقالت جمعية المحامين في بيان إن القرار باطل."
    assert _by_name(add_alias_mentions(text, []))["جمعية المحامين الأردنيين"] == [
        "جمعية المحامين الأردنيين", "جمعية المحامين"]
    assert is_short_form(lemmas(["مكتب", "الحاكم"]), lemmas(["مكتب", "حاكم", "ولاية", "تكساس"]))
    assert not is_short_form(lemmas(["المجلس", "العسكري"]), lemmas(["لجنة", "تشكيل", "المجلس", "العسكري"]))


def test_acronym_in_parentheses_and_its_later_uses() -> None:
    text = "نقلت وكالة الأنباء الكويتية الرسمية (كونا) عن مسؤول قوله. وذكرت كونا أن الاجتماع انتهى."
    out = _by_name(add_alias_mentions(text, []))
    assert out == {"وكالة الأنباء الكويتية الرسمية": ["وكالة الأنباء الكويتية الرسمية", "كونا", "كونا"]}


def test_acronym_joins_an_entity_found_for_it() -> None:
    text = "زار الوفد مقر منظمة الأغذية والزراعة (فاو) في روما، وقالت فاو إن المحصول تراجع."
    i = text.index("فاو")
    fao = Entity(id="m:fao", name="فاو", type="ORG", mentions=[Span(i, i + 3, "فاو")])
    out = add_alias_mentions(text, [fao])
    assert [m.text for m in out[0].mentions] == ["منظمة الأغذية والزراعة", "فاو", "فاو"]


def test_classifier_joins_the_name_and_quoted_names() -> None:
    text = "هاجمت ميليشيا أنصار الحق البلدة. وأعلن تنظيم «سرايا الفجر» مسؤوليته، وقال سرايا الفجر إنهم سيواصلون."
    out = _by_name(add_alias_mentions(text, [_ent(text, "أنصار الحق", "o1")]))
    assert out["أنصار الحق"] == ["ميليشيا أنصار الحق"]
    assert out["سرايا الفجر"] == ["تنظيم «سرايا الفجر»", "سرايا الفجر"]


def test_definite_noun_before_quotes_is_not_a_name() -> None:
    text = "وصف الحزب «خيانة وطنية» ما جرى أمس."
    assert add_alias_mentions(text, []) == []


def test_other_nationality_or_unconfirmed_phrase_is_not_linked() -> None:
    text = "بث التلفزيون البلجيكي التقرير، ثم رفض التلفزيون الهولندي بثه. وعقد مجلس الطلبة اجتماعا."
    out = _by_name(add_alias_mentions(text, [_ent(text, "التلفزيون البلجيكي", "tv")]))
    assert out == {"التلفزيون البلجيكي": ["التلفزيون البلجيكي"]}


def test_nisba_adjective_after_a_body_joins_it() -> None:
    text = "وحملت فصائل المقاومة الشعبية المسؤولية، وقالت قوات الحرس الجمهوري الموالية للرئيس إنها انسحبت."
    body = _ent(text, "فصائل المقاومة", "o1")
    guard = _ent(text, "قوات الحرس الجمهوري", "o2")
    out = _by_name(add_alias_mentions(text, [body, guard]))
    assert out["فصائل المقاومة"] == ["فصائل المقاومة الشعبية"]
    assert out["قوات الحرس الجمهوري"] == ["قوات الحرس الجمهوري"]  # a participle opening a clause stays out


def test_clause_after_an_indefinite_head_or_a_month_is_not_a_name() -> None:
    text = ("عقدت جمعية عمومية خيم عليها التوتر جلستها، ثم انفضت الجمعية العمومية. وقالت الشركة للمسافرين "
            "إن الرحلات تأخرت، وأكدت الشركة ذلك. وأعلنت الهيئة في مارس (آذار) خطتها.")
    assert add_alias_mentions(text, []) == []


def test_evaluative_epithet_refers_back_and_founds_nothing() -> None:
    text = ("أعلنت جماعة أنصار الفجر مسؤوليتها عن الهجوم. وقالت الجماعة الإرهابية في بيان إن مقاتليها "
            "انسحبوا، ثم هددت الجماعة الإرهابية بهجمات أخرى.")
    out = _by_name(add_alias_mentions(text, [_ent(text, "أنصار الفجر", "o1")]))
    assert list(out) == ["أنصار الفجر"]
    assert out["أنصار الفجر"][1:] == ["الجماعة الإرهابية", "الجماعة الإرهابية"]
    alone = "وقالت الجماعة المتطرفة إنها ستواصل، وكررت الجماعة المتطرفة تهديدها."
    assert add_alias_mentions(alone, []) == []


def test_a_ministry_named_once_is_a_body() -> None:
    text = "وحذرت وزارة الصحة من انتشار العدوى في المدارس."
    assert _by_name(add_alias_mentions(text, [])) == {"وزارة الصحة": ["وزارة الصحة"]}
    assert add_alias_mentions("وقالت لجنة المدرسة إن الدوام مستمر.", []) == []


def test_a_party_court_or_guard_named_once_is_a_body_but_a_description_is_not() -> None:
    text = "وأعلن حزب الأمة مشاركته، فيما قضت محكمة جنايات القاهرة بسجن المتهمين، وانتشر حرس الرئاسة حول القصر."
    out = _by_name(add_alias_mentions(text, [_ent(text, "القاهرة", "Q85", "GPE")]))
    assert set(out) == {"حزب الأمة", "محكمة جنايات القاهرة", "حرس الرئاسة", "القاهرة"}
    assert add_alias_mentions("وقال الحزب الحاكم إن الانتخابات ستجري في موعدها.", []) == []


def test_reading_cut_is_the_letters_before_the_reading() -> None:
    from marsad.kb.aliases import _reading_cut

    assert _reading_cut("والجيش", "الجيش") == 1
    assert _reading_cut("الجيش", "الجيش") == 0
    assert _reading_cut("الجيش", "جيش") is None
