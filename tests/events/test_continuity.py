"""Air strikes whose clause names no one are flown by the air force the article's other strikes name.

Every text here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _events
from tests.events.test_roles import _events as _roles_events


def _strikes(text: str) -> list[tuple[str, list[str]]]:
    return [(e.trigger.text, e.actor) for e in _events(text) if e.type == "ASSAULT"]


def test_the_articles_one_air_force_flies_its_unattributed_strikes() -> None:
    text = ("وشنت طائرات التحالف الدولي غارات على مواقع تنظيم داعش قرب الرقة أمس. "
            "وفي المساء دمرت غارة أخرى مستودعا للذخيرة قرب تدمر.")
    assert [actor for _t, actor in _strikes(text)] == [["m:coalition"], ["m:coalition"]]


def test_two_air_forces_leave_an_unattributed_strike_unattributed() -> None:
    text = ("وشنت طائرات التحالف الدولي غارات على مواقع قرب الرقة أمس، فيما قصفت مقاتلات روسيا مواقع قرب حلب. "
            "وفي المساء دمرت غارة أخرى مستودعا للذخيرة قرب تدمر.")
    strikes = _strikes(text)
    assert strikes[-1][1] == []


def test_strikes_of_the_warplanes_are_the_named_air_forces() -> None:
    # «the warplanes» name no side: they neither make a second air force nor keep their strikes unattributed
    text = ("وشنت طائرات التحالف الدولي غارات على مواقع تنظيم داعش قرب الرقة أمس. "
            "كما شنت المقاتلات الحربية ثلاث غارات على مخازن للسلاح قرب تدمر.")
    warplanes = {"المقاتلات الحربية": ("agent:MIL", "MISC", None, None, "MIL")}
    strikes = [e.actor for e in _roles_events(text, warplanes) if e.type == "ASSAULT"]
    assert strikes == [["m:coalition"], ["m:coalition"]]
