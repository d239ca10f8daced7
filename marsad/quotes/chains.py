"""Title chains: how far a speaker phrase headed by a title, a source noun or a body runs, and its name.

News Arabic names a speaker by stacking titles before the name, each with its genitives, adjectives and
affiliation: «رئيس اللجنة الوطنية للمقاولين ورئيس اتحاد المقاولين العرب فهد الحمادي», «الناطق الإعلامي
بشرطة منطقة مكة المكرمة، العقيد دكتور عاطي بن عطية القرشي». The grammar that bounds such a chain is small:

* a construct chain (إضافة) runs over indefinite nouns until a definite one closes it (رئيس هيئة قناة
  السويس); after that only adjectives agree with it (الروسي، السابق، المكلف، الشريفين after الحرمين);
* an affiliation is a prepositional phrase (بمنطقة تبوك، في الشرطة الاتحادية، لدى مالي، لمحافظة القطيف)
  whose object is not a statement or an occasion (في بيان، في ختام زيارة، لوكالة ...): those are the
  circumstances of the statement, not part of who made it;
* a coordinated title (ورئيس ...) or, after a comma, a rank or title continues the chain;
* a rank or honorific (اللواء، العقيد، الشيخ، المهندس، الدكتور) announces a name; after a closed chain an
  indefinite word is the name in apposition (وزير الخارجية الروسي سيرغي لافروف);
* a name runs over its parts and particles (محمد بن سليمان، عبد الرحمن، رحمة الله) to one definite
  family name (الصقير); a person mention found by the entity stage bounds it when there is one.

`read_chain` returns where the chain ends, where its name is, and the body after باسم.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.kb.common_words import has_radical_waw, is_first_name, zipf
from marsad.quotes.lexicon import ADJ, COMPS, GPE, INSTITUTIONS, MEDIA, NQAL_MASDAR, TIME
from marsad.quotes.nouns import (
    AFFIL_NOUNS,
    AFFIL_PREPS,
    NAME_LINKS,
    NAME_SECONDS,
    OFFICES,
    RANKS,
    SOURCES,
    SPEAKING,
    STATEMENTS,
    WAW_WORDS,
    adjective,
    base,
)
from marsad.quotes.tokens import BOUND, CLOSE_QUOTES, COMMAS, OPEN_QUOTES, Tokens, definite
from marsad.text import normalize

MAX_CHAIN = 18  # tokens
MAX_NAME = 4  # indefinite parts of a name before its family name
COMMON_ZIPF = 4.7  # a word this frequent (Zipf) that no name list knows is a common word, not a name
_BASM = normalize("باسم")
_MIN = normalize("من")
_AN = normalize("عن")
_ALI = normalize("علي")
_AN_TAKERS = frozenset(normalize(w) for w in ("نائب", "نائبة", "مسؤول", "مسؤولة", "ممثل", "ممثلة", "مندوب"))
NAMED = frozenset(normalize(w) for w in ("يدعى", "تدعى", "يسمى", "تسمى", "اسمه", "اسمها", "يلقب", "الملقب"))
_FAMILY = frozenset(normalize(w) for w in ("آل", "ال"))
# Quantifiers whose من names the group they count (عدد من السياسيين، أحد الخبراء، مجموعة من النشطاء).
_PARTITIVE = frozenset(normalize(w) for w in ("عدد", "بعض", "أحد", "إحدى", "مجموعة", "كثير", "عشرات", "مئات",
                                               "آلاف", "جميع", "معظم", "غالبية", "عدد"))
_EMPHATIC = frozenset(normalize(w) for w in ("نفسه", "نفسها", "ذاته", "ذاتها", "نفسهم", "أنفسهم"))
_QAWL = frozenset(normalize(w) for w in ("بالقول", "قائلا", "قائلة"))
# Indefinite adjectives of an unnamed source (مصدر مطلع، مسؤول كبير، مصدر تابع لها).
_SOURCE_ADJ = frozenset(normalize(w) for w in (
    "مطلع", "مطلعة", "مطلعون", "مطلعين", "رفيع", "رفيعة", "كبير", "كبيرة", "كبار", "بارز", "بارزة", "مقرب",
    "مقربة", "مقربون", "قريب", "قريبة", "تابع", "تابعة", "تابعون", "تابعين", "سابق", "سابقة", "آخر", "أخرى",
    "آخرون", "مسؤول", "مسؤولة", "معارض", "معارضة", "موال", "موالية", "محلي", "محلية", "مختلفة", "عيان",
    "خاص", "خاصة", "مستقل", "مستقلة", "مطلعه", "عدة", "مختلف", "ميداني", "ميدانية"))
_TABI = frozenset(normalize(w) for w in ("تابع", "تابعة", "تابعون", "تابعين", "مقرب", "مقربة", "مقربون",
                                          "قريب", "قريبة", "موال", "موالية"))
# Kinds of phrase head.
PERSON, SOURCE, BODY = "person", "source", "body"
_BODIES = (INSTITUTIONS | MEDIA | (SPEAKING - GPE - SOURCES - OFFICES)) - GPE
_BODY_BASES = frozenset(base(k) for k in _BODIES)


@dataclass(slots=True)
class Chain:
    b: int  # end (exclusive)
    kind: str
    name: int | None = None
    name_b: int | None = None
    org: int | None = None
    emphatic: bool = False  # نفسه/ذاته: the phrase points back to someone named before


def head_kind(k: str) -> str | None:
    """The kind of phrase a head word opens: a person's title, an unnamed source, a body, or None."""
    if k in OFFICES:
        return PERSON
    if k in SOURCES:
        return SOURCE
    b = base(k)
    if b in SOURCES and k.startswith("ال"):
        return SOURCE
    if k in _BODIES or (k.startswith("ال") and b in _BODIES):
        return BODY
    return None


