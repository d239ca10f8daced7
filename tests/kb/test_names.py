"""Person-name variants: compounds, lineage, and names that must stay apart."""

from __future__ import annotations

from marsad.kb.coref import extends_name, is_partial_name, name_words
from marsad.text.normalize import normalize


def _w(s: str) -> list[str]:
    return [normalize(x) for x in s.split()]


def test_compound_given_names_are_one_word() -> None:
    assert name_words(_w("عبد الكريم بن عبد الله")) == name_words(_w("عبدالكريم ابن عبدالله"))
    assert is_partial_name(_w("عبد الله"), _w("ناصر عبد الله"))
    assert not is_partial_name(_w("الله"), _w("ناصر عبد الله"))
    assert not is_partial_name(_w("محمد"), _w("أبو محمد"))  # a kunya is not a surname


def test_lineage_and_family_extend_a_name() -> None:
    assert extends_name(_w("فيصل بن عبدالرحمن آل ثاني"), _w("فيصل بن عبد الرحمن"))
    assert extends_name(_w("تركي بن طلال بن عبدالعزيز"), _w("تركي بن طلال"))
    assert not extends_name(_w("تركي بن فهد"), _w("تركي بن طلال"))
    assert not extends_name(_w("تركي بن طلال"), _w("تركي"))  # a given name alone is too common
