"""PLOVER event coding of raw Arabic sentences: triggers, roles, place, date, casualties and flags.

No parser: Arabic news clauses are short and formulaic, so a trigger word (a verb in any inflection or an
event noun, from `marsad.events.lexicon`) plus positional rules over the entity mentions already found in
the sentence recover who did what to whom most of the time. This module walks the sentences and puts an
event together from the rooms that do each job:

* `triggers`: trigger words and phrases, their conditions, merging, support verbs;
* `protest`: protests told through their participants, slogans, and protest sentences that are protests first;
* `roles`: actor, recipient and target place;
* `victims`: who died or was hurt (recipients, never actors), and killings that are attacks of their own;
* `modifiers`: negation, hypothesis, future, and the mode of an assault or protest;
* `attach`: location, date (sentence, quote or publication) and source (the quote's speaker);
* `casualties`: the dead and injured counts, each given to the violent event it follows;
* `merge`: one event per occurrence in the document (repeated descriptions of it merged).
"""

from __future__ import annotations

from bisect import bisect_left

from marsad.dates import resolve_sentence_date
from marsad.document import DateRef, Document, Entity, Event, Extent, Span
from marsad.events.anaphora import prior_parties
from marsad.events.attach import event_date, location, quote_context
from marsad.events.casualties import casualties_at
from marsad.events.continuity import attribute_air_strikes
from marsad.events.lexicon import bare
from marsad.events.merge import fold_quoted, merge_repeats
from marsad.events.modifiers import future_aux, hypothetical, irrealis, mode_of, negated
from marsad.events.protest import protest_first, slogan_spans
from marsad.events.roles import roles
from marsad.events.tokens import ARABIC, MARKS, Hit, Ment, Sentence, Tok
from marsad.events.triggers import (
    MAX_SENT_TOKENS,
    TRIGGER_KEYS,
    find_hits,
    merge_hits,
    support_verb,
    valid_hits,
)
from marsad.events.victims import find_victims
from marsad.text import sentences
from marsad.text.normalize import fold_letters
from marsad.text.segment import TOKEN_PATTERN

__all__ = ["code_events"]


def code_events(doc: Document) -> list[Event]:
    """PLOVER events of `doc`, in text order, each pointing at its trigger and sentence."""
    text = doc.text or ""
    if not text or not ARABIC.search(text):
        return []
    sh = fold_letters(text)  # one character for one: shadow offsets are text offsets
    findall = TOKEN_PATTERN.findall
    mentions: list[tuple[int, int, Entity]] | None = None
    mention_spans: list[tuple[int, int, str]] = []
    mstarts: list[int] = []
    country_ents: dict[str, Entity] = {}
    events: list[Event] = []
    starts: list[int] = []  # sentence starts, for the context of pronoun antecedents
    for s, e in sentences(text):
        starts.append(s)
        # Most sentences hold no trigger word: one C-level set test rejects them before any token work.
        if TRIGGER_KEYS.isdisjoint(findall(sh, s, e)) and not MARKS.search(sh, s, e):
            continue
        toks = [Tok(m.start(), m.end(), m.group()) for m in TOKEN_PATTERN.finditer(sh, s, e)]
        if len(toks) > MAX_SENT_TOKENS:
            del toks[MAX_SENT_TOKENS:]
        if MARKS.search(sh, s, e):
            for t in toks:
                if MARKS.search(t.key):
                    t.key = MARKS.sub("", t.key)
                    t.bare = bare(t.key)
        if mentions is None:
            mentions = sorted(((sp.start, sp.end, ent) for ent in doc.entities for sp in ent.mentions),
                              key=lambda x: (x[0], -x[1]))
            mention_spans = [(ms_, me_, ent.type) for ms_, me_, ent in mentions]
            mstarts = [ms_ for ms_, _, _ in mentions]
            for ent in doc.entities:
                if ent.type == "GPE" and ent.precision == "country" and ent.country:
                    country_ents.setdefault(ent.country, ent)
        hits = find_hits(toks, mention_spans)
        if not hits:
            continue
        ctx = starts[-3] if len(starts) >= 3 else starts[0]
        events.extend(_code_sentence(doc, toks, s, e, hits, mentions, mstarts, country_ents, ctx, events))
    # an event the text only imagines (a condition, a prediction, a purpose, what is threatened or demanded)
    # did not happen: a reader counts none of them
    events = [ev for ev in events if not ev.hypothetical]
    return attribute_air_strikes(fold_quoted(merge_repeats(events, doc), doc), doc)



