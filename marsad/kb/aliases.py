"""Short forms, acronyms and classifiers of the bodies an article names: «المرصد» after «المرصد السوري
لحقوق الإنسان», «وفا» after «وكالة الأنباء الفلسطينية (وفا)», «مليشيا الحشد الشعبي» for «الحشد الشعبي».

News names a body in full once and then shortens it to its head noun (اللجنة، الوزارة، الفرقة), to the
head and a few of its words (رابطة حقوق الإنسان، مكتب الحاكم), or to an acronym given in parentheses
after the full name. A short form refers to the nearest body named before it whose name it abbreviates
(`orgchunk.is_short_form`). A body the tagger did not find (an institution phrase, `orgchunk.chunk`)
becomes an entity only when the article confirms it is one: a later short form refers back to it, it is
repeated, or an acronym follows it. A proper name in quotation marks after a classifier noun (تنظيم
«…»، صحيفة «…») is a body's name, and a classifier right before a body's name belongs to the mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from marsad.document import Entity, Span
from marsad.kb.countries import country_of_adjective
from marsad.kb.link import unknown_id
from marsad.kb.orgchunk import (
    CLASSIFIERS,
    EPITHETS,
    GENERIC,
    INSTITUTIONS,
    STOPS,
    chunk,
    classifier_of,
    definite,
    head_of,
    is_short_form,
    lemmas,
)
from marsad.kb.titles import TITLE_HEADS, token_gaps
from marsad.kb.tokens import clitic_forms, clitic_variants, norm_key, norm_tokens, skip_letters, tokens_where

_QUOTE_CHARS = set('«»"“”\'‘’')
_OPEN_QUOTES = set('«"“')
_PAREN = re.compile(r"\(\s*([^()\s]{2,20})\s*\)")
_MAX_ACRONYM_BACK = 10  # tokens from the acronym back to the head of the full name


@dataclass
class _Body:
    """A body of the document: an entity already found, or a phrase that may become one."""

    seqs: list[tuple[str, ...]]
    ent: Entity | None = None
    span: tuple[int, int] | None = None  # a candidate's own phrase
    last: int = -1  # token index of its latest mention so far
    extra: list[tuple[int, int]] = field(default_factory=list)  # short forms and acronyms found here
    confirmed: bool = False


class _Text:
    """Tokens of a text, the punctuation between them, and which tokens existing mentions cover."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = norm_tokens(text)
        self.words = [w for _s, _e, w in self.toks]
        self.starts = [s for s, _e, _w in self.toks]
        self.gaps = token_gaps(text)

    def tok_at(self, pos: int) -> int:
        """Index of the token containing (or first after) character pos."""
        k = bisect_left(self.starts, pos + 1) - 1
        return k if k >= 0 and pos < self.toks[k][1] else k + 1

    def quote_gap(self, j: int) -> bool:
        return set(self.gaps[j]) <= _QUOTE_CHARS

    def span(self, a: int, b: int, head_words: frozenset[str] | None = None) -> tuple[int, int]:
        """Characters of tokens a..b, a proclitic before a head noun left out (وللجنة → لجنة)."""
        start = self.toks[a][0]
        if head_words is not None:
            for v, cut in clitic_variants(self.words[a]):
                if (v[2:] if v.startswith("ال") and len(v) > 4 else v) in head_words and cut:
                    start = skip_letters(self.text, start, cut)
                    break
        return start, self.toks[b][1]


def add_alias_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the short forms, acronyms and classifier phrases of bodies added (see module doc)."""
    t = _Text(text)
    if not t.toks:
        return entities
    entities = _quoted_names(t, entities)
    _extend_with_classifier(t, entities)
    _extend_with_adjective(t, entities)
    bodies, events = _existing_bodies(t, entities)
    _scan(t, entities, bodies, events)
    _acronyms(t, entities, bodies, _named_tokens(t, entities))
    return _materialise(t, entities, bodies)


def _extend_with_classifier(t: _Text, entities: list[Entity]) -> None:
    """«مليشيا الحشد الشعبي»: a classifier noun right before a body's name joins its mention."""
    covered = {t.tok_at(m.start) for e in entities for m in e.mentions}
    for e in entities:
        if e.type != "ORG":
            continue
        for k, m in enumerate(e.mentions):
            i = t.tok_at(m.start)
            if i <= 0 or i >= len(t.toks) or t.toks[i][0] != m.start or (i - 1) in covered:
                continue
            if not (t.gaps[i - 1] == "" or t.quote_gap(i - 1)) or classifier_of(t.words[i - 1]) is None:
                continue
            if classifier_of(t.words[i]) is not None:
                continue  # the name already starts with a classifier (تنظيم داعش)
            s, _e = t.span(i - 1, i - 1, CLASSIFIERS)
            e.mentions[k] = Span(s, m.end, t.text[s:m.end])


