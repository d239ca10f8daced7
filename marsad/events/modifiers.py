"""Event modifiers read off the words around a trigger: negation, hypothesis, future, and the mode.

`لم تقصف`, `نفت … شن غارات` (a denial within a few words before, unless the event is itself a
rejection), `إذا/لو … ` and `في حال` anywhere before it, `سوف/يعتزم/من المقرر` just before the verb. The
mode says how an assault was carried out, from the trigger itself or from cue words near it (a sentence
may report a ground assault and an air raid side by side), or what kind of protest it was.
"""

from __future__ import annotations

from marsad.events.lexicon import FORMS
from marsad.events.tokens import CLAUSE_END, EXPOSED, Hit, Sentence, Tok, unclitic

__all__ = ["future_aux", "hypothetical", "irrealis", "mode_of", "negated"]

# Closed word classes (bare spelling: no و/ف, preposition or article).
_NEG = frozenset({"لم", "لن", "ليس", "ليست", "عدم", "دون", "بدون", "لا"})
_FUTURE_AUX = frozenset({"سوف", "ينوي", "تنوي", "ينويان", "يعتزم", "تعتزم", "يعتزمون", "تخطط", "يخطط", "سيتم",
                         "ستتم", "سيجري", "ستجري", "تستعد", "يستعد", "ستقوم", "سيقوم", "سيقومون", "ستبدا",
                         "سيبدا", "يزمع", "تزمع", "مزمع", "المقرر", "مقرر", "المرتقب", "مرتقب", "ستعمل", "سيعمل"})
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


# Verbs of refusing or abstaining: the act right after them did not happen (رفض توقيع الاتفاق، امتنع عن التصويت).
# Refusing one's own act (رفض الوفد توقيع الاتفاق) — refusing an attack is condemning one that happened.
_REFUSE = frozenset({"رفض", "رفضت", "رفضوا", "يرفض", "ترفض", "يرفضون"})
_ABSTAIN = frozenset({"امتنع", "امتنعت", "امتنعوا", "يمتنع", "تمتنع", "توقف", "توقفت", "توقفوا", "يتوقف", "تتوقف",
                      "كف", "كفت", "كفوا"})


def _refused(toks: list[Tok], h: Hit) -> bool:
    """The act is the object of a refusal or an abstention: (رفض [subject] توقيع، توقفوا عن القتال)."""
    words = _ABSTAIN if h.form.trig.type == "ASSAULT" else _REFUSE | _ABSTAIN
    for k in range(h.i - 1, max(-1, h.i - 5), -1):
        b = toks[k].bare
        if b in words or (b[:1] in ("و", "ف") and b[1:] in words):
            return True
        if toks[k].key in ("،", ",", ".", "؛") or FORMS.get(toks[k].key) is not None:
            return False
    return False


def negated(toks: list[Tok], v: int, h: Hit) -> bool:
    if h.form.trig.type != "REJECT" and not h.form.verbal and _refused(toks, h):
        return True
    for k in range(max(0, v - 3), v):
        b = toks[k].bare
        key = toks[k].key
        if key[:1] in "وف" and key[1:] in _NEG:
            key = b = key[1:]  # ولم، ولن، وليس، فلا: the conjunction is written onto the particle
        if key in _NEG or b in _NEG:
            if not h.form.verbal and any(toks[x].bare in _COPULA for x in range(k + 1, v)):
                continue  # لم تكن واقعة التحرش الأولى: the copula is negated, not the event noun
            # لا/ما negate a verb only when adjacent to it, or across the subject «أحد» (لا أحد يقبل: nobody)
            if key == "لا" and k != v - 1 and not (k == v - 2 and toks[v - 1].bare == "احد"):
                continue
            return True
        if key in ("ما", "وما") and k == v - 1 and h.form.verbal and not _relative_ma(toks, k):
            return True
    if h.form.trig.type != "REJECT":
        for k in range(max(0, v - 12), v):
            key = toks[k].key
            if key in _DENY or toks[k].bare in _DENY or (key[:1] in "وف" and key[1:] in _DENY):
                return True
    return False


def _relative_ma(toks: list[Tok], k: int) -> bool:
    """«ما» at token k is the relative «what», not the negation: after a pronoun or demonstrative that it
    predicates (وهو ما تنفيه روسيا، هذا ما أكده)، a preposition or a quantifier (حسب ما، كل ما), in
    «سرعان ما» (soon), or
    before an imperfect, which news negates with لا, not ما (ما يقوله: what he says)."""
    if toks[k + 1].key[:1] in "يت" and toks[k].key == "ما":
        return True
    return k >= 1 and toks[k - 1].bare.removeprefix("و") in _BEFORE_RELATIVE_MA


