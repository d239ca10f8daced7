"""`clitic_forms` must hold every word whose clitic readings include a stem: the kb passes skip all others."""

from __future__ import annotations

from itertools import product

from marsad.kb.tokens import clitic_forms, clitic_variants, tokens_where


def test_every_word_with_a_reading_is_among_the_forms() -> None:
    stems = ["الجيش", "جيش", "اليمن", "لجنه", "الامم", "مدينه", "ابو", "ال", "بلد"]
    prefixes = ["", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فل", "لل", "ولل", "فلل", "وال", "بال", "فبال"]
    words = {p + s for p, s in product(prefixes, stems)} | {p + "لل" + s[2:] for p in ("", "و", "ف") for s in stems}
    for w in words:
        for v, _cut in clitic_variants(w):
            assert w in clitic_forms([v]), (w, v)


def test_tokens_where_finds_the_tokens_in_order() -> None:
    text = "قال الجيش إن وللجيش دورا، وبالجيش أيضا"
    forms = clitic_forms(["الجيش"])
    got = tokens_where(text, forms, lambda w: any(v == "الجيش" for v, _c in clitic_variants(w)))
    assert got == [1, 3, 5]


def test_tokens_where_is_the_same_for_small_and_large_forms() -> None:
    text = "قال الجيش إن وللجيش دورا، وبالجيش أيضا"
    small = frozenset({"الجيش", "وبالجيش"})
    large = frozenset(small | {f"كلمه{i}" for i in range(100)})
    assert tokens_where(text, small, bool) == tokens_where(text, large, bool) == [1, 5]
    assert tokens_where(text, {"الجيش": 1}.keys(), bool) == [1]


def test_clitic_variants_memo_is_emptied_past_its_bound(monkeypatch) -> None:  # noqa: ANN001
    from marsad.kb import tokens

    monkeypatch.setattr(tokens, "VARIANTS_MAX", 0)
    clitic_variants("والجيش")
    tokens.norm_tokens("نص جديد لم يقطع من قبل " * 5)
    assert clitic_variants.cache_info().currsize == 0
    assert clitic_variants("والجيش")[0] == ("والجيش", 0)