def hard_stop(tk: Tokens, j: int) -> bool:
    """A token no speaker phrase runs through: punctuation, a function word, a cue, a complementiser."""
    k = tk.keys[j]
    return (not tk.word[j] or not k or k in BOUND or k in COMPS or tk.cue[j] is not None or tk.attr[j]
            or k in NQAL_MASDAR or k in _QAWL)


def _is_digit(tk: Tokens, j: int) -> bool:
    return tk.raw[j][:1].isdigit()


def _conj(k: str) -> bool:
    """و here is the conjunction (والمواريث، وقال), not the first letter of the word (وزارة، وليد)."""
    return len(k) > 2 and k[0] == "و" and k not in WAW_WORDS and not has_radical_waw(k)


def _proper(tk: Tokens, j: int) -> bool:
    """A proper noun closes a construct chain (وزير خارجية روسيا | سيرغي): a listed place or a mention
    the entity stage found."""
    k = tk.keys[j]
    if k in GPE:
        return base(k) not in AFFIL_NOUNS  # جنوب | السودان: a compass word is not a name on its own
    m = tk.entity_at(j)
    return m is not None and m[1] == j + 1


def is_ali(tk: Tokens, t: int, lim: int) -> bool:
    """«علي» is the given name, not the preposition «على» (which it spells once normalised): written with
    ي, and a person mention starts there, or a name part follows and then what ends a name (an apposition
    title, a comma, a complementiser, a colon): «وقال علي أحمد مدير …»، «يدعى علي مطر أن …»."""
    if tk.keys[t] != _ALI or not tk.raw[t].endswith("ي") or t + 1 >= lim:
        return False
    m = tk.mention.get(t)
    if m is not None:
        return m[1] == "PER"
    u = t + 1
    k = tk.keys[u]
    if not tk.word[u] or hard_stop(tk, u) or k in OFFICES or k in RANKS or k in TIME or k[:1] in "بل" \
            or _is_digit(tk, u):
        return False
    u += 1
    if not definite(k) and u < lim and tk.word[u] and definite(tk.keys[u]) and tk.keys[u] not in OFFICES \
            and not hard_stop(tk, u):
        u += 1  # a family name
    return u >= lim or not tk.word[u] or tk.keys[u] in COMPS or tk.keys[u] in OFFICES or tk.keys[u] in RANKS


