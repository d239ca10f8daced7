"""Where it happened: a town the gazetteer does not grade, and landmarks of a distance, are told apart.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _one
from tests.events.test_roles import _events

PLACES: dict[str, tuple[str, str, str | None, str | None, str | None]] = {
    "كفر زيتا": ("m:kafr", "GPE", "SYR", None, None),
    "بحيرة الأسد": ("m:lake", "GPE", "SYR", None, None),
    "دمشق": ("Q3766", "GPE", "SYR", "settlement", None),
    "مسلحون": ("agent:UAF", "MISC", None, None, "UAF"),
}


def test_a_town_after_a_place_noun_is_the_scene_not_the_capital_of_the_distance() -> None:
    evs = _events("وهاجم مسلحون حاجزا في بلدة كفر زيتا التي تبعد 200 كيلومتر عن العاصمة دمشق.", PLACES)
    assert _one(evs, "ASSAULT").location == "m:kafr"


def test_an_ungraded_place_is_never_the_party_attacked() -> None:
    evs = _events("وقتل مسلحون خمسة صيادين على شاطئ بحيرة الأسد.", PLACES)
    ev = _one(evs, "ASSAULT")
    assert "m:lake" not in ev.recipient
