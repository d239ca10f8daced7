"""Speaker resolution: who said each quote, as a span of the text and, when possible, an entity.

This is the seam between finding quotes and deciding who spoke them. Its inputs are the text (as token
arrays with sentences), for each quote where its cue stands (`SpeakerCue`: cue token, sentence, the
explicit subject phrase if any, the agreement a pro-drop subject must satisfy) and the document's
entities; its output is one speaker per quote. Nothing else of cue finding leaks in, so the rules below can
be replaced (coreference, richer agreement) without touching the rest.

Today's rules:

* An explicit subject is the speaker, except an anaphoric title (وقال المسؤول العسكري، الوسيط الأممي),
  which is linked to the named person introduced earlier with the same title word.
* A pro-drop cue (وأضاف، وتابعت، مؤكداً) takes the nearest earlier speaker or clause subject that agrees
  in gender and number: the cue's inflection gives them (أضاف/أضافت/أضافوا), places and institutions are
  feminine (روسيا، الوزارة) and non-human plurals take feminine singular. Candidates are earlier speakers and
  the subjects of nearby clauses (لكن موسكو أبقت ... وقالت إن ← موسكو), nearest first.
* The speaker links to the entity whose mention overlaps its name, or the body after باسم for an unnamed
  spokesperson, else anywhere in the phrase (a person preferred). For continuations and anaphoric titles
  the speaker span is the antecedent's, so text and entity always name the person or body that spoke.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.document import Entity
from marsad.quotes.lexicon import COMPS, GPE, NEG, OPENERS, TITLES
from marsad.quotes.phrases import NP, agree, chunk, np_before
from marsad.quotes.tokens import COMMAS, Tokens, char_span, definite, skip_adv


@dataclass(frozen=True, slots=True)
class SpeakerCue:
    """What speaker resolution knows of one quote."""

    cue: int  # token index of the cue's first word
    sent: int  # sentence id of the cue
    np: NP | None  # the explicit subject phrase in the text
    pro: tuple[str, str] | None  # (gender, number) a pro-drop subject must agree with
    embedded: bool  # the quote sits inside another quote's content: never an antecedent


def resolve_speakers(tk: Tokens, cues: Sequence[SpeakerCue], entities: Sequence[Entity]) -> list[dict[str, Any] | None]:
    """The speaker of each quote, in the order given (which must be the order cue finding produced):
    `{"entity", "text", "start", "end"}`, or None when no candidate agrees. `tk` must be segmented."""
    phrases = resolve_phrases(tk, cues)
    return [None if sp is None else speaker_span(tk, sp, entities) for sp in phrases]


def resolve_phrases(tk: Tokens, cues: Sequence[SpeakerCue]) -> list[NP | None]:
    """The phrase that names each quote's speaker: the explicit subject, an anaphoric title's antecedent,
    or a pro-drop subject's agreeing antecedent."""
    return _Resolver(tk, cues).run()


def speaker_span(tk: Tokens, sp: NP, entities: Sequence[Entity]) -> dict[str, Any]:
    """The output form of a speaker phrase: its trimmed text and offsets, and the linked entity id."""
    s, e = char_span(tk, sp.a, sp.b)
    return {"entity": link_entity(tk, sp, s, e, entities), "text": tk.text[s:e], "start": s, "end": e}


def link_entity(tk: Tokens, sp: NP, s: int, e: int, entities: Sequence[Entity]) -> str | None:
    """The entity whose mention overlaps the speaker's head: its name, else the body after باسم, else
    anywhere in the phrase (chars s..e), a person preferred, then the longest mention."""
    if not entities:
        return None
    regions: list[tuple[int, int]] = []
    if sp.name is not None:
        regions.append((tk.starts[sp.name], e))
    if sp.org is not None and sp.org < sp.b:
        regions.append((tk.starts[sp.org], e))
    regions.append((s, e))
    for rs, re_ in regions:
        best: tuple[int, int, str] | None = None
        for ent in entities:
            for m in ent.mentions:
                if m.start < re_ and m.end > rs:
                    score = (1 if ent.type == "PER" else 0, m.end - m.start)
                    if best is None or score > best[:2]:
                        best = (score[0], score[1], ent.id)
        if best is not None:
            return best[2]
    return None


