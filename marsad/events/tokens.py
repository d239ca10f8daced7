"""The pieces of one sentence the event rules work on: tokens, entity mentions, trigger hits.

Tokens are cut from the shadow text (`fold_letters`: one character for one, so shadow offsets are text
offsets) and carry their bare spelling (no و/ف, preposition or article), which is what the word lists
match. A mention records where it sits in the token sequence and what governs it (a preposition, a
locative word), which is most of what the role rules need to tell an actor from a place.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

from marsad.document import Document, Entity, Event, Speaker
from marsad.events.lexicon import Form, bare
from marsad.kb.conjunction import is_conjunction
from marsad.kb.store import get_kb
from marsad.kb.titles import RANKS, title_head
from marsad.text.normalize import normalize

__all__ = [
    "ADVERBS", "AGENT_TYPES", "ARABIC", "EXPOSED", "CARDINALS", "CLAUSE_BREAK", "CLAUSE_END", "GENERIC_AGENTS", "MARKS", "MASDAR_GOVERNORS", "PREPS", "QUANTITIES", "Hit", "Ment", "Sentence", "Tok", "fine_place",
    "ability_preposition", "governs_masdar", "is_agent", "is_place",
]

# Marks that survive letter folding and hide a word from the lexicon (diacritics, tatweel).
MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC = re.compile("[\u0600-\u06ff]")
_MAX_TOKEN = 60  # longer "words" are noise; never look them up

# Closed word classes (bare spelling: no و/ف, preposition or article).
_LOC_WORDS = frozenset({"في", "قرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
                        "ريف", "مدينه", "محافظه", "بلده", "قريه", "منطقه", "حي", "مخيم", "ضواحي", "اطراف",
                        "محيط", "داخل", "وسط", "بمدينه", "بلدات", "مناطق", "ولايه", "اقليم", "قضاء", "مديريه",
                        "مركز", "جنوبا", "شمالا", "شرقا", "غربا", "عاصمه"})
#: Compass directions: locative only in construct (شمال سوريا), so never with the article (الغرب: the West).
_DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "وسط"})
#: Places a party holds (bare spelling): its name after them is their owner, the one hit, never the subject
#: of the verb before them (استهدفت مواقع الحوثيين).
POSITIONS = frozenset({"مواقع", "موقع", "مقر", "مقرات", "مراكز", "مركز", "معاقل", "معقل", "تجمعات", "مخازن",
                       "معسكرات", "معسكر", "ثكنات", "ثكنه", "نقاط", "تحصينات", "قواعد", "قاعده", "منازل", "منزل",
                       "مستودعات", "منشات", "مقار"})
#: The cardinals three to ten, in the form that counts masculine nouns (ثلاثة جنود): what counts people.
CARDINALS = frozenset({"ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره"}) | frozenset(
    t + e for t in ("عشر", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع") for e in ("ون", "ين"))  # the tens
#: Quantities that name some members of a group (عشرات من …، عدد من …).
QUANTITIES = CARDINALS | frozenset({"عشرات", "ميات", "الاف", "الوف", "عدد", "بعض", "عديد", "مجموعه", "مجموعات",
                                    "قسم", "جزء", "شطر", "نفر", "كثير", "معظم", "اغلب", "غالبيه", "اغلبيه",
                                    "احد", "احدي", "اثنان", "اثنين", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثماني",
                                    "تسع", "عشر"})
PREPS = frozenset({"في", "على", "علي", "ضد", "من", "الى", "الي", "عن", "مع", "لدى", "لدي", "نحو", "باتجاه",
                   "عبر", "حول", "بين", "قبل", "يد", "تجاه", "بحق", "لصالح"})
_CONJ_PREPS = frozenset({"في", "على", "علي", "من", "الى", "الي", "قرب", "عن", "مع", "ضد", "بين", "شمال", "جنوب",
                         "شرق", "غرب", "داخل", "وسط", "حول", "عبر", "نحو", "لدى", "لدي"})
#: Relative pronouns: the subject of the verb after them is the noun before them (their antecedent).
RELATIVE = frozenset({"التي", "الذي", "الذين", "اللتين", "اللذين", "اللذان", "اللتان"})
CLAUSE_BREAK = frozenset({"،", ",", "؛", ";", ":", "(", ")", "«", "»", '"', "-", "–"})
#: Punctuation that ends a clause but not a quotation or a name in guillemets (which may stand inside one).
CLAUSE_END = frozenset({"،", ",", ".", "؛", ":", "؟", "!"})
AGENT_TYPES = frozenset({"PER", "ORG"})
# Unlinked agent nouns that fill the subject slot (انتقدت النقابةُ الوزارةَ): the next mention is the object.
GENERIC_AGENTS = frozenset({"معارضه", "سلطات", "شرطه", "حكومه", "قوات", "جيش", "مسلحون", "مسلحين",
                             "متظاهرون", "محتجون", "متظاهرين", "محتجين", "رييس", "وزير", "وزاره", "تنظيم",
                             "جماعه", "حركه", "فصايل", "ميليشيات", "مليشيات", "دول", "دوله", "بلدان",
                             "مجموعه", "عناصر", "مجهولون", "مجهولين", "طايرات", "مقاتلات", "متمردون",
                             "مسوولون", "مصادر", "منظمه", "لجنه", "محكمه", "نيابه", "ادعاء"})

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


_BARE: dict[str, str] = {}


class Tok:
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


class Ment:
    __slots__ = ("start", "end", "ent", "ti", "tj", "prep", "loc", "lead")

    def __init__(self, start: int, end: int, ent: Entity) -> None:
        self.start = start
        self.end = end
        self.ent = ent
        self.ti = 0  # first token index (within the sentence)
        self.tj = 0  # one past the last token index
        self.prep: str | None = None  # governing preposition (attached ب/ل or a preceding word)
        self.loc = 0  # 2: after a locative word (في، قرب، شمال، ريف …), 1: after من/الى, 0: none
        self.lead = 0  # first token of the phrase the mention heads (its title: رئيس الوزراء العراقي X)


def phrase_start(m: Ment) -> int:
    """Where a person's title phrase starts (وزير الدفاع الفرنسي X), else the mention's first token."""
    return min(m.ti, m.lead) if m.ent.type == "PER" else m.ti


class Hit:
    __slots__ = ("i", "j", "form", "cond_ok")

    def __init__(self, i: int, j: int, form: Form) -> None:
        self.i = i  # first token of the trigger
        self.j = j  # last token of the trigger (inclusive)
        self.form = form
        self.cond_ok = True



def unclitic(b: str) -> str:
    """A bare word without an attached ب/ل (and و/ف before it): برصاص → رصاص، بنيران → نيران."""
    if len(b) > 4 and b[:2] in ("وب", "ول", "فب", "فل"):
        return b[2:]
    if len(b) > 3 and b[0] in "وفبل":
        return b[1:]
    return b


def is_place(e: Entity) -> bool:
    return e.type in _PLACE_TYPES


def fine_place(e: Entity) -> bool:
    return e.type in ("LOC", "FAC") or (e.type == "GPE" and e.precision in ("settlement", "region"))


def is_agent(m: Ment, assault: bool) -> bool:
    """Could this mention be an actor or recipient? Organisations and people; a country, or a capital used
    for its government (`أدانت موسكو`), only outside a locative phrase and, for violence, a fine place never
    (`قصف الميادين` names a target place)."""
    e = m.ent
    if e.type in AGENT_TYPES or (e.type == "MISC" and e.sector):  # MISC with a sector: a generic agent
        return True
    if e.type == "GPE" and m.loc == 0 and m.prep is None:
        # of violence, only a country acts or is hit as a party; a town, a region or a place the gazetteer
        # does not grade (بحيرة تشاد) is where it happened
        return not (assault and e.precision != "country")
    return False



def _office_holder(toks: list[Tok], head: int) -> int:
    """«المستشار الثقافي للرئيس الإيراني X»: a title after ل is the office the title before it serves
    (adviser to the president), so the phrase, and the person's, starts at that earlier title."""
    first = toks[head].key.lstrip("وف")
    if not (first.startswith("لل") or (first[:1] == "ل" and title_head(first[1:]) is not None)):
        return head
    for k in range(head - 1, max(-1, head - 4), -1):
        key = toks[k].key
        if title_head(key) is not None:  # (بالمستشار الخاص للأمين العام X: the ب governs the person)
            return k
        if not key.startswith("ال"):
            break
    return head


