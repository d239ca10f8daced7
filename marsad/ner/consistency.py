"""One name, one reading per document: occurrences the CRF left untagged take the tag found elsewhere.

The CRF decides each occurrence from its own sentence, so a name it tags after «قال الرئيس» can stay
untagged two sentences later with no cue around it (ANERcorp dev: «راجح بادي» three mentions, one tagged).
Within a news article a name keeps its reading ("one sense per discourse"). The pass is deliberately
conservative:

* a tagged string (any length) is copied onto untagged occurrences of the same normalised words only if
  the document tags it at least as often as it leaves it untagged (so «الحكومة», tagged once in thirty,
  stays untagged); a proclitic on the first word is allowed (وبادي, لبغداد);
* the family name (last word) of a tagged person of two or more words, standing alone and untagged,
  becomes a one-word person mention («وقال بادي»): news refers back to people by surname. A word the
  document ever tags as something else, or a title word, is left alone.

Only all-O stretches are changed; nothing the CRF tagged is ever re-typed or cut.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain

from marsad.ner.bio import entities
from marsad.ner.features import PERSON_TITLES, clitic_candidates, reading_forms

#: longest name (in words) the pass copies; longer ones are rare and cost a wider scan
MAX_WORDS = 6

Readings = Callable[[str], tuple[str, list[tuple[str, str]]]]
#: Each sentence's normalised words, and each word's clitic readings, where the caller has them already
Words = tuple[list[list[str]], list[list[list[tuple[str, str]]]]]

#: لـ + a noun that is also a name, read as one preposition when a noun follows: «لصالح جهات» "in favour of",
#: «الموالية لصالح» still names Saleh (nothing follows it but punctuation or a conjunction)
COMPOUND_PREPOSITIONS = frozenset({"لصالح", "ولصالح"})


def _index(names: dict[tuple[str, ...], str]) -> dict[str, tuple[int, ...]]:
    """First word → the lengths of the names it starts, longest first (most positions start none)."""
    by_first: dict[str, set[int]] = {}
    for k in names:
        by_first.setdefault(k[0], set()).add(len(k))
    return {w: tuple(sorted(v, reverse=True)) for w, v in by_first.items()}


def _matches(sn: list[str], st: list[str], sc: list[list[tuple[str, str]]], names: dict[tuple[str, ...], str],
             by_first: dict[str, tuple[int, ...]], starting: set[str]) -> list[tuple[int, tuple[str, ...]]]:
    """(start, name) of the longest untagged occurrence of a name at each position, left to right; only the
    positions whose word is in `starting` (has a reading that starts a name) can hold one."""
    out: list[tuple[int, tuple[str, ...]]] = []
    n = len(sn)
    nxt = 0  # the first position not inside a name found already
    for i in [k for k, w in enumerate(sn) if w in starting]:
        if i < nxt:
            continue
        step = 1
        if st[i] == "O":
            found = None
            for _t, first in sc[i]:
                for length in by_first.get(first, ()):
                    if i + length > n or (found is not None and length <= len(found)):
                        continue
                    key = (first, *sn[i + 1:i + length])
                    if key in names and all(t == "O" for t in st[i + 1:i + length]):
                        found = key
                        break
            if found is not None:
                out.append((i, found))
                step = len(found)
        nxt = i + step
    return out


def propagate(sentences: Sequence[Sequence[str]], tags: list[list[str]], readings: Readings,
              words: Words | None = None) -> list[list[str]]:
    """``tags`` with untagged repeats of the document's names tagged (see the module docstring).

    ``readings(word)`` gives the normalised word and its clitic readings (the feature extractor's cache);
    ``words``, where given, holds them for every token already (the fast decoder's entries).
    """
    if words is None:
        infos = [[readings(w) for w in sent] for sent in sentences]
        words = [[x[0] for x in s] for s in infos], [[x[1] for x in s] for s in infos]
    norms, cands = words
    typed: dict[tuple[str, ...], Counter[str]] = {}
    surnames: set[str] = set()
    other: set[str] = set()
    for sn, st in zip(norms, tags, strict=True):
        for typ, s, e in entities(st):
            if e - s > MAX_WORDS:
                continue
            typed.setdefault(tuple(sn[s:e]), Counter())[typ] += 1
            if typ == "PERS" and e - s >= 2:
                surnames.add(sn[e - 1])
            elif typ != "PERS":
                other.update(sn[s:e])
    if not typed:
        return tags
    names: dict[tuple[str, ...], str] = {k: c.most_common(1)[0][0] for k, c in typed.items()}
    for w in surnames - other:
        if len(w) >= 3 and w not in PERSON_TITLES and (w,) not in names:
            names[(w,)] = "PERS"
    by_first = _index(names)
    # a word's readings are `clitic_candidates` of its normalised form: tested once per form, and only for
    # the forms that can carry a name's first word
    maybe = set(chain.from_iterable(norms)) & reading_forms(by_first)
    starting = {w for w in maybe if any(first in by_first for _t, first in clitic_candidates(w))}
    found = [_matches(sn, st, sc, names, by_first, starting) for sn, st, sc in zip(norms, tags, cands, strict=True)]
    untagged = Counter(k for hits in found for _i, k in hits)
    keep = {k for k, c in untagged.items()
            if c <= sum(typed.get(k, Counter()).values()) or (len(k) == 1 and k not in typed)}
    if not keep:
        return tags
    out = [list(t) for t in tags]
    for st, sn, hits in zip(out, norms, found, strict=True):
        for i, key in hits:
            if key not in keep or len(key) == 1 and _preposition(sn, i):
                continue
            typ = names[key]
            # a name the CRF cut short (راجح tagged, بادي not) is continued, not split in two
            st[i] = ("I-" if i > 0 and st[i - 1][2:] == typ else "B-") + typ
            for j in range(i + 1, i + len(key)):
                st[j] = "I-" + typ
    return out


def _preposition(sn: list[str], i: int) -> bool:
    """The word at i is a compound preposition here: a noun follows it (not a conjunction or a particle)."""
    return sn[i] in COMPOUND_PREPOSITIONS and i + 1 < len(sn) and sn[i + 1][:1].isalpha() and \
        sn[i + 1][:1] != "و" and sn[i + 1] not in _PARTICLES


_PARTICLES = frozenset({"في", "من", "على", "علي", "الى", "الي", "عن", "مع", "ضد", "منذ", "حتى", "حتي", "بعد", "قبل",
                        "خلال", "ان", "او", "ثم", "الذي", "التي", "الذين"})