class _Resolver:
    """One pass over a text's quotes in order: each resolved speaker is a candidate for later ones."""

    def __init__(self, tk: Tokens, cues: Sequence[SpeakerCue]) -> None:
        self.tk = tk
        self.cues = cues
        self.speakers: list[NP | None] = [None] * len(cues)
        self._subj_cache: dict[int, list[NP]] = {}

    def run(self) -> list[NP | None]:
        for idx, q in enumerate(self.cues):
            if q.np is not None:
                sp = self._antecedent_of_title(idx) if q.np.anaphoric else q.np
                self.speakers[idx] = sp if sp is not None else q.np
            elif q.pro is not None:
                self.speakers[idx] = self._pro_drop(idx)
        return self.speakers

    def _antecedent_of_title(self, idx: int) -> NP | None:
        """وقال المسؤول العسكري / الوسيط الأممي: the named person earlier introduced with that title word."""
        tk = self.tk
        q = self.cues[idx]
        np = q.np
        assert np is not None
        head = tk.keys[np.a]
        for t in range(np.a - 1, -1, -1):
            if tk.keys[t] == head:
                cand = chunk(tk, t, tk.n)
                if cand is not None and cand.name is not None and cand.name != cand.a:
                    return cand
                # the title may follow the name as an apposition (رودسكوي المسؤول عن ...)
                back = np_before(tk, t, max(0, t - 6))
                if back is not None and back.name is not None:
                    return back
        for o_idx in range(len(self.cues) - 1, -1, -1):
            o, sp = self.cues[o_idx], self.speakers[o_idx]
            if o_idx == idx or o.cue >= q.cue or o.embedded or sp is None:
                continue
            if o.sent < q.sent - 3:
                break
            if sp.titled and sp.name is not None and sp.name != sp.a and sp.gender == np.gender:
                return sp
        return None

    def _pro_drop(self, idx: int) -> NP | None:
        """The nearest agreeing antecedent of a pro-drop subject: an earlier quote of the same sentence, a
        clause subject before the cue, then the two previous sentences (quotes first), then any earlier
        agreeing speaker, else the most recent speaker at all."""
        q = self.cues[idx]
        assert q.pro is not None
        feats = q.pro
        sid = q.sent
        prior = [(o, sp) for o, sp in zip(self.cues[:idx], self.speakers[:idx], strict=True)
                 if not o.embedded and sp is not None and o.cue < q.cue]
        for o, sp in reversed(prior):
            if o.sent == sid and agree(sp, feats):
                return sp
        for np in reversed(self._clause_subjects(sid, before=q.cue)):
            if agree(np, feats) and not np.anaphoric:
                return np
        for back in (1, 2):
            ps = sid - back
            if ps < 0:
                break
            for o, sp in reversed(prior):
                if o.sent == ps and agree(sp, feats):
                    return sp
            for np in reversed(self._clause_subjects(ps)):
                if agree(np, feats) and not np.anaphoric:
                    return np
        for _, sp in reversed(prior):
            if agree(sp, feats):
                return sp
        return prior[-1][1] if prior else None

    def _clause_subjects(self, sid: int, before: int | None = None) -> list[NP]:
        """Subjects of the clauses of sentence sid (VSO after an initial verb, SVO after لكن/بينما/...),
        only those starting before token `before` when given (then not cached)."""
        if before is None and sid in self._subj_cache:
            return self._subj_cache[sid]
        out = _clause_subjects(self.tk, sid, before)
        if before is None:
            self._subj_cache[sid] = out
        return out


def _clause_subjects(tk: Tokens, sid: int, before: int | None) -> list[NP]:
    """See `_Resolver._clause_subjects`; the title line has no clause subjects."""
    a, b = tk.sent_rng[sid]
    lim = b if before is None else min(b, before)
    out: list[NP] = []
    if a >= lim or tk.starts[a] < tk.title_end:
        return out
    starts = [a]
    for t in range(a, lim - 1):
        k = tk.keys[t]
        if k in OPENERS or k in COMPS or (tk.raw[t] in COMMAS and tk.keys[t + 1] in OPENERS):
            starts.append(t + 1)
    for s in starts:
        t = s
        while t < lim and (tk.keys[t] in NEG or tk.keys[t] in OPENERS or not tk.word[t]):
            t += 1
        if t >= lim:
            continue
        k = tk.keys[t]
        if definite(k) or k in GPE or k in TITLES:
            np = chunk(tk, t, lim)
        else:  # a verb first: its subject follows
            np = chunk(tk, skip_adv(tk, t + 1, lim), lim)
        if np is not None:
            out.append(np)
    return out
