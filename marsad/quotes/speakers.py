"""Speaker resolution: who said each quote, as a span of the text and, when possible, an entity.

This is the seam between finding quotes and deciding who spoke them. Its inputs are the text (as token
arrays with sentences), for each quote where its cue stands (`SpeakerCue`: cue token, sentence, the
explicit subject phrase if any, the agreement a pro-drop subject must satisfy) and the document's
entities; its output is one speaker per quote. Nothing else of cue finding leaks in.

The rules:

* An explicit subject is the speaker. A title chain speaks through the name at its end (رئيس هيئة قناة
  السويس الفريق مهاب مميش → مهاب مميش); a title, a bare head or a definite source with no name (وزير
  الخارجية الإيطالي، المرصد، المصدر) stands for the fuller phrase the article used before
  (`marsad.quotes.anaphora`); a definite title with nothing before it (النائب المعارض نفسه) is the last
  named person who spoke.
* A pro-drop cue (وأضاف، وتابعت، مؤكداً) continues the nearest earlier *speaker* that agrees in gender and
  number: first the quotes and the clause subjects of its own sentence, then of the two before. A clause
  subject counts only if it can speak (a title, a source, a body, a place, a person the entity stage
  found): «اقتراحات موسكو» or «حالات مماثلة» never become speakers, and subjects inside a quote's
  content (… إن الجيش تقدم) are not candidates.
* The speaker links to the entity whose mention covers its name, else its head, else (an unnamed
  spokesperson) the body after باسم; never to a place or body nested inside a title (محافظ القطيف
  خالد الصفيان is not القطيف).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.document import Entity
from marsad.quotes.anaphora import antecedent
from marsad.quotes.chains import BODY, PERSON
from marsad.quotes.lexicon import GPE, NEG, OPENERS, PREPS, TITLES
from marsad.quotes.nouns import SPEAKING
from marsad.quotes.phrases import NP, agree, chunk, speakable
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
    if entities and not tk.mention:
        tk.attach(entities)
    phrases = resolve_phrases(tk, cues)
    return [None if sp is None else speaker_span(tk, sp) for sp in phrases]


def resolve_phrases(tk: Tokens, cues: Sequence[SpeakerCue]) -> list[NP | None]:
    """The phrase that names each quote's speaker: the explicit subject, an anaphor's antecedent, or a
    pro-drop subject's agreeing antecedent."""
    return _Resolver(tk, cues).run()


def speaker_span(tk: Tokens, sp: NP, entities: Sequence[Entity] = ()) -> dict[str, Any]:
    """The output form of a speaker phrase: the name when a title chain ends in one (or a body's quoted
    name), else the whole phrase; its trimmed text, offsets and linked entity id."""
    if entities and not tk.mention:
        tk.attach(entities)
    if sp.name is not None and sp.kind in (PERSON, BODY):
        s, e = char_span(tk, sp.name, sp.name_b if sp.name_b is not None else sp.b)
    else:
        s, e = char_span(tk, sp.a, sp.b)
        if sp.lead and s == tk.starts[sp.a] and e - s > sp.lead:
            s += sp.lead
    return {"entity": link_entity(tk, sp), "text": tk.text[s:e], "start": s, "end": e}


def link_entity(tk: Tokens, sp: NP) -> str | None:
    """The entity of a speaker phrase: the mention covering its name, else its head, else the body after
    باسم. A body may also be named by an organisation mention inside its head phrase (قيادة الفرقة 30);
    nothing else nested in a title counts."""
    if not tk.mention:
        return None
    if sp.name is not None:
        m = tk.entity_at(sp.name)
        return m[3] if m is not None else None
    m = tk.entity_at(sp.a)
    if m is not None:
        return m[3]
    if sp.org is not None:
        m = tk.entity_at(sp.org)
        return m[3] if m is not None else None
    if sp.kind in (BODY, ""):
        allowed = ("ORG",) if sp.kind == BODY else ("ORG", "PER")
        for t in range(sp.a + 1, min(sp.b, sp.a + 4)):
            m = tk.entity_at(t)
            if m is not None and m[2] in allowed:
                return m[3]
    return None


