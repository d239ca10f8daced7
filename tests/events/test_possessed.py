"""Whose men and places: a party in the genitive of a position (مواقع X) after the verb is the one hit,
never the verb's subject, and armed means carrying a possessive pronoun before the verb (إن قواته قصفت)
were the pronoun's owner's (events/roles.py, events/clauses.possessed_subject).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _one
from tests.events.test_roles import EXTRA, _events

PARTIES = {
    **EXTRA,
    "حركة الأصالة": ("m:asala", "ORG", None, None, "REB"),
    "تنظيم داعش": ("Q2429253", "ORG", None, None, "IMG"),
}


def test_a_party_owning_the_positions_after_the_verb_is_hit_not_the_subject() -> None:
    evs = _events("واستهدفت مواقع حركة الأصالة في الموصل بعشرات الغارات.", PARTIES)
    assert all("m:asala" not in e.actor for e in evs)
    assert _one(evs, "ASSAULT").recipient == ["m:asala"]
    ev = _one(_events("وقصفت مقرات حركة الأصالة قرب الموصل.", PARTIES), "ASSAULT")
    assert ev.actor == [] and ev.recipient == ["m:asala"]


def test_a_party_after_the_verb_is_still_its_subject() -> None:
    ev = _one(_events("واستهدفت حركة الأصالة مواقع تنظيم داعش قرب الموصل.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:asala"] and ev.recipient == ["Q2429253"]


def test_forces_carrying_a_pronoun_before_the_verb_act_for_its_owner() -> None:
    ev = _one(_events("وقال الجيش العراقي إن قواته قصفت مواقع تنظيم داعش قرب الموصل.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:irq_army"] and ev.recipient == ["Q2429253"]
    ev = _one(_events("وأكدت حركة الأصالة أن مقاتليها هاجموا مواقع تنظيم داعش.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:asala"] and ev.recipient == ["Q2429253"]