@lru_cache(maxsize=65536)
def dual_title(key: str) -> bool:
    """The dual of a title head (وزيرا/وزيري الخارجية X وY، الرئيسان X وY): one title for the two persons
    named after it, so the phrase of the first starts there."""
    if len(key) > 4 and key[-1] in "اي" and title_head(key[:-1]) is not None:
        return True
    return len(key) > 6 and key[-2:] in ("ان", "ين") and "ال" in key[:4] and title_head(key[:-2]) is not None


@lru_cache(maxsize=65536)
def owned_title(key: str) -> bool:
    """A title with a possessive pronoun (أمينه العام X، رئيسها X): the office of the body spoken of. A
    final ه is also a normalised ة, so the nouns that a title plus ة spells are not read so (محافظة)."""
    for suf in ("ها", "هم", "ه"):
        if key.endswith(suf) and len(key) > len(suf) + 2 and title_head(key[:-len(suf)]) is not None:
            return suf != "ه" or key.lstrip("وفبل") not in _FEMININE_NOUNS
    return False


#: Title heads plus ة that are other words (a province, aid, ruling, an annex, correspondence, big).
_FEMININE_NOUNS = frozenset({"محافظه", "مساعده", "حاكمه", "ملحقه", "مراسله", "كبيره", "الكبيره"})


