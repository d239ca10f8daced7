"""One event per occurrence in a document: repeated descriptions of the same event are merged.

News names an attack in its headline, describes it in the lead, and refers back to it (الهجوم، التفجير،
هذا الهجوم، المباحثات) as the story goes on. A later mention joins an earlier event of the same type when
it refers back (a definite or demonstrative noun, a possessive) or names the same actor (and no other
target), and nothing says otherwise: no conflicting actor, target, place, mode or explicit date, the same
negation and hypothesis, and no «آخر/جديد/ثانٍ» (another, a new, a second) or «لاحقا/مجددا/أيضا» near it. A headline event joins the first
compatible event of the body whatever its wording.

An event inside a quote whose actor the clause does not name, of a type the article itself narrates, is
the speaker talking about that occurrence (or about such events in general: «الإرهاب لا دين له ويقتل
الأبرياء»): it is folded into the narrated event and not counted again (`fold_quoted`). In a text that
narrates no event of the type (a one-sentence item, a statement), the quoted event stays.

The merged event is the first description in the body (where a reader anchors it), with the roles it
lacks taken from the other mentions and the casualty counts from the most specific mention that gives
them (the one naming the most of actor, target and place; the larger count on a tie, as tolls rise).
"""

from __future__ import annotations

import re

from marsad.document import Document, Event
from marsad.events.lexicon import FORMS
from marsad.text.normalize import normalize

__all__ = ["fold_quoted", "merge_repeats"]

_ANOTHER = re.compile(r"^\s*(?:\S+\s+)?(?:ال)?(?:اخر|اخري|اخرى|ثان|ثاني|ثانيه|ثالث|ثالثه|جديد|جديده|جديدا|مماثل|مماثله)"
                      r"(?:\s|$|[،,.])")
_AGAIN = frozenset({"لاحقا", "مجددا", "ايضا", "كذلك", "اخري", "جديده", "جديد", "ثانيه"})
_DEMONSTRATIVE = re.compile(r"(?:هذا|هذه|ذلك|تلك|هذين|هاتين)\s*$")
# A verb in a relative clause (الهجوم الذي استهدف …) describes the noun it follows: the event is known.
_RELATIVE = re.compile(r"(?:^|\s)(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان)\s*$")


def _possessive(w: str) -> bool:
    for suf in ("هما", "هم", "ها", "ه"):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            stem = w[: -len(suf)]
            if stem in FORMS or (stem.endswith("ت") and stem[:-1] + "ه" in FORMS):
                return True
    return False


def _referential(doc: Document, ev: Event) -> bool:
    """The trigger refers back: definite (الهجوم، بالتفجير، للغارات), possessive (هجومهم، زيارته), after
    a demonstrative (هذا الهجوم) or a verb in a relative clause (العملية التي استهدفت …)."""
    word = normalize(ev.trigger.text.split()[0])
    if _kind(ev.trigger.text)[2]:  # a verb refers back only from a relative clause
        return bool(_RELATIVE.search(normalize(doc.text[max(0, ev.trigger.start - 8):ev.trigger.start])))
    w = word[1:] if word[:1] in "وف" else word
    if w.startswith(("ال", "بال", "لل", "كال")) or _possessive(w):
        return True
    before = normalize(doc.text[max(0, ev.trigger.start - 8):ev.trigger.start])
    return bool(_DEMONSTRATIVE.search(before))


# Kinds of violence a repeated mention keeps (a generic attack or killing word joins any of them).
_FAMILIES = (
    ("battle", ("معارك", "معركه", "قتال", "مواجهات", "اشتباك", "اقتتال", "سيطره", "سيطر", "تحرير", "حرر")),
    ("bombing", ("تفجير", "انفجار", "عبوه", "عبوات", "مفخخ", "انتحاري", "فجر", "انفجر")),
    ("air", ("غاره", "غارات", "ضربه", "ضربات", "طلعات")),
    ("shelling", ("قصف", "قذائف", "قذيفه")),
    ("abduction", ("خطف", "اختطاف", "اختطف")),
)


