"""Places no gazetteer lists, read from the noun of place that governs them.

The knowledge base holds 74K Middle East places, and news still names villages, quarters and camps it
lacks: «بلدتي المزيرعة والقصر», «حي الزهيرات», «قرية الخربشة». Arabic puts such a name in construct after a
noun of place (مدينة، بلدة، قرية، حي، مخيم، ناحية، منطقة، محافظة …), so the construct itself says "this is
a place". Two readings follow from the grammar:

* after a singular noun of place, the next word is a place's name when it is not an ordinary word
  (wordfreq's Zipf frequency below `RARE`): «حي الزهيرات» yes, «منطقة العمليات» (of operations) no;
* after a dual noun of place (منطقتي، بلدتي، قريتي …) the two words joined by و are two places, whatever
  their frequency: the dual says there are two («بلدتي المزيرعة والقصر»).

Nothing is added inside an existing mention or after an idiom (من ناحية أخرى).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from wordfreq import zipf_frequency

from marsad.kb.place_gate import IDIOMS, STRONG_CUES
from marsad.kb.titles import token_gaps
from marsad.kb.tokens import clitic_forms, clitic_variants, norm_tokens, token_bounds, tokens_where
from marsad.text.normalize import normalize

Mention = tuple[int, int, str]
RARE = 3.0  # below this Zipf frequency (once in a million words) a word is a name before it is a word
DUALS = frozenset(normalize(w) for w in ("مدينتي", "بلدتي", "قريتي", "محافظتي", "منطقتي", "حيي", "مخيمي"))
_NOT_NAMES = frozenset(normalize(w) for w in (
    "التي", "الذي", "الذين", "هذه", "هذا", "تلك", "ذلك", "نفسها", "نفسه", "ذاتها", "ذاته", "أخرى", "اخري"))


@lru_cache(maxsize=50_000)
def _rare(raw: str) -> bool:
    return zipf_frequency(raw, "ar") < RARE


#: the written forms of a strong cue (`clitic_forms`)
_CUE_FORMS = frozenset(clitic_forms(STRONG_CUES))


@lru_cache(maxsize=100_000)
def _cue(word: str) -> str | None:
    """The strong place cue a word is, proclitics allowed (memoised: asked of every word of an article)."""
    for v, _cut in clitic_variants(word):
        if v in STRONG_CUES:
            return v
    return None


def cued_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the names a noun of place governs added as LOC (see the module docstring)."""
    toks = norm_tokens(text)
    if len(toks) < 2:
        return mentions
    gaps = token_gaps(text)
    covered = _covered(text, mentions)
    out = list(mentions)
    for k in tokens_where(text, _CUE_FORMS, _cue):  # the strong cues
        cue = _cue(toks[k][2])
        if k + 1 >= len(toks) or gaps[k] or (k + 1) in covered:
            continue
        if cue in IDIOMS and k > 0 and toks[k - 1][2] in IDIOMS[cue]:
            continue
        s, e, w = toks[k + 1]
        if not w.isalpha() or w in _NOT_NAMES or _cue(w) is not None:
            continue  # «منطقتي منطقتي …»: the second noun governs
        if not w.startswith("ال") and _governs_genitive(toks, gaps, k + 1):
            continue  # «منطقة إبهام القدم»: a common noun in construct, not a name
        dual = cue in DUALS
        if not dual and not _rare(text[s:e]):
            continue
        out.append((s, e, "LOC"))
        j = k + 2
        if dual and j < len(toks) and not gaps[k + 1] and j not in covered and toks[j][2][:1] == "و" \
                and toks[j][2][1:].isalpha() and toks[j][2][1:] not in _NOT_NAMES:
            out.append((toks[j][0] + 1, toks[j][1], "LOC"))
    return sorted(out)


def _governs_genitive(toks: tuple[tuple[int, int, str], ...], gaps: tuple[str, ...], j: int) -> bool:
    """Whether the indefinite word at j heads a construct: a definite noun (not a nisba adjective) follows."""
    if j + 1 >= len(toks) or gaps[j]:
        return False
    nxt = toks[j + 1][2]
    return nxt.startswith("ال") and not nxt.endswith(("ي", "يه"))


def _covered(text: str, mentions: list[Mention]) -> set[int]:
    """Tokens inside a mention. Walking the tokens, a pointer into the sorted spans moves past each span that
    ends before the token, and the token is covered if the span it stops at starts before its end; the same
    walk is done here span by span, bisecting for the run of tokens each span holds the pointer over."""
    starts, ends = token_bounds(text)
    out: set[int] = set()
    k = 0
    for a, b in sorted((s, e) for s, e, _t in mentions):
        stop = bisect_left(starts, b, k)  # the first token from k that starts at or after the span's end
        out.update(range(bisect_right(ends, a, k, stop), stop))  # those ending after the span's start
        k = stop
    return out
