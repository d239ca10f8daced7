"""PLOVER event coding of raw Arabic sentences: triggers, roles, place, date, casualties and flags.

No parser: Arabic news clauses are short and formulaic, so a trigger word (a verb in any inflection or an
event noun, from `marsad.events.lexicon`) plus positional rules over the entity mentions already found in
the sentence recover who did what to whom most of the time:

* verbal clause (the trigger is a verb, or a noun after a support verb: `شنّ … غارات`): the actor is the
  first agent mention right after the verb (VSO: `أدانت موسكو`) or, failing that, the nearest agent before
  it (SVO: `المقاتلات التركية التي تشن غارات`); the recipient is the phrase after على/ضد (`على مواقع
  تابعة لتنظيم داعش`) or the bare object after the subject (`اتهمت المعارضة النظامَ`);
* nominal trigger (`غارات التحالف على …`, `غارات للتحالف`, `اغتيال X`, `قصف من قبل X`): the genitive is
  the actor, or the victim for nouns like اغتيال/اعتقال; a nationality adjective (`مقاتلات روسية`) stands for
  the country when the document mentions it;
* `تعرّضت X لقصف`: X is the target (a place: the location);
* the location is a place mention after في/قرب/بالقرب من/شمال/ريف…, finer places before countries.

Dates: a date expression in the sentence (`resolve_sentence_date`), else the date of the quote the event is
reported in, else the publication date at day precision (news reports what happened on or just before
the day it is published; the `confidence` is lowered by 0.1 for such inherited dates).
Events inside a quote get the speaker's entity as `source`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from marsad.dates import resolve_sentence_date
from marsad.document import Document, Entity, Event
from marsad.events.casualties import casualties_at
from marsad.events.lexicon import FORMS, PHRASES, Form, bare
from marsad.kb import country_of_adjective
from marsad.text import sentences
from marsad.text.normalize import fold_letters, normalize
from marsad.text.segment import TOKEN_PATTERN

__all__ = ["code_events"]

# ---------------------------------------------------------------------------------------------------
# Shadow spelling: one-to-one character replacements, so shadow offsets are text offsets.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_MAX_TOKEN = 60  # longer "words" are noise; never look them up


def _shadow(text: str) -> str:
    return fold_letters(text)


# ---------------------------------------------------------------------------------------------------
# Closed word classes (bare spelling: no و/ف, preposition or article).
_NEG = frozenset({"لم", "لن", "ليس", "ليست", "عدم", "دون", "بدون", "لا"})
_COND = frozenset({"اذا", "لو", "لولا", "حال", "حاله", "فرض", "افتراض"})
_FUTURE_AUX = frozenset({"سوف", "ينوي", "تنوي", "ينويان", "يعتزم", "تعتزم", "يعتزمون", "تخطط", "يخطط", "سيتم",
                         "ستتم", "سيجري", "ستجري", "تستعد", "يستعد", "ستقوم", "سيقوم", "سيقومون", "ستبدا",
                         "سيبدا", "تنوى", "يزمع", "تزمع", "مزمع", "المقرر", "مقرر", "المرتقب", "ستعمل", "سيعمل"})
_DENY = frozenset({"نفي", "نفت", "نفوا", "ينفي", "تنفي", "ينفون", "نفيه", "نافيا", "نافيه"})
_LOC_WORDS = frozenset({"في", "قرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
                        "ريف", "مدينه", "محافظه", "بلده", "قريه", "منطقه", "حي", "مخيم", "ضواحي", "اطراف",
                        "محيط", "داخل", "وسط", "بمدينه", "بلدات", "مناطق", "ولايه", "اقليم", "قضاء", "مديريه",
                        "مركز", "جنوبا", "شمالا", "شرقا", "غربا", "عاصمه"})
_PREPS = frozenset({"في", "على", "علي", "ضد", "من", "الى", "الي", "عن", "مع", "لدى", "لدي", "نحو", "باتجاه",
                    "عبر", "حول", "بين", "قبل", "يد", "تجاه", "بحق", "لصالح"})
_CLAUSE_BREAK = frozenset({"،", ",", "؛", ";", ":", "(", ")", "«", "»", '"', "-", "–"})
_TAARRUD = frozenset(bare(normalize(w)) for w in (
    "تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض", "يتعرضون", "تعرضها", "تعرضه", "تعرضهم"))
# A subject pronoun before the verb (أعلنت روسيا أنها ستساعد دمشق): the subject is not after the verb.
_PRON_SUBJ = frozenset({"انها", "انه", "انهم", "انهما", "بانها", "بانه", "بانهم", "لانها", "لانه", "وانها",
                        "وانه", "انني", "اننا", "انا", "نحن", "هو", "هي", "هم", "التي", "الذي",
                        "الذين", "اللتين", "اللذين"})
# Unlinked agent nouns that fill the subject slot (اتهمت المعارضةُ النظامَ): the next mention is the object.
_GENERIC_AGENTS = frozenset({"معارضه", "سلطات", "شرطه", "حكومه", "قوات", "جيش", "مسلحون", "مسلحين",
                             "متظاهرون", "محتجون", "متظاهرين", "محتجين", "رئيس", "وزير", "وزاره", "تنظيم",
                             "جماعه", "حركه", "فصائل", "ميليشيات", "مليشيات", "دول", "دوله", "بلدان",
                             "مجموعه", "عناصر", "مجهولون", "مجهولين", "طائرات", "مقاتلات", "متمردون",
                             "مسؤولون", "مصادر", "منظمه", "لجنه", "محكمه", "نيابه", "ادعاء"})
_AGENT_TYPES = frozenset({"PER", "ORG"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})

# Sentence vocabulary deciding modes and contexts (bare-spelling prefixes; str.startswith with a tuple).
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
_MIL_PREFIXES = ("قوات", "قوه", "جيش", "جنود", "جندي", "مسلح", "ميليشي", "مليشي", "تنظيم", "داعش", "حوثي",
                 "ارهاب", "عسكري", "مقاتل", "فصائل", "فصيل", "متمرد", "انقلابي", "احتلال", "طائرات", "دبابات",
                 "كتيب", "معارك", "حرب", "الحرب", "غارات", "قصف", "اشتباك", "جبهه", "حربي", "امني", "شرطه",
                 "مسلحين", "ارهابي", "عمليات", "عدو", "المعارضه")
_PROTEST_PREFIXES = ("احتجاج", "متظاهر", "تظاهر", "مظاهر", "شعارات", "هتف", "تنديد", "سلميه", "حاشده",
                     "جماهير", "محتج", "اعتصام", "غاضب", "منددين", "رافعين")
_SPORT = frozenset({"مباراه", "مباريات", "الدوري", "دوري", "لاعب", "لاعبي", "لاعبين", "اللاعب", "المنتخب",
                    "منتخب", "الملعب", "ملعب", "المدرب", "مدرب", "الشوط", "شوط", "بطوله", "هدف", "هدفا",
                    "اهداف", "مرمي", "حارس", "كره", "الكره", "نادي", "فريق", "الفريق", "التعادل", "الهلال",
                    "النصر", "الاتحاد", "الاهلي", "الشباب", "الفيصلي", "ركله", "تسديده", "الحكم", "البطوله"})

_MAX_SENT_TOKENS = 400
# Every surface form that can start a trigger or a stop phrase: the per-sentence prefilter.
_TRIGGER_KEYS = frozenset(k for k, f in FORMS.items() if not f.trig.light) | frozenset(
    k for k, lst in PHRASES.items() if any(not f.trig.stop and not f.trig.light for _, f in lst))  # a "sentence" longer than this is a list or boilerplate: code only its start


_BARE: dict[str, str] = {}


class _Tok:
    __slots__ = ("start", "end", "key", "bare")

    def __init__(self, start: int, end: int, key: str) -> None:
        self.start = start
        self.end = end
        self.key = key
        b = _BARE.get(key)
        if b is None:
            if len(key) > _MAX_TOKEN:  # noise: never a trigger, never cached
                self.key = self.bare = ""
                return
            b = bare(key)
            if len(_BARE) < 300_000:  # bounded: news vocabulary is Zipfian
                _BARE[key] = b
        self.bare = b


class _Ment:
    __slots__ = ("start", "end", "ent", "ti", "tj", "prep", "loc")

    def __init__(self, start: int, end: int, ent: Entity) -> None:
        self.start = start
        self.end = end
        self.ent = ent
        self.ti = 0  # first token index (within the sentence)
        self.tj = 0  # one past the last token index
        self.prep: str | None = None  # governing preposition (attached ب/ل or a preceding word)
        self.loc = 0  # 2: after a locative word (في، قرب، شمال، ريف …), 1: after من/الى, 0: none


class _Hit:
    __slots__ = ("i", "j", "form", "cond_ok")

    def __init__(self, i: int, j: int, form: Form) -> None:
        self.i = i  # first token of the trigger
        self.j = j  # last token of the trigger (inclusive)
        self.form = form
        self.cond_ok = True


def _is_place(e: Entity) -> bool:
    return e.type in _PLACE_TYPES


def _fine_place(e: Entity) -> bool:
    return e.type in ("LOC", "FAC") or (e.type == "GPE" and e.precision in ("settlement", "region"))


def _is_agent(m: _Ment, assault: bool) -> bool:
    """Could this mention be an actor or recipient? Organisations and people; a country, or a capital used
    for its government (`أدانت موسكو`), only outside a locative phrase and, for violence, a fine place never
    (`قصف الميادين` names a target place)."""
    e = m.ent
    if e.type in _AGENT_TYPES or (e.type == "MISC" and e.sector):  # MISC with a sector: a generic agent
        return True
    if e.type == "GPE" and m.loc == 0 and m.prep is None:
        return not (assault and e.precision in ("settlement", "region"))
    return False


def _need_ok(toks: list[_Tok], j: int, hi: int, need: tuple[str, ...]) -> bool:
    for k in range(j + 1, min(hi, j + 5)):
        b = toks[k].bare
        for w in need:
            if (w.endswith("*") and b.startswith(w[:-1])) or b == w:
                return True
    return False


def _phrase_at(toks: list[_Tok], i: int, hi: int) -> tuple[int, Form] | None:
    cands = PHRASES.get(toks[i].key)
    if not cands:
        return None
    for rest, form in cands:
        n = len(rest)
        if i + n >= hi:
            continue
        ok = True
        for k, w in enumerate(rest):
            b = toks[i + 1 + k].bare
            if not ((w.endswith("*") and b.startswith(w[:-1])) or b == w):
                ok = False
                break
        if ok:
            return i + n, form
    return None


class _Sentence:
    """Everything the role rules need about one sentence, built only for sentences with a trigger."""

    def __init__(self, doc: Document, toks: list[_Tok], s: int, e: int, ments: list[_Ment],
                 country_ents: dict[str, Entity]) -> None:
        self.doc = doc
        self.toks = toks
        self.s = s
        self.e = e
        self.ments = ments
        self.country_ents = country_ents
        starts = [t.start for t in toks]
        for m in ments:
            m.ti = max(0, bisect_right(starts, m.start) - 1)
            m.tj = max(m.ti + 1, bisect_left(starts, m.end))
            self._prep(m)

    def _prep(self, m: _Ment) -> None:
        toks = self.toks
        first = toks[m.ti].key
        name = normalize(m.ent.name or "")
        if first.startswith(("بال", "وبال", "فبال")):
            m.prep = "ب"
        elif first.startswith(("لل", "ولل", "فلل")):
            m.prep = "ل"
        else:
            k = first[1:] if first[:1] in "وف" and name[:1] not in "وف" else first
            if k[:1] in "بل" and name[:1] != k[:1] and len(k) > 2:
                m.prep = k[0]
        # A preceding preposition or locative word, skipping one place-class noun (في مدينة حلب).
        k = m.ti - 1
        seen = 0
        while k >= 0 and seen < 3:
            b = toks[k].bare
            if b in _LOC_WORDS or toks[k].key in _LOC_WORDS:
                m.loc = 2
                m.prep = m.prep or "في"
                break
            if b in ("من", "الى", "الي"):
                # بالقرب من X, شمال غرب X: look one further for a locative word
                if k >= 1 and (toks[k - 1].bare in _LOC_WORDS or toks[k - 1].bare == "قرب"):
                    m.loc = 2
                else:
                    m.loc = max(m.loc, 1)
                m.prep = m.prep or b
                break
            if b in _PREPS:
                m.prep = m.prep or b
                break
            if seen == 0 and b in ("مدينه", "بلده", "قريه", "محافظه", "منطقه", "مخيم", "حي", "ولايه"):
                m.loc = 2
                break
            if not _ARABIC.search(b) or b in _CLAUSE_BREAK:
                break
            seen += 1
            if seen >= 1:
                break
            k -= 1


def _coordinated(ms: list[_Ment], m: _Ment, toks: list[_Tok], assault: bool) -> list[_Ment]:
    """`m` and the agents joined to it by و (القوات السورية وقوات حزب الله)."""
    out = [m]
    cur = m
    for n in ms:
        if n.ti < cur.tj or n is cur:
            continue
        gap = n.ti - cur.tj
        joined = (gap == 0 and toks[n.ti].key[:1] == "و") or (
            0 < gap <= 2 and toks[cur.tj].key[:1] == "و" and all(_ARABIC.search(toks[k].key)
                                                                   for k in range(cur.tj, n.ti)))
        if joined and _is_agent(n, assault) and n.ent.id not in {x.ent.id for x in out}:
            out.append(n)
            cur = n
        else:
            break
    return out


def _clause_end(toks: list[_Tok], i: int, hi: int) -> int:
    for k in range(i + 1, hi):
        if toks[k].key in ("،", "؛", ";", "."):
            return k
    return hi


def _roles(st: _Sentence, hit: _Hit, v: int, verbal: bool) -> tuple[list[_Ment], list[_Ment], int | None]:
    """(actors, recipients, index of a target place) for a trigger at token `hit.i`, verb at `v`."""
    toks, ms = st.toks, st.ments
    trig = hit.form.trig
    assault = trig.type == "ASSAULT"
    i, j = hit.i, hit.j
    n = len(toks)
    end = _clause_end(toks, j, n)
    after = [m for m in ms if m.ti > j]
    before = [m for m in ms if m.tj <= v]
    actor: list[_Ment] = []
    recip: list[_Ment] = []
    target_place: int | None = None

    # Passive: X تعرض لقصف — X is the target.
    passive = i >= 1 and toks[i - 1].bare in _TAARRUD
    if passive:
        for m in reversed([m for m in ms if m.tj <= i - 1]):
            if i - 1 - m.tj > 6:
                break
            if _is_place(m.ent) and (not _is_agent(m, True)):
                target_place = ms.index(m)
            else:
                recip = [m]
            break
    by_prefix_actor = None
    for m in after:  # من قبل X، على يد X: the agent of a passive or nominal event
        k = m.ti - 1
        while k >= 1 and toks[k].key in _CLAUSE_BREAK:
            k -= 1
        if k >= 1 and ((toks[k].bare == "قبل" and toks[k - 1].bare == "من") or
                       (toks[k].bare == "يد" and toks[k - 1].bare in ("على", "علي"))):
            by_prefix_actor = m
            break

    if verbal and not passive:
        pron_subject = v >= 1 and toks[v - 1].bare in _PRON_SUBJ
        generic_subject = v + 1 < n and toks[v + 1].bare in _GENERIC_AGENTS and not any(
            m.ti <= v + 1 < m.tj for m in ms)
        if not pron_subject and not generic_subject:
            # VSO: the subject follows the verb (adverbs and dates may intervene); with a support verb it
            # stands between the verb and the noun (شنّ سلاح الجو الروسي آلاف الغارات)
            region = [m for m in ms if v < m.ti < i] if v < i else after
            for m in region:
                if m.ti - v > 6 or m.ti >= end:
                    break
                if any(toks[k].bare in ("على", "علي", "ضد") for k in range(v + 1, m.ti)):
                    break
                if m.prep is not None or m.loc:
                    break
                if _is_agent(m, assault):
                    actor = _coordinated(ms, m, toks, assault)
                    break
                if assault and _is_place(m.ent):
                    if v == i and 0 < m.ti - j <= 2 and m.prep is None and m.loc == 0 and _fine_place(m.ent):
                        target_place = ms.index(m)  # قصف حلب: the shelled place
                    break
        if not actor and not generic_subject:
            for m in reversed(before):  # SVO: the nearest agent before the verb
                if v - m.tj > 12:
                    break
                if m.prep is None and m.loc == 0 and _is_agent(m, assault):
                    actor = [m]
                    for x in reversed([x for x in before if x.tj <= m.ti]):
                        # agents coordinated before it: A وقوات B تشن …
                        if m.ti - x.tj <= 2 and toks[x.tj].key[:1] == "و" and _is_agent(x, assault):
                            actor.insert(0, x)
                        break
                    break
    elif not verbal:
        gen = [m for m in after if m.ti - j <= 4 and m.ti < end]
        if gen and (gen[0].ti - j <= 2 or (gen[0].prep == "من" and gen[0].ent.type in _AGENT_TYPES)):
            m = gen[0]
            if m.prep == "من" and m.ent.type in _AGENT_TYPES and not trig.victim:
                actor = _coordinated(after, m, toks, assault)
            elif m.ent.type == "GPE" and m.ent.precision != "country" and m.prep is None:
                target_place = ms.index(m)  # مفاوضات جنيف، قصف حلب: the scene, not a party
            elif (m.prep in (None, "ل")) and m.loc == 0 and _is_agent(m, assault):
                if trig.victim:
                    recip = [m]
                elif trig.type == "PROTEST":
                    recip = [m] if m.prep == "ل" else []
                else:
                    actor = _coordinated(after, m, toks, assault)
            elif _is_place(m.ent) and m.loc == 0 and m.prep is None:
                target_place = ms.index(m)
        if not actor and by_prefix_actor is not None:
            actor = [by_prefix_actor]
        if not actor and not trig.victim:
            # a nationality adjective: غارات روسية، قاذفات ومقاتلات روسية
            lim = min(n, j + 10, end + 1)
            via_min = False
            for k in range(j + 1, lim):
                bk = toks[k].bare
                if bk in ("مع", "على", "علي", "ضد", "بين", "بحق"):
                    break
                if bk == "من":
                    via_min = True
                    continue
                if k > j + 2 and not via_min:
                    continue
                code = _adjective_country(toks[k].key)
                if code and code in st.country_ents:
                    ent = st.country_ents[code]
                    actor = [_Ment(toks[k].start, toks[k].end, ent)]
                    break
        if not actor:
            # the subject of the governing clause: نجاح قوات سوريا الديمقراطية … في تحرير الرقة
            for m in reversed(before):
                if v - m.tj > 12:
                    break
                if m.prep is None and m.loc == 0 and _is_agent(m, assault):
                    actor = [m]
                    break
    if not actor and by_prefix_actor is not None:
        actor = [by_prefix_actor]
    if not actor and verbal and not passive:
        # an unlinked subject with a nationality (الأسطول البحري الروسي أطلقتا): its country
        for k in range(v - 1, max(-1, v - 5), -1):
            if toks[k].key in _CLAUSE_BREAK:
                break
            code = _adjective_country(toks[k].key)
            if code and code in st.country_ents:
                actor = [_Ment(toks[k].start, toks[k].end, st.country_ents[code])]
                break
    # "between A and B": both sides of a clash or a meeting are actors
    if trig.type in ("ASSAULT", "CONSULT", "AGREE", "COOPERATE") and not actor:
        for k in range(j + 1, min(n, j + 4)):
            if toks[k].bare == "بين":
                sides = [m for m in after if m.ti > k and m.ti - k <= 6 and m.loc == 0 and m.prep is None]
                if sides:
                    actor = _coordinated(after, sides[0], toks, assault)
                break
    # Recipient: على/ضد phrase after the trigger, else the bare object after the subject.
    taken = {m.ent.id for m in actor}
    if not recip:
        last = max([m.tj for m in actor if m.ti > j] + [j + 1])
        for m in after:
            if m.ti >= end or m.ent.id in taken:
                continue
            k0 = max(j + 1, m.ti - 5)
            on = any(toks[k].bare in ("على", "علي", "ضد", "بحق", "تجاه", "استهداف") for k in range(k0, m.ti))
            if m.prep in ("على", "علي", "ضد", "بحق") or on:
                if _is_agent(m, assault) or (m.ent.type == "GPE" and m.ent.precision == "country" and not assault):
                    recip = [m]
                elif _is_place(m.ent) and target_place is None:
                    target_place = ms.index(m)
                break
            if verbal and m.prep is None and m.loc == 0 and m.ti - last <= 3 and _is_agent(m, assault):
                recip = _coordinated(after, m, toks, assault)
                break
            if m.prep == "ل" and trig.type in ("AID", "SUPPORT", "REQUEST", "COOPERATE", "ACCUSE") and \
                    m.ti - j <= 6 and _is_agent(m, assault):
                recip = [m]
                break
            if m.ti - j > 10:
                break
    if not recip and assault:
        # تحرير/طرد … من قبضة (سيطرة، أيدي) X: X is the side losing ground
        for m in after:
            if m.ti >= end or m.ti - j > 8 or m.ent.id in taken:
                continue
            if m.ti >= 2 and toks[m.ti - 1].bare in ("قبضه", "سيطره", "ايدي", "يد") and \
                    toks[m.ti - 2].bare == "من" and _is_agent(m, False):
                recip = [m]
                break
    recip = [m for m in recip if m.ent.id not in taken]
    return actor, recip, target_place


_ADJ_CACHE: dict[str, str | None] = {}


def _adjective_country(key: str) -> str | None:
    """ISO code of a nationality adjective token (روسية، التركية، الأمريكي), cached per spelling."""
    if key in _ADJ_CACHE:
        return _ADJ_CACHE[key]
    code = None
    if len(key) >= 4 and key[-1] in "يه" and _ARABIC.search(key):
        try:
            code = country_of_adjective(key)
        except Exception:  # noqa: BLE001 - the KB is optional for coding; no adjective then
            code = None
    if len(_ADJ_CACHE) < 200_000:
        _ADJ_CACHE[key] = code
    return code


def _location(st: _Sentence, hit: _Hit, used: set[str], target: int | None) -> Entity | None:
    best: tuple[float, Entity] | None = None
    for idx, m in enumerate(st.ments):
        e = m.ent
        if not _is_place(e) or e.id in used:
            continue
        score = 0.0
        if idx == target:
            score += 3
        score += 2 if m.loc == 2 else (1 if m.loc == 1 or m.prep == "ب" else 0)
        if _fine_place(e):
            score += 1
        if m.loc == 0 and m.prep is None and idx != target and e.type == "GPE":
            score -= 1.5  # a bare country/capital is usually a party, not the scene
        dist = abs(m.ti - hit.i)
        score -= min(dist, 30) / 30
        if m.ti > hit.j:
            score += 0.25
        if best is None or score > best[0]:
            best = (score, e)
    if best is None or best[0] < -0.5:
        return None
    return best[1]


def _mode(st: _Sentence, hit: _Hit) -> str | None:
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


def _has_prefix(toks: list[_Tok], prefixes: tuple[str, ...]) -> bool:
    return any(t.bare.startswith(prefixes) for t in toks)


def _is_sport(toks: list[_Tok]) -> bool:
    """Two or more sports words: a match report, where هجوم is an offensive play and لقاء a game."""
    return sum(1 for t in toks if t.bare in _SPORT or t.key in _SPORT) >= 2


def _find_hits(toks: list[_Tok], mention_spans: list[tuple[int, int, str]]) -> list[_Hit]:
    hits: list[_Hit] = []
    k = 0
    n = len(toks)
    phrases, forms = PHRASES, FORMS
    while k < n:
        t = toks[k]
        if t.key not in forms and t.key not in phrases:
            k += 1
            continue
        ph = _phrase_at(toks, k, n) if t.key in phrases else None
        if ph is not None:
            j, form = ph
            if not form.trig.stop:
                hits.append(_Hit(k, j, form))
            k = j + 1
            continue
        f = forms.get(t.key)
        if f is not None:
            hits.append(_Hit(k, k, f))
        k += 1
    if hits and mention_spans:
        # a trigger word inside a name (مجلس التعاون الخليجي، هيئة تحرير الشام) is no event
        starts = [s for s, _, _ in mention_spans]
        keep = []
        for h in hits:
            p = toks[h.i].start
            x = bisect_right(starts, p) - 1
            inside = x >= 0 and mention_spans[x][0] <= p < mention_spans[x][1]
            if not inside:
                keep.append(h)
        hits = keep
    return hits


def code_events(doc: Document) -> list[Event]:
    """PLOVER events of `doc`, in text order, each pointing at its trigger and sentence."""
    text = doc.text or ""
    if not text or not _ARABIC.search(text):
        return []
    sh = _shadow(text)
    findall = TOKEN_PATTERN.findall
    mentions: list[tuple[int, int, Entity]] | None = None
    mention_spans: list[tuple[int, int, str]] = []
    mstarts: list[int] = []
    country_ents: dict[str, Entity] = {}
    events: list[Event] = []
    for s, e in sentences(text):
        # Most sentences hold no trigger word: one C-level set test rejects them before any token work.
        if _TRIGGER_KEYS.isdisjoint(findall(sh, s, e)) and not _MARKS.search(sh, s, e):
            continue
        toks = [_Tok(m.start(), m.end(), m.group()) for m in TOKEN_PATTERN.finditer(sh, s, e)]
        if len(toks) > _MAX_SENT_TOKENS:
            del toks[_MAX_SENT_TOKENS:]
        if _MARKS.search(sh, s, e):
            for t in toks:
                if _MARKS.search(t.key):
                    t.key = _MARKS.sub("", t.key)
                    t.bare = bare(t.key)
        if mentions is None:
            mentions = sorted(((sp.start, sp.end, ent) for ent in doc.entities for sp in ent.mentions),
                              key=lambda x: (x[0], -x[1]))
            mention_spans = [(ms_, me_, ent.type) for ms_, me_, ent in mentions]
            mstarts = [ms_ for ms_, _, _ in mentions]
            for ent in doc.entities:
                if ent.type == "GPE" and ent.precision == "country" and ent.country:
                    country_ents.setdefault(ent.country, ent)
        hits = _find_hits(toks, mention_spans)
        if not hits:
            continue
        events.extend(_code_sentence(doc, toks, s, e, hits, mentions, mstarts, country_ents))
    return events


def _code_sentence(doc: Document, toks: list[_Tok], s: int, e: int, hits: list[_Hit],
                   mentions: list[tuple[int, int, Entity]], mstarts: list[int],
                   country_ents: dict[str, Entity]) -> list[Event]:
    flags: dict[str, bool] = {}

    def flag(name: str) -> bool:
        if name not in flags:
            flags[name] = (_has_prefix(toks, _MIL_PREFIXES) if name == "mil" else
                           _has_prefix(toks, _PROTEST_PREFIXES) if name == "protest" else _is_sport(toks))
        return flags[name]
    n = len(toks)
    lo, hi = bisect_left(mstarts, s), bisect_left(mstarts, e)
    ments: list[_Ment] = []
    last_end = -1
    for ms_, me_, ent in mentions[lo:hi]:
        if ms_ < last_end or me_ > e:  # nested or overlapping spans: keep the outer, earlier one
            continue
        ments.append(_Ment(ms_, me_, ent))
        last_end = me_
    st = _Sentence(doc, toks, s, e, ments, country_ents)
    # Conditions, light verbs.
    valid: list[_Hit] = []
    for h in hits:
        t = h.form.trig
        if t.light:
            continue
        if t.need and not _need_ok(toks, h.j, n, t.need):
            continue
        if (t.mil and not flag("mil")) or (t.protest and not flag("protest")) or (t.sport and flag("sport")):
            continue
        if t.nob and h.j + 1 < n and toks[h.j + 1].key[:1] == "ب":
            continue
        if t.obj and not any(0 < m.ti - h.j <= 4 for m in ments):
            continue
        if t.place:
            if not any(0 < m.ti - h.j <= 3 and _is_place(m.ent) for m in ments):
                continue
        valid.append(h)
    if not valid:
        return []
    # Casualty words join a violent event of the same sentence; same-type triggers next to each other
    # (القصف والغارات) are one event.
    has_main_assault = any(h.form.trig.type == "ASSAULT" and not h.form.trig.cas for h in valid)
    merged: list[_Hit] = []
    for h in valid:
        t = h.form.trig
        if t.cas and has_main_assault:
            continue
        if merged and merged[-1].form.trig.type == t.type and h.i - merged[-1].j <= 3:
            continue
        merged.append(h)
    dead = injured = None
    dead_to = inj_to = -1  # index in `merged` of the violent event each count belongs to
    assaults = [k for k, h in enumerate(merged) if h.form.trig.type == "ASSAULT"]
    if assaults:
        dead, dpos, injured, ipos = casualties_at(doc.text[s:e])

        def owner(pos: int) -> int:
            # the last violent trigger before the count phrase, else the first one
            best = assaults[0]
            for k in assaults:
                if toks[merged[k].i].start - s <= pos:
                    best = k
            return best

        dead_to = owner(dpos) if dead is not None else -1
        inj_to = owner(ipos) if injured is not None else -1
    date_ref = resolve_sentence_date(doc.dates, s, e) if doc.dates else None
    out: list[Event] = []
    for idx, h in enumerate(merged):
        t = h.form.trig
        # support verb before a nominal trigger: شنّ سلاح الجو الروسي آلاف الغارات
        v = h.i
        verbal = h.form.verbal
        future = h.form.future
        if not verbal:
            for k in range(h.i - 1, max(-1, h.i - 7), -1):
                key = toks[k].key
                if key in _CLAUSE_BREAK or toks[k].bare in _PREPS:
                    break  # تقوده واشنطن في تحرير الرقة: the support verb governs another phrase
                f = FORMS.get(key)
                if f is not None:
                    if f.trig.light or (f.verbal and f.trig.type is None):
                        v, verbal, future = k, True, f.future
                    break
        negated = _negated(toks, v, h)
        hypothetical = _hypothetical(toks, v, h.j)
        if not future:
            for k in range(max(0, v - 4), v):
                if toks[k].bare in _FUTURE_AUX or toks[k].key in _FUTURE_AUX:
                    future = True
                    break
        actor, recip, target = _roles(st, h, v, verbal)
        used = {m.ent.id for m in actor} | {m.ent.id for m in recip}
        loc = _location(st, h, used, target)
        mode = _mode(st, h)
        trig_s, trig_e = toks[h.i].start, toks[h.j].end
        quote = _quote_of(doc, trig_s)
        source = None
        q_date = None
        if quote is not None:
            sp = quote.speaker or {}
            source = sp.get("entity")
            q_date = quote.date
        conf = t.conf
        if actor:
            conf += 0.1
        if recip:
            conf += 0.05
        if date_ref is not None:
            date, prec = date_ref.value, date_ref.precision
        elif q_date:
            date, prec = q_date, "day"
            conf -= 0.05
        elif doc.published:
            date, prec = doc.published, "day"
            conf -= 0.1
        else:
            date, prec = None, None
        ev = Event(
            type=t.type or "",
            trigger={"text": doc.text[trig_s:trig_e], "start": trig_s, "end": trig_e},
            sentence={"start": s, "end": e},
            mode=mode,
            actor=_ids(actor),
            recipient=_ids(recip),
            location=loc.id if loc else None,
            date=date,
            date_precision=prec,
            dead=dead if idx == dead_to else None,
            injured=injured if idx == inj_to else None,
            negated=negated,
            hypothetical=hypothetical,
            future=future,
            source=source,
            confidence=round(max(0.05, min(0.95, conf)), 2),
        )
        out.append(ev)
    return out


def _ids(ms: list[_Ment]) -> list[str]:
    out: list[str] = []
    for m in ms:
        if m.ent.id not in out:
            out.append(m.ent.id)
    return out


def _negated(toks: list[_Tok], v: int, h: _Hit) -> bool:
    for k in range(max(0, v - 3), v):
        b = toks[k].bare
        key = toks[k].key
        if key in _NEG or b in _NEG:
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


def _hypothetical(toks: list[_Tok], v: int, j: int) -> bool:
    for k in range(0, min(len(toks), j + 12)):
        key = toks[k].key
        b = toks[k].bare
        if key in ("اذا", "واذا", "فاذا", "لو", "ولو", "لولا", "اذاما"):
            return True
        if b in ("حال", "حاله") and k >= 1 and toks[k - 1].key in ("في", "وفي", "فى"):
            return True
    return False


def _quote_of(doc: Document, pos: int) -> Any:
    for q in doc.quotes:
        c = q.content or {}
        if c.get("start", -1) <= pos < c.get("end", -1):
            return q
    return None
