"""Who a short or title-only speaker phrase stands for: the fuller phrase the article used before.

News style names a speaker in full once (وزير الخارجية الإيطالي باولو جينتيلوني، مصدر مطلع من ريف حلب،
المرصد السوري لحقوق الإنسان، مكتب حاكم إقليم أغري) and then refers back with the title alone (وزير الخارجية
الإيطالي، الوزير)، the bare head (المصدر، المرصد، مكتب الحاكم) or the head with an emphatic (النائب المعارض
نفسه). The antecedent is the nearest earlier phrase with the same head whose words include all of the
anaphor's words and which says more: a name, or more words. An exact match of the title words wins over a
fuller title (after «وزير الخارجية عادل الجبير، ووزير الخارجية الإيطالي باولو جينتيلوني», «وزير الخارجية»
is al-Jubeir and «وزير الخارجية الإيطالي» Gentiloni).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from marsad.kb.countries import names_a_state
from marsad.quotes.chains import PERSON, SOURCE
from marsad.quotes.nouns import RANKS, base
from marsad.quotes.phrases import NP, chunk
from marsad.quotes.tokens import Tokens
from marsad.text import normalize

_SOURCE_HEADS = frozenset(normalize(w) for w in ("مصدر", "مصادر"))
_EPITHETS = frozenset(base(normalize(w)) for w in ("الإرهابي", "الإرهابية", "المتطرف", "المتطرفة", "المتشدد",
                                                   "المتشددة", "المسلح", "المسلحة", "الجهادي", "الجهادية"))
_EMPHATIC = frozenset(normalize(w) for w in ("نفسه", "نفسها", "ذاته", "ذاتها", "نفسهم", "أنفسهم"))
LOOKBACK = 900  # tokens (a news article's speakers are named within a few paragraphs)
_JOINED = (-1, -1, True)  # where the joined keys are kept among a text's memoised phrases


def words_of(tk: Tokens, a: int, b: int) -> list[str]:
    """The content words of tokens a..b-1 without article, proclitic or emphatic."""
    return [base(tk.keys[t]) for t in range(a, b) if tk.word[t] and tk.keys[t] not in _EMPHATIC]


def _ending_with(tk: Tokens, ends: tuple[str, ...], lo: int, hi: int) -> list[int]:
    """Tokens in lo..hi-1 whose key ends with one of `ends`, nearest first: found with string search
    over the text's keys joined once (kept with its phrases), not by a loop over tokens."""
    joined = tk.phrases.get(_JOINED)
    if joined is None:
        offs = list(accumulate(map((1).__add__, map(len, tk.keys)), initial=0))  # C-level, no Python loop
        joined = ("\x01".join(tk.keys) + "\x01", offs)
        tk.phrases[_JOINED] = joined
    text, offs = joined
    start, stop = offs[lo], offs[hi]
    out: set[int] = set()
    for e in ends:
        needle = e + "\x01"
        p = text.rfind(needle, start, stop)
        while p >= 0:
            out.add(bisect_right(offs, p) - 1)
            p = text.rfind(needle, start, p)
    return sorted(out, reverse=True)


_PRESIDENT = base(normalize("رئيس"))


def _head_of_state(title: list[str]) -> bool:
    """A president's title: «رئيس» alone, with a nationality, of a state or of the republic (not رئيس
    الوزراء)."""
    return len(title) < 2 or names_a_state(title[1])


def _same_head(h: str, k: str) -> bool:
    return h == k or (h in _SOURCE_HEADS and k in _SOURCE_HEADS)


def _title_words(tk: Tokens, np: NP) -> list[str]:
    """The words of a phrase before its name (its title), ranks left out."""
    end = np.name if np.name is not None else np.b
    return [w for w in words_of(tk, np.a, end) if ("ال" + w) not in RANKS and w not in RANKS]


def antecedent(tk: Tokens, np: NP) -> NP | None:
    """The fuller earlier phrase an anaphoric speaker phrase stands for, or None."""
    want = words_of(tk, np.a, np.b)
    if not want:
        return None
    head = want[0]
    wset = set(want) - _SOURCE_HEADS if head in _SOURCE_HEADS else set(want)
    wset -= _EPITHETS  # التنظيم الإرهابي is «تنظيم داعش» named before: an epithet is not part of the name
    superset: NP | None = None
    lo = max(0, np.a - LOOKBACK)
    keys, word = tk.keys, tk.word
    ends = tuple(_SOURCE_HEADS) if head in _SOURCE_HEADS else (head,)
    for t in _ending_with(tk, ends, lo, np.a):  # a word's base is a suffix of it
        k = keys[t]
        if not word[t] or not _same_head(head, base(k)):
            continue
        lim = tk.sent_rng[tk.sent_of[t]][1] if hasattr(tk, "sent_of") else tk.n
        cand = chunk(tk, t, lim, lead_ok=True)
        if cand is None or cand.a == np.a:
            continue
        if np.kind == PERSON and cand.gender != np.gender:
            continue
        own = set(words_of(tk, cand.a, cand.b))
        have = own | _SOURCE_HEADS if head in _SOURCE_HEADS else own
        if not wset <= have:
            continue
        richer = cand.name is not None or len(own) > len(wset) or cand.b - cand.a > np.b - np.a
        if not richer:
            continue
        if np.kind == PERSON and cand.name is None:
            continue  # a title is resolved only to a named person
        if want == [_PRESIDENT] and not _head_of_state(_title_words(tk, cand)):
            continue  # «الرئيس» alone is a head of state, not the head of a government or a parliament
        if np.kind == SOURCE or np.kind != PERSON:
            return cand
        if set(_title_words(tk, cand)) == set(want):
            return cand
        if superset is None:
            superset = cand
    return superset