_KINDS: dict[str, tuple[str | None, str | None, bool]] = {}


def _kind(trigger: str) -> tuple[str | None, str | None, bool]:
    """(CAMEO code, family of violence, verbal) of a trigger's wording, memoised."""
    hit = _KINDS.get(trigger)
    if hit is None:
        form = FORMS.get(normalize(trigger.split()[0]))
        hit = (form.trig.cameo if form else None, _family(trigger), bool(form and form.verbal))
        if len(_KINDS) < 50_000:
            _KINDS[trigger] = hit
    return hit


def _family(trigger: str) -> str | None:
    for word in normalize(trigger).split():
        w = word.lstrip("وفبل")
        w = w[2:] if w.startswith("ال") else w
        for name, stems in _FAMILIES:
            if w.startswith(stems):
                return name
    return None


def _another(doc: Document, ev: Event) -> bool:
    """«هجوم آخر»، «تفجير جديد»، «غارة ثانية», or «لاحقا/مجددا/أيضا» near it: a new occurrence."""
    if _ANOTHER.match(normalize(doc.text[ev.trigger.end:ev.trigger.end + 30])):
        return True
    near = normalize(doc.text[max(0, ev.trigger.start - 30):ev.trigger.end + 30]).split()
    return any(w.lstrip("و") in _AGAIN for w in near)


_TOTAL = re.compile(r"منذ|اجمالي|حتي الان")


def _sentence(doc: Document, ev: Event) -> str:
    return normalize(doc.text[ev.sentence.start:ev.sentence.end])


def _headline_end(text: str) -> int:
    """End of a headline: the first line, when it has no sentence-final punctuation; else 0."""
    nl = text.find("\n")
    if nl <= 0 or nl > 200:
        return 0
    return 0 if text[:nl].rstrip().endswith((".", "؟", "!", ":")) else nl


def _clash(a: list[str], b: list[str]) -> bool:
    return bool(a) and bool(b) and not set(a) & set(b)


def _compatible(a: Event, b: Event, published: str | None, fine: set[str]) -> bool:
    if a.type != b.type or a.negated != b.negated or a.hypothetical != b.hypothetical:
        return False
    ka, kb = _kind(a.trigger.text), _kind(b.trigger.text)
    if a.type != "ASSAULT" and ka[0] != kb[0]:
        return False  # a visit and the talks during it, a call and a meeting: two events
    if a.type == "ASSAULT" and ka[1] and kb[1] and ka[1] != kb[1]:
        return False  # the fighting and an air strike in it, a bombing and the clashes after it
    if a.type in _SYMMETRIC:
        if _clash(a.actor + a.recipient, b.actor + b.recipient):
            return False
    elif _clash(a.actor, b.actor) or _clash(a.recipient, b.recipient):
        return False
    if a.type in ("ASSAULT", "COERCE") and (set(a.actor) & set(b.recipient) or set(a.recipient) & set(b.actor)):
        return False  # one party attacking in one mention and hit in the other: an attack and a reply
    if a.location in fine and b.location in fine and a.location != b.location:
        return False  # two towns, two buildings: two events (a country and a town in it may be one)
    if a.mode and b.mode and _MODE_FAMILY.get(a.mode, a.mode) != _MODE_FAMILY.get(b.mode, b.mode) and \
            a.type in ("ASSAULT", "PROTEST", "COERCE"):
        return False
    da = a.date if a.date != published else None
    db = b.date if b.date != published else None
    return not (da and db and da[:len(db)] != db[:len(da)])


def _shares(a: Event, b: Event) -> bool:
    """The same party on one side and nothing against it on the other (a place alone is not enough: a
    battle for a city has many events there)."""
    return bool(set(a.actor) & set(b.actor)) and (not a.recipient or not b.recipient or
                                                   bool(set(a.recipient) & set(b.recipient)))


def _specificity(ev: Event) -> int:
    return bool(ev.actor) + bool(ev.recipient) + bool(ev.location)


