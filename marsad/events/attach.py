"""Attaching an event to its scene, its date and its source.

* the location is a place mention after في/قرب/بالقرب من/شمال/ريف…, finer places before countries; a bare
  country or capital is usually a party, not the scene;
* the date is a date expression in the sentence (`resolve_sentence_date`), else the date of the quote the
  event is reported in, else the publication date at day precision (news reports what happened on or just
  before the day it is published); the confidence is lowered for such inherited dates;
* an event inside a quote gets the speaker's entity as its source.
"""

from __future__ import annotations

from marsad.document import DateRef, Document, Entity, Quote
from marsad.events.tokens import Hit, Sentence, fine_place, is_place

__all__ = ["event_date", "location", "quote_context"]


def location(st: Sentence, hit: Hit, used: set[str], target: int | None) -> Entity | None:
    """The mention most likely naming where the event took place (`target`: a place the roles found hit)."""
    best: tuple[float, Entity] | None = None
    for idx, m in enumerate(st.ments):
        e = m.ent
        if not is_place(e) or e.id in used:
            continue
        score = 0.0
        if idx == target:
            score += 3
        score += 2 if m.loc == 2 else (1 if m.loc == 1 or m.prep == "ب" else 0)
        if fine_place(e) or (e.type == "GPE" and e.precision is None and m.loc == 2):
            score += 1  # a town the gazetteer lacks, named after في بلدة/مدينة, is as fine as one it has
        if _reference_point(st, m.ti):
            score -= 3  # على بعد 600 كيلومتر من العاصمة X: a landmark for the distance, not the scene
        if m.loc == 0 and m.prep is None and idx != target and e.type == "GPE":
            score -= 1.5  # a bare country/capital is usually a party, not the scene
        dist = abs(m.ti - hit.i)
        score -= min(dist, 30) / 30
        if m.ti > hit.j:
            score += 0.25
        if best is None or score > best[0]:
            best = (score, e)
    if best is None or best[0] < -0.5:
        return None
    return best[1]


_DISTANCE = ("كيلومتر", "كلم", "كم", "ميل", "اميال", "متر", "امتار", "بعد", "تبعد", "يبعد", "مسافه")


def _reference_point(st: Sentence, ti: int) -> bool:
    """A place after من/عن that closes a distance phrase (تبعد 600 كيلومتر عن X، على بعد كيلومترين من X)."""
    toks = st.toks
    for k in range(ti - 1, max(-1, ti - 5), -1):
        b = toks[k].bare
        if b in ("من", "عن"):
            return any(toks[x].bare.startswith(_DISTANCE) for x in range(max(0, k - 3), k))
    return False


def quote_context(doc: Document, pos: int) -> tuple[str | None, str | None]:
    """(source entity, quote date) of the quote whose content holds text offset `pos`, if any."""
    quote = _quote_of(doc, pos)
    if quote is None:
        return None, None
    return (quote.speaker.entity if quote.speaker is not None else None), quote.date


def event_date(date_ref: DateRef | None, q_date: str | None, published: str | None,
               conf: float) -> tuple[str | None, str | None, float]:
    """(date, precision, confidence): the sentence's own date, else the quote's, else publication."""
    if date_ref is not None:
        date, prec = date_ref.value, date_ref.precision
    elif q_date:
        date, prec = q_date, "day"
        conf -= 0.05
    elif published:
        date, prec = published, "day"
        conf -= 0.1
    else:
        date, prec = None, None
    return date, prec, conf


def _quote_of(doc: Document, pos: int) -> Quote | None:
    for q in doc.quotes:
        if q.content.start <= pos < q.content.end:
            return q
    return None
