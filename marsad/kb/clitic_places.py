"""Which reading of a word wins when it names a place whole and another place after a proclitic.

«وجدة» is Oujda whole and «و + جدة» (Jeddah) cut. A list of places joins its last member with و
(الرياض وجدة والدمام), so the conjunction reading is what news means unless the whole word names a place
of its own weight. The choice is made on the places' importance (GeoNames population rank), not on a
list of exceptions, and only for the conjunction. A place cue or a preposition right before the word leaves no room for a
conjunction (مدينة وجدة، إلى وجدة): there the word is the name whole.
"""

from __future__ import annotations

from marsad.kb.place_gate import is_cue
from marsad.kb.store import get_kb
from marsad.kb.tokens import clitic_variants

__all__ = ["CUT_PLACE_MARGIN", "cut_outranks", "held_whole"]

#: How much more important a place read with a proclitic cut must be than the place the whole word names
#: for the cut to win (rank is 15 + 10·log10(population): 10 points is ten times the people).
CUT_PLACE_MARGIN = 10.0

#: Words after which a و cannot be a conjunction: the next word is their object, a name whole.
_PREPOSITIONS = frozenset({"في", "الي", "من", "علي", "عن", "نحو", "حتي", "مع", "قرب", "بين", "داخل", "خارج"})

_CUT_WINS: dict[str, bool] = {}


def cut_outranks(word: str) -> bool:
    """The normalised word names a small place whole and a far larger one after its conjunction و: «وجدة»
    reads Jeddah (3.4 million) rather than Oujda; «وهران» stays Oran, as «هران» is a village. Only the
    conjunction: a preposition (بروما) sits after a noun as often as in a list (مزارع بروما)."""
    got = _CUT_WINS.get(word)
    if got is None:
        got = False
        readings = clitic_variants(word)
        whole = _place_rank(readings[0][0]) if word[:1] == "و" else None
        if whole is not None:
            got = any((r := _place_rank(v)) is not None and r >= whole + CUT_PLACE_MARGIN
                      for v, c in readings[1:] if c == 1)
        if len(_CUT_WINS) < 200_000:
            _CUT_WINS[word] = got
    return got


def held_whole(previous: str) -> bool:
    """The normalised word before a name is a place cue or a preposition: the name is read whole."""
    return previous in _PREPOSITIONS or is_cue(previous)


def _place_rank(key: str) -> float | None:
    """The rank of the most important place a one-word key names, or None when it also names a person or
    an organisation (such a name is not second-guessed)."""
    cands = get_kb().candidates(key)
    if not cands or not all(c.is_place for c in cands):
        return None
    return max(c.rank for c in cands)