# Modes one occurrence is described with interchangeably (a suicide bombing is an explosion).
_MODE_FAMILY = {"suicide-attack": "explosives", "drone": "aerial", "demo": "demo", "riot": "demo"}
_SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_PHYSICAL = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AID"})


def _absorb(keep: Event, other: Event, fine_places: set[str], other_total: bool = False) -> None:
    """Fill what `keep` lacks from `other`; counts from the more specific mention. The parties of a
    meeting have no direction across mentions, so they are taken only where `keep` has none; a place is
    taken only for a physical event and a fine place (a later mention's country is often a topic)."""
    if keep.type not in _SYMMETRIC or not (keep.actor or keep.recipient):
        if not keep.actor and other.actor:
            keep.actor = [a for a in other.actor if a not in keep.recipient]
        if not keep.recipient and other.recipient:
            keep.recipient = [r for r in other.recipient if r not in keep.actor]
    if keep.location not in fine_places and other.location in fine_places and keep.type in _PHYSICAL:
        keep.location = other.location  # the finer place: أفريقيا → فندق الجزيرة
    if keep.mode is None and other.mode is not None:
        keep.mode = other.mode
    for field in ("dead", "injured"):
        mine, theirs = getattr(keep, field), getattr(other, field)
        if theirs is None or other_total:
            continue  # a running total (منذ بدء …، إجمالي) is not this occurrence's count
        if mine is None or (_specificity(other), theirs) > (_specificity(keep), mine):
            setattr(keep, field, theirs)
    keep.confidence = max(keep.confidence, other.confidence)


def merge_repeats(events: list[Event], doc: Document) -> list[Event]:
    """The events of `doc` with repeated descriptions of one occurrence merged (text order kept)."""
    if len(events) < 2:
        return events
    head = _headline_end(doc.text or "")
    fine_places = {e.id for e in doc.entities if e.type in ("LOC", "FAC") or
                   (e.type == "GPE" and e.precision in ("settlement", "region"))}
    # an attack someone is accused of, or denies (اتهم المتمردون القوات بتكثيف الهجمات), is a claim: kept
    # apart; an attack someone condemns (استنكر الوزير الهجوم) is presupposed to have happened, and may merge
    claims = {(e.sentence.start, e.trigger.start) for e in events
              if e.type == "REJECT" or (e.type == "ACCUSE" and e.mode != "disapprove")}
    out: list[Event] = []
    pending_head: list[Event] = []  # headline events waiting for their body description
    for ev in events:
        if ev.trigger.start < head:
            pending_head.append(ev)
            continue
        for h in list(pending_head):
            if _compatible(h, ev, doc.published, fine_places):
                _absorb(ev, h, fine_places)
                pending_head.remove(h)
        target = None
        same = [prev for prev in out if prev.type == ev.type]
        if same and not ev.negated and not any(ss == ev.sentence.start and ts < ev.trigger.start
                                               for ss, ts in claims) and not _another(doc, ev):
            refers = _referential(doc, ev)
            for prev in reversed(same):
                if (refers or _shares(prev, ev)) and _compatible(prev, ev, doc.published, fine_places):
                    target = prev
                    break
        if target is None:
            out.append(ev)
        else:
            _absorb(target, ev, fine_places, _TOTAL.search(_sentence(doc, ev)) is not None)
    return sorted(pending_head + out, key=lambda e: e.trigger.start)


def fold_quoted(events: list[Event], doc: Document) -> list[Event]:
    """`events` without the quoted, actorless mentions of a type the article narrates outside quotes."""
    if len(events) < 2 or not doc.quotes:
        return events
    spans = [(q.content.start, q.content.end) for q in doc.quotes if q.direct]

    def quoted(ev: Event) -> bool:
        return any(a <= ev.trigger.start < b for a, b in spans)

    narrated = {ev.type for ev in events if not ev.negated and not quoted(ev)}
    return [ev for ev in events if ev.actor or ev.type not in narrated or not quoted(ev)]