def read_name(tk: Tokens, j: int, lim: int, after_rank: bool = False) -> int | None:
    """The end of a person's name starting at token j, or None when no name starts there. A definite
    first part is a name only after a rank (الدكتور السيد البدوي)."""
    m = tk.mention.get(j)
    if m is not None and m[1] == "PER":
        end = m[0]
        while end < lim and tk.keys[end - 1] in NAME_LINKS and tk.word[end] and not hard_stop(tk, end):
            end += 1  # a mention cut after a particle: «نبيه آل» | إبراهيم، «عبد» | الله
        k = tk.keys[end] if end < lim else ""
        if end < lim and tk.word[end] and not hard_stop(tk, end) and k not in OFFICES and k not in RANKS \
                and k[:1] not in "لب" \
                and not definite(tk.keys[end - 1]) and k not in TIME and not accusative(tk.raw[end]) \
                and (definite(k) and not adjective(k)
                     or end + 1 >= lim or not tk.word[end + 1] or tk.keys[end + 1] in COMPS):
            end += 1  # the last part the tagger left out (أحمد داود | أوغلو بأنه، بشار | الأسد)
        return min(end, lim)
    keys = tk.keys
    t = j
    parts = 0
    while t < lim:
        k = keys[t]
        if k == _ALI and (t == j and is_ali(tk, t, lim) or parts and tk.raw[t].endswith("ي")
                          and (t + 1 >= lim or not tk.word[t + 1] or keys[t + 1] in COMPS)):
            parts += 1  # علي as a name part: علي مطر، محمد علي
            t += 1
            continue
        if hard_stop(tk, t) or _is_digit(tk, t) or k in TIME or _conj(k) or accusative(tk.raw[t]):
            break
        if parts == 0 and not after_rank and not _may_start_name(tk, t, lim):
            return None
        if parts == 0 and after_rank and definite(k) and k not in STATEMENTS:
            t += 1  # الدكتور السيد البدوي: after a rank even a title-like word is the name
            parts += 1
            continue
        if k in OFFICES or k in SOURCES or k in STATEMENTS or (k[:1] in "لب" and k[1:] in MEDIA):
            break
        if k.startswith(("بال", "لل")) or tk.raw[t].endswith("ـ"):
            break
        if k in NAME_LINKS:
            if t + 1 < lim and tk.word[t + 1] and not hard_stop(tk, t + 1):
                if k in _FAMILY and parts:
                    return t + 2  # آل إبراهيم: the family name ends the name
                t += 1
                continue
            break
        if definite(k):
            if parts and k in NAME_SECONDS:
                t += 1
                continue
            if parts == 0 and not after_rank:
                return None
            t += 1
            if parts == 0:
                parts += 1
                continue
            break  # the family name ends the name
        if k in RANKS or k in ADJ:
            break
        parts += 1
        t += 1
        if parts >= MAX_NAME:
            break
    return t if t > j else None


def accusative(raw: str) -> bool:
    """An indefinite accusative (مازحاً، رسمياً، سؤالاً): an adverb or circumstance, never a name part."""
    return raw.endswith(("اً", "ًا", "ً")) and len(raw) > 2


def _may_start_name(tk: Tokens, t: int, lim: int) -> bool:
    """Whether a word without a rank before it may be the first part of a name: not a frequent common
    word that no name list knows (المسؤول | صحة الشائعات، الوزير | دعم ...), not a ل-prefixed word."""
    k = tk.keys[t]
    if is_first_name(k):
        return True
    if k[:1] == "ل" and zipf(k[1:]) > zipf(k):
        return False  # عضو مجلس الشيوخ السابق | لخمس فترات (ليلى stays a name)
    if zipf(k) >= COMMON_ZIPF:
        return t + 1 < lim and tk.keys[t + 1] in NAME_SECONDS  # رحمة الله
    return True


def _pp_object_ok(tk: Tokens, t: int, stem: str | None = None) -> bool:
    """Whether token t (or its stem without a preposition) can be the object of an affiliation: a body or
    a place — a listed noun, a place name, or a mention the entity stage found — never a statement, an
    occasion, an outlet, a time or what was said (بجهود، من تداعيات، في بيانه، من جهته)."""
    if t >= tk.n or hard_stop(tk, t) and stem is None or _is_digit(tk, t):
        return False
    k = stem if stem is not None else tk.keys[t]
    b = base(k)
    if b in STATEMENTS or b in MEDIA or b in TIME or k in TIME:
        return False
    if _suffixed(tk.raw[t]) and not (b in AFFIL_NOUNS or k in GPE):
        return False
    if b in AFFIL_NOUNS or k in GPE or b in GPE or (b.endswith("ات") and b[:-2] + "ه" in AFFIL_NOUNS):
        return True
    m = tk.entity_at(t)
    return m is not None and m[2] in ("GPE", "LOC", "FAC", "ORG")


def _suffixed(raw: str) -> bool:
    """A noun carrying a possessive pronoun (جهته، بيانها، مصادرهم); taa marbuta (ة) is not one."""
    return len(raw) > 3 and raw.endswith(("ه", "ها", "هم", "هما"))


