"""«عبد» compounds are written joined or apart (عبدالله، عبد الله); the KB holds one spelling of a name.

Names here are invented or generic (none is taken from the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.kb.tokens import other_abd_spelling
from marsad.text.normalize import normalize


def _w(s: str) -> list[str]:
    return normalize(s).split()


def test_joined_compounds_are_split_and_split_ones_joined() -> None:
    assert other_abd_spelling(_w("سامي عبدالله الكردي")) == _w("سامي عبد الله الكردي")
    assert other_abd_spelling(_w("فهد بن عبد الرحمن")) == _w("فهد بن عبدالرحمن")


def test_a_name_without_a_compound_or_with_a_short_one_has_no_other_spelling() -> None:
    assert other_abd_spelling(_w("سامي الكردي")) is None
    assert other_abd_spelling(_w("محمد عبده")) is None  # عبده is a name of its own
    assert other_abd_spelling(_w("سامي عبد")) is None  # a trailing عبد joins nothing


def test_the_kb_finds_a_name_in_the_spelling_it_does_not_hold() -> None:
    from marsad.kb.link import _resolve_key

    found, _cut = _resolve_key(_w("علي عبدالله صالح"))
    assert found and found[0].country == "YEM"