def participle(key: str) -> bool:
    """An active participle in the accusative of circumstance (داعيا، مطالبا، متهما، منددا)."""
    w = key.lstrip("وف")
    return len(w) > 4 and w.endswith("ا") and (w[0] == "م" or w.startswith("داعي"))


class Sentence:
    """Everything the role rules need about one sentence, built only for sentences with a trigger."""

    def __init__(self, doc: Document, toks: list[Tok], s: int, e: int, ments: list[Ment],
                 country_ents: dict[str, Entity]) -> None:
        self.doc = doc
        self.toks = toks
        self.s = s
        self.e = e
        self.ments = ments
        self.country_ents = country_ents
        self._quotes: list[tuple[int, int, Ment | None, bool]] | None = None
        # the parties named in the two sentences before, subjects and objects only (set by the coder)
        self.context_fn: Callable[[], list[Ment]] | None = None
        self._context: list[Ment] | None = None
        self.victims: set[int] = set()  # ids of the mentions who died or were hurt (never actors)
        self.prior: list[Event] = []  # the document's events coded before this sentence (set by the coder)
        self.coded: list[Event] = []  # this sentence's events coded so far, in text order (set by the coder)
        starts = [t.start for t in toks]
        for m in ments:
            m.ti = max(0, bisect_right(starts, m.start) - 1)
            m.tj = max(m.ti + 1, bisect_left(starts, m.end))
            m.lead = m.ti
            self._prep(m)

    def context(self) -> list[Ment]:
        """Mentions of the two sentences before this one, in text order (for pronoun antecedents)."""
        if self._context is None:
            self._context = self.context_fn() if self.context_fn is not None else []
        return self._context

    def quote_at(self, pos: int) -> tuple[int, int, Ment | None] | None:
        """(content start, content end, the speaker's mention) of the quote whose content holds `pos`."""
        if self._quotes is None:
            self._quotes = []
            for q in self.doc.quotes:
                c = q.content
                if c.start < self.e and self.s < c.end:
                    self._quotes.append((c.start, c.end, self._speaker(q.speaker), q.direct))
        for qs, qe, sp, _direct in self._quotes:
            if qs <= pos < qe:
                return qs, qe, sp
        return None

    def indirect_at(self, pos: int) -> bool:
        """Whether `pos` lies in reported speech (أعلن X التزامه …، قال إنه …), not in quoted words."""
        self.quote_at(pos)
        return any(qs <= pos < qe and not direct for qs, qe, _sp, direct in self._quotes or ())

    def speaker_of_cue(self, pos: int) -> Ment | None:
        """The speaker of the quote whose cue word starts at `pos` (a participle such as داعيا is a cue
        the quote layer resolves, pro-drop included)."""
        for q in self.doc.quotes:
            if q.cue.start <= pos < max(q.cue.end, q.cue.start + 1):
                return self._speaker(q.speaker)
        return None

    def _speaker(self, sp: Speaker | None) -> Ment | None:
        if sp is None:
            return None
        if sp.entity is None:
            # a speaker phrase the quote layer left unlinked (حركتا X وY، مصدر في الحركة): the first party
            # named inside it speaks
            return next((m for m in self.ments if sp.start <= m.start and m.end <= sp.end and
                         m.ent.type in AGENT_TYPES), None)
        for m in self.ments:
            if m.ent.id == sp.entity and m.start <= sp.start < m.end:
                return m
        ent = next((e for e in self.doc.entities if e.id == sp.entity), None)
        return Ment(sp.start, sp.end, ent) if ent is not None else None

    def _prep(self, m: Ment) -> None:
        toks = self.toks
        first = toks[m.ti].key
        name = normalize(m.ent.name or "")
        if first.startswith(("بال", "وبال", "فبال")):
            m.prep = "ب"
        elif first.startswith(("لل", "ولل", "فلل")):
            m.prep = "ل"
        else:
            k = first[1:] if first[:1] in "وف" and name[:1] not in "وف" else first
            # a ب/ل that the name itself has is no preposition: ليون of برناردينو ليون (the surname alone),
            # بريطانيا for the United Kingdom (a name the KB knows as written)
            if k[:1] in "بل" and name[:1] != k[:1] and len(k) > 2 and k not in name.split() and \
                    not get_kb().candidates(k):
                m.prep = k[0]
        if self._title_prep(m):
            return
        # A preceding preposition or locative word, skipping one place-class noun (في مدينة حلب).
        k = m.ti - 1
        seen = 0
        while k >= 0 and seen < 3:
            b = toks[k].bare
            if b[:1] in "وف" and b[1:] in _CONJ_PREPS:
                b = b[1:]  # وفي، وعلى، ومن: a preposition after a conjunction
            if b in _DIRECTIONS and toks[k].key.lstrip("وف").startswith("ال"):
                break  # a definite word governs no genitive: «اتهم الغرب روسيا» is the West, not west Russia
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
            if b in PREPS:
                m.prep = m.prep or b
                break
            if seen == 0 and b in ("مدينه", "بلده", "قريه", "محافظه", "منطقه", "مخيم", "حي", "ولايه"):
                m.loc = 2
                break
            if not ARABIC.search(b) or b in CLAUSE_BREAK:
                break
            seen += 1
            if seen >= 1:
                break
            k -= 1

    def _title_prep(self, m: Ment) -> bool:
        """A person after a title phrase (مع الرئيس اللبناني X، على رئيس الوزراء العراقي X): the preposition
        before the title governs the person. True when a title phrase was there."""
        toks = self.toks
        head = None
        k = m.ti - 1
        app = m.ent.type == "PER" and apposed(toks, m.ti, m.tj)
        k -= app  # the name in apposition between commas (مع الرئيس اليمني، فلان الفلاني، في …)
        lo = max(-1, k - 8)
        while k > lo:
            key = toks[k].key
            if app and head is None and key == "في":
                k -= 1  # an office in a place, set off by the commas (منسق الشؤون في الأرض الفلسطينية، X،)
                continue
            if title_head(key) is not None or dual_title(key) or owned_title(key):
                if any(x is not m and x.ti <= k < x.tj and x.ent.type == "PER" for x in self.ments):
                    break  # a title that is a person's own mention (والتقى الوزير رئيسَ الوزراء X)
                head = k  # keep looking: «نائب رئيس الوزراء» starts at نائب
                k -= 1
                continue
            if head is None and m.ent.type == "PER":
                # the state an office serves, or the place or body after في/لدى (السفير السعودي في مصر X،
                # مندوب سوريا لدى الأمم المتحدة X، سفير روسيا في واشنطن X)
                body = next((x for x in self.ments if x is not m and x.ti <= k < x.tj and
                             x.ent.type in ("GPE", "ORG")), None)
                if body is not None:
                    pp = body.ti >= 1 and toks[body.ti - 1].bare in ("في", "لدي")
                    if pp or body.ent.type == "GPE":
                        k = body.ti - 2 if pp else body.ti - 1
                        continue
            if head is not None or not (key in RANKS or key.lstrip("وف").startswith("ال") and len(key) > 3):
                break  # words before the office noun belong to the clause (استقبل الرئيس المصري وزير …)
            k -= 1
        if head is None:
            return False
        head = _office_holder(toks, head)
        m.lead = head
        first = toks[head].key.lstrip("وف")
        if first.startswith(("لل", "بال")) or (first[:1] in "بل" and title_head(first[1:]) is not None):
            m.prep = m.prep or first[0]  # للرئيس، برئيس الوزراء
        elif head >= 1:
            b = toks[head - 1].bare
            if b[:1] in "وف" and b[1:] in _CONJ_PREPS:
                b = b[1:]
            if b in PREPS or b in ("من", "الى", "الي"):
                m.prep = m.prep or b
        return True