def affiliation(tk: Tokens, j: int, lim: int) -> int | None:
    """The end of an affiliation starting at token j (بمنطقة تبوك، في الشرطة العراقية، لدى مالي،
    لمحافظة القطيف، للمقاولين after a body), or None when token j does not start one."""
    k = tk.keys[j]
    if not tk.word[j] or tk.attr[j] or tk.cue[j] is not None:
        return None
    if k in AFFIL_PREPS:
        after_taker = tk.keys[j - 1] in _TABI or (k == _MIN and base(tk.keys[j - 1]) in _PARTITIVE)
        if j + 1 >= lim or not (_pp_object_ok(tk, j + 1) or after_taker and not hard_stop(tk, j + 1)):
            return None
        return noun_phrase_end(tk, j + 1, lim)
    if len(k) < 3 or k[0] not in "بل" or k in BOUND:
        return None
    stem = "ال" + k[3:] if k.startswith("بال") else "ال" + k[2:] if k.startswith("لل") else k[1:]
    if _pp_object_ok(tk, j, stem) or (k[0] == "ل" and _complement_taker(tk, j - 1)
                                     and base(stem) not in STATEMENTS and base(stem) not in MEDIA
                                     and not _suffixed(tk.raw[j])):
        return noun_phrase_end(tk, j, lim)
    return None


def _complement_taker(tk: Tokens, t: int) -> bool:
    """A word that takes a ل complement inside a speaker phrase: a body (اللجنة الوطنية للمقاولين،
    الرابطة التشادية لحقوق الإنسان: through its adjectives) or a participle (مؤيد للأكراد، موال للحكومة)."""
    while t > 0 and adjective(tk.keys[t]) and not tk.keys[t].startswith("الم"):
        t -= 1
    k = tk.keys[t]
    b = base(k)
    return b in INSTITUTIONS or b in _BODY_BASES or (k[:1] == "م" and not definite(k) and len(k) >= 4) or k in _TABI


def noun_phrase_end(tk: Tokens, j: int, lim: int) -> int:
    """The end of a plain noun phrase from token j: a construct chain closed by a definite word or a
    proper noun, then its adjectives (وزارة الدفاع العراقية، منطقة مكة المكرمة، حقوق الإنسان)."""
    keys = tk.keys
    t = j
    closed = definite(keys[t]) or keys[t].startswith(("بال", "لل")) or _proper(tk, t)
    t += 1
    while t < lim and t - j < 8:
        k = keys[t]
        if hard_stop(tk, t) or _conj(k) or k in RANKS or k in TIME:
            break
        if definite(k):
            if closed and not _agrees(keys[t - 1], k):
                break
            closed = True
        elif closed:
            break
        elif _proper(tk, t):
            closed = True
        elif k in OFFICES:
            break
        t += 1
    return t


def _agrees(prev: str, k: str) -> bool:
    """A definite word after a definite one is its adjective: a nisba, a listed or participial adjective,
    or one with the same plural or dual ending (الحرمين الشريفين، القوات المسلحة)."""
    if adjective(k):
        return True
    return definite(prev) and len(prev) > 4 and prev[-2:] == k[-2:] and k[-2:] in ("ين", "ان", "ات", "ون")


def read_chain(tk: Tokens, i: int, lim: int, kind: str, head: str) -> Chain:
    """The phrase headed by the title, source noun or body at token i (see the module doc); `head` is the
    head word's key without a leading preposition (للوزارة → الوزارة)."""
    if head in RANKS:
        t = i + 1
        while t < lim and (tk.keys[t] in RANKS or tk.raw[t] == "." and len(tk.keys[t - 1]) == 1
                           or t > i and adjective(tk.keys[t]) and t + 1 < lim and tk.word[t + 1]):
            t += 1  # الدكتور، د. (an abbreviation with its dot)، العميد البحري
        e = read_name(tk, t, lim, after_rank=True) if t < lim else None
        if e is not None:
            return Chain(e, kind, name=t, name_b=e)
    return _Reader(tk, i, lim, kind, definite(head) or _proper(tk, i)).run()


# What a rule says of the token it looked at: go on to the next token, stop the phrase, or not mine.
_GO, _STOP = True, False