def _extend_with_adjective(t: _Text, entities: list[Entity]) -> None:
    """«قوات الاحتلال الصهيوني»: a definite nisba adjective right after a body's name belongs to it."""
    starts = {t.tok_at(m.start) for e in entities for m in e.mentions}
    for e in entities:
        if e.type != "ORG":
            continue
        for k, m in enumerate(e.mentions):
            j = t.tok_at(m.end - 1)
            if j + 1 >= len(t.toks) or t.gaps[j] or (j + 1) in starts or t.toks[j][1] != m.end:
                continue
            w = t.words[j + 1]
            if not (w.startswith("ال") and len(w) >= 6 and w.endswith(("ي", "يه"))) or w in GENERIC:
                continue
            nxt = t.words[j + 2] if j + 2 < len(t.toks) and not t.gaps[j + 1] else ""
            if nxt[:1] == "ل" or nxt in STOPS:
                continue  # a participle opening a clause (الموالية لإيران، الساعية إلى)
            iso = country_of_adjective(w)
            if iso is not None and e.country is not None and iso != e.country:
                continue  # «حزب الله الكويتي» is not the body the name was linked to
            end = t.toks[j + 1][1]
            e.mentions[k] = Span(m.start, end, t.text[m.start:end])


def _quoted_names(t: _Text, entities: list[Entity]) -> list[Entity]:
    """تنظيم «أجناد مصر»: a classifier, then one to four words in quotation marks, is a body's name.

    Mentions inside the quoted name (مصر) are dropped; the name's later occurrences become mentions."""
    out = entities
    n = len(t.toks)
    for k in range(n - 1):
        if not t.gaps[k] or t.gaps[k][-1] not in _OPEN_QUOTES or classifier_of(t.words[k]) is None:
            continue
        if definite(t.words[k]):
            continue  # «اعتبره التنظيم "عدوا"»: a definite noun before quotes does not name them
        end = next((j for j in range(k + 1, min(n, k + 5)) if t.gaps[j]), None)
        if end is None or t.gaps[end][0] not in _QUOTE_CHARS:
            continue
        s, e = t.span(k, end, CLASSIFIERS)
        if e < len(t.text) and t.text[e] in _QUOTE_CHARS:
            e += 1  # the closing quotation mark
        ns, ne = t.toks[k + 1][0], t.toks[end][1]
        if any(m.start < ne and ns < m.end and not (ns <= m.start and m.end <= ne)
               for x in out for m in x.mentions):
            continue  # a mention crosses the quotes: leave it
        if any(m.start == ns and m.end == ne for x in out if x.type == "ORG" for m in x.mentions):
            continue  # already a body; the classifier is joined by _extend_with_classifier
        out = [x for x in _drop_inside(out, s, e) if x.mentions]
        name = t.text[ns:ne]
        ent = Entity(id=unknown_id(name), name=name, type="ORG", mentions=[Span(s, e, t.text[s:e])])
        _repeat(t, ent, tuple(t.words[k + 1:end + 1]), out)
        out.append(ent)
    return out


def _drop_inside(entities: list[Entity], s: int, e: int) -> list[Entity]:
    for x in entities:
        x.mentions = [m for m in x.mentions if not (s <= m.start and m.end <= e)]
    return entities


