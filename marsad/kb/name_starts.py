"""Which tokens of an article may start a name of the KB's raw-text matcher, and with which readings.

The dictionary matcher (`link.find_known_mentions`) tries a match only where a word, whole or with a
proclitic cut, is the first word of a matchable name, or right after a place cue. Most words of an article
are neither, and knowing that per word type (memoised across articles) lets the matcher skip them.
"""

from __future__ import annotations

from itertools import compress

from marsad.kb.tokens import clitic_variants, word_index

__all__ = ["match_starts", "two_word_starts"]

_STARTS: dict[int, dict[str, tuple[tuple[str, int, int], ...]]] = {}
_PAIRS: dict[int, frozenset[str]] = {}


def two_word_starts(kb: object) -> frozenset[str]:
    """Per KB: the first two words («w1 w2») of every matchable name of two words or more. A start whose
    next word makes none of them can only match a name of one word, so the matcher builds no longer keys."""
    hit = _PAIRS.get(id(kb))
    if hit is None:
        hit = _PAIRS[id(kb)] = frozenset(" ".join(k.split(" ", 2)[:2]) for k in kb.auto if " " in k)
    return hit


def _starts_cache(kb: object) -> dict[str, tuple[tuple[str, int, int], ...]]:
    """Per KB: word → the (reading, letters cut, longest entry) of its readings that start a KB name.

    Most words start none; caching that answer turns the per-token clitic expansion into one lookup.
    """
    return _STARTS.setdefault(id(kb), {})


def match_starts(kb: object, text: str,
                 cued: list[int]) -> tuple[dict[str, tuple[tuple[str, int, int], ...]], list[int]]:
    """Each word type's readings that start a KB name (`_starts_cache`), and the tokens the matcher must
    visit: those with such a reading or right after a cue (the token after a place found there is visited
    too, as the match jumps to it). Most tokens are neither; each word type is looked up once."""
    starts_here = _starts_cache(kb)
    auto_first = kb.auto_first
    index = word_index(text)
    firsts_of: dict[str, tuple[tuple[str, int, int], ...]] = {}
    todo = set(compress(range(len(cued)), cued))
    for word, at in index.items():
        firsts = starts_here.get(word)
        if firsts is None:
            firsts = tuple((v, cut, auto_first[v]) for v, cut in clitic_variants(word) if auto_first.get(v))
            if len(starts_here) < 200_000:
                starts_here[word] = firsts
        firsts_of[word] = firsts
        if firsts:
            todo.update(at)
    return firsts_of, sorted(todo)