def _code_sentence(doc: Document, toks: list[Tok], s: int, e: int, hits: list[Hit],
                   mentions: list[tuple[int, int, Entity]], mstarts: list[int],
                   country_ents: dict[str, Entity], ctx: int, prior: list[Event]) -> list[Event]:
    ments = _sentence_mentions(mentions, mstarts, s, e)
    st = Sentence(doc, toks, s, e, ments, country_ents)  # places the mentions, which the conditions read
    st.context_fn = lambda: prior_parties(doc, prior, ctx, s)
    st.prior = prior
    valid = valid_hits(toks, hits, ments)
    if not valid:
        return []
    slogans = slogan_spans(toks)
    if slogans:  # what a crowd chants or carries («الموت لأمريكا») reports no event of its own
        valid = [h for h in valid if not any(a <= h.i < b for a, b in slogans)]
    valid = protest_first(toks, valid)
    if not valid:
        return []
    st.victims, valid = find_victims(st, valid)
    merged = merge_hits(valid, toks)
    dead, dead_to, injured, inj_to = _casualties(doc, toks, merged, s, e)
    date_ref = resolve_sentence_date(doc.dates, s, e) if doc.dates else None
    out: list[Event] = []
    st.coded = out  # the participle rule reads the main clause's event
    for idx, h in enumerate(merged):
        out.append(_event(doc, st, h, date_ref, dead if idx == dead_to else None,
                          injured if idx == inj_to else None))
    return out


def _sentence_mentions(mentions: list[tuple[int, int, Entity]], mstarts: list[int], s: int, e: int) -> list[Ment]:
    """The mentions inside sentence [s, e); nested or overlapping spans: keep the outer, earlier one."""
    lo, hi = bisect_left(mstarts, s), bisect_left(mstarts, e)
    ments: list[Ment] = []
    last_end = -1
    for ms_, me_, ent in mentions[lo:hi]:
        if ms_ < last_end or me_ > e:
            continue
        ments.append(Ment(ms_, me_, ent))
        last_end = me_
    return ments


def _casualties(doc: Document, toks: list[Tok], merged: list[Hit], s: int,
                e: int) -> tuple[int | None, int, int | None, int]:
    """(dead, index in `merged` of the event they belong to, injured, its index); -1 where none."""
    dead = injured = None
    dead_to = inj_to = -1
    assaults = [k for k, h in enumerate(merged) if h.form.trig.type == "ASSAULT"]
    if assaults:
        dead, dpos, injured, ipos = casualties_at(doc.text[s:e])

        def owner(pos: int) -> int:
            # the last violent trigger before the count phrase, else the first one
            best = assaults[0]
            for k in assaults:
                if toks[merged[k].i].start - s <= pos:
                    best = k
            return best

        dead_to = owner(dpos) if dead is not None else -1
        inj_to = owner(ipos) if injured is not None else -1
    return dead, dead_to, injured, inj_to


def _event(doc: Document, st: Sentence, h: Hit, date_ref: DateRef | None, dead: int | None,
           injured: int | None) -> Event:
    """One event for hit `h`: its clause's roles, modifiers, place, date and source."""
    toks = st.toks
    t = h.form.trig
    v, verbal, future = support_verb(toks, h)
    is_negated = negated(toks, v, h)
    if not future:
        future = future_aux(toks, v)
    is_hypothetical = hypothetical(toks, v, h.j, future) or irrealis(toks, v, h)
    actor, recip, target = roles(st, h, v, verbal)
    used = {m.ent.id for m in actor} | {m.ent.id for m in recip}
    loc = location(st, h, used, target)
    if t.cameo == "042" and recip and recip[0].ent.type == "GPE":
        host = recip[0].ent  # a visit happens in the country visited, unless a place in it is named
        if loc is None or loc.country != host.country or loc.precision not in ("settlement", "region"):
            loc = host
    trig_s, trig_e = toks[h.i].start, toks[h.j].end
    source, q_date = quote_context(doc, trig_s)
    conf = t.conf
    if actor:
        conf += 0.1
    if recip:
        conf += 0.05
    date, prec, conf = event_date(date_ref, q_date, doc.published, conf)
    return Event(
        type=t.type or "",
        trigger=Span(trig_s, trig_e, doc.text[trig_s:trig_e]),
        sentence=Extent(st.s, st.e),
        mode=mode_of(st, h),
        actor=_ids(actor),
        recipient=_ids(recip),
        location=loc.id if loc else None,
        date=date,
        date_precision=prec,
        dead=dead,
        injured=injured,
        negated=is_negated,
        hypothetical=is_hypothetical,
        future=future,
        source=source,
        confidence=round(max(0.05, min(0.95, conf)), 2),
    )


def _ids(ms: list[Ment]) -> list[str]:
    out: list[str] = []
    for m in ms:
        if m.ent.id not in out:
            out.append(m.ent.id)
    return out