def _repeat(t: _Text, ent: Entity, words: tuple[str, ...], entities: list[Entity]) -> None:
    """Later occurrences of a name's words (a proclitic allowed on the first) become mentions of `ent`."""
    spans = [(m.start, m.end) for x in [*entities, ent] for m in x.mentions]
    ln = len(words)
    # only the tokens with the first word among their readings, each word type tested once
    for i in tokens_where(t.text, clitic_forms([words[0]]), lambda w: _reading_cut(w, words[0]) is not None):
        if i > len(t.toks) - ln:
            break
        cut = _reading_cut(t.words[i], words[0])
        if cut is None or any(t.words[i + j] != words[j] or t.gaps[i + j - 1] for j in range(1, ln)):
            continue
        s = skip_letters(t.text, t.toks[i][0], cut) if cut else t.toks[i][0]
        e = t.toks[i + ln - 1][1]
        if any(a < e and s < b for a, b in spans):
            continue
        if ln == 1 and not (i > 0 and t.gaps[i - 1][-1:] in _OPEN_QUOTES):
            continue  # a one-word name is too often an ordinary word: only its quoted occurrences
        ent.mentions.append(Span(s, e, t.text[s:e]))
        spans.append((s, e))
    ent.mentions.sort(key=lambda m: m.start)


def _reading_cut(word: str, first: str) -> int | None:
    """The letters cut from `word` to read it as `first` (`clitic_variants`), None if it is never that."""
    return next((c for v, c in clitic_variants(word) if v == first), None)


def _existing_bodies(t: _Text, entities: list[Entity]) -> tuple[list[_Body], list[tuple[int, _Body]]]:
    """A body for every organisation found, with the lemmas of its mentions, and (token, body) of each
    mention in text order."""
    bodies: list[_Body] = []
    events: list[tuple[int, _Body]] = []
    for e in entities:
        if e.type != "ORG" or e.id.startswith("agent:"):
            continue
        body = _Body(seqs=[], ent=e)
        for m in e.mentions:
            i = t.tok_at(m.start)
            words = t.words[i:bisect_left(t.starts, m.end)]
            if not words:
                continue
            seq = lemmas(words)
            if seq not in body.seqs:
                body.seqs.append(seq)
            events.append((i, body))
        bodies.append(body)
    events.sort(key=lambda x: x[0])
    return bodies, events


def _scan(t: _Text, entities: list[Entity], bodies: list[_Body], events: list[tuple[int, _Body]]) -> None:
    """Walk the text: institution phrases become short forms of the nearest body they abbreviate, or
    candidate bodies; existing mentions move each body's `last` along."""
    spans = sorted((m.start, m.end, e.type, e) for e in entities for m in e.mentions)
    covered = _covered_tokens(t, spans)
    named = _named_tokens(t, entities)
    n = len(t.toks)
    # the tokens that may start a phrase; between two of them a token only moves `last` along, so the
    # walk jumps to the next one (or to the last token, which moves `last` as far as visiting all would)
    todo = [k for k in tokens_where(t.text, _HEAD_FORMS, head_of) if k not in covered]

    def after(k: int) -> int:
        at = bisect_left(todo, k)
        return todo[at] if at < len(todo) else max(k, n - 1)

    ev = 0
    i = after(0)
    while i < n:
        while ev < len(events) and events[ev][0] <= i:
            events[ev][1].last = max(events[ev][1].last, events[ev][0])
            ev += 1
        if i in covered or head_of(t.words[i]) is None:
            i = after(i + 1)
            continue
        j = chunk(t.words, t.gaps, i, named)
        if j == i and not definite(t.words[i]):
            i = after(i + 1)
            continue
        j = _free_end(t, spans, i, j)
        if j < 0:
            i = after(i + 1)
            continue
        hit = _short_form_of(t, i, j, bodies)
        if hit is not None:
            body, j2 = hit
            body.extra.append(t.span(i, j2, _HEADS))
            body.last = i
            body.confirmed = True
            i = j2 + 1
            continue
        if j > i and any(w not in GENERIC for w in t.words[i + 1:j + 1]):
            bodies.append(_Body(seqs=[lemmas(t.words[i:j + 1])], span=t.span(i, j, _HEADS), last=i,
                                confirmed=head_of(t.words[i]) in SELF_NAMING and not definite(t.words[i])))
        i = j + 1


