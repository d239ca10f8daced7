"""The two sides of «بين A وB» when a clause of taking place stands between the event noun and «بين».

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_clauses import PARTIES
from tests.events.test_roles import _events


def test_sides_after_a_clause_of_taking_place_are_the_parties() -> None:
    for text, typ in (("وأسفرت اشتباكات اندلعت مساء أمس في ريف الكويت بين الجيش العراقي وجبهة النصرة عن "
                       "سقوط قتلى.", "ASSAULT"),
                      ("وقال المتحدث إن الاجتماع الذي عقد أمس في بغداد بين حزب الأمة وجبهة النصرة كان "
                       "إيجابيا.", "CONSULT")):
        evs = [e for e in _events(text, PARTIES) if e.type == typ]
        assert evs and {evs[0].actor[0], evs[0].recipient[0]} <= {"m:irq_army", "m:nusra", "m:umma"}, text
        assert evs[0].actor != evs[0].recipient


def test_between_in_a_later_clause_names_no_side() -> None:
    text = "وتواصلت الاشتباكات في المدينة، وتوزعت الخسائر بين الجيش العراقي وجبهة النصرة."
    evs = [e for e in _events(text, PARTIES) if e.type == "ASSAULT" and "الاشتباكات" in e.trigger.text]
    assert evs and evs[0].recipient != ["m:nusra"]


def test_a_fight_that_took_place_has_the_sides_of_the_last_encounter_not_the_nearest_name() -> None:
    text = "وهاجم الجيش العراقي مواقع جبهة النصرة قرب الحدود ودارت معارك عنيفة حول المعبر."
    fights = [e for e in _events(text, PARTIES) if e.type == "ASSAULT" and "معارك" in e.trigger.text]
    if fights:  # (the two mentions of one fight may be merged into the first)
        assert fights[0].actor == ["m:irq_army"] and fights[0].recipient == ["m:nusra"]
    text = "وزار رئيس حزب الأمة مقر جبهة النصرة ثم اندلعت اشتباكات في المدينة."
    fights = [e for e in _events(text, PARTIES) if e.type == "ASSAULT"]
    assert fights and fights[0].actor == []