_BEFORE_RELATIVE_MA = frozenset({"هو", "هي", "هذا", "هذه", "ذلك", "تلك", "كل", "حسب", "بحسب", "وفق", "وفقا", "طبقا",
                                 "مثل", "اكثر", "ابرز", "اهم", "اخر", "بين", "الي", "علي", "عن", "من", "بعد", "قبل",
                                 "سرعان", "طالما", "ريثما"})


# Words that put what follows in the realm of the possible, expected or feared: a prediction («رجح محللون أن
# تسحب»), a possibility («يمكن أن»، «احتمال»), a fear («مخاوف من هجوم») or a purpose («بهدف»، «كي») states no
# event that happened. Bare spellings (article and proclitics stripped).
_IRREALIS = frozenset((
    "رجح", "رجحت", "رجحوا", "يرجح", "ترجح", "يرجحون", "توقع", "توقعت", "توقعوا", "يتوقع", "تتوقع", "يتوقعون",
    "متوقع", "المتوقع", "احتمال", "احتماليه", "امكانيه", "امكان", "يمكن", "يمكنه", "يمكنها", "ممكن", "ربما",
    "لعل", "يحتمل", "يخشي", "تخشي", "يخشون", "خشيه", "مخاوف", "تخوف", "تخوفا", "بهدف", "بغيه", "كي", "لكي",
    "اجل",
    # hopes and preludes: «أعرب عن أمله في …», «آمال لاستئناف …», «تمهد لانسحابهم»
    "امل", "امله", "املها", "املهم", "امال", "يامل", "تامل", "نامل", "ياملون", "تمهد", "يمهد", "تمهيدا",
    "تمهيد", "توطيه", "توطئه", "استعدادا", "تحسبا",
    # what is required, proposed or intended: «تتطلب مزيدا من الطلعات لاستهداف …», «تقترح موعدا لعقد …»
    "يتطلب", "تتطلب", "يستدعي", "تستدعي", "يستلزم", "تستلزم", "اقترح", "اقترحت", "يقترح", "تقترح", "مقترح",
    "اقتراح", "اعتزام", "عزم", "نيه",
    # what is sought or striven for: «تسعى إلى عقد قمة»
    "يسعي", "تسعي", "يسعون", "سعي", "مساعي", "ساعيا", "ساعيه",
    # wishes: «تمنى أن تتم دعوته»
    "تمني", "تمنت", "يتمني", "تتمني", "متمنيا", "متمنيه",
    # what a text or a plan provides for: «مبادرة تتضمن وقف إطلاق النار»، «ينص الاتفاق على انسحاب …»
    "يتضمن", "تتضمن", "ينص", "تنص",
    # what would lead to it (the imperfect; the perfect أدى إلى reports a result): «معلومات تؤدي إلى اعتقاله»
    "يودي", "تودي", "يفضي", "تفضي",
    # readiness, preparation, intent and aim: «مستعدة للتعاون»، «كانت تستعد لشن هجوم»، «يعتزم زيارة»،
    # «يهدف إلى دعم»، «تريد أن» (the imperfect: «تحاول أن تهاجم» is still trying; the perfect حاول reports
    # an attempt made)
    "مستعد", "مستعده", "مستعدون", "مستعدين", "استعداد", "جاهز", "جاهزه", "جاهزون", "جاهزين",
    "يستعد", "تستعد", "يستعدون", "يعتزم", "تعتزم", "يعتزمون", "يهدف", "تهدف", "يهدفون", "هادفا", "هادفه",
    "هدفت", "هدفوا", "ينوي", "تنوي", "ينوون", "ننوي",  # (عملية هدفت لاجتياح المدينة، تنوي القوات طرد …)
    "يريد", "تريد", "يريدون", "يحاول", "تحاول", "يحاولون",
    # the danger of it: «بسبب خطر الاعتداءات»، «مخاطر اندلاع حرب»
    "خطر", "مخاطر",
    # what must be done: «يجب وقف القتال»، «ينبغي أن تنسحب»، «ضرورة عقد مؤتمر»
    "يجب", "ينبغي", "يتعين", "ضروره",
))  # normalised: ى → ي, ؤ → و
# What is prevented, after its «من» or «دون»: «لمنع العرب من تقديم الدعم»، «لحرمان المتمردين من قصفه»،
# «للحيلولة دون …», or right after it (not «لم يمنع ذلك الهجوم القوات من …»: the attack is the subject there).
_UNDERGO = (*EXPOSED, "خضع", "يخضع", "تخضع")
_PREVENT = frozenset({"منع", "لمنع", "يمنع", "تمنع", "منعا", "حرمان", "لحرمان", "حيلوله"})
_DEMONSTRATIVES = frozenset({"ذلك", "تلك", "هذا", "هذه", "هذين", "هاتين", "هولاء", "اوليك"})
_MAYBE_AFTER = frozenset({"محتمل", "محتمله", "محتملا", "محتملين", "محتملون", "مرتقب", "مرتقبه"})
_ANY = frozenset({"اي", "ايه"})


