"""Whose act an evaluation is about, who received an act, and to whom one is attributed: «رحّبت X بدخول تركيا»، «أيد X الإجراءات التركية»، «أدان X قرار الحكومة».

A welcome, a condemnation, a rejection or an endorsement takes as its object an act, and the party that
matters to an analyst is whose act it is: the genitive after the action noun (بدخول تركيا، قرار الحكومة) or
the nationality adjective on it (الإجراءات التركية: Turkey's). That party is the recipient. The object is
the first noun after the subject, or the first بـ complement, which may follow a place phrase and a comma
(رحّبت الفصائل في شمال البلاد، بدخول …).
"""

from __future__ import annotations

from marsad.events.tokens import (
    ARABIC,
    CARDINALS,
    CLAUSE_BREAK,
    EXPOSED,
    PREPS,
    QUANTITIES,
    Ment,
    Sentence,
    Tok,
    is_agent,
    unclitic,
)
from marsad.kb import country_of_adjective

__all__ = ["adjective_country", "attributed", "claimant", "evaluated_party", "received", "undertaker"]

_EVALUATIVE = frozenset({"SUPPORT", "ACCUSE", "REJECT"})


def evaluated_party(st: Sentence, typ: str | None, start: int, after: list[Ment], taken: set[str],
                    has_subject: bool) -> list[Ment]:
    """[the party whose act is the object of an evaluative verb], the object sought from token `start`.
    Without a subject found, the first noun after the verb may be that subject (رفضت المعارضات السورية …):
    only a بـ complement is then read."""
    if typ not in _EVALUATIVE:
        return []
    toks, n = st.toks, len(st.toks)
    for k in range(start, min(n - 1, start + 8)):
        key = toks[k].key
        if key in CLAUSE_BREAK:
            if key in ("،", ",") and toks[k + 1].key[:1] == "ب":
                continue  # a place phrase, a comma, then the بـ complement
            return []
        bi = key[:1] == "ب" and len(key) > 3 and toks[k].bare not in PREPS and key not in PREPS and (
            k == start or toks[k - 1].key in ("،", ","))  # not a noun with a root ب inside a phrase (في بيان)
        first = has_subject and k == start and bool(ARABIC.match(key)) and key not in PREPS and toks[k].bare not in PREPS
        if not (bi or first):
            continue
        gen = next((m for m in after if m.ti == k + 1), None)
        if gen is not None:
            return [gen] if gen.prep is None and is_agent(gen, False) and gen.ent.id not in taken else []
        for a in (k + 1, k + 2):
            code = adjective_country(toks[a].key) if a < n else None
            ent = st.country_ents.get(code) if code else None
            if ent is not None and ent.id not in taken:
                return [Ment(toks[a].start, toks[a].end, ent)]
        return []
    return []


# Verbs of receiving a blow or support (تلقى، يتلقى، تلقاها): their subject underwent the event.
_RECEIVE = ("تلق", "يتلق", "تتلق", "حصول", "حصل", "يحصل", "تحصل", "تسلم", "يتسلم", "تتسلم", "استلم", "يستلم",
            "تستلم", "استلام")
# Attribution of an act to its author (الهجوم المنسوب إلى X، تنسبه السلطات إلى X، ألقي باللوم على X).
_ATTRIBUTE = ("نسب", "تنسب", "ينسب", "منسوب")


def received(toks: list[Tok], i: int, j: int) -> bool:
    """An event noun that someone received (تلقى X ضربات، الدعم الذي تتلقاه X، حصل X على مساعدات): that party
    is the recipient."""
    before = range(max(0, i - 2), i)
    if i >= 2 and toks[i - 1].bare in ("على", "علي"):  # حصلت قوات X على دعم: the verb, its subject, على
        before = range(max(0, i - 5), i - 1)
        before = range(max([before.start] + [k + 1 for k in before if toks[k].key in CLAUSE_BREAK]), i - 1)
    after = range(j + 1, min(len(toks), j + 3))
    return any(_receive(toks[k].bare) for k in before) or any(
        _receive(toks[k].bare) and toks[k - 1].key in ("الذي", "التي", "الذين") for k in after if k >= 1)


def undergone(toks: list[Tok], i: int) -> int | None:
    """The verb of undergoing whose ل an event noun follows (تعرضت قوات X لهجوم، X تعرض لقصف): the
    verb's subject underwent it."""
    if toks[i].key.lstrip("وف")[:1] != "ل":
        return None
    return verb_back(toks, i, EXPOSED)


def verb_back(toks: list[Tok], i: int, stems: tuple[str, ...]) -> int | None:
    """The nearest word before token i, in its clause and at most six words back, that starts with one of
    `stems` after و/ف (the governing verb of undergoing, claiming …), else None."""
    for k in range(i - 1, max(-1, i - 7), -1):
        if toks[k].key in CLAUSE_BREAK:
            return None
        if toks[k].bare.lstrip("وف").startswith(stems):
            return k
    return None


