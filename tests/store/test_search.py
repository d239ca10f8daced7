"""Snippets and highlights: the folded fast path must find exactly what the reference pattern finds."""

from __future__ import annotations

import pytest

from marsad.store.search import Highlighter, SearchSyntaxError, to_fts_query

TEXTS = [
    "قالت الحكومة إن وزير الخارجية سيزور موسكو، وأكدت والحكومة بالحكومة للحكومة ذلك.",
    "وَقالَ الرَّئيسُ إنَّ الحُكومةَ لن تتراجع عن قرارها، فضلاً عن أنّ المملكــة ترفض.",
    "أعلنت المملكة العربية السعودية وللمملكة وفالمملكة ملكية.",
    "قال Obama إن OBAMA وobama لن يتراجع.",
    "في عام ١٩٩٠ وفي 1990 وقع الحادث.",
    "حكومات حكومة الحكوميين تحكم",
    "İstanbul الحكومة",
    "",
]
QUERIES = ["الحكومة", "وزير الخارجية", "المملكة", "obama", "1990", "حكوم*", '"المملكة العربية"', "الرئيس", "علي"]


@pytest.mark.parametrize("query", QUERIES)
def test_fast_spans_equal_reference_pattern(query: str) -> None:
    hl = Highlighter.for_terms(to_fts_query(query)[1])
    for text in TEXTS:
        assert hl.spans(text) == [m.span() for m in hl.pattern.finditer(text)], text


def test_spans_point_into_the_original_text_past_diacritics_and_tatweel() -> None:
    text = TEXTS[1]
    hl = Highlighter.for_terms(to_fts_query("الحكومة المملكة")[1])
    assert [text[s:e] for s, e in hl.spans(text)] == ["الحُكومةَ", "المملكــة"]


def test_proclitics_join_the_highlight_and_word_internal_matches_do_not() -> None:
    text = TEXTS[0]
    hl = Highlighter.for_terms(to_fts_query("الحكومة")[1])
    assert [text[s:e] for s, e in hl.spans(text)] == ["الحكومة", "والحكومة", "بالحكومة", "للحكومة"]
    hl = Highlighter.for_terms(to_fts_query("حكومة")[1])
    assert [TEXTS[5][s:e] for s, e in hl.spans(TEXTS[5])] == ["حكومة"]


def test_snippet_marks_are_offsets_into_the_snippet_text() -> None:
    text = "مقدمة طويلة " * 30 + "ثم قالت الحكومة كلمتها " + "وختام " * 40
    snip = Highlighter.for_terms(["الحكومه"]).snippet(text)
    assert snip.text.startswith("…") and snip.text.endswith("…")
    assert [snip.text[s:e] for s, e in snip.highlights] == ["الحكومة"]


@pytest.mark.parametrize("query", ["ا*", "ال*", "الم*"])
def test_a_prefix_of_one_letter_or_the_article_alone_is_refused(query: str) -> None:
    with pytest.raises(SearchSyntaxError, match="too short"):
        to_fts_query(query)


def test_two_letter_prefixes_and_stars_elsewhere_are_fine() -> None:
    assert to_fts_query("مس*")[0] == '"مس"*'
    assert to_fts_query("الحكو*")[0] == '"الحكو"*'
