"""Attributed quotes: who said what, in Arabic news, as spans into the document text.

News Arabic marks reported speech with a closed class of cues (قال، أكد، نفى، أعلن، دعا ...; circumstantial
participles مؤكداً، مشيرةً; attribution prepositions بحسب، وفقاً لـ; نقلت X عن Y قوله) followed by a
complementiser (إن/أن/بأن), a colon, a quotation mark or, for some verbs, a preposition or object that opens
a nominal content (أشار إلى وجود ...). That makes a rule system over tokens both accurate and fast enough to
run on every article: no model, one dict lookup per token, work only around the few cue tokens.

The work is split by job, each in its own module:

* `marsad.quotes.tokens`: the text as flat token arrays, read once;
* `marsad.quotes.cues`: the cues and, around each, the explicit speaker phrase (VSO, SVO, pro-drop) and the
  negation rules; quotes inside quotes;
* `marsad.quotes.content`: where the content opens and where it stops;
* `marsad.quotes.phrases`: the speaker-phrase reader (names, places, plain nouns; memoised per text);
* `marsad.quotes.chains` and `marsad.quotes.nouns`: title chains (titles, ranks, affiliations, the name at
  the end), unnamed sources and bodies, and the word classes they are read with;
* `marsad.quotes.subjects`: the subject of a reporting verb from word order and agreement;
* `marsad.quotes.anaphora`: the fuller phrase a title alone or a short form stands for;
* `marsad.quotes.speakers`: continuations that agree with a speaker, and entity links;
* this module: the orchestration and the output `Quote` objects, with the statement's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from marsad.document import Cue, DateRef, Document, Entity, Quote, Span, Speaker
from marsad.quotes.cues import Draft, find_cues
from marsad.quotes.speaker_persons import add_speaker_persons
from marsad.quotes.speakers import SpeakerCue, resolve_phrases, speaker_span
from marsad.quotes.tokens import Tokens


def extract_quotes(doc: Document) -> list[Quote]:
    """Every attributed quote in `doc.text`, in text order; speakers link to `doc.entities` and dates come
    from `doc.dates` when those stages ran."""
    if not doc.text:
        return []
    return quotes_in_text(doc.text, doc.entities, doc.dates, add_persons=True)


def quotes_in_text(text: str, entities: Sequence[Entity] = (), dates: Sequence[DateRef] = (),
                   add_persons: bool = False) -> list[Quote]:
    """`extract_quotes` for a bare text: without entities `speaker.entity` is None, without dates so is
    `date`. With `add_persons` (the pipeline's call, on the document's own list) a titled speaker's name
    that no mention covers becomes a person in `entities` (`speaker_persons`)."""
    tk = Tokens(text)
    if tk.n == 0 or not tk.promising:
        return []
    tk.segment()
    if entities:
        tk.attach(entities)
    drafts = find_cues(tk)
    cues = [SpeakerCue(q.cue_a, q.sent, q.np, q.pro, q.embedded) for q in drafts]
    phrases = resolve_phrases(tk, cues)
    if add_persons and isinstance(entities, list) and entities and add_speaker_persons(tk, phrases, entities):
        tk.attach(entities)  # the new persons' names are mentions now: read the cues again with them
        drafts = find_cues(tk)
        cues = [SpeakerCue(q.cue_a, q.sent, q.np, q.pro, q.embedded) for q in drafts]
        phrases = resolve_phrases(tk, cues)
    speakers = [None if sp is None else speaker_span(tk, sp) for sp in phrases]
    return [_quote(tk, q, sp, dates) for q, sp in zip(drafts, speakers, strict=True)]


def _quote(tk: Tokens, q: Draft, speaker: dict[str, Any] | None, dates: Sequence[DateRef]) -> Quote:
    """The output record of one draft: typed spans into the text."""
    text = tk.text
    cs, ce = tk.starts[q.cue_a], tk.ends[q.cue_b - 1]
    if q.masdar_end is not None:
        ce = q.masdar_end
    cue = Cue(cs, ce, text[cs:ce], q.cls, bool(q.negated))
    s, e = q.content
    via = text[q.via[0]:q.via[1]] if q.via is not None and q.via[1] > q.via[0] else None
    who = None if speaker is None else Speaker(speaker["start"], speaker["end"], speaker["text"], speaker["entity"])
    return Quote(speaker=who, cue=cue, content=Span(s, e, text[s:e]), direct=q.direct, via=via,
                 date=_statement_date(tk, q, dates))


def _statement_date(tk: Tokens, q: Draft, dates: Sequence[DateRef]) -> str | None:
    """The date of the statement: a resolved date expression in the cue's sentence before the content
    (قال الخميس إن ...); dates inside the content or in a gloss after it are about something else."""
    if not dates:
        return None
    ss, se = tk.sent_chars[q.sent] if q.sent < len(tk.sent_chars) else (0, 0)
    cs = q.content[0]
    for dr in dates:
        if ss <= dr.start and dr.end <= min(se, cs):
            return dr.value
    return None