#: Heads whose iḍāfa is a name by construction: a ministry is named by its portfolio (وزارة الصحة), a party,
#: court or union by what it stands for (حزب الأمة، محكمة جنايات القاهرة، نقابة المعلمين), border or
#: presidential guards by what they guard (حرس الرئاسة), so one mention suffices when the head is
#: indefinite (not «الحزب الحاكم», a description); other heads (لجنة، مركز) need a repeat or an acronym.
SELF_NAMING = frozenset({"وزاره", "حزب", "محكمه", "نقابه", "حرس"})


_HEADS = CLASSIFIERS | INSTITUTIONS
#: the written forms of an institution noun (`clitic_forms`, bare and with the article: `head_of`)
_HEAD_FORMS = frozenset(clitic_forms(INSTITUTIONS | {"ال" + w for w in INSTITUTIONS}))


def _named_tokens(t: _Text, entities: list[Entity]) -> set[int]:
    """Tokens inside the name of a place or person: definite by being names (مكتب حاكم إقليم أغري)."""
    return {k for e in entities if e.type in ("GPE", "LOC", "FAC", "PER") for m in e.mentions
            for k in range(t.tok_at(m.start), min(len(t.toks), t.tok_at(m.end - 1) + 1))}


def _covered_tokens(t: _Text, spans: list[tuple[int, int, str, Entity]]) -> set[int]:
    """Tokens inside an existing mention, except inside a person's title (قائد الفرقة 30 holds a body)."""
    out: set[int] = set()
    for s, e, typ, ent in spans:
        if typ == "PER" and not _starts_name(t, ent, s):
            continue
        for k in range(t.tok_at(s), min(len(t.toks), t.tok_at(e - 1) + 1)):
            out.add(k)
    return out


def _starts_name(t: _Text, ent: Entity, s: int) -> bool:
    w = t.words[t.tok_at(s)] if t.tok_at(s) < len(t.words) else ""
    return not any((v[2:] if v.startswith("ال") else v) in TITLE_HEADS for v, _c in clitic_variants(w))


def _free_end(t: _Text, spans: list[tuple[int, int, str, Entity]], i: int, j: int) -> int:
    """The phrase i..j cut before a mention that crosses it or a body/person inside it; -1 if nothing is left.

    Places inside a body's name are fine (المجلس البلدي لمحافظة القطيف)."""
    s0 = t.toks[i][0]
    k = bisect_left(spans, (s0,))
    for s, e, typ, _ent in spans[max(0, k - 8):]:
        if s >= t.toks[j][1]:
            break
        if e <= s0:
            continue
        if s < s0:
            continue  # a mention containing the phrase: a person's title (checked by _covered_tokens)
        if typ in ("ORG", "PER") or e > t.toks[j][1]:
            j = t.tok_at(s) - 1
            while j >= i and not (definite(t.words[j]) or t.words[j].isdigit()):
                j -= 1
            if j < i or (j == i and not definite(t.words[i])):
                return -1
    return j


def _short_form_of(t: _Text, i: int, j: int, bodies: list[_Body]) -> tuple[_Body, int] | None:
    """(body, last token) of the phrase i..j when it abbreviates a body named before it: the nearest such.

    The phrase may leave out trailing generic modifiers (عضو المجلس البلدي السابق) or end before a
    coordination or a ل-complement (رابطة حقوق الإنسان والنقابات); a dropped definite adjective would make
    it another body (التلفزيون الهولندي is not التلفزيون البلجيكي)."""
    ends = [j]
    for k in range(j, i, -1):
        w = t.words[k]
        if w in GENERIC or w[:1] in "ول":
            ends.append(k - 1)
        elif not w.isdigit():
            break
    for end in ends:
        short = lemmas(t.words[i:end + 1])
        best = None
        for b in bodies:
            if 0 <= b.last < i and any(is_short_form(short, s) for s in b.seqs):
                if best is None or b.last > best.last:
                    best = b
        if best is not None:
            while end < j and t.words[end + 1] in EPITHETS:
                end += 1  # the epithet stays in the mention («التنظيم المتطرف»), only matching drops it
            return best, end
    return None


