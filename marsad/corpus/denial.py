"""What a denial denies, and whether a statement could be what it denies.

A denial contradicts a statement only when the statement says what the denial rejects. Quotes that
deny usually carry more than the rejected clause: the speaker's own account follows («نفت … ما تردد عن
حروق، مؤكدة أن الطفلة كانت تعاني التهابا جلديا»), or the rejection is appended to an assertion («أكمنة
الجيش مجهزة، ولا صحة لما تردد عن هجمات»). Another outlet reporting that account is the same statement
reported twice, not its contradiction; on the hand-judged SaudiNewsNet samples this was the commonest
wrong contradiction (`eval/corpus/README.md`). So a denial has a *scope*: the words its denial covers,
from a denial word to the end of its clause (or back to the clause's start, for words that follow what
they reject: «… غير صحيح», «… مجرد أكاذيب»), or, for a quote that is the object of a denial verb outside
it (cue `deny`), its opening clause. A new assertion (a sentence end, «مؤكدا», «لكن», «وأضاف») closes
the scope.

A statement that negates its own predicate («لم يتم إيقاف أي بدل», «لا توجد خلافات») is on the
denial's side far more often than against it: of 64 such pairs in the judged samples one was a
contradiction.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.corpus.features import content_terms
from marsad.text.normalize import normalize

_PARTICLES = frozenset({"لا", "ما", "لم", "لن", "غير", "عن", "من", "علي"})  # in most texts: useless as a pre-check


class StemPattern:
    """A regex over normalised text for stems written as in `_FORWARD` ("*" allows any ending), after
    an optional و/ف and the article. The stems are normalised too, so a hamza seat (شائع) matches the
    folded text (شايع).

    Most texts hold none of the stems, and a substring check of each stem's longest word rejects them
    before the regex runs: scanning 113K quotes with every alternative at every position took 12 s."""

    def __init__(self, stems: tuple[str, ...]) -> None:
        alts, cores = [], set()
        for s in stems:
            words = [normalize(p.rstrip("*")) for p in s.split()]
            alts.append(r"\s+".join(re.escape(w) + (r"\w*" if p.endswith("*") else "")
                                     for w, p in zip(words, s.split(), strict=True)))
            cores.add(max(words, key=lambda w: (w not in _PARTICLES, len(w))))
        self.regex = re.compile(r"(?<!\w)[وف]?(?:ال)?(?:" + "|".join(alts) + r")(?!\w)")
        self.cores = tuple(sorted(cores))

    def finditer(self, t: str) -> list[re.Match[str]]:
        if not any(c in t for c in self.cores):
            return []
        return list(self.regex.finditer(t))

    def search(self, t: str) -> re.Match[str] | None:
        if not any(c in t for c in self.cores):
            return None
        return self.regex.search(t)


# Denial words that reject what follows them («نفى أن …», «لا صحة لما تردد عن …», «الشائعات حول …») ...
# («نفي» is spelled out: "نفي*" also matched نفيس, precious, and its misspellings.)
_FORWARD = ("نفي", "نفيا", "نفيه", "نفيها", "نفيهم", "نفت", "نفوا", "ينفي", "تنفي", "ينفيان", "ينفون",
            "كذب*", "تكذيب", "لا صح*", "شائع*", "اشاع*", "لا اساس")
# ... and those that follow it («ما تم تداوله … غير صحيح», «… لا أساس لها», «… مجرد أكاذيب»).
_BACKWARD = ("غير صحيح*", "غير دقيق*", "عار* عن الصح*", "عار* من الصح*", "عاري* من الصح*",
             "عار* تماما عن الصح*", "عار* تماما من الصح*", "لا اساس", "مفبرك*", "ملفق*", "اكاذيب")
_FORWARD_RE = StemPattern(_FORWARD)
_BACKWARD_RE = StemPattern(_BACKWARD)
_ANY_RE = StemPattern(_FORWARD + _BACKWARD)

# Where a denial's reach ends: a sentence end, or the start of the speaker's own assertion.
_MARKERS = (
    "مؤكدا", "مؤكدة", "مؤكدين", "مبينا", "مبينة", "مشيرا", "مشيرة", "موضحا", "موضحة", "مضيفا", "مضيفة",
    "قائلا", "قائلة", "لافتا", "لافتة", "مشددا", "مشددة", "معتبرا", "معتبرة", "لكن", "لكنه", "لكنها",
    "ولكن", "ولكنه", "ولكنها", "بل", "واضاف", "واضافت", "اضاف", "اضافت", "واكد", "واكدت", "وقال", "وقالت",
    "واوضح", "واوضحت", "الا ان", "غير ان",
)
_BOUNDARY = re.compile(r"[.؛;:!?؟\n]|(?<!\w)(?:" + "|".join(re.escape(normalize(m)) for m in _MARKERS) + r")(?!\w)")

# «لا ينفي» (does not deny) denies nothing.
_NEGATED = re.compile(r"(?:^|\s)[وف]?(?:لا|لم|لن|ما)\s+$")
# A statement that speaks of what is being said («ما تم تداوله», «الخبر المتداول», «ما تردد») reports a
# rumour; it does not assert it.
_RUMOUR = StemPattern(("تداول*", "متداول*", "ما تردد", "ما يتردد", "ما يقال", "ما اشيع", "ما يشاع", "ما اثير"))

# A statement's own negation; «لا يزال» (still) is not one.
_NEGATION = re.compile(r"(?<!\w)[وف]?(?:لم|لن|ليس|ليست|ليسوا|لسنا|لست|عدم|لا(?!\s+[يت]?زال))(?!\w)")


def _denials(pattern: StemPattern, t: str) -> list[re.Match[str]]:
    return [m for m in pattern.finditer(t) if not _NEGATED.search(t, max(0, m.start() - 6), m.start())]


def denial_words(text: str) -> bool:
    """Does the text deny in its own words («لا صحة», «غير صحيح», «نفى»)?"""
    return bool(_denials(_ANY_RE, normalize(text)))


def reports_rumour(text: str) -> bool:
    """Does the statement speak of what is being said rather than say it?"""
    return _RUMOUR.search(normalize(text)) is not None


def negates(text: str) -> bool:
    """Does the statement negate something itself («لم يتم», «لا توجد», «ليس»)?"""
    return _NEGATION.search(normalize(text)) is not None


@lru_cache(maxsize=65536)
def scope(text: str, whole: bool = False) -> str:
    """The normalised words the denial covers, clauses joined by " | " (empty when it denies nothing).

    `whole`: the quote is the object of a denial verb outside it, so its first clause is denied too."""
    t = normalize(text)
    ends = [m.start() for m in _BOUNDARY.finditer(t)]
    spans: list[tuple[int, int]] = []
    if whole:
        spans.append((0, next((e for e in ends if e > 0), len(t))))
    for m in _denials(_FORWARD_RE, t):
        spans.append((m.start(), next((e for e in ends if e > m.start()), len(t))))
    for m in _denials(_BACKWARD_RE, t):
        spans.append((max((e for e in ends if e < m.start()), default=0), m.end()))
    return " | ".join(t[s:e] for s, e in sorted(spans))


@lru_cache(maxsize=65536)
def scope_terms(text: str, whole: bool = False) -> frozenset[str]:
    """Content words of `scope` (the same words `features.content_terms` gives the whole quote)."""
    return frozenset(content_terms(scope(text, whole)))


def covers(denial_text: str, whole: bool, denial_terms: frozenset[str], claim_terms: frozenset[str]) -> bool:
    """Is what the claim shares with the denial mostly inside the denial's scope?

    At least two shared words must lie in the scope, and at least half of all the shared words: a
    statement that matches only the speaker's own account, outside the rejected clause, repeats that
    account."""
    inside = scope_terms(denial_text, whole) & claim_terms
    return len(inside) >= 2 and 2 * len(inside) >= len(denial_terms & claim_terms)
