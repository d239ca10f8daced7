"""Words that put two related claims on opposite sides, as evidence an analyst can read.

The ANS stance model learned contradiction from headlines corrupted by one swapped word; real quotes
from different speakers rarely share that much wording, and the model then calls almost any pair of
differently worded quotes a disagreement. Reporting marks real disagreement with a small, closed set of
predicates instead: one side says something was defeated, ended or confirmed, the other that it
persists, goes on or is untrue. Only statements of outcome are poles: nouns of aim («القضاء على»,
«منع عودة») and of ability («لا تستطيع») describe plans and capacities, which two sides can hold at
once without contradicting each other. Each pole below is a set of normalised stems (matched after optional
و/ف and the article); a pair shows *opposition* when one side uses one pole of a pair and not the
other, and the other side the reverse. The evidence words are returned so the contradiction can be
shown with its reason.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.corpus.denial import StemPattern
from marsad.corpus.reasons import opposition_reason
from marsad.text.normalize import normalize

# (name, pole A, pole B): normalised spellings (ة→ه, أ/إ/آ→ا, ى→ي); a trailing "*" allows any ending.
# «continues» (يواصل، تواصل) is not a pole of persists: it says an actor goes on doing something, and of
# the judged pairs it put against «defeated» none was a contradiction.
_PAIRS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("ended/persists",
     ("هزم*", "هزيم*", "دحر*", "قضي علي", "قضت علي", "انتهت", "انتهي", "لم يعد*",
      "لم تعد", "سحق*", "اندحار", "تطهير"),
     ("لا يزال", "لازال", "لايزال", "لا تزال", "لاتزال", "ما زال*", "مازال*", "يتواجد", "تتواجد", "لا يزالون",
      "باق", "باقي*", "مستمر*")),
    ("true/untrue",
     ("مؤكد", "موكد", "صحيح*", "ثابت*", "ثبت*", "حقيق*"),
     ("نفي", "نفيا", "نفيه", "نفيها", "نفت", "نفوا", "ينفي", "تنفي", "كذب*", "عار* عن الصح*", "غير صحيح*", "لا اساس", "مزاعم", "مفبرك*",
      "ملفق*", "عاري* من الصح*")),
    ("succeeded/failed",
     ("نجاح*", "نجح*"),
     ("فشل*", "اخفاق*", "اخفق*")),
    ("won/lost", ("فوز*", "فاز*", "انتصار*", "النصر"), ("خساره", "خسر*")),
    ("withdrew/stays", ("انسحاب*", "انسحب*", "سحب*", "مغادر*", "غادر*"), ("بقاء", "يبقي", "تبقي", "ستبقي", "سيبقي")),
)


# A pole word in a hypothetical («كان بإمكانها سحق», «لو انسحبت», «يمكن أن تنجح») states no outcome.
_HYPOTHETICAL = re.compile(r"(?<!\w)(?:لو|لولا|بامكان\w*|يمكن\w*|قادر\w*|يستطيع\w*|تستطيع\w*|ربما)\s+(?:\S+\s+){0,2}$")

#: Pairs about states that change from day to day: opposite words on different days are two true
#: reports, not a contradiction. (rose/fell, opened/closed and accepted/rejected were tried and
#: dropped: on 160 hand-judged SaudiNewsNet pairs they fired 21 times, once on a real contradiction;
#: market reports are full of indicators that rose and others that fell.)
TIME_BOUND = frozenset({"withdrew/stays"})

_COMPILED = tuple((name, StemPattern(a), StemPattern(b)) for name, a, b in _PAIRS)


_CONFIRM_RE = StemPattern(_PAIRS[1][1])


def confirms(text: str) -> bool:
    """Does the text call its claim confirmed or true («مؤكد», «صحيح», «ثابت»)?"""
    return _CONFIRM_RE.search(normalize(text)) is not None


Span = tuple[int, int]

#: How far (characters) an opposing word may be from a mention of the shared actor for the opposition
#: to count as said about that actor: the next word, with a space and perhaps a quote mark between
#: («هزم التنظيم», «التنظيم لا يزال»). With about three words (20 characters) the word was mostly said
#: of something else nearby: 107 of the 294 pairs listed on SaudiNewsNet came from this rule, and none
#: of the 29 of them that readers judged was a contradiction (`eval/corpus/README.md`).
WINDOW = 3


@lru_cache(maxsize=262144)
def poles(text: str) -> tuple[tuple[str, str, int, int, str], ...]:
    """(pair name, pole 'a' or 'b', start, end, matched words) for every opposing word in the text.

    Offsets are into the normalised text, which drops only diacritics and tatweel, so they stay within
    a few characters of the original's."""
    t = normalize(text)
    same = len(t) == len(text)  # no diacritics or tatweel dropped: show the words as written
    out = []
    for name, pa, pb in _COMPILED:
        for pole, pat in (("a", pa), ("b", pb)):
            for m in pat.finditer(t):
                if _HYPOTHETICAL.search(t, max(0, m.start() - 40), m.start()):
                    continue
                out.append((name, pole, m.start(), m.end(), (text if same else t)[m.start():m.end()].strip()))
    return tuple(out)


def _near(start: int, end: int, anchors: list[Span] | None) -> bool:
    if anchors is None:
        return True
    return any(s - WINDOW <= end and start <= e + WINDOW for s, e in anchors)


def opposition(text_a: str, text_b: str, anchors_a: list[Span] | None = None,
               anchors_b: list[Span] | None = None) -> str | None:
    """A readable reason ("ended/persists: هزم ↔ لا يزال") when the two texts take opposite poles of one
    pair, else None.

    With anchors (spans of the shared entity's mentions in each text), only opposing words within
    `WINDOW` characters of a mention count, so the opposition is said of that entity rather than of
    something else in a long quote. A side using both poles of a pair (as a negated restatement often
    does) is no evidence either way."""
    pa = [p for p in poles(text_a) if _near(p[2], p[3], anchors_a)]
    pb = [p for p in poles(text_b) if _near(p[2], p[3], anchors_b)]
    for name, _, _ in _PAIRS:
        a = {p[1]: p[4] for p in pa if p[0] == name}
        b = {p[1]: p[4] for p in pb if p[0] == name}
        if len(a) != 1 or len(b) != 1:
            continue
        (pole_a, word_a), (pole_b, word_b) = next(iter(a.items())), next(iter(b.items()))
        if pole_a != pole_b:
            return opposition_reason(name, word_a, word_b)
    return None
