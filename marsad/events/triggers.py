"""Trigger finding: the lexicon's words and phrases in a sentence, kept only where their conditions hold.

A trigger is a verb in any inflection or an event noun from `marsad.events.lexicon`, or a multi-word
phrase; stop phrases swallow their words so that no trigger fires inside them. A trigger word inside an
entity name (مجلس التعاون الخليجي، هيئة تحرير الشام) is no event. Conditions come with the lexicon entry:
a word that must follow, a military or protest context, no sports report, an object or a place nearby.
Same-type triggers next to each other (القصف والغارات) are one event, and a casualty word joins the
violent event of its sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from marsad.events.charges import EVALUATIVE
from marsad.events.lexicon import FORMS, NOUN_READINGS, PHRASES, Form, Trigger
from marsad.events.protest import crowd_near, street_context
from marsad.events.senses import human_follows, occurs, prayer, sense_ok
from marsad.events.tokens import ADVERBS, CLAUSE_BREAK, PREPS, Hit, Ment, Tok, governs_masdar, is_place
from marsad.events.verbal_attack import verbal_attack
from marsad.kb.titles import title_head

#: The entries of «انتقاد» and «انتقد» (criticism), by whether the form is a verb.
_CRITICISE = {False: FORMS["انتقاد"].trig, True: FORMS["انتقد"].trig}

__all__ = ["MAX_SENT_TOKENS", "TRIGGER_KEYS", "find_hits", "merge_hits", "support_verb", "valid_hits", "verb_on_event_noun"]

# A "sentence" longer than this is a list or boilerplate: code only its start.
MAX_SENT_TOKENS = 400
# Every surface form that can start a trigger or a stop phrase: the per-sentence prefilter.
TRIGGER_KEYS = frozenset(k for k, f in FORMS.items() if not f.trig.light) | frozenset(
    k for k, lst in PHRASES.items() if any(not f.trig.stop and not f.trig.light for _, f in lst))

# Sentence vocabulary deciding contexts (bare-spelling prefixes; str.startswith with a tuple).
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


# Market words: in a sentence about prices and indices, «يدعم»، «يهدد»، «تراجع»، «يحاصر» are figures of speech.
_MARKET = frozenset({"اسعار", "سعر", "بورصه", "البورصه", "موشر", "الموشر", "اسهم", "الاسهم", "سهم", "الدولار",
                     "دولار", "برميل", "للبرميل", "تداولات", "التداولات", "نقطه", "نقاط", "العمله", "عمله",
                     "السوق", "الاسواق", "اسواق", "العقود", "الخام", "برنت", "الذهب", "اليورو", "الين"})
_FIGURATIVE_IN_MARKETS = frozenset({"SUPPORT", "THREATEN", "RETREAT", "COERCE"})


def _need_ok(toks: list[Tok], j: int, hi: int, need: tuple[str, ...], reach: int = 4) -> bool:
    return _need_at(toks, j, hi, need, reach) >= 0


def _need_at(toks: list[Tok], j: int, hi: int, need: tuple[str, ...], reach: int = 4) -> int:
    """Index of the first word of `need` within `reach` words after token j, or -1."""
    for k in range(j + 1, min(hi, j + 1 + reach)):
        b = toks[k].bare
        for w in need:
            if (w.endswith("*") and b.startswith(w[:-1])) or b == w:
                return k
    return -1


def _phrase_at(toks: list[Tok], i: int, hi: int) -> tuple[int, Form] | None:
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



# Words after which a spelling that is both a verb and a noun is the noun: prepositions, and the nouns of
# time and cause that govern a genitive (بعد، عقب، إثر، جراء).
_BEFORE_NOUN = PREPS | frozenset({"بعد", "قبل", "عند", "عقب", "اثر", "خلال", "جراء", "بسبب", "منذ", "ازاء", "اثناء",
                                  "لدي", "عمليه", "عمليات", "اعمال", "حمله", "ضروره", "وقف", "استمرار",
                                  "تم", "يتم", "سيتم",  # (تم رفض X: the noun, the passive of رفض)
                                  # nouns and particles that govern a genitive (بشأن دعم المعارضة، رغم قصف …)
                                  "بشان", "بخصوص", "رغم", "برغم", "دون", "بدون", "مقابل", "ضمن", "حيال", "لاجل"})


#: A feminine verbal noun with a possessive spells like a perfect with an object (سيطرته: «his control»
#: or «she controlled it»); after a preposition only the noun can stand.
def _owned_masdar(key: str) -> bool:
    """A perfect in ت with an object pronoun that the lexicon holds (سيطرته), so possibly a verbal noun."""
    for suf in ("ه", "ها", "هم", "هما"):
        stem = key[:-len(suf)]
        if key.endswith(suf) and stem.endswith("ت") and stem in FORMS:
            return True  # (not اتهم: its ت and ه are the root's)
    return False


def _as_noun(f: Form) -> Form:
    """The nominal reading of a verb form's entry (one per entry, built once)."""
    return _noun_of(f.trig)


