"""Event modifiers read off the words around a trigger: negation, hypothesis, future, and the mode.

`لم تقصف`, `نفت … شن غارات` (a denial within a few words before, unless the event is itself a
rejection), `إذا/لو … ` and `في حال` anywhere before it, `سوف/يعتزم/من المقرر` just before the verb. The
mode says how an assault was carried out, from the trigger itself or from cue words near it (a sentence
may report a ground assault and an air raid side by side), or what kind of protest it was.
"""

from __future__ import annotations

from marsad.events.tokens import Hit, Sentence, Tok

__all__ = ["future_aux", "hypothetical", "mode_of", "negated"]

# Closed word classes (bare spelling: no و/ف, preposition or article).
_NEG = frozenset({"لم", "لن", "ليس", "ليست", "عدم", "دون", "بدون", "لا"})
_FUTURE_AUX = frozenset({"سوف", "ينوي", "تنوي", "ينويان", "يعتزم", "تعتزم", "يعتزمون", "تخطط", "يخطط", "سيتم",
                         "ستتم", "سيجري", "ستجري", "تستعد", "يستعد", "ستقوم", "سيقوم", "سيقومون", "ستبدا",
                         "سيبدا", "تنوى", "يزمع", "تزمع", "مزمع", "المقرر", "مقرر", "المرتقب", "ستعمل", "سيعمل"})
_COPULA = frozenset({"يكن", "تكن", "يكون", "تكون", "يكونوا", "كان", "كانت", "يعد", "تعد", "يعتبر", "تعتبر"})
_DENY = frozenset({"نفي", "نفت", "نفوا", "ينفي", "تنفي", "ينفون", "نفيه", "نافيا", "نافيه"})

# Cue words deciding the mode of an assault (bare-spelling prefixes; str.startswith with a tuple).
_MODE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("suicide-attack", ("انتحاري", "انتحاريه", "انتحاريا", "انتحاريين")),
    ("unconventional", ("كيماوي", "كيميائي", "كيميائيه", "كيماويه", "سارين", "غاز_الكلور")),
    ("drone", ("مسيره", "مسيرات", "درون", "طائره_بدون", "بدون_طيار")),
    ("aerial", ("غاره", "غارات", "طائرات", "طائره", "طيران", "جوي", "جويه", "جويا", "مقاتلات", "قاذفات",
                "مروحي", "سلاح_الجو", "براميل", "الحربيه")),
    ("heavy-weapons", ("مدفعي", "مدافع", "صاروخ", "صواريخ", "قذائف", "قذيفه", "هاون", "راجمات", "دبابه",
                       "دبابات", "مدرعات", "كاتيوشا", "باليستي", "مقذوفات", "المدفعيه")),
    ("explosives", ("عبوه", "عبوات", "ناسفه", "مفخخه", "مفخخات", "لغم", "الغام", "متفجرات", "قنبله", "تفجير",
                    "انفجار", "ناسف")),
    ("crowd-control", ("مسيل", "مطاطي", "خراطيم")),
    ("firearms", ("رصاص", "نار", "النار", "نيران", "بنادق", "رشاش", "قناص", "قنص", "مسدس", "اطلاق_نار")),
    ("primitive", ("سكين", "سكاكين", "حجاره", "سواطير", "ساطور")),
)


def negated(toks: list[Tok], v: int, h: Hit) -> bool:
    for k in range(max(0, v - 3), v):
        b = toks[k].bare
        key = toks[k].key
        if key in _NEG or b in _NEG:
            if not h.form.verbal and any(toks[x].bare in _COPULA for x in range(k + 1, v)):
                continue  # لم تكن واقعة التحرش الأولى: the copula is negated, not the event noun
            # لا/ما negate a verb only when adjacent to it
            if key in ("لا", "ولا") and k != v - 1:
                continue
            return True
        if key in ("ما", "وما") and k == v - 1 and h.form.verbal:
            return True
    if h.form.trig.type != "REJECT":
        for k in range(max(0, v - 12), v):
            if toks[k].key in _DENY or toks[k].bare in _DENY:
                return True
    return False


def hypothetical(toks: list[Tok], v: int, j: int) -> bool:
    for k in range(0, min(len(toks), j + 12)):
        key = toks[k].key
        b = toks[k].bare
        if key in ("اذا", "واذا", "فاذا", "لو", "ولو", "لولا", "اذاما"):
            return True
        if b in ("حال", "حاله") and k >= 1 and toks[k - 1].key in ("في", "وفي", "فى"):
            return True
    return False



def future_aux(toks: list[Tok], v: int) -> bool:
    """A future auxiliary or a planning word within four tokens before the verb."""
    for k in range(max(0, v - 4), v):
        if toks[k].bare in _FUTURE_AUX or toks[k].key in _FUTURE_AUX:
            return True
    return False


def mode_of(st: Sentence, hit: Hit) -> str | None:
    trig = hit.form.trig
    if trig.type == "PROTEST":
        if trig.mode == "strike" and any(t.bare == "طعام" for t in st.toks[hit.j + 1:hit.j + 5]):
            return "hunger"  # إضرابهم المفتوح عن الطعام
        return trig.mode or "demo"
    if trig.mode and not (trig.type == "ASSAULT" and trig.mode in ("firearms",)):
        return trig.mode
    if trig.type == "ASSAULT":
        # cues near the trigger: a sentence may report a ground assault and an air raid side by side
        lo = max(0, hit.i - 12)
        hi = min(len(st.toks), hit.j + 12)
        bares = [t.bare for t in st.toks[lo:hi]]
        joined = {bares[k] + "_" + bares[k + 1] for k in range(len(bares) - 1)}
        for mode, cues in _MODE_CUES:
            for b in bares:
                if b.startswith(cues):
                    return mode
            if any(c in joined for c in cues if "_" in c):
                return mode
        return trig.mode
    return trig.mode