def _receive(b: str) -> bool:
    b = b.lstrip("وف")
    return b.startswith(_RECEIVE) and not b.startswith(("تلقائ", "تلقين"))


def attributed(toks: list[Tok], k: int) -> bool:
    """Token k is the preposition of an attribution: إلى after نسب, or على after باللوم (within 3 words)."""
    b = toks[k].bare
    if b in ("الى", "الي"):
        return any(toks[x].bare.lstrip("وف").startswith(_ATTRIBUTE) for x in range(max(0, k - 2), k))
    if b in ("على", "علي"):
        return any(toks[x].bare == "لوم" or toks[x].key.endswith("باللوم") for x in range(max(0, k - 3), k))
    return False


_UNDERTAKE = frozenset({"قيام", "اقدام", "قيامه", "قيامها", "قيامهم", "اقدامه", "اقدامها", "اقدامهم"})
_CONTINUE = frozenset({"استمرار", "تمادي", "اصرار", "مضي"})


def undertaker(toks: list[Tok], i: int, ms: list[Ment]) -> list[Ment]:
    """«قيام X بـ[event]», «استمرار X في [event]» (X's carrying out, X's going on with the event): X, or the
    body X belongs to (مسلحون تابعون لـ Y), acts."""
    first = toks[i].key.lstrip("وف")[:1]
    prep = toks[i - 1].bare if i >= 1 else ""
    if first != "ب" and prep != "في":
        return []
    for k in range(i - 1, max(-1, i - 7), -1):
        if toks[k].key in CLAUSE_BREAK:
            return []
        if unclitic(toks[k].bare) in (_UNDERTAKE if first == "ب" else _CONTINUE):
            for m in ms:
                if k < m.ti < i and is_agent(m, False) and (m.prep is None or m.prep == "ل"):
                    return [m]
            return []
    return []


def claimant(toks: list[Tok], i: int, ms: list[Ment], speaker: Ment | None = None) -> list[Ment]:
    """«أعلن X مسؤوليته عن [event]» («حمّل X المسؤولية عن …» is not this: only the claim with the possessive,
    مسؤوليته، مسؤوليتها، مسؤوليتهم, or المسؤولية after a verb of claiming, أعلن، تبنى, names its owner): the
    party before it in the clause, or the speaker
    where the quote layer read the claim as what X announced."""
    if i < 2 or unclitic(toks[i - 1].bare) != "عن" or not (
            toks[i - 2].bare.startswith("مسووليت") or toks[i - 2].bare == "مسووليه" and verb_back(toks, i - 2, _CLAIM_VERBS) is not None):
        return []
    if speaker is not None and speaker.tj <= i - 2 and is_agent(speaker, False):
        return [speaker]
    for m in reversed(ms):
        if m.tj > i - 2:
            continue
        if i - 2 - m.tj > 6 or any(toks[k].key in CLAUSE_BREAK for k in range(m.tj, i - 2)):
            return []
        return [m] if is_agent(m, False) and m.prep is None else []
    return []


#: Verbs of claiming that take «المسؤولية» without the possessive (أعلنت الحركة المسؤولية عن، تبنت الجماعة
#: المسؤولية): the subject claims the act. حمّل X المسؤولية (blaming) is not among them.
_CLAIM_VERBS = ("اعلن", "تعلن", "يعلن", "تبنت", "تبني", "تتبني", "يتبني", "تبنو", "اعلنو")




_ADJ_CACHE: dict[str, str | None] = {}


def adjective_country(key: str) -> str | None:
    """ISO code of a nationality adjective token (روسية، التركية، الأمريكي), cached per spelling."""
    if key in _ADJ_CACHE:
        return _ADJ_CACHE[key]
    code = None
    if len(key) >= 4 and key[-1] in "يه" and ARABIC.search(key):
        try:
            code = country_of_adjective(key)
        except Exception:  # noqa: BLE001 - the KB is optional for coding; no adjective then
            code = None
    if len(_ADJ_CACHE) < 200_000:
        _ADJ_CACHE[key] = code
    return code


def opens_accusative(toks: list[Tok], k: int) -> bool:
    """Whether token k opens an accusative object: a number (٢٩ شخصا، ثلاثة عناصر) or an indefinite
    accusative in -ًا (قائدا، شخصا). After an event noun and its genitive (اعتقال الشرطة ثلاثة متهمين)
    the genitive is then the agent, the object the patient; an adjective would agree in definiteness."""
    if k >= len(toks):
        return False
    b = toks[k].bare
    if b[:1].isdigit() or b in _NUMBER_WORDS:
        return True
    # -ها and -هما are pronouns, not the accusative's alif (لانتقادها: for her criticising)
    return len(b) >= 4 and b.endswith("ا") and not b.endswith(("يا", "ها", "هما")) and b not in _ADVERBS_A


