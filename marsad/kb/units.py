"""Military units named by their designation: «الفرقة الرابعة»، «اللواء 35 مدرع»، «المنطقة العسكرية الثالثة».

An army names its formations with a unit noun and an ordinal or a number, never with a proper name, so
neither the tagger nor the dictionary finds them, and they are the subjects of much front-line news
(شاركت المنطقة العسكرية الثالثة في القصف). The designation is a name by construction: one occurrence is
enough, and every occurrence of the same designation in the article is the same unit. The ordinal agrees
with the unit noun in gender (الفرقة الرابعة، الفوج الرابع), which keeps out a rank with a name after it
(اللواء أحمد) and descriptions (الفرقة الناجية).
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.document import Entity, Span
from marsad.kb.ids import unknown_id
from marsad.kb.spans import TakenSpans
from marsad.kb.tokens import clitic_variants, norm_tokens, skip_letters
from marsad.text.normalize import normalize

__all__ = ["add_unit_mentions", "is_unit"]


def _n(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


#: Unit nouns with the article, by grammatical gender.
_FEMININE = _n("الفرقة الكتيبة السرية المنطقة")
_MASCULINE = _n("اللواء الفوج الفيلق")
_ORDINALS_F = _n("الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة الحادية")
_ORDINALS_M = _n("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي")
#: What may follow the ordinal or number inside the designation (اللواء 35 مدرع، الفرقة الأولى مشاة).
_BRANCH = _n("مدرع مدرعة ميكا مشاة عشر عشرة")
_MILITARY = normalize("العسكرية")  # «المنطقة» needs it: المنطقة الثالثة alone is an area, not a command
_HEADS = _FEMININE | _MASCULINE
#: The unit nouns in the raw text (any hamza or taa spelling), for a quick test before the token scan.
_CANDIDATE = re.compile("فرق[ةه]|كتيب[ةه]|سري[ةه]|منطق[ةه] العسكري|لواء|فوج|فيلق")
#: A camp or base named after its unit (معسكر اللواء 35) is a place: the unit in it does nothing there.
_CAMPS = _n("معسكر معسكرات ثكنة ثكنات")


def add_unit_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the article's unit designations added as ORG entities of sector MIL; a span an
    existing mention covers is left alone."""
    if not _CANDIDATE.search(text):
        return entities  # most articles name no unit: one C-level scan instead of a look at every word
    toks = norm_tokens(text)
    found: dict[str, Entity] = {}
    taken: TakenSpans | None = None
    i, n = 0, len(toks)
    while i < n:
        head = _head(toks[i][2])
        end = _designation(toks, i, head) if head and not (i and toks[i - 1][2] in _CAMPS) else None
        if end is None:
            i += 1
            continue
        start = skip_letters(text, toks[i][0], len(toks[i][2]) - len(head)) if toks[i][2] != head else toks[i][0]
        stop = toks[end][1]
        taken = taken or TakenSpans(entities)
        if taken.free(start, stop):
            name = text[start:stop]
            key = " ".join([head] + [t[2] for t in toks[i + 1:end + 1]])
            ent = found.get(key)
            if ent is None:
                ent = found[key] = Entity(id=unknown_id(name), name=name, type="ORG", mentions=[], sector="MIL")
            ent.mentions.append(Span(start, stop, name))
        i = end + 1
    if not found:
        return entities
    out = entities + list(found.values())
    out.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
    return out


def is_unit(name: str) -> bool:
    """Whether a name opens with a unit noun and its article («اللواء 35»، «الفرقة الرابعة»): a part of an
    army, never «الجيش» itself."""
    words = normalize(name).split()
    return bool(words) and _head(words[0]) is not None


@lru_cache(maxsize=200_000)
def _head(word: str) -> str | None:
    """The unit noun a token is with its article, proclitics off (والفرقة، بالكتيبة، للواء → اللواء);
    cached per spelling, since almost no word is one and every word of a candidate article is asked."""
    for v, _cut in clitic_variants(word):
        if v in _HEADS:
            return v
        if v.startswith("لل") and "ال" + v[2:] in _HEADS:
            return "ال" + v[2:]
    return None


def _designation(toks: tuple[tuple[int, int, str], ...], i: int, head: str) -> int | None:
    """Last token of the designation headed at token i, or None when no ordinal or number follows."""
    k = i + 1
    if head == normalize("المنطقة"):
        if k >= len(toks) or toks[k][2] != _MILITARY:
            return None
        k += 1
    if k >= len(toks):
        return None
    word = toks[k][2]
    ordinals = _ORDINALS_F if head in _FEMININE else _ORDINALS_M
    if not (word.isdigit() or word in ordinals):
        return None
    while k + 1 < len(toks) and toks[k + 1][2] in _BRANCH and k + 1 - i <= 4:
        k += 1
    return k