def irrealis(toks: list[Tok], v: int, h: Hit) -> bool:
    """The event is only predicted, possible, feared, intended or any-one-of-a-kind (أي هجوم): a reader
    counts none of these. «قد» before an imperfect verb is «may» (قد يهاجم); before a perfect it asserts."""
    for k in range(max(0, v - 5), v):
        b = toks[k].bare
        if b in _IRREALIS or (b[:1] in ("و", "ف") and b[1:] in _IRREALIS) or _unpossessed(b) in _IRREALIS:
            return True  # also with a possessive: تخوفه من، اعتزامها، نيته
        if (b in _PREVENT or b[1:] in _PREVENT) and (any(toks[x].bare in ("من", "دون") for x in range(k + 1, v)) or (
                v - k <= 3 and not any(toks[x].bare in _DEMONSTRATIVES for x in range(k + 1, v)))):
            return True  # (what it governs directly: «يمنع وصول قوافل الإغاثة»; «ذلك الهجوم» is its subject)
    if v >= 1 and toks[v - 1].key in ("قد", "وقد") and h.form.verbal and toks[v].bare[:1] in ("ي", "ت", "ن"):
        return True
    if h.form.verbal and toks[v].key.lstrip("وف")[:1] in ("ي", "ت", "ن") and \
            any(toks[k].bare == "حتي" and _imperfect(toks[k + 1].bare if toks[k + 1].bare != "لا" else toks[k + 2].bare)
                for k in range(max(0, v - 5), v - 1)):
        return True  # حتى + the subjunctive: what is awaited (لن نتوقف حتى تنسحب الميليشيات), not حتى الآن
    key = toks[v].key.removeprefix("و").removeprefix("ف")
    if h.form.verbal and key[:1] == "ل" and key[1:2] in ("ي", "ت", "ن") and (f := FORMS.get(key[1:])) is not None \
            and f.verbal and not any(unclitic(toks[k].bare).startswith(_UNDERGO) for k in range(max(0, v - 3), v)):
        # ل + the subjunctive is a purpose (أُطلقوا ليقاتلوا): what it is for has not happened; after a verb
        # of undergoing the same letters are a verbal noun (تعرض منازل لتهدم جزئي: houses were damaged)
        return True
    if _predicted_clause(toks, v) or _demanded(toks, h) or (h.form.trig.type in _DONE_LATER and _agreed_on(toks, h.i)):
        return True
    if not h.form.verbal:
        if h.i >= 1 and toks[h.i - 1].key in _ANY or _purpose(toks, h.i):
            return True
        if h.j + 1 < len(toks) and toks[h.j + 1].bare in _MAYBE_AFTER or _yet_to_come(toks, h):
            return True
    return False


#: Words that put a round, a meeting or a period in the future: «الجولة المقبلة»، «الأسبوع القادم».
_NEXT = frozenset({"مقبل", "مقبله", "قادم", "قادمه", "مقبلين", "مقبلتين"})
_PERIODS = frozenset({"اسبوع", "شهر", "عام", "سنه", "ايام", "اسابيع", "اشهر", "اعوام", "سنوات", "مرحله", "فتره"})


def _yet_to_come(toks: list[Tok], h: Hit) -> bool:
    """An event noun of the next round (الجولة المقبلة من المفاوضات، الجولات القادمة للتفاوض) or of the
    next period (اجتماع الأسبوع المقبل, the genitive of time): it has not taken place yet."""
    k = h.i - 1
    if k >= 1 and toks[k].bare == "من":
        k -= 1
    elif not toks[h.i].key.startswith("ل"):
        k = -1
    if k >= 0 and toks[k].bare in _NEXT:
        return True
    after = toks[h.j + 1:h.j + 3]
    return len(after) == 2 and after[0].bare in _PERIODS and after[1].bare in _NEXT


_THAT = frozenset({"ان", "وان", "بان"})


