"""Lists of persons joined by و: a conjunct between two persons is a person too.

Arabic news names committees, defendants and victims in one run: «وضمت اللجنة كلا من سامي الخطيب وماهر
الزعبي وعلي حسن الراشد ونادر البيطار وفؤاد العيسى». Coordination joins like with like, so
once the tagger has found most of the names, the ones it missed are read from the list's shape:

* a conjunct of one to three words between two person conjuncts («… البيطار وفؤاد العيسى وعمر …») is a
  person when it looks like a name: it opens with a known given name, or ends in a family name (a
  definite word ending in ي, as a nisba does: العيسى);
* a person conjunct whose given name was left outside the tagger's span because the conjunction is
  written onto it («وماهر الزعبي» tagged «الزعبي») takes it back;
* the list's first conjunct, a given name and one more word right before «و» and a person («كلا من سامي الخطيب
  وماهر …»), is a person.

Nothing is added across punctuation, over a mention, or from words that are not letters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from marsad.kb.name_parts import PERSON
from marsad.kb.persons import given_names
from marsad.kb.titles import token_gaps
from marsad.kb.tokens import norm_tokens
from marsad.text.normalize import normalize

Mention = tuple[int, int, str]
MAX_CONJUNCT = 3
_STOPS = frozenset(normalize(w) for w in (
    "في", "من", "على", "إلى", "عن", "مع", "أن", "إن", "قد", "لا", "لم", "ما", "هذا", "هذه", "الذي", "التي",
    "كل", "بعض", "أيضا", "كما", "ثم", "بين", "عند", "بعد", "قبل", "هو", "هي", "هم"))


def coordinated_persons(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the persons of «و» lists the tagger missed added (see the module docstring)."""
    toks = norm_tokens(text)
    if not toks or sum(t in PERSON for _s, _e, t in mentions) < 2:
        return mentions
    gaps = token_gaps(text)
    starts = [s for s, _e, _w in toks]
    ms = sorted(mentions)
    out = list(ms)
    pers = [m for m in ms if m[2] in PERSON]
    for a, b in zip(pers, pers[1:], strict=False):
        ta, tb = bisect_right(starts, a[1] - 1) - 1, bisect_right(starts, b[0]) - 1
        if not _conj_before(text, toks, tb, b) or any(gaps[k] for k in range(ta, tb)):
            continue
        middle = list(range(ta + 1, tb))
        if 1 <= len(middle) <= MAX_CONJUNCT and toks[middle[0]][2][:1] == "و" and _name_like(toks, middle):
            out.append((toks[middle[0]][0] + 1, toks[middle[-1]][1], a[2]))
    out = _given_name_back(text, toks, starts, out)
    out = _list_head(toks, gaps, starts, out)
    return sorted(set(out))


def _conj_before(text: str, toks: tuple[tuple[int, int, str], ...], tb: int, b: Mention) -> bool:
    """Whether mention b opens its token right after an attached و (ويوسف محلي)."""
    return toks[tb][0] == b[0] - 1 and text[b[0] - 1] == "و"


def _name_like(toks: tuple[tuple[int, int, str], ...], ks: list[int]) -> bool:
    words = [toks[k][2] for k in ks]
    words[0] = words[0][1:]  # the conjunction
    if any(not w.isalpha() or w in _STOPS for w in words):
        return False
    last = words[-1]
    return words[0] in given_names() or (len(words) > 1 and last.startswith("ال") and last.endswith("ي")
                                         and len(last) > 4)


def _given_name_back(text: str, toks: tuple[tuple[int, int, str], ...], starts: list[int],
                     ms: list[Mention]) -> list[Mention]:
    """«وماهر الزعبي» tagged «الزعبي»: the given name after the conjunction joins the person."""
    spans = [(s, e) for s, e, _t in ms]
    out = []
    for s, e, t in ms:
        k = bisect_left(starts, s) - 1
        if t in PERSON and 0 <= k < len(toks) - 1 and toks[k + 1][0] == s and text[toks[k][1]:s].isspace():
            w = toks[k][2]
            start = toks[k][0] + 1
            if w[:1] == "و" and w[1:] in given_names() and not any(a < s and start < b for a, b in spans):
                s = start
        out.append((s, e, t))
    return out


def _list_head(toks: tuple[tuple[int, int, str], ...], gaps: tuple[str, ...], starts: list[int],
               ms: list[Mention]) -> list[Mention]:
    """«كلا من سامي الخطيب وماهر الزعبي»: a given name and one word right before «و» + a person."""
    covered = {k for s, e, _t in ms for k in range(bisect_left(starts, s), bisect_left(starts, e))}
    out = list(ms)
    for s, _e, t in ms:
        k = bisect_right(starts, s) - 1  # the token the person starts in, its conjunction written on
        if t not in PERSON or k < 2 or toks[k][0] != s - 1 or toks[k][2][:1] != "و":
            continue
        g, f = k - 2, k - 1
        if {g, f} & covered or gaps[g] or gaps[f] or toks[g][2] not in given_names():
            continue
        if f + 1 < len(toks) and toks[f][2].isalpha() and toks[f][2] not in _STOPS:
            out.append((toks[g][0], toks[f][1], t))
    return out