@cache
def _noun_of(trig: Trigger) -> Form:
    return Form(trig)


def _governed_masdar(toks: list[Tok], k: int, mention_ends: dict[int, int]) -> bool:
    """Whether token k is the object of a `MASDAR_GOVERNORS` verb, right after it or after its subject
    (and adverbs of time)."""
    x = k - 1
    while x > 1 and toks[x].bare in ADVERBS:  # أعلن الجيش أمس قصف …
        x -= 1
    start = mention_ends.get(toks[x].end)
    if start is not None:  # the governor's subject between: skip the mention's words
        while x > 0 and toks[x].start > start:
            x -= 1
        x -= 1
        if x < 0 or toks[x + 1].start != start:
            return False
        # a title before the name (أعلن رئيس مجلس النواب X دعمه): up to four nouns, no clause word between
        for y in range(x, max(-1, x - 5), -1):
            if _takes_masdar(toks[y].key):
                return True
            if title_head(toks[y].key) is not None:
                return any(_takes_masdar(toks[z].key) for z in range(max(0, y - 2), y))
            if toks[y].key in CLAUSE_BREAK or toks[y].bare in PREPS or toks[y].key in FORMS:
                return False
        return False
    return _takes_masdar(toks[x].key)


def _takes_masdar(key: str) -> bool:
    """A verb whose object is an act: one that announces, decides or manages it (`governs_masdar`), or one
    that judges it (انتقد المتحدث باسم الحزب قصف الأحياء: the shelling, not «the party shelled»)."""
    f = FORMS.get(key)
    return governs_masdar(key) or (f is not None and f.verbal and f.trig.cameo in EVALUATIVE)



def find_hits(toks: list[Tok], mention_spans: list[tuple[int, int, str]]) -> list[Hit]:
    hits: list[Hit] = []
    k = 0
    n = len(toks)
    phrases, forms = PHRASES, FORMS
    mention_ends = {e: s for s, e, _ in mention_spans}
    while k < n:
        t = toks[k]
        if t.key not in forms and t.key not in phrases:
            k += 1
            continue
        ph = _phrase_at(toks, k, n) if t.key in phrases else None
        if ph is not None:
            j, form = ph
            if not form.trig.stop:
                hits.append(Hit(k, j, form))
            k = j + 1
            continue
        f = forms.get(t.key)
        if f is not None and f.verbal and k > 0 and t.key in NOUN_READINGS and (
                toks[k - 1].bare in _BEFORE_NOUN or _governed_masdar(toks, k, mention_ends)):
            f = NOUN_READINGS[t.key]  # على دعم المعارضة، بعد قصف المدينة: no verb follows a preposition
        elif f is not None and f.verbal and k > 0 and toks[k - 1].bare in _BEFORE_NOUN and _owned_masdar(t.key):
            f = _as_noun(f)  # لدى سيطرته على المدينة: a verbal noun in ة with a possessive, not «she … it»
        if f is not None:
            hits.append(Hit(k, k, f))
        k += 1
    if hits and mention_spans:
        # a trigger word inside a name (مجلس التعاون الخليجي، هيئة تحرير الشام) is no event; the protesters
        # are one even where the entity stage made them a generic agent (المتظاهرون)
        starts = [s for s, _, _ in mention_spans]
        keep = []
        for h in hits:
            if h.form.trig.participant:
                keep.append(h)
                continue
            # the mention may leave out a clitic the token carries (وتشاد: the mention is تشاد)
            p, pe = toks[h.i].start, toks[h.i].end
            x = bisect_right(starts, min(pe - 1, p + 2)) - 1
            inside = x >= 0 and mention_spans[x][0] < pe and p < mention_spans[x][1]
            if not inside:
                keep.append(h)
        hits = keep
    return hits



def _has_prefix(toks: list[Tok], prefixes: tuple[str, ...]) -> bool:
    return any(t.bare.startswith(prefixes) for t in toks)