def _acronyms(t: _Text, entities: list[Entity], bodies: list[_Body], named: set[int]) -> None:
    """«الاسم الكامل (اختصار)»: the acronym becomes a mention of the body named just before it, and so do
    its later occurrences; a body found only as a phrase is confirmed by it."""
    for m in _PAREN.finditer(t.text):
        acr = m.group(1)
        words = norm_key(acr).split(" ")
        if len(words) != 1 or words[0] in STOPS or words[0].isdigit() or not acr[0].isalpha():
            continue
        k = t.tok_at(m.start()) - 1
        if k < 0:
            continue
        head = next((h for h in range(k, max(-1, k - _MAX_ACRONYM_BACK), -1) if head_of(t.words[h])
                     or classifier_of(t.words[h])), None)
        if head is None or head == k or any(t.gaps[x] for x in range(head, k)) or t.gaps[k] != "(":
            continue
        end = chunk(t.words, t.gaps, head, named)
        if end != k and not (end == k - 2 and t.words[k - 1] == "في" and k in named):
            continue  # the words before the parenthesis must be the body's name (… في مالي allowed)
        if words[0].startswith("ال") and words[0].endswith(("ي", "يه")):
            continue  # a gloss (التلفزيون الناطق بالهولندية (الفلمنكية)), not an acronym
        long_span = t.span(head, k, _HEADS)
        acr_tok = t.tok_at(m.start(1))
        body = _body_for(long_span, entities, bodies, t)
        target = _entity_at(entities, t.toks[acr_tok][0], t.toks[acr_tok][1])
        if target is not None and body.ent is None:
            body.ent = target
        elif target is not None and target is not body.ent:
            if not target.id.startswith("m:") or body.ent is None:
                continue  # two known bodies: the KB knows better than a parenthesis
            body.ent.mentions.extend(target.mentions)
            target.mentions = []
        body.confirmed = True
        if body.ent is None or all((x.start, x.end) != long_span for x in body.ent.mentions):
            body.extra.append(long_span)
        body.extra.extend(_occurrences(t, words[0], entities, body))


def _body_for(span: tuple[int, int], entities: list[Entity], bodies: list[_Body], t: _Text) -> _Body:
    """The body whose mention or phrase ends where the full name ends, else a new one for that name."""
    for b in bodies:
        if b.span is not None and b.span[1] == span[1]:
            return b
        if b.ent is not None and any(m.end == span[1] for m in b.ent.mentions):
            return b
    a, z = t.tok_at(span[0]), t.tok_at(span[1] - 1)
    body = _Body(seqs=[lemmas(t.words[a:z + 1])], span=span)
    bodies.append(body)
    return body


def _entity_at(entities: list[Entity], s: int, e: int) -> Entity | None:
    return next((x for x in entities for m in x.mentions if m.start <= s and e <= m.end), None)


def _occurrences(t: _Text, word: str, entities: list[Entity], body: _Body) -> list[tuple[int, int]]:
    """Spans of a word's free occurrences (a proclitic allowed and left out)."""
    taken = [(m.start, m.end) for x in entities for m in x.mentions] + body.extra
    out = []
    for i, w in enumerate(t.words):
        cut = next((c for v, c in clitic_variants(w) if v == word), None)
        if cut is None:
            continue
        s = skip_letters(t.text, t.toks[i][0], cut) if cut else t.toks[i][0]
        e = t.toks[i][1]
        if not any(a < e and s < b for a, b in taken):
            out.append((s, e))
    return out


def _materialise(t: _Text, entities: list[Entity], bodies: list[_Body]) -> list[Entity]:
    out = [e for e in entities if e.mentions]
    for b in bodies:
        if not b.extra and not (b.confirmed and b.span):
            continue
        if b.ent is None:
            if not b.confirmed or b.span is None:
                continue
            name = t.text[b.span[0]:b.span[1]]
            b.ent = Entity(id=unknown_id(name), name=name, type="ORG", mentions=[Span(*b.span, name)])
            out.append(b.ent)
        have = {(m.start, m.end) for m in b.ent.mentions}
        for s, e in b.extra:
            if (s, e) not in have:
                b.ent.mentions.append(Span(s, e, t.text[s:e]))
                have.add((s, e))
        b.ent.mentions.sort(key=lambda m: m.start)
    out.sort(key=lambda e: e.mentions[0].start)
    return out