_NUMBER_WORDS = CARDINALS | frozenset({"عشرات", "ميات", "الاف", "عددا"})  # not اثنين: the dual's numeral follows its noun (مدنيين اثنين)
_ADVERBS_A = frozenset({"جدا", "ابدا", "كثيرا", "قليلا", "سابقا", "لاحقا", "فورا", "تماما", "موخرا", "غدا", "معا",
                        "مجددا", "ايضا", "بعيدا", "قريبا", "اخيرا", "ظهرا", "مساءا", "صباحا", "فجرا", "ليلا",
                        "نهارا", "يوميا", "سنويا", "اسبوعيا", "شهريا", "تقريبا", "خاصه", "علنا", "سرا", "ردا",
                        "نظرا", "بدلا", "فضلا", "اضافه", "بناء", "تاكيدا", "تعبيرا", "احتجاجا", "تضامنا",
                        "دعما", "استنادا", "وفقا", "طبقا", "انطلاقا", "تمهيدا", "عوضا", "خلافا", "اعتبارا"})


#: A verbal noun's object after its genitive takes ل (دعم X للإرهاب، دعمها لهم): then the genitive is the
#: subject, the one who does it, even where the object is no party (a cause, a pronoun).
_LAM_OBJECT = ("لل", "له", "لها", "لهم", "لهما")
#: ... but not a time adverbial (اعتقال X للمرة الثانية، لليوم الثالث)
_LAM_TIME = ("للمره", "لليوم", "لليله", "لليال", "للعام", "للشهر", "للاسبوع", "للسنه", "للساعه", "للحظه")
#: Duals of time that end like a plural of people (لعامين، ليومين، لمرتين): an adverbial, no object.
_TIME_DUALS = ("عامين", "سنتين", "يومين", "شهرين", "ساعتين", "اسبوعين", "مرتين", "دقيقتين", "ليلتين")


def lam_object(key: str) -> bool:
    """A word after a verbal noun's genitive that is the noun's object with ل: then the genitive is its
    subject. The object is a definite noun or a pronoun (للإرهاب، لهم), or a sound plural of people
    (اعتقال الشرطة لصحفيين، قتل الجيش لمدنيين); an indefinite singular after ل is more often a cause or a
    purpose (اعتقال X لأسباب أمنية، لانتقاده), and a dual of time an adverbial."""
    key = key.lstrip("وف")
    if key.startswith(_LAM_TIME):
        return False
    if key.startswith(_LAM_OBJECT):
        return True
    return key[:1] == "ل" and len(key) >= 6 and key.endswith(("يين", "ين")) and not key.endswith(_TIME_DUALS) \
        and not key.startswith("لان")


#: Words of belonging before لـ (مواقع تابعة للجيش، عناصر موالية للنظام): the owner is the party aimed at.
OWNED = frozenset({"تابعه", "تابع", "تابعين", "تابعون", "التابعه", "التابع", "التابعين", "مواليه", "موالين",
                   "موال", "الموالين", "المواليه", "المنتمين", "منتمين", "منتميه"})
# Nouns of members whose group is named after من (عنصرا من، مقاتلين من، أعضاء في).
_MEMBERS = ("عنصر", "عناصر", "مقاتل", "مسلح", "اعضاء", "عضو", "جنود", "جندي", "قاده", "قيادي", "افراد",
            "منتسب", "ضابط", "ضباط", "اتباع", "انصار", "مؤيد", "موالين", "اخوه", "اخوان", "قايد", "قناص")


def member_of(toks: list[Tok], k: int) -> bool:
    """Token k (right before من) closes a count of members: 23 عنصرا، عشرات المقاتلين، ثلاثة من."""
    b = toks[k].bare
    if k >= 0 and toks[k].bare in ("من", "في"):
        k -= 1
        b = toks[k].bare if k >= 0 else ""
    return b.startswith(_MEMBERS) or b[:1].isdigit()


def members_of(toks: list[Tok], m: Ment, obj: int) -> bool:
    """The object phrase from token `obj` is the party's men (مسلحي X، عشرات من عناصر X، قائد X): a noun of
    members whose genitive the party is, with nothing before it but a count (عدد من، كبار، أربعة من)."""
    k = m.ti - 1
    if m.prep is not None or k < obj or not toks[k].bare.startswith(_MEMBERS) or toks[k].key.startswith("ال"):
        return False
    return k - obj <= 5 and all(t.bare in _COUNTS or t.bare[:1].isdigit() or t.key.startswith(("ال", "وال"))
                                for t in toks[obj:k])


# What may stand before the men's noun: a count (عدد من، العشرات من، كبار، أربعة من), a time (أمس), and a
# definite subject the entity layer does not name (اعتقلت القوات الأمنية عشرات من عناصر X).
_COUNTS = QUANTITIES | {"كبار", "من", "امس", "مساء", "صباح", "فجر", "ليل", "اول", "يوم"}