class _Resolver:
    """One pass over a text's quotes in order: each resolved speaker is a candidate for later ones."""

    def __init__(self, tk: Tokens, cues: Sequence[SpeakerCue]) -> None:
        self.tk = tk
        self.cues = cues
        self.speakers: list[NP | None] = [None] * len(cues)
        self._subj_cache: dict[int, list[NP]] = {}
        self._ante: dict[int, NP | None] = {}

    def run(self) -> list[NP | None]:
        for idx, q in enumerate(self.cues):
            if q.np is not None:
                self.speakers[idx] = self._explicit(idx, q.np)
            elif q.pro is not None:
                self.speakers[idx] = self._pro_drop(idx)
        return self.speakers

    def resolve(self, np: NP) -> NP:
        """An anaphoric phrase's antecedent when there is one, else the phrase itself."""
        if not np.anaphoric:
            return np
        if np.a not in self._ante:
            ante = antecedent(self.tk, np)
            for _ in range(3):  # the antecedent may itself be a short form of an earlier full one
                if ante is None or not ante.anaphoric:
                    break
                ante = antecedent(self.tk, ante) or ante
                if ante is not None and not ante.anaphoric:
                    break
            self._ante[np.a] = ante
        ante = self._ante[np.a]
        return ante if ante is not None else np

    def _explicit(self, idx: int, np: NP) -> NP:
        sp = self.resolve(np)
        if sp is np and np.anaphoric and np.kind == PERSON and (np.emphatic or definite(self.tk.keys[np.a])):
            named = self._last_named(idx, np)
            if named is not None:
                return named
        return sp

    def _last_named(self, idx: int, np: NP) -> NP | None:
        """وقال النائب المعارض نفسه: a definite title never introduced with a name is the last named
        person who spoke, within three sentences."""
        q = self.cues[idx]
        for o_idx in range(idx - 1, -1, -1):
            o, sp = self.cues[o_idx], self.speakers[o_idx]
            if o.embedded or sp is None:
                continue
            if o.sent < q.sent - 3:
                break
            if sp.name is not None and sp.kind in (PERSON, "") and sp.gender == np.gender and self._person(sp):
                return sp
        return None

    def _person(self, sp: NP) -> bool:
        """A title chain, a person mention, or a bare name (an indefinite head no lexicon knows)."""
        if sp.kind == PERSON:
            return True
        m = self.tk.entity_at(sp.a)
        if m is not None:
            return m[2] == "PER"
        k = self.tk.keys[sp.a]
        return sp.name == sp.a and not definite(k) and k not in GPE and k not in SPEAKING

    def _pro_drop(self, idx: int) -> NP | None:
        """The nearest agreeing speaker of a pro-drop subject: an earlier quote of the same sentence, a
        clause subject before the cue, then the two previous sentences (quotes first), then any earlier
        agreeing speaker, else the most recent speaker at all."""
        q = self.cues[idx]
        assert q.pro is not None
        feats = q.pro
        sid = q.sent
        prior = [(o, sp) for o, sp in zip(self.cues[:idx], self.speakers[:idx], strict=True)
                 if not o.embedded and sp is not None and o.cue < q.cue]
        def scopes() -> Iterator[list[NP]]:  # computed only as far as needed
            yield [sp for o, sp in prior if o.sent == sid]
            yield self._clause_subjects(sid, before=q.cue)
            for back in (1, 2):
                if sid - back >= 0:
                    yield [sp for o, sp in prior if o.sent == sid - back]
                    yield self._clause_subjects(sid - back)
            yield [sp for _, sp in prior]

        for cands in scopes():
            # nearest first; an exact agreement before a broken plural that merely allows it
            best = next((np for np in reversed(cands) if agree(np, feats) and not np.flexible), None)
            best = best or next((np for np in reversed(cands) if agree(np, feats)), None)
            if best is not None:
                return self.resolve(best)
        return prior[-1][1] if prior else None

    def _clause_subjects(self, sid: int, before: int | None = None) -> list[NP]:
        """Subjects that can speak of the clauses of sentence sid, only those starting before token
        `before` when given (then not cached)."""
        if before is None and sid in self._subj_cache:
            return self._subj_cache[sid]
        out = [np for np in clause_subjects(self.tk, sid, before) if speakable(self.tk, np)]
        if before is None:
            self._subj_cache[sid] = out
        return out


def _past_leading_pp(tk: Tokens, t: int, lim: int) -> int:
    """Past a clause-initial prepositional phrase: «من جهته»، «من ناحية ثانية،»، «على صعيد آخر،» (to
    the comma, or past a noun with a pronoun: من جانبه ثمن ...)."""
    if t >= lim or tk.keys[t] not in PREPS:
        return t
    for u in range(t + 1, min(lim, t + 7)):
        if tk.raw[u] in COMMAS:
            return u + 1
    if t + 1 < lim and tk.raw[t + 1].endswith(("ه", "ها", "هم")):
        return t + 2
    return lim


def clause_subjects(tk: Tokens, sid: int, before: int | None) -> list[NP]:
    """The subjects of the clauses of sentence sid: after an initial verb (VSO) or a definite noun or
    place (SVO), at the sentence start, after لكن/بينما/... and after a comma. A leading prepositional
    phrase (من جهته، على صعيد آخر،) is skipped. The title line has no clause subjects; a reported clause
    (after إن/أن) is the quote's content, not the frame."""
    a, b = tk.sent_rng[sid]
    lim = b if before is None else min(b, before)
    out: list[NP] = []
    if a >= lim or tk.starts[a] < tk.title_end:
        return out
    starts = [a]
    for t in range(a, lim - 1):
        if tk.keys[t] in OPENERS:
            starts.append(t + 1)
    for s in starts:
        t = s
        while t < lim and (tk.keys[t] in NEG or tk.keys[t] in OPENERS or not tk.word[t]):
            t += 1
        t = _past_leading_pp(tk, t, lim)
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
