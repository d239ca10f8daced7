"""Honorific pronouns as mentions of the person they stand for: «جلالته» (the king), «سموه» (a prince or an
emir), «فخامته» (a president), «معاليه» (a minister).

Gulf and Levantine news name a dignitary once with his title and then refer to him by the honorific with a
possessive pronoun: «وعقد جلالته اجتماعا مع سموه», «وأكد سموه أن …». Each honorific belongs to a rank, so
it stands for the nearest person named before it whose title (written before one of his mentions, or known
to the KB) is of that rank; without such a person it stays a word.
"""

from __future__ import annotations

from marsad.document import Entity, Span
from marsad.kb.store import get_kb
from marsad.kb.tokens import clitic_variants, norm_tokens, skip_letters
from marsad.text.normalize import normalize

__all__ = ["add_honorific_mentions"]


def _n(words: str) -> tuple[str, ...]:
    return tuple(normalize(w) for w in words.split())


#: Honorific (normalised, with its pronoun) → the title words of its rank (normalised prefixes).
_RANKS: dict[str, tuple[str, ...]] = {
    normalize("جلالته"): _n("الملك ملك العاهل عاهل خادم"),
    normalize("سموه"): _n("الأمير أمير ولي سمو الشيخ"),
    normalize("فخامته"): _n("الرئيس رئيس فخامة"),
    normalize("معاليه"): _n("الوزير وزير معالي"),
}
_TITLE_REACH = 40  # characters before a mention searched for the person's title


def add_honorific_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with each honorific pronoun added as a mention of the person of its rank named before."""
    persons = [e for e in entities if e.type == "PER" and e.mentions]
    if not persons:
        return entities
    folded = normalize(text)  # once: the test below runs per honorific
    if not any(h in folded for h in _RANKS):
        return entities
    kb = get_kb()
    ranked: list[tuple[int, str, Entity]] = []  # (mention start, honorific, person)
    for e in persons:
        entry = kb.by_id.get(e.id)
        known = " ".join(normalize(t) for t in entry.titles) if entry is not None and entry.titles else ""
        for m in e.mentions:
            # the title right before the name or opening the mention (العاهل الأردني الملك عبدالله، الأمير فلان)
            near = normalize(text[max(0, m.start - _TITLE_REACH):m.start]).split()[-1:]
            near += normalize(m.text).split()[:1] + known.split()
            for honorific, words in _RANKS.items():
                if any(w in near for w in words):
                    ranked.append((m.start, honorific, e))
    if not ranked:
        return entities
    ranked.sort(key=lambda x: x[0])
    added = False
    for start, end, word in norm_tokens(text):
        for v, cut in clitic_variants(word):
            if v not in _RANKS:
                continue
            person = next((p for s, h, p in reversed(ranked) if s < start and h == v), None)
            if person is not None:
                s = skip_letters(text, start, cut) if cut else start
                person.mentions.append(Span(s, end, text[s:end]))
                added = True
            break
    if added:
        for e in persons:
            e.mentions.sort(key=lambda m: m.start)
    return entities