_INTENSIFIERS = frozenset({"بشده", "باشد", "بقوه", "بحزم", "بشكل"})
# Words that begin with ب without being a بـ complement of a verb of threatening.
_NOT_BI = frozenset({"بين", "بعد", "بعدما", "بعض", "بينما", "بلاد", "بلاده", "بلادها", "بلادهم", "بشكل", "بصوره",
                     "بحسب", "بسبب", "بدون", "بدوره", "بدورها", "برياسه", "بقياده", "بلده", "بلدان", "بيان", "بيانا",
                     "بيروت", "بغداد", "بنغازي", "بريطانيا", "بكين", "برلين", "بروكسل", "باكستان", "بوتين",
                     "بالنسبه", "بها", "به", "بهم", "بما", "بان", "بانه", "بانها", "بل", "بذلك", "بهذا", "بهذه"})


_RECEIVE = ("تلق", "يتلق", "وجه", "توجيه", "تعرض", "يتعرض", "اطلق")


def _received(toks: list[Tok], i: int) -> bool:
    """Threats received, addressed or made (تلقى تهديدات، وجّه تهديدات): acts, whatever follows them."""
    return any(toks[k].bare.lstrip("وف").startswith(_RECEIVE) for k in range(max(0, i - 6), i))


def _recognises(toks: list[Tok], h: Hit, ments: list[Ment]) -> bool:
    """«اعترف بـ» + a state or a body is recognition (اعترفت السويد بدولة فلسطين), not an admission."""
    starts = {m.ti: m for m in ments}
    for k in range(h.j + 1, min(len(toks), h.j + 5)):
        if toks[k].key.lstrip("وف")[:1] == "ب":
            m = starts.get(k) or starts.get(k + 1)
            return m is not None and m.ent.type in ("GPE", "ORG") or toks[k].bare.startswith(("بدوله", "دوله"))
    return False


def _bi_complement(toks: list[Tok], j: int, n: int) -> bool:
    """A word with an attached بـ within eight words after the trigger, the subject and its apposition
    between (هدد بالرد، هددت الفنانة التونسية فلانة بمقاضاة …، وهدد قيادي في الحزب، باللجوء …)."""
    for k in range(j + 1, min(n, j + 9)):
        t = toks[k]
        if t.key in (".", "؛", ";", ":", "!", "؟"):
            return False
        w = t.key.lstrip("وف")
        if w[:1] == "ب" and len(w) >= 3 and w not in _NOT_BI:
            return True
    return False


def _is_market(toks: list[Tok]) -> bool:
    """Two or more market words: prices find «support», currencies «retreat», costs «besiege»."""
    return sum(1 for t in toks if t.key in _MARKET or t.bare in _MARKET) >= 2


def _is_sport(toks: list[Tok]) -> bool:
    """Two or more sports words: a match report, where هجوم is an offensive play and لقاء a game."""
    return sum(1 for t in toks if t.bare in _SPORT or t.key in _SPORT) >= 2



def valid_hits(toks: list[Tok], hits: list[Hit], ments: list[Ment]) -> list[Hit]:
    """The hits whose lexicon conditions hold in this sentence (light verbs are never events).

    `ments` must already be placed in the token sequence (`Sentence` does it). The context tests scan
    the whole sentence, so each is run at most once and only when a hit asks for it.
    """
    flags: dict[str, bool] = {}

    def flag(name: str) -> bool:
        if name not in flags:
            flags[name] = (_has_prefix(toks, _MIL_PREFIXES) if name == "mil" else
                           _has_prefix(toks, _PROTEST_PREFIXES) if name == "protest" else
                           street_context(toks) if name == "street" else
                           _is_market(toks) if name == "market" else _is_sport(toks))
        return flags[name]

    n = len(toks)
    valid: list[Hit] = []
    for h in hits:
        t = h.form.trig
        if t.light:
            continue
        if t.need and not _need_ok(toks, h.j, n, t.need, t.reach):
            continue
        if (t.mil and not flag("mil")) or (t.protest and not flag("protest")) or (t.sport and flag("sport")):
            continue
        if (t.crowd and not crowd_near(toks, h.i, h.j)) or (t.street and not flag("street")):
            continue
        if t.type in _FIGURATIVE_IN_MARKETS and flag("market"):
            continue
        if t.nob and h.j + 1 < n and toks[h.j + 1].key[:1] == "ب" and toks[h.j + 1].bare not in _INTENSIFIERS:
            continue  # يدين بالإسلام "professes", يتظاهر بالمرض "pretends"; not «أدان بشدة»
        if t.bcomp and not _bi_complement(toks, h.j, n) and not (not h.form.verbal and _received(toks, h.i)):
            continue
        if t.obj and not any(0 < m.ti - h.j <= 4 for m in ments):
            continue
        if t.place:
            # the place follows the trigger, or its complement when the subject stands between them
            at = _need_at(toks, h.j, n, t.need, t.reach) if t.need else h.j
            if not any(0 < m.ti - at <= 3 and is_place(m.ent) for m in ments):
                continue
        if t.type == "ASSAULT" and verbal_attack(toks, h, ments):
            # «هاجم الوزير سياسة الحكومة»: criticism, coded as the criticising verb or noun would be, and
            # then checked as criticism is (whether it occurs)
            h = Hit(h.i, h.j, Form(_CRITICISE[h.form.verbal], h.form.future, h.form.verbal))
            t = h.form.trig
        if t.type in ("ASSAULT", "REJECT", "THREATEN", "PROTEST") and not sense_ok(toks, h, ments):
            continue
        if prayer(toks, h):
            continue
        if t.cameo == "080" and _recognises(toks, h, ments):
            continue
        if t.human and not human_follows(toks, h, ments):
            continue
        if not occurs(toks, h):
            continue
        valid.append(h)
    return valid


