"""Tagged spans that name no one (kb/non_names.py)."""

from __future__ import annotations

from marsad.kb.non_names import not_a_name


def test_peoples_in_the_plural_and_god_in_formulas_are_not_names() -> None:
    for w in ("الأكراد", "والتركمان", "للسوريين", "الإسرائيليون", "حفظه الله".split()[1]):
        assert not_a_name(w), w


def test_groups_countries_and_names_with_god_are_names() -> None:
    for w in ("الحوثيين", "السعودية", "عبد الله", "حزب الله", "الحزب الديمقراطي الكردستاني", "العراق"):
        assert not not_a_name(w), w
