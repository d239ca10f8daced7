"""Who takes part in talks named by a chain of genitives: «اجتماع وزراء خارجية دول الاتحاد الأوروبي».

In a genitive chain (إضافة) only the last noun carries the article; the nouns before it are bare. When
the first of them names representatives (ministers, leaders, delegates), the body the chain ends on is
the party that meets, however many bare nouns stand between.
"""

from __future__ import annotations

from marsad.events.tokens import ARABIC, Ment, Tok

__all__ = ["represented_body"]

#: Nouns of those who act for a body (bare spelling, normalised): the head of the chain.
_REPRESENTATIVES = frozenset({
    "وزراء", "وزير", "قاده", "قايد", "زعماء", "زعيم", "روساء", "رييس", "ممثلي", "ممثلو", "ممثل", "مندوبي",
    "مندوبو", "مندوب", "مسوولي", "مسوولو", "وفود", "وفد", "سفراء", "اعضاء", "نواب", "قيادات", "كبار",
})
#: Particles and adverbs that end a chain: a genitive never follows them.
_NOT_NOUN = frozenset({"في", "من", "الي", "علي", "عن", "مع", "امس", "اليوم", "يوم", "بعد", "قبل", "حول", "بشان",
                       "دون", "غدا", "ان", "التي", "الذي", "الذين"})


def represented_body(toks: list[Tok], j: int, after: list[Ment], end: int) -> Ment | None:
    """The body at the end of a genitive chain of representatives after the event noun ending at `j`
    (اجتماع وزراء خارجية دول X، محادثات لممثلي حكومات X), two or three bare nouns before it; None
    otherwise. One bare noun before it is the ordinary genitive the caller reads itself."""
    if j + 1 >= end or toks[j + 1].bare.removeprefix("ل") not in _REPRESENTATIVES:
        return None
    m = next((m for m in after if m.ti > j), None)
    if m is None or m.prep is not None or not 3 <= m.ti - j <= 5 or m.ti >= end:
        return None
    for k in range(j + 2, m.ti):
        key = toks[k].key
        if not ARABIC.search(key) or key.startswith(("ال", "وال", "بال", "لل")) or key in _NOT_NOUN:
            return None
    return m
