"""Tagged spans that name no one (kb/non_names.py)."""

from __future__ import annotations

from marsad.kb.non_names import month_of_a_date, not_a_name


def test_peoples_in_the_plural_and_god_in_formulas_are_not_names() -> None:
    for w in ("الأكراد", "والتركمان", "للسوريين", "الإسرائيليون", "حفظه الله".split()[1]):
        assert not_a_name(w), w


def test_groups_countries_and_names_with_god_are_names() -> None:
    for w in ("الحوثيين", "السعودية", "عبد الله", "حزب الله", "الحزب الديمقراطي الكردستاني", "العراق"):
        assert not not_a_name(w), w


def _month(text: str, word: str) -> bool:
    start = text.index(word)
    return month_of_a_date(text, start, start + len(word))


def test_a_month_of_a_date_is_no_name_but_an_alliance_or_a_carmaker_is() -> None:
    assert _month("توقفت الرحلات منذ مايو (أيار) الماضي.", "أيار")
    assert _month("وصل الوفد في نيسان 2014 إلى المدينة.", "نيسان")
    assert _month("وجرت الانتخابات في تموز الماضي.", "تموز")
    assert not _month("وقالت قوى 14 آذار في بيان إن الحكومة فشلت.", "آذار")
    assert not _month("وأعلنت شركة نيسان عن طراز جديد.", "نيسان")
