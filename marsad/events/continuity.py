"""Roles read from the whole document: an air strike whose clause names no one is flown by the air force
that the article's other air strikes name, when they all name the same one.

A war report names the air force once (طائرات التحالف شنت غارات …) and then goes on with «غارات مماثلة»,
«شنت طائرات أخرى غارات», «الطيران استهدف …»: in one article the aircraft are one side's (a side without an
air force has no air strikes to report). Where the article's named air strikes disagree (two air forces
over one city), nothing is assumed. Strikes flown by «the warplanes» (المقاتلات، الطيران الحربي: the generic
armed force) name no side, and take the article's.
"""

from __future__ import annotations

import re

from marsad.document import Document, Event

__all__ = ["attribute_air_strikes"]

#: Triggers that are air strikes themselves (غارة، غارات، ضربة جوية، قصف جوي، طلعات): not a clash or a
#: shelling that a sentence about aircraft also reports.
_AIR = re.compile("غار[ةاته]|جوي|طلعات")


def attribute_air_strikes(events: list[Event], doc: Document) -> list[Event]:
    """`events` with the actorless air strikes given the one actor the document's other air strikes name."""
    aerial = [ev for ev in events if ev.type == "ASSAULT" and not ev.negated and _AIR.search(ev.trigger.text)]
    flyer = {e.id for e in doc.entities if e.type == "GPE" or e.sector in ("MIL", "GOV")}
    # any attack told with aircraft counts as a naming (قصفت مقاتلات روسيا …): two air forces, no guess;
    # only states and armed forces fly (a person or a rebel group named so is an error not to spread)
    named = {tuple(ev.actor) for ev in events if ev.actor and ev.type == "ASSAULT" and not ev.negated and
             (ev.mode == "aerial" or _AIR.search(ev.trigger.text)) and set(ev.actor) <= flyer and
             not _warplanes(ev.actor)}
    if len(named) != 1:
        return events
    actor = list(next(iter(named)))
    for ev in aerial:
        if (not ev.actor or _warplanes(ev.actor)) and not set(actor) & set(ev.recipient):
            ev.actor = list(actor)
    return events


def _warplanes(actor: list[str]) -> bool:
    """An actor that is only the generic armed force (المقاتلات، الطيران الحربي): it names no side, so the
    side the article's air strikes name is a better reading of it."""
    return all(a == _GENERIC_MILITARY for a in actor)


_GENERIC_MILITARY = "agent:MIL"
