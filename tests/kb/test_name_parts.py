"""Name parts written apart (kb/name_parts.py)."""

from __future__ import annotations

from marsad.kb.name_parts import extend_person_names


def _grown(text: str, name: str) -> str:
    s = text.index(name)
    ((a, b, _t),) = extend_person_names(text, [(s, s + len(name), "PERS")])
    return text[a:b]


def test_a_separate_family_name_ending_joins_the_name() -> None:
    assert _grown("وقال وزير الخارجية مولود جاويش أوغلو إن بلاده ترفض ذلك.", "مولود جاويش") == "مولود جاويش أوغلو"
    assert _grown("وصرح المتحدث ذبيح الله مجاهد بأن الهجوم وقع ليلا.", "مجاهد") == "ذبيح الله مجاهد"
    assert _grown("وألقى حسن نصر الله خطابا مساء أمس.", "حسن نصر") == "حسن نصر الله"


def test_god_in_a_formula_is_not_taken_into_a_name() -> None:
    text = "وقال إن الله حفظ البلاد، وأضاف محمد سالم أن الوضع مستقر."
    assert _grown(text, "محمد سالم") == "محمد سالم"


def test_a_person_starting_inside_the_last_word_is_kept_as_it_is() -> None:
    text = "وكان في استقباله وزير الداخلية وحسان"
    s = text.rindex("حسان")
    assert extend_person_names(text, [(s, len(text), "PERS")]) == [(s, len(text), "PERS")]
