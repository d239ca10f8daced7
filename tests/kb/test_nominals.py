"""Nominal mentions, discourse propagation and word cutting around Arabic punctuation."""

from __future__ import annotations

from marsad.document import Entity, Span
from marsad.kb.nominals import add_nominal_mentions, agent_id
from marsad.kb.propagate import propagate_mentions
from marsad.kb.tokens import norm_tokens


def _ent(text: str, phrase: str, eid: str, typ: str = "ORG", sector: str | None = None) -> Entity:
    i = text.index(phrase)
    return Entity(id=eid, name=phrase, type=typ, mentions=[Span(i, i + len(phrase), phrase)], sector=sector)


def test_arabic_comma_does_not_stick_to_a_word() -> None:
    words = [w for _s, _e, w in norm_tokens("من قبضة الدولة الإسلامية، انحسر؟ نفوذه؛ ثم")]
    assert words == ["من", "قبضه", "الدوله", "الاسلاميه", "انحسر", "نفوذه", "ثم"]


def test_multiword_name_propagates_with_proclitic() -> None:
    text = "قاتلت قوات سوريا الديمقراطية التنظيم. وانسحبت من الرقة وقوات سوريا الديمقراطية تتقدم."
    ent = _ent(text, "قوات سوريا الديمقراطية", "Q1")
    out = propagate_mentions(text, [ent])
    spans = [m.text for m in out[0].mentions]
    assert spans == ["قوات سوريا الديمقراطية", "قوات سوريا الديمقراطية"]
    assert text[out[0].mentions[1].start - 1] == "و"  # the proclitic stays outside the mention


def test_propagation_skips_single_words_and_punctuation_breaks() -> None:
    text = "قال أمل إن الأمل كبير. الدولة، الإسلامية ليست الدولة الإسلامية"
    one = _ent(text, "أمل", "p1", "PER")
    two = Entity(id="o1", name="الدولة الإسلامية", type="ORG",
                 mentions=[Span(text.rindex("الدولة الإسلامية"), len(text), "الدولة الإسلامية")])
    out = propagate_mentions(text, [one, two])
    assert len(out[0].mentions) == 1
    assert len(out[1].mentions) == 1  # "الدولة، الإسلامية" is not the name


def test_generic_agents_get_a_sector_and_country() -> None:
    text = "اتهمت المعارضة السورية النظام بقصف المدنيين، وقالت إن المسلحين انسحبوا."
    out = add_nominal_mentions(text, [])
    by_id = {e.id: e for e in out}
    assert agent_id("OPP", "SYR") in by_id
    assert by_id[agent_id("OPP", "SYR")].mentions[0].text == "المعارضة السورية"
    assert by_id[agent_id("CVL", None)].mentions[0].text == "المدنيين"  # ب is cut off
    assert by_id["agent:UAF"].sector == "UAF"
    assert all(e.type == "MISC" for e in out)


def test_existing_mentions_win_over_agents() -> None:
    text = "قال الجيش السوري إن الجيش تقدم."
    army = _ent(text, "الجيش السوري", "army", sector="MIL")
    out = add_nominal_mentions(text, [army])
    assert [m.text for m in out[0].mentions] == ["الجيش السوري", "الجيش"]  # anaphor joins the army
    assert len(out) == 1


def test_anaphoric_description_joins_its_antecedent() -> None:
    text = "هاجم تنظيم داعش قرية. وقال شهود إن التنظيم المتطرف انسحب لاحقا."
    isis = _ent(text, "تنظيم داعش", "Q2429253", sector="IMG")
    out = add_nominal_mentions(text, [isis])
    assert [m.text for m in out[0].mentions] == ["تنظيم داعش", "التنظيم المتطرف"]


def _country(text: str, phrase: str, eid: str, iso: str) -> Entity:
    e = _ent(text, phrase, eid, "GPE")
    e.country = iso
    return e


def test_a_bare_kingdom_is_the_kingdom_the_article_names() -> None:
    text = "وقال الناطق باسم الحكومة إن الأردن يرفض التدخل، مؤكدا أن المملكة لن تسمح بالمساس بحدودها."
    out = add_nominal_mentions(text, [_country(text, "الأردن", "Q810", "JOR")])
    jordan = next(e for e in out if e.id == "Q810")
    assert [m.text for m in jordan.mentions] == ["الأردن", "المملكة"]