def verb_on_event_noun(toks: list[Tok], noun: Hit, verb: Hit) -> bool:
    """A verb right after an event noun of its type, the noun outside any prepositional phrase: the
    noun is its subject (١٩ غارة استهدفت مواقع X، الغارات استهدفت …), so both tell one event; after
    «ردا على الهجوم» or «بعد الهجوم» the verb is another's act."""
    between = range(noun.j + 1, verb.i)
    return verb.form.verbal and not noun.form.verbal and len(between) <= 1 and \
        all(_adjective_like(toks[k]) for k in between) and \
        noun.form.trig.type == verb.form.trig.type and not (noun.i >= 1 and toks[noun.i - 1].bare in _BEFORE_NOUN) \
        and not toks[noun.i].key.lstrip("وف").startswith(("بال", "لل", "كال"))


def _adjective_like(t: Tok) -> bool:
    """A word that may qualify the noun before it (هجوم انتحاري، غارة جوية): a relational adjective."""
    return t.key not in CLAUSE_BREAK and t.bare not in PREPS and t.key[:1] not in "وف" and \
        t.bare.endswith(("ي", "يه", "ية")) and t.key not in FORMS


def merge_hits(valid: list[Hit], toks: list[Tok]) -> list[Hit]:
    """One hit per event: casualty words join a violent event of the same sentence, same-type triggers
    next to each other (القصف والغارات) are one event, and a sentence reports one protest (its participants,
    its verb and its noun are the same event: تجمع آلاف المتظاهرين … احتجاجا)."""
    has_main_assault = any(h.form.trig.type == "ASSAULT" and not h.form.trig.cas for h in valid)
    merged: list[Hit] = []
    protest: Hit | None = None
    for h in valid:
        t = h.form.trig
        if t.cas and has_main_assault:
            continue
        if t.type == "PROTEST":
            if protest is not None:
                continue
            protest = h
        if merged and merged[-1].form.trig.type == t.type and h.i - merged[-1].j <= 3 and (
                not (h.form.verbal and not merged[-1].form.verbal)  # a verb after a noun opens a clause …
                or verb_on_event_noun(toks, merged[-1], h)):  # … whose subject it may be
            continue
        merged.append(h)
    return merged


def support_verb(toks: list[Tok], h: Hit) -> tuple[int, bool, bool]:
    """(verb index, verbal, future) of a hit: a nominal trigger governed by a support verb is coded as
    that verb's clause (شنّ سلاح الجو الروسي آلاف الغارات)."""
    v = h.i
    verbal = h.form.verbal
    future = h.form.future
    if not verbal and not (h.form.trig.cas and not h.form.trig.target):  # (أعلن الجيش مقتل X: a death
        # noun tells what befell X; the verb before it carries no subject for it)
        for k in range(h.i - 1, max(-1, h.i - 7), -1):
            key = toks[k].key
            if key in CLAUSE_BREAK or toks[k].bare in PREPS:
                break  # تقوده واشنطن في تحرير الرقة: the support verb governs another phrase
            f = FORMS.get(key)
            if f is not None and f.trig.need and not _need_ok(toks, k, len(toks), f.trig.need, f.trig.reach):
                continue  # a word that is a trigger only with its complement (حمّل … المسؤولية): here a noun
            if f is not None:
                if f.trig.light or (f.verbal and f.trig.type is None):
                    v, verbal, future = k, True, f.future
                break
    return v, verbal, future
