"""Whom a dropped subject met: a titled name right after a و-verb of meeting, with another person joined
to it by و, is met (زار X القاهرة والتقى الرئيسَ فلانًا ونظيرَه فلانًا); the subject is the party the
clause before names. A titled subject's object is what follows its name (زار الوزير فلانٌ القاهرةَ), so
that object never continues as the subject of the next و-verb.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_genitives import _typed
from tests.events.test_roles import _events

PEOPLE = {
    "سامر حداد": ("m:haddad", "PER", None, None, None),
    "نبيل عيسى": ("m:issa", "PER", None, None, None),
    "خالد منصور": ("m:mansour", "PER", None, None, None),
    "القاهرة": ("m:cairo", "GPE", "EG", "city", None),
}


def test_a_titled_name_and_its_joined_counterpart_are_met_by_the_dropped_subject() -> None:
    text = "زار وزير الخارجية البرتغالي سامر حداد القاهرة أمس والتقى الرئيس نبيل عيسى ونظيره خالد منصور."
    ev = _typed([e for e in _events(text, PEOPLE) if e.trigger.text == "والتقى"], "CONSULT")
    assert ev.actor == ["m:haddad"]
    assert "m:issa" in ev.recipient and "m:mansour" in ev.recipient


def test_a_titled_name_before_an_object_still_meets_it() -> None:
    ev = _typed(_events("والتقى الرئيس نبيل عيسى أمس وزير الخارجية البرتغالي سامر حداد.", PEOPLE), "CONSULT")
    assert ev.actor == ["m:issa"] and ev.recipient == ["m:haddad"]


def test_an_act_after_a_verb_of_judging_is_its_object_so_the_subject_was_dropped() -> None:
    text = "وزار وزير الخارجية البرتغالي سامر حداد القاهرة أمس. كما انتقد عدم دعوة بلاده إلى مؤتمر الطاقة."
    ev = _typed(_events(text, PEOPLE), "ACCUSE")
    assert ev.actor == ["m:haddad"]
    # protesters after the verb are its subject, not a prior party
    text = "وزار وزير الخارجية البرتغالي سامر حداد القاهرة أمس. ودعا المعتصمون إلى إقالة المحافظ."
    ev = _typed(_events(text, PEOPLE), "REQUEST")
    assert "m:haddad" not in ev.actor
