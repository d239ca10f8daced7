"""The actor of an attack told again in the next clause: «شنت طائرات التحالف غارات على مأرب. واستهدفت
الغارات مخازن للأسلحة» and «… في غارات لطيران التحالف. استهدفت مواقع للحوثيين».

A verb whose subject is the definite noun of an event of its own type (الغارات، الهجوم، القصف) refers back
to that event, and a verb opening its sentence with no subject written goes on with the sentence before:
either way the event is the one just told, and its actor is that event's. Only the last event of the type
before it, in this sentence or the one before, is continued; a negated one is not.
"""

from __future__ import annotations

from marsad.document import Event
from marsad.events.anaphora import actor_mentions, overt_subject
from marsad.events.frame import Frame
from marsad.events.lexicon import FORMS
from marsad.events.tokens import ADVERBS, POSITIONS, Ment

__all__ = ["continued_actor"]

#: How far back (characters before the sentence) the event continued may lie: the sentence before.
_REACH = 400


def continued_actor(f: Frame) -> list[Ment]:
    """The actor of the event a verbal trigger's clause continues, as mentions; [] when none."""
    toks, v = f.toks, f.v
    k = v + 1
    while k < f.n and toks[k].bare in ADVERBS:
        k += 1
    form = FORMS.get(toks[k].key) if k < f.n else None
    noun_subject = form is not None and not form.verbal and form.trig.type == f.trig.type and \
        toks[k].key.startswith("ال")
    # (a noun after the verb may be its subject, «واتهم التقرير», unless it names a position, what is hit)
    dropped = v == 0 and k < f.n and (not overt_subject(toks, v) or toks[k].bare in POSITIONS)
    if not (noun_subject or dropped):
        return []
    start = toks[v].start
    last = _last_event(f, start)
    if last is None:
        return []
    return actor_mentions(last, {e.id: e for e in f.st.doc.entities})


def _last_event(f: Frame, before: int) -> Event | None:
    for ev in reversed([*f.st.prior, *f.st.coded]):
        if ev.trigger.start >= before or ev.type != f.trig.type:
            continue
        if ev.sentence.end < f.st.s - _REACH:
            return None
        return ev if ev.actor and not ev.negated and not ev.hypothetical else None
    return None