def _predicted_clause(toks: list[Tok], v: int) -> bool:
    """The event is inside a «أن» clause whose governor predicts, wishes, intends or requires it, with
    the governor's subject between (توقع المحلل العسكري أن تبدأ القوات هجوما، يجب على الأطراف أن تلتزم
    بوقف القتال): the five words `irrealis` reads before the trigger do not reach such a governor."""
    for k in range(v - 1, max(-1, v - 10), -1):
        if toks[k].key in CLAUSE_END:
            return False
        if toks[k].key in _THAT:
            for g in range(k - 1, max(-1, k - 5), -1):
                b = toks[g].bare
                if toks[g].key in CLAUSE_END:
                    return False
                if b in _IRREALIS or (b[:1] in ("و", "ف") and b[1:] in _IRREALIS):
                    return True
            return False
    return False


def _agreed_on(toks: list[Tok], i: int) -> bool:
    """What an agreement settles, after its «على» (اتفق الحاضرون على حشد المقاتلين، اتفقا على وقف القتال), is
    to be done: the agreement is the event, not what it is about."""
    ala = next((k for k in (i - 1, i - 2) if k >= 1 and toks[k].bare in ("على", "علي")), None)  # (على عقد اجتماع)
    return ala is not None and any(toks[k].bare.lstrip("و").startswith("اتفق") for k in range(max(0, ala - 4), ala))


#: Acts that an agreement on them leaves to be done; a condemnation or a call agreed on is made by the
#: agreement's statement (اتفق الطرفان على إدانة …).
_DONE_LATER = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID", "PROTEST", "CONSULT", "COOPERATE"})


def _purpose(toks: list[Tok], i: int) -> bool:
    """The event noun is what a verbal noun after ل is for (وصل الوفد لإجراء محادثات، انتقلوا للمشاركة في
    عملية ضد X، لتجنب القصف): a purpose, reported before it happens, or an act avoided."""
    k = i - 1
    if k >= 1 and toks[k].bare in ("في", "ب"):
        k -= 1
    if k < 0:
        return False
    key = toks[k].key.removeprefix("و").removeprefix("ف")
    return key[:2] == "لل" and key[2:] in _PURPOSE_ACTS or key[:1] == "ل" and key[1:] in _PURPOSE_ACTS


#: Verbal nouns of doing, holding, joining or avoiding whose ل makes the event after them a purpose.
_PURPOSE_ACTS = frozenset({"اجراء", "مشاركه", "شن", "تنفيذ", "قيام", "عقد", "بدء", "توقيع", "تنظيم", "استيناف",
                           "تجنب", "تفادي"})


def _imperfect(w: str) -> bool:
    """A word spelt as an imperfect verb (تنسحب، يتم), not as the verbal noun تفعيل (تحرير، تسليم)."""
    return w[:1] in ("ي", "ت", "ن") and not (w[0] == "ت" and len(w) == 5 and w[3] == "ي")


def _unpossessed(b: str) -> str:
    """A noun without its possessive pronoun (تخوفه → تخوف، نيتها → نيه)."""
    for suf in ("هما", "هم", "ها", "ه"):
        if b.endswith(suf) and len(b) > len(suf) + 2:
            stem = b[: -len(suf)]
            return stem[:-1] + "ه" if stem.endswith("ت") else stem
    return b


def _demanded(toks: list[Tok], h: Hit) -> bool:
    """The content of a threat or a demand (هدد باعتقال، طالب بالإفراج، دعا إلى وقف القتال): what is
    threatened or asked for has not happened."""
    key = toks[h.i].key
    before = h.i - 1
    while before >= 0 and toks[before].key in ("«", '"', "“", "("):
        before -= 1  # دعوة إلى «تعاون إقليمي»: quotation marks between the verb's preposition and its content
    governed = key[:1] in ("ب", "ل") or (before >= 0 and toks[before].key in ("الي", "على", "علي"))
    if not governed:
        return False
    for k in range(max(0, h.i - 3), h.i):
        f = FORMS.get(toks[k].key)
        if f is not None and f.trig.type in ("THREATEN", "REQUEST"):
            return True
    return False


def hypothetical(toks: list[Tok], v: int, j: int, future: bool = False) -> bool:
    """A condition before the event (إذا قصفت …، في حال …), or after it when the event is yet to come
    (سنرد إذا …): a condition after a reported act bounds something else (هددت باعتقالهم في حال بقوا).
    «ما إذا» is «whether», not a condition."""
    for k in range(0, min(len(toks), j + 12)):
        if k > v and not future:
            break
        key = toks[k].key
        b = toks[k].bare
        if key in ("اذا", "واذا", "فاذا", "لو", "ولو", "لولا", "اذاما"):
            if k >= 1 and toks[k - 1].bare in ("ما", "عما", "فيما"):
                continue
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