#: Verbs of exposure, whose subject undergoes what follows their ل (تعرضت القوات لهجوم، تعرض منزل لتهدم).
EXPOSED = ("تعرض", "يتعرض", "تتعرض")


#: Adverbs and days that may stand between a verb and what follows it (bare spelling: no article).
ADVERBS = frozenset({"امس", "يوم", "ايضا", "كذلك", "بدوره", "بدورها", "بشده", "مجددا", "سابقا", "لاحقا",
                     "اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه", "سبت"})  # not احد: also "anyone"
#: Adverbs of time between a verb's subject and what follows it: its object (استقبل الرئيس X أمس رئيسَ
#: الوزراء) or a crowd (تظاهر اليوم آلاف). Bare spelling: the article is off (اليوم → يوم، الليلة → ليله).
TIME_ADVERBS = frozenset({"امس", "يوم", "ليله", "مساء", "صباح", "ايضا", "مجددا"})


def _conjugations(perfect: str, imperfect: str, feminine: str = "") -> tuple[str, ...]:
    """Third-person forms of a verb in bare spelling: he and she did, he and she do or will do."""
    stem = imperfect[1:]
    return (perfect, feminine or perfect + "ت", "ي" + stem, "ت" + stem, "سي" + stem, "ست" + stem)