def test_a_bare_kingdom_in_an_article_set_in_saudi_arabia_is_saudi_arabia() -> None:
    text = "أشاد أمير منطقة جازان بيقظة رجال الأمن، وقال إن أمن المملكة واستقرارها خط أحمر، وإن للمملكة رجالا."
    jazan = _ent(text, "جازان", "gn:jazan", "GPE")
    jazan.country = "SAU"
    out = add_nominal_mentions(text, [jazan])
    saudi = next(e for e in out if e.id == "Q851")
    assert [m.text for m in saudi.mentions] == ["المملكة", "للمملكة"]


def test_a_kingdom_without_evidence_or_going_on_into_a_name_is_left_alone() -> None:
    text = "وأكد أن المملكة ستواصل دعمها. وزار الوزير المملكة المتحدة الشهر الماضي."
    assert all(e.id != "Q851" for e in add_nominal_mentions(text, []))


def test_warplanes_are_the_air_force_acting() -> None:
    text = "ونفذ الطيران الحربي ثلاث غارات على التلال، ثم عادت الطائرات الحربية فجر اليوم."
    ents = add_nominal_mentions(text, [])
    assert [(e.id, [m.text for m in e.mentions]) for e in ents] == [
        ("agent:MIL", ["الطيران الحربي", "الطائرات الحربية"])]


def test_the_insurgency_named_by_its_act_is_the_insurgents() -> None:
    text = "وهاجمت فلول التمرد مواقع الثوار، ثم انسحب المتمردون."
    ents = add_nominal_mentions(text, [])
    ins = next(e for e in ents if e.id == agent_id("INS", None))
    assert [m.text for m in ins.mentions] == ["فلول التمرد", "المتمردون"]


def test_a_bare_army_refers_back_to_the_national_army_named_before() -> None:
    # own sentences: «الجيش» alone is the army the article named with its country, not a second, generic army
    text = "قصف الجيش التشادي مواقع للمتمردين قرب الحدود. وأعلن الجيش أمس تدمير ثلاث آليات."
    out = add_nominal_mentions(text, [])
    army = next(e for e in out if e.id == agent_id("MIL", "TCD"))
    assert [m.text for m in army.mentions] == ["الجيش التشادي", "الجيش"]
    assert not any(e.id == agent_id("MIL", None) for e in out)


def test_an_army_with_another_nationality_is_not_the_one_named_before() -> None:
    text = "قصف الجيش التشادي مواقع للمتمردين. ورد الجيش النيجري بقصف مماثل."
    out = add_nominal_mentions(text, [])
    ids = {e.id for e in out}
    assert agent_id("MIL", "TCD") in ids and agent_id("MIL", "NER") in ids


def test_a_bare_front_refers_back_only_to_a_body_named_front() -> None:
    text = "هاجم تنظيم داعش بلدة قرب حلب. وقالت جبهة الأصالة إن الجبهة صدت الهجوم."
    isis = _ent(text, "تنظيم داعش", "Q2429253", sector="IMG")
    front = _ent(text, "جبهة الأصالة", "m:front", sector="REB")
    out = add_nominal_mentions(text, [isis, front])
    got = next(e for e in out if e.id == "m:front")
    assert [m.text for m in got.mentions] == ["جبهة الأصالة", "الجبهة"]
    text2 = "وقالت حركة الأصالة إن الجبهة الشمالية هادئة بعد هجوم تنظيم داعش."
    out2 = add_nominal_mentions(text2, [_ent(text2, "حركة الأصالة", "m:move", sector="REB")])
    assert all(len(e.mentions) == 1 for e in out2 if e.id == "m:move")


def test_a_state_body_named_by_its_head_and_nationality() -> None:
    text = "ومددت الرئاسة الجزائرية العمل بالقانون، وقالت الإدارة الأمريكية إنها ترحب بذلك."
    by_id = {e.id: e for e in add_nominal_mentions(text, [])}
    assert by_id[agent_id("GOV", "DZA")].mentions[0].text == "الرئاسة الجزائرية"
    assert by_id[agent_id("GOV", "USA")].mentions[0].text == "الإدارة الأمريكية"


def test_a_head_without_its_nationality_is_the_common_noun() -> None:
    text = "وأشاد بالقيادة الحكيمة وبالإدارة الجديدة للمشروع."
    assert add_nominal_mentions(text, []) == []


def test_the_resistance_is_an_armed_side() -> None:
    text = "وردت المقاومة على الهجوم، واستهدف مقاتلو المقاومة مواقع المسلحين."
    by_id = {e.id: e for e in add_nominal_mentions(text, [])}
    assert [m.text for m in by_id[agent_id("REB", None)].mentions] == ["المقاومة", "مقاتلو المقاومة"]
