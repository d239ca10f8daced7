"""Protests told through the protesters, and what a protest sentence is first.

News often reports a protest without a protest word: «وأحرق المتظاهرون عشرين سيارة», «سار المحتجون حتى
السفارة», «وتجمع مئات من الأقباط أمام الكاتدرائية», «خرج الآلاف إلى الشوارع». The participants (the
lexicon's `participant` nouns) and a crowd doing what crowds do (gathering, marching, chanting) are the
protest, whatever the verb. A sentence about a protest that also mentions the police, a burned car or a
clash is a protest first: it is an assault as well only where someone is shot, killed or bombed. Slogans
the crowd chants or carries («الموت لأمريكا», «أوقفوا القتل») report no event of their own.
"""

from __future__ import annotations

from marsad.events.lexicon import Trigger, bare
from marsad.events.tokens import Hit, Tok, unclitic
from marsad.text.normalize import normalize

__all__ = ["crowd_near", "protest_first", "slogan_spans", "street_context"]


def _bare_set(words: str) -> frozenset[str]:
    return frozenset(bare(normalize(w)) for w in words.split())


# A crowd: the quantities news counts protesters in, and the crowd nouns.
_CROWD = _bare_set("مئات المئات آلاف الآلاف ألوف عشرات العشرات حشود حشد جموع الجموع جماهير الجماهير "
                   "الحشود ألف")
_PARTICIPANT_PREFIXES = tuple(bare(normalize(w)) for w in (
    "متظاهر", "محتج", "معتصم", "مضرب", "المتظاهر", "المحتج", "المعتصم"))
# Where a crowd goes: streets and squares (bare spellings).
_STREET = _bare_set("شارع الشارع شوارع الشوارع ميدان الميدان ساحة الساحة ساحات الطرقات طرقات أمام")
_STREET_PREFIXES = ("احتجاج", "متظاهر", "تظاهر", "مظاهر", "هتاف", "هتف", "شعارات", "لافتات", "اعتصام",
                    "محتج", "منددين", "تنديدا", "مسيره", "مسيرات")
# Words that introduce what a crowd chants or carries.
_SLOGAN = _bare_set("هتاف هتافات الهتافات شعار شعارات الشعارات لافتة لافتات اللافتات يرددون رددوا مرددين "
                    "هتفوا يهتفون هاتفين ردد يردد رافعين رفعوا يرفعون كتب كتبت مكتوب عليها")
# Cue words of a real attack inside a protest sentence: shooting, killing, bombing, shelling (bare prefixes).
_LETHAL = ("رصاص", "رصاصه", "قتل", "مقتل", "قتيل", "قتلي", "استشهد", "شهيد", "شهداء", "مصرع", "حتف",
           "انفجار", "تفجير", "مفخخ", "عبوه", "ناسف", "انتحاري", "غاره", "غارات", "قصف", "صاروخ", "صواريخ",
           "قذائف", "قذيفه", "مدفعي", "طعن", "ذبح", "اعدام", "اغتيال", "اختطاف", "خطف", "قناص", "قنص")
# CAMEO codes of violent triggers that a riot or a dispersal also produces: attack/clash/storm (190),
# beat (182), burn or stab (1823 primitive), destroy (1712).
_GENERIC_VIOLENCE = frozenset({"190", "182", "1712", "1823/primitive"})


def _generic(t: Trigger) -> bool:
    return t.cameo in _GENERIC_VIOLENCE or f"{t.cameo}/{t.mode}" in _GENERIC_VIOLENCE

_SHOT_FIRE = _bare_set("النار نار النيران نيران")
_FIRE_VERBS = ("اطلاق", "اطلق", "فتح", "فتحت", "اطلقت", "اطلقوا", "فتحوا", "يطلق", "تطلق")


def _is_participant(b: str) -> bool:
    return b.startswith(_PARTICIPANT_PREFIXES)



def crowd_near(toks: list[Tok], i: int, j: int) -> bool:
    """A crowd word or the protesters within five words of the trigger, on either side."""
    for k in range(max(0, i - 5), min(len(toks), j + 6)):
        if i <= k <= j:
            continue
        b = toks[k].bare
        if b in _CROWD or _is_participant(b):
            return True
    return False


def street_context(toks: list[Tok]) -> bool:
    """A street or square, or protest vocabulary, somewhere in the sentence."""
    return any(t.bare in _STREET or t.bare.startswith(_STREET_PREFIXES) for t in toks)


def slogan_spans(toks: list[Tok]) -> list[tuple[int, int]]:
    """Token ranges [a, b) of quoted slogans: a «…» or "…" opened within four words after a chanting or
    banner word (هتافات، شعارات، لافتات، يرددون)."""
    spans: list[tuple[int, int]] = []
    n = len(toks)
    k = 0
    while k < n:
        if toks[k].bare in _SLOGAN:
            for q in range(k + 1, min(n, k + 6)):
                key = toks[q].key
                if key in ("«", '"'):
                    close = "»" if key == "«" else '"'
                    end = next((x for x in range(q + 1, min(n, q + 40)) if toks[x].key == close), None)
                    if end is not None:
                        spans.append((q, end + 1))
                        # a list of slogans: «…» و«…»
                        k = end
                        while k + 2 < n and toks[k + 1].key == "و" and toks[k + 2].key == key:
                            nxt = next((x for x in range(k + 3, min(n, k + 40)) if toks[x].key == close), None)
                            if nxt is None:
                                break
                            spans.append((k + 2, nxt + 1))
                            k = nxt
                    break
        k += 1
    return spans


def _lethal_near(toks: list[Tok], h: Hit) -> bool:
    lo, hi = max(0, h.i - 8), min(len(toks), h.j + 9)
    for k in range(lo, hi):
        b = toks[k].bare
        if b.startswith(_LETHAL) or unclitic(b).startswith(_LETHAL):
            return True
        if b in _SHOT_FIRE and k >= 1 and toks[k - 1].bare.startswith(_FIRE_VERBS):
            return True
    return False


def protest_first(toks: list[Tok], hits: list[Hit]) -> list[Hit]:
    """A protest reported with clashes, burned cars, stones or tear gas is a protest first: a generic
    violent trigger (attack, clash, storming, burning, destroying, beating) within twelve words of the
    protest is dropped unless a lethal cue stands near it (shooting, a killing, an explosion, shelling).
    Specific attacks (a bombing, an air strike, a killing, an abduction) are always kept."""
    protests = [h for h in hits if h.form.trig.type == "PROTEST"]
    if not protests:
        return hits
    out = []
    for h in hits:
        t = h.form.trig
        if t.type == "ASSAULT" and _generic(t) and not t.cas and \
                any(abs(h.i - p.i) <= 12 for p in protests) and not _lethal_near(toks, h):
            continue
        out.append(h)
    return out
