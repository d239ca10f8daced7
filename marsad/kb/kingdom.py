"""«المملكة» on its own: the kingdom the article is about.

Arabic news shortens a kingdom's name to its head noun once the context says which one it is: a Jordanian
article names «الأردن» and then writes «أكدت المملكة»; the Saudi press writes «أمن المملكة» without ever
spelling «السعودية», because the outlet, its places and «خادم الحرمين الشريفين» make it plain. So a bare
«المملكة» (with its proclitics: بالمملكة، للمملكة، والمملكة) that does not go on into a name (المملكة
المتحدة، المملكة الأردنية الهاشمية — the full names the knowledge base already matches) joins:

1. the one kingdom the article names, or of several the one named last before it; else
2. Saudi Arabia, when the article shows it is set there (a place inside Saudi Arabia, or the King's title
   «خادم الحرمين»); else nothing: without evidence the word stays unlinked.
"""

from __future__ import annotations

from bisect import bisect_right

from marsad.document import Entity, Span
from marsad.kb.metonymy import country_entity, is_country
from marsad.kb.titles import token_gaps
from marsad.kb.tokens import norm_tokens, skip_letters
from marsad.text.normalize import normalize

#: States news calls «المملكة» (ISO 3166 alpha-3).
KINGDOMS = frozenset({"SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR", "DNK", "THA"})
_HEAD = normalize("المملكة")
_KING_TITLE = normalize("خادم الحرمين")
_NAME_GOES_ON = frozenset({normalize("المتحدة")})


def _head_cut(word: str) -> int | None:
    """Letters of proclitics cut before «المملكة» in a token (وبالمملكة → 2, وللمملكة → 1), else None."""
    if not word.endswith(_HEAD[2:]):  # every form below ends so; the test spares the rest of the article
        return None
    if word == _HEAD:
        return 0
    for pre in ("و", "ف", "ب", "وب", "فب", "وف"):
        if word == pre + _HEAD:
            return len(pre)
    for pre in ("ل", "ول", "فل"):
        if word == pre + "ل" + _HEAD[2:]:  # للمملكة: the article's alef is gone, so ل stays in the mention
            return len(pre) - 1
    return None


def _continues_name(word: str) -> bool:
    """Whether the next word carries the name on (المتحدة، الأردنية، العربية): a definite nisba or المتحدة."""
    return word in _NAME_GOES_ON or (word.startswith("ال") and word.endswith("يه") and len(word) > 5)


def kingdom_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with every bare «المملكة» added as a mention of the kingdom it stands for."""
    toks = norm_tokens(text)  # memoised: the other passes over the article tokenise it too
    gaps = token_gaps(text)
    taken = sorted((m.start, m.end) for e in entities for m in e.mentions)
    starts = [s for s, _e in taken]
    kingdoms = [e for e in entities if e.type == "GPE" and e.country in KINGDOMS and is_country(e)]
    out = list(entities)
    saudi = None
    tail = _HEAD[2:]
    for i in [i for i, t in enumerate(toks) if t[2].endswith(tail)]:  # every form `_head_cut` accepts ends so
        s, e, w = toks[i]
        cut = _head_cut(w)
        if cut is None or (i + 1 < len(toks) and not gaps[i] and _continues_name(toks[i + 1][2])):
            continue
        start = skip_letters(text, s, cut) if cut else s
        k = bisect_right(starts, start) - 1
        if k >= 0 and taken[k][1] > start:
            continue  # inside a mention already
        target = _named_kingdom(kingdoms, start)
        if target is None and not kingdoms:
            if saudi is None and _set_in_saudi_arabia(text, entities):
                saudi = country_entity("SAU", {k.country: k for k in kingdoms}, out)
            target = saudi
        if target is not None:
            target.mentions.append(Span(start, e, text[start:e]))
    out = [ent for ent in out if ent.mentions]
    for ent in out:
        ent.mentions.sort(key=lambda m: m.start)
    out.sort(key=lambda ent: ent.mentions[0].start)
    return out


def _named_kingdom(kingdoms: list[Entity], at: int) -> Entity | None:
    if len(kingdoms) == 1:
        return kingdoms[0]
    before = [(max(m.start for m in k.mentions if m.start < at), k) for k in kingdoms
              if any(m.start < at for m in k.mentions)]
    return max(before, key=lambda p: p[0])[1] if before else None


def _set_in_saudi_arabia(text: str, entities: list[Entity]) -> bool:
    if _KING_TITLE in normalize(text):
        return True
    return any(e.type in ("GPE", "LOC", "FAC") and e.country == "SAU" for e in entities)
