"""Parts of a person's name written as words of their own, which a tagger leaves outside the span.

Two kinds recur in Arabic news: Turkish, Persian and Pashto family-name endings written apart («مولود جاويش
أوغلو», «حسن علي زاده», «ذبيح الله مجاهد», «محمد نور أحمد زائي»), and theophoric given names of two words, a noun and
«الله» («ذبيح الله», «عطا الله», «فتح الله»), whose «الله» a tagger reads as the word God. A person mention
directly followed by such an ending, or directly preceded by such a given name (or ending in its
first word, «حسن نصر» + «الله»), takes it in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from marsad.kb.titles import token_gaps
from marsad.kb.tokens import norm_tokens
from marsad.text.normalize import normalize

Mention = tuple[int, int, str]
PERSON = frozenset({"PER", "PERS"})  # the tagger's label (ANERcorp) and the knowledge base's
#: Family-name endings written as a separate word (Turkish -oğlu, Persian -zadeh, Pashto -zai).
ENDINGS = frozenset(normalize(w) for w in ("أوغلو", "أوغلي", "اوغلو", "أغلو", "زاده", "زادة", "زائي", "زاي"))
#: First words of two-word theophoric given names («X الله»).
THEOPHORIC = frozenset(normalize(w) for w in (
    "عبد", "رحيم", "عطا", "عطاء", "نصر", "فتح", "حسب", "جار", "خير", "سعد", "ضيف", "هبة", "روح", "ولي",
    "نعمة", "فضل", "حمد", "شكر", "عوض", "رزق", "عين", "كرم", "ذبيح", "حبيب", "سيف", "أمان", "إنعام",
    "ثناء", "صبغة", "حشمت", "قدرة", "رحمة", "نور", "لطف"))
_GOD = normalize("الله")


def extend_person_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with person spans grown over a separate name ending or a theophoric given name."""
    if not any(t in PERSON for _s, _e, t in mentions):
        return mentions
    toks = norm_tokens(text)
    gaps = token_gaps(text)
    starts = [s for s, _e, _w in toks]
    taken = sorted((s, e) for s, e, _t in mentions)
    out = []
    for s, e, t in mentions:
        if t in PERSON:
            last = bisect_right(starts, e - 1) - 1
            if last + 1 < len(toks) and not gaps[last] and toks[last][2] in THEOPHORIC \
                    and toks[last + 1][2] == _GOD:
                last += 1  # «حسن نصر» + «الله»
                e = toks[last][1]
            while last + 1 < len(toks) and not gaps[last] and toks[last + 1][2] in ENDINGS:
                last += 1
                e = toks[last][1]
            first = bisect_left(starts, s)
            if 2 <= first < len(toks) and toks[first][0] == s and not gaps[first - 1] and not gaps[first - 2] \
                    and toks[first - 1][2] == _GOD and toks[first - 2][2] in THEOPHORIC \
                    and not _inside(taken, toks[first - 2][0]):
                s = toks[first - 2][0]
        out.append((s, e, t))
    return out


def _inside(taken: list[tuple[int, int]], at: int) -> bool:
    k = bisect_right(taken, (at, 1 << 62)) - 1
    return k >= 0 and taken[k][0] <= at < taken[k][1]