class _Reader:
    """One title chain, token by token: each rule looks at the current token and moves `j` on."""

    def __init__(self, tk: Tokens, i: int, lim: int, kind: str, closed: bool) -> None:
        self.tk, self.i, self.lim, self.kind = tk, i, lim, kind
        self.ch = Chain(i + 1, kind)
        self.j = i + 1
        self.closed = closed  # the construct chain has its definite (or proper) end
        self.seen_adj = False  # an unnamed source has had an adjective: no genitive after it

    def run(self) -> Chain:
        rules = (self._mark, self._digit, self._basm, self._rank, self._person_mention, self._conj, self._named,
                 self._emphatic, self._source_word, self._an_affiliation, self._affiliation)
        while self.j < self.lim and self.j - self.i < MAX_CHAIN:
            verdict = None
            for rule in rules:
                verdict = rule()
                if verdict is not None:
                    break
            if verdict is None:
                verdict = self._word()
            if verdict is _STOP:
                break
        self.ch.b = self.j
        return self.ch

    def _name_at(self, t: int, after_rank: bool = False) -> bool:
        e = read_name(self.tk, t, self.lim, after_rank) if t < self.lim else None
        if e is None:
            return False
        self.ch.name, self.ch.name_b, self.j = t, e, e
        return True

    def _mark(self) -> bool | None:
        """Punctuation: a comma before a rank or title continues the chain (الناطق ...، العقيد ...;
        مستشار ...، أمير منطقة ...); a quoted name after a body is its name («لوفيجارو»)."""
        tk, j, keys = self.tk, self.j, self.tk.keys
        if tk.word[j]:
            return None
        raw = tk.raw[j]
        if raw in COMMAS and self.kind == PERSON and j + 1 < self.lim and (
                keys[j + 1] in RANKS or (keys[j + 1] in OFFICES and not definite(keys[j + 1]))):
            self.closed = definite(keys[j + 1])
            self.j = j + 1 if keys[j + 1] in RANKS else j + 2
            return _GO
        if raw in COMMAS and self.kind == PERSON and self.closed and self.ch.name is None:
            e = read_name(tk, j + 1, self.lim) if j + 1 < self.lim else None
            if e is not None and e < self.lim and (tk.raw[e] in COMMAS or tk.raw[e] == ":" or keys[e] in COMPS):
                self.ch.name, self.ch.name_b, self.j = j + 1, e, e  # عضو المجلس ...، محمد الربيعي، لـ...
                return _STOP
        if raw in OPEN_QUOTES and self.kind == BODY and self.ch.name is None:
            close = short_quote(tk, j, self.lim)
            if close is not None:
                self.ch.name, self.ch.name_b = j + 1, close
                self.j, self.closed = close + 1, True
                return _GO
        return _STOP

    def _digit(self) -> bool | None:
        """A number names a unit after its noun (الفرقة 30، اللواء 93)."""
        if not _is_digit(self.tk, self.j):
            return None
        if self.j == self.i + 1 or definite(self.tk.keys[self.j - 1]):
            self.j += 1
            return _GO
        return _STOP

    def _basm(self) -> bool | None:
        """المتحدث باسم + the body he speaks for."""
        if self.tk.keys[self.j] != _BASM:
            return None
        if self.j + 1 < self.lim and _pp_object_ok(self.tk, self.j + 1):
            self.ch.org = self.j + 1
            self.j = noun_phrase_end(self.tk, self.j + 1, self.lim)
            self.closed = True
            return _GO
        return _STOP

    def _rank(self) -> bool | None:
        """A rank or honorific inside a person's chain: the name follows it."""
        keys = self.tk.keys
        if self.kind != PERSON or keys[self.j] not in RANKS:
            return None
        t = self.j
        while t < self.lim and (keys[t] in RANKS or t > self.j and adjective(keys[t]) and t + 1 < self.lim):
            t += 1  # العميد البحري، اللواء الركن
        if self._name_at(t, after_rank=True) or self.closed:
            return _STOP
        self.j = t
        return _GO

    def _person_mention(self) -> bool | None:
        """A person the entity stage found, after a closed chain: the name."""
        if self.kind != PERSON or not self.closed or self.tk.mention.get(self.j, (0, ""))[1] != "PER":
            return None
        self._name_at(self.j)
        return _STOP

    def _conj(self) -> bool | None:
        """A coordinated title (... ورئيس اتحاد المقاولين العرب) or coordinated genitives (دائرة الأوقاف
        والمواريث) continue the chain; any other و ends it."""
        tk, j, keys = self.tk, self.j, self.tk.keys
        k = keys[j]
        if not _conj(k):
            return None
        rest = k[1:]
        if self.kind == PERSON and rest in OFFICES and self.ch.name is None:
            self.j += 1
            self.closed = definite(rest)
            return _GO
        if self.closed and definite(rest) and definite(keys[j - 1]) and self.kind != SOURCE \
                and j + 1 < self.lim and not hard_stop(tk, j + 1) and base(rest) not in OFFICES:
            self.j += 1
            return _GO
        return _STOP

    def _named(self) -> bool | None:
        """مهندس متطوع يدعى علي مطر: the name after «يدعى»."""
        if self.tk.keys[self.j] not in NAMED:
            return None
        if self.kind != BODY and self._name_at(self.j + 1):
            return _STOP
        return _STOP

    def _emphatic(self) -> bool | None:
        """… نفسه: the phrase points back to someone named before; it ends there."""
        if self.tk.keys[self.j] not in _EMPHATIC or not self.closed:
            return None
        self.ch.emphatic = True
        self.j += 1
        return _STOP

    def _source_word(self) -> bool | None:
        """An unnamed source's adjectives (مصدر مطلع، مصدر تابع لها): read before the cue check, since
        تابع is also a verb."""
        if self.kind != SOURCE:
            return None
        k = self.tk.keys[self.j]
        if self.tk.keys[self.j - 1] in _TABI and k[:1] == "ل":
            self.j += 1
            return _GO
        if not self.closed and k in _SOURCE_ADJ:
            self.seen_adj = True
            self.j += 1
            return _GO
        return None

    def _an_affiliation(self) -> bool | None:
        """النائب عن التيار المدني، المسؤول عن الورشة: عن after a representative names what he stands for."""
        if self.kind != PERSON or self.tk.keys[self.j] != _AN or base(self.tk.keys[self.j - 1]) not in _AN_TAKERS:
            return None
        if self.j + 1 >= self.lim or hard_stop(self.tk, self.j + 1):
            return _STOP
        self.j = noun_phrase_end(self.tk, self.j + 1, self.lim)
        self.closed = True
        return _GO

    def _affiliation(self) -> bool | None:
        """بمنطقة تبوك، في الشرطة الاتحادية، لدى مالي: part of who the speaker is."""
        if self.kind == BODY and not self.closed:
            return None
        aff = affiliation(self.tk, self.j, self.lim)
        if aff is None or aff <= self.j:
            return None
        self.j, self.closed = aff, True
        return _GO

    def _word(self) -> bool:
        """A genitive, an adjective, or after a closed chain the name in apposition."""
        tk, j = self.tk, self.j
        k = tk.keys[j]
        if self.kind == PERSON and self.closed and self.ch.name is None and is_ali(tk, j, self.lim):
            self._name_at(j)  # الوزير علي حسين
            return _STOP
        if hard_stop(tk, j):
            return _STOP
        if definite(k):
            if self.closed and not _agrees(tk.keys[j - 1], k):
                return _STOP
            self.closed = True
            self.j += 1
            return _GO
        if self.closed:
            if self.kind == PERSON and self.ch.name is None:
                self._name_at(j)
            elif self.kind == BODY and self.ch.name is None and tk.mention.get(j, (0, ""))[1] in ("ORG", "MISC"):
                e = tk.mention[j][0]
                self.ch.name, self.ch.name_b, self.j = j, e, e
            return _STOP
        if self.kind == SOURCE:
            if _indef_nisba(k):
                self.seen_adj = True
                self.j += 1
                return _GO
            if self.seen_adj:
                return _STOP
        if _suffixed(tk.raw[j]) and k not in NAME_LINKS:
            return _STOP  # أعلنت جماعة مسلحة | مسؤوليتها: a noun with a pronoun is the object, not a genitive
        self.j += 1
        if _proper(tk, j):
            self.closed = True
        return _GO


def _indef_nisba(k: str) -> bool:
    """An indefinite relational adjective (أمني، عسكري، سوري، عسكريون)."""
    return len(k) > 3 and k.endswith(("ي", "يه", "يون", "يين", "يان")) and not definite(k)


def short_quote(tk: Tokens, j: int, lim: int) -> int | None:
    """The closing mark of a quoted name of one to four words opened at token j («صحة مكة»)."""
    t = j + 1
    while t < lim and t - j <= 5:
        if tk.raw[t] in CLOSE_QUOTES or tk.raw[t] == tk.raw[j]:
            return t if t > j + 1 else None
        if not tk.word[t]:
            return None
        t += 1
    return None
