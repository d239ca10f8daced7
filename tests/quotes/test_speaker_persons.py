"""A titled speaker's name that the tagger missed becomes a person of the document (quotes/speaker_persons).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.document import Document, Entity, Span
from marsad.quotes import extract_quotes, quotes_in_text


def _doc(text: str, *names: tuple[str, str, str]) -> Document:
    ents = [Entity(id=eid, name=s, type=typ, mentions=[Span(text.index(s), text.index(s) + len(s), s)])
            for s, eid, typ in names]
    return Document(text=text, entities=ents)


def _persons(doc: Document) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in doc.entities if e.type == "PER"}


def test_a_titled_speaker_with_a_family_name_becomes_a_person_with_all_his_occurrences() -> None:
    text = ("عنوان\nوقال المتحدث باسم الوزارة سامر الخطيب إن المفاوضات توقفت. وأضاف سامر الخطيب أن الوفد غادر.\n"
            "وكان لسامر الخطيب رأي آخر.")
    doc = _doc(text, ("الوزارة", "o1", "ORG"))
    quotes = extract_quotes(doc)
    assert _persons(doc) == {"سامر الخطيب": ["سامر الخطيب"] * 3}
    pid = next(e.id for e in doc.entities if e.type == "PER")
    assert [q.speaker.entity for q in quotes] == [pid, pid]
    assert doc.entities == sorted(doc.entities, key=lambda e: e.mentions[0].start)


def test_a_given_name_learnt_from_the_name_clusters_starts_a_name() -> None:
    # «راجح» is in no hand list; the NER's word2vec clusters put it beside the given names
    text = "عنوان\nوقال مدير المطار راجح عبده إن الرحلات ستعود."
    doc = _doc(text, ("المطار", "l1", "LOC"))
    extract_quotes(doc)
    assert "راجح عبده" in _persons(doc)


def test_a_verbal_noun_after_a_title_is_no_name() -> None:
    for text in ("عنوان\nوأكد المبعوث الدولي لقاءه المقرر مع الأطراف في الجزائر.",
                 "عنوان\nوأكد المبعوث الدولي أهمية تشكيل فريق عمل للمراقبة.",
                 "عنوان\nوقطع المسؤول بفشل هذه الخطة في الجنوب."):
        doc = _doc(text, ("الجزائر" if "الجزائر" in text else "الجنوب" if "الجنوب" in text else "عنوان",
                          "g1", "GPE"))
        extract_quotes(doc)
        assert _persons(doc) == {}, text


def test_a_name_the_tagger_found_is_left_alone() -> None:
    text = "عنوان\nوقال المتحدث باسم الوزارة سامر الخطيب إن المفاوضات توقفت."
    doc = _doc(text, ("سامر الخطيب", "p1", "PER"))
    q = extract_quotes(doc)[0]
    assert len(doc.entities) == 1 and q.speaker.entity == "p1"


def test_a_bare_text_call_adds_no_entities() -> None:
    text = "عنوان\nوقال المتحدث باسم الوزارة سامر الخطيب إن المفاوضات توقفت."
    ents = [Entity(id="o1", name="الوزارة", type="ORG", mentions=[Span(text.index("الوزارة"), text.index("الوزارة") + 7, "الوزارة")])]
    quotes_in_text(text, ents)
    assert len(ents) == 1


def test_a_noun_in_construct_after_a_title_is_no_name() -> None:
    for text in ("عنوان\nوأكد حاكم الولاية حصيلة القتلى في الهجوم.",
                 "عنوان\nوقدم قائد الشرطة تعازي القيادة لأسر الضحايا.",
                 "عنوان\nوقال الوزير بهذا الخصوص إن الحوار مستمر.",
                 "عنوان\nوتولى المدرب الجديد تدريب الفريق الأول منذ عامين."):
        doc = _doc(text, ("عنوان", "x1", "MISC"))
        extract_quotes(doc)
        assert _persons(doc) == {}, text


def test_an_unlisted_first_name_before_a_family_name_is_read() -> None:
    text = "عنوان\nوقال المتحدث باسم المركز رأفت الصباغ إن الرحلة وصلت."
    doc = _doc(text, ("المركز", "o1", "ORG"))
    extract_quotes(doc)
    assert "رأفت الصباغ" in _persons(doc)
