"""One name, one entity per article: repeat occurrences of a multi-word name the tagger missed.

A statistical tagger decides each occurrence from its context, so `الدولة الإسلامية` found in the lead
can be missed after `من قبضة` three paragraphs later. Within one article a multi-word name almost always
means the same thing every time ("one sense per discourse"), so every further occurrence of a name
already linked becomes a mention of the same entity. Only names of two or more words are propagated
(a one-word name such as `أمل` is too often an ordinary word), a proclitic on the first word is
tolerated (`وللدولة الإسلامية`), and nothing overlaps an existing mention. Names longer than
`MAX_NAME_WORDS` are not propagated, which keeps the pass linear in the text.
"""

from __future__ import annotations

from bisect import bisect_left

from marsad.document import Entity, Span
from marsad.kb.spans import TakenSpans
from marsad.kb.tokens import clitic_forms, clitic_variants, norm_tokens, skip_letters, tokens_where

#: Longer "names" are tagger run-ons over repetitive text (one word repeated gave mentions of 400 words),
#: and each text position tries every name length it could start: this bound keeps the pass linear. A full
#: name with its chain of ancestors ("عبد المنعم بن رأفت بن محمد بن مطيع بن عبد الرزاق أبو زنط", 13 words,
#: the longest in 2,500 SaudiNewsNet articles) is still well within it.
MAX_NAME_WORDS = 16


def propagate_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with every further occurrence of their multi-word mention strings added."""
    names: dict[tuple[str, ...], Entity] = {}
    ambiguous: set[tuple[str, ...]] = set()
    for ent in entities:
        if ent.type not in ("PER", "ORG", "GPE", "LOC", "FAC"):
            continue
        for sp in ent.mentions:
            key = tuple(w for _s, _e, w in norm_tokens(sp.text))
            if not 2 <= len(key) <= MAX_NAME_WORDS:
                continue
            if key in names and names[key] is not ent:
                ambiguous.add(key)
            names[key] = ent
    for key in ambiguous:
        del names[key]
    if not names:
        return entities
    by_first: dict[str, set[int]] = {}
    for key in names:
        by_first.setdefault(key[0], set()).add(len(key))
    # longest first, sorted once: sorting (mostly nothing) per token and reading was most of this pass
    lengths = {w: sorted(v, reverse=True) for w, v in by_first.items()}
    toks = norm_tokens(text)
    taken = TakenSpans(entities)
    added = False
    n = len(toks)
    # only the tokens with a reading that starts a name are visited: each word type is read once
    todo = tokens_where(text, clitic_forms(lengths), lambda w: any(v in lengths for v, _c in clitic_variants(w)))
    at = 0
    while at < len(todo):
        i = todo[at]
        step = 1
        for word, cut in clitic_variants(toks[i][2]):
            for ln in lengths.get(word, ()):
                if i + ln > n:
                    continue
                key = (word, *(toks[i + k][2] for k in range(1, ln)))
                ent = names.get(key)
                if ent is None or any(text[toks[i + k - 1][1]:toks[i + k][0]].strip() for k in range(1, ln)):
                    continue
                start = skip_letters(text, toks[i][0], cut) if cut else toks[i][0]
                end = toks[i + ln - 1][1]
                if not taken.free(start, end):
                    continue
                ent.mentions.append(Span(start, end, text[start:end]))
                added = True
                step = ln
                break
            if step > 1:
                break
        at = bisect_left(todo, i + step, at + 1)
    if added:
        for ent in entities:
            ent.mentions.sort(key=lambda m: m.start)
    return entities
