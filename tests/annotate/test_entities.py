from marsad.annotate.entities import bio_spans, merge_mentions
from marsad.annotate.pipeline import Pipeline
from marsad.document import Document
from marsad.text.segment import tokens


def test_bio_spans_offsets():
    text = "قال وزير الخارجية سيرغي لافروف في موسكو"
    toks = tokens(text)
    tags = ["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]
    spans = bio_spans([toks], [tags])
    assert [(text[s:e], t) for s, e, t in spans] == [("سيرغي لافروف", "PERS"), ("موسكو", "LOC")]


def test_bio_spans_type_change_and_stray_inside():
    text = "أ ب ج د"
    toks = tokens(text)
    spans = bio_spans([toks], [["B-ORG", "I-LOC", "I-LOC", "O"]])
    assert [(text[s:e], t) for s, e, t in spans] == [("أ", "ORG"), ("ب ج", "LOC")]


def test_merge_prefers_longer_then_dictionary():
    stat = [(0, 10, "ORG"), (20, 25, "LOC")]
    known = [(5, 10, "GPE"), (20, 25, "GPE"), (30, 35, "ORG")]
    assert merge_mentions(stat, known) == [(0, 10, "ORG"), (20, 25, "GPE"), (30, 35, "ORG")]


def _entities(text):
    return Pipeline(names=["entities"])(Document(text=text, title=text.split("\n")[0])).entities


def test_alias_group_and_partial_name_link():
    text = ("روسيا تتعهد بمواجهة داعش\nقال وزير الخارجية الروسي سيرغي لافروف إن تنظيم الدولة الإسلامية لا يزال "
            "موجودا في سوريا. وأضاف لافروف أن داعش فقد معظم أراضيه قرب تدمر.")
    ents = _entities(text)
    by_mention = {m.text: e for e in ents for m in e.mentions}
    assert by_mention["لافروف"].id == by_mention["سيرغي لافروف"].id
    isis = {e.id for t, e in by_mention.items() if "داعش" in t or "الدولة الإسلامية" in t}
    assert len(isis) == 1
    palmyra = by_mention["تدمر"]
    assert palmyra.type in ("GPE", "LOC") and palmyra.country == "SYR"
    assert 34 < palmyra.lat < 35 and 38 < palmyra.lon < 39
    for e in ents:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_no_arabic_and_huge_token_do_not_crash():
    assert isinstance(_entities("The Russian army said on Thursday."), list)
    ents = _entities("قال " + "ب" * 10_000 + " في دمشق")
    assert any(m.text == "دمشق" for e in ents for m in e.mentions)


def test_facility_named_after_a_king_is_the_facility():
    text = "افتتاح جناح جديد\nنقل المصابون إلى مستشفى الملك فهد في جازان لتلقي العلاج."
    ents = _entities(text)
    hosp = [e for e in ents if any(m.text == "مستشفى الملك فهد" for m in e.mentions)]
    assert hosp and hosp[0].type == "FAC"
    assert not any(e.type == "PER" for e in ents)


def test_common_word_is_no_place_in_the_pipeline():
    text = "تقرير\nوزعت الجمعية مساعدات بسيطة على الأسر، ونزل الوفد في فندق قريب من الميناء."
    assert [e.name for e in _entities(text) if e.type in ("GPE", "LOC", "FAC")] == []


def test_the_divine_name_of_formulas_is_no_entity():
    text = ("وأشاد الوزير سعد الحربي بجهود رجال الأمن - حفظهم الله - وقال: نحمد الله على سلامة الجميع، "
            "وأضاف الحربي أن النجاح جاء بتوفيق من الله.")
    doc = Pipeline(disable=["dates", "quotes", "events"])(Document(text=text))
    assert not [m for e in doc.entities for m in e.mentions if m.text.strip() in ("الله", "لله")]
    assert any(e.type == "PER" and "الحربي" in [m.text for m in e.mentions] for e in doc.entities)