#: Verbs whose object is a verbal noun naming an act of their own subject (أعلن الجيش قصف مواقع، قررت
#: الحكومة سحب قواتها، واصلت الطائرات قصف): after one of them, with or without its subject between, a
#: spelling that is both a past verb and a verbal noun is the noun, since a finite verb would need أن.
MASDAR_GOVERNORS = frozenset(w for forms in (
    _conjugations("اعلن", "يعلن"), _conjugations("قرر", "يقرر"), _conjugations("بدا", "يبدا", "بدات"),
    _conjugations("واصل", "يواصل"), _conjugations("استانف", "يستانف"), _conjugations("استكمل", "يستكمل"),
    _conjugations("انهي", "ينهي", "انهت"), _conjugations("رفض", "يرفض"), _conjugations("نفي", "ينفي", "نفت"),
    _conjugations("اكد", "يوكد"), _conjugations("اعتزم", "يعتزم"), _conjugations("حاول", "يحاول"),
    _conjugations("اعاد", "يعيد"), _conjugations("اقترح", "يقترح"), _conjugations("تولي", "يتولي", "تولت"),
    _conjugations("اوقف", "يوقف"), _conjugations("طالب", "يطالب"), _conjugations("تبني", "يتبني", "تبنت"),
) for w in forms)


def governs_masdar(key: str) -> bool:
    """Whether a word (a conjunction و/ف allowed) is one of `MASDAR_GOVERNORS`."""
    return key in MASDAR_GOVERNORS or (key[:1] in "وف" and key[1:] in MASDAR_GOVERNORS)


#: Verbs of managing to do something (تمكن من، نجح في، استطاع): their verbal-noun complement is an act that
#: their own subject achieved, so the subject between is its doer. Each with the preposition it takes.
_ABILITY = {w: prep for forms, prep in (
    (_conjugations("تمكن", "يتمكن"), "من"), (_conjugations("نجح", "ينجح"), "في"),
    (_conjugations("افلح", "يفلح"), "في"), (_conjugations("استطاع", "يستطيع"), ""),
) for w in forms}


def ability_preposition(key: str) -> str | None:
    """The preposition a verb of managing takes before its verbal noun ("" for none), or None for other
    words (a conjunction و/ف allowed)."""
    got = _ABILITY.get(key)
    if got is None and key[:1] in "وف":
        got = _ABILITY.get(key[1:])
    return got


def apposed(toks: list[Tok], ti: int, tj: int) -> bool:
    """Whether the name at tokens [ti, tj) stands in apposition between commas after the phrase before it
    (دعا الرئيس اليمني، فلان الفلاني، الأطراف): a comma before it, and a comma, a full stop or a colon (or the
    sentence's end) after it, which tells an apposition from a list of titles and names."""
    return ti >= 2 and toks[ti - 1].key in ("،", ",") and (tj >= len(toks) or toks[tj].key in ("،", ",", ".", ":"))


def waw_between(toks: list[Tok], a: int, b: int) -> bool:
    """A conjunction و among tokens a..b-1: what follows it is joined to what precedes (التقى الرئيسَ
    فلانًا ونظيرَه فلانًا: both are met; the second is no object of a titled subject)."""
    return any(toks[k].key == "و" or is_conjunction(toks[k].key) for k in range(a, b))
