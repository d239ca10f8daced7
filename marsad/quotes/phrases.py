"""Speaker-like noun phrases: a small chunker that keeps a speaker to a title plus a name.

Both cue finding (the explicit subject next to a cue) and speaker resolution (clause subjects, the named
person behind an anaphoric title) need the same notion of "a phrase that can speak", so it lives here. The
chunker stops at prepositions, time words, relative pronouns, coordination and appositions
(الجنرال سيرغي رودسكوي | المسؤول عن ...), and reads gender and number off the head word so that
pro-drop continuations can be matched by agreement.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from marsad.kb.common_words import is_first_name, zipf
from marsad.quotes.chains import (
    BODY,
    NAMED,
    PERSON,
    SOURCE,
    accusative,
    head_kind,
    is_ali,
    read_chain,
    read_name,
    short_quote,
)
from marsad.quotes.lexicon import (
    ADJ,
    ANAPHORIC_TITLES,
    GPE,
    HUMAN_PLURALS,
    INSTITUTIONS,
    MASC_TAA,
    NONHUMAN_PLURALS,
    PREPS,
    TITLES,
)
from marsad.quotes.nouns import (
    AFFIL_PREPS,
    NAME_SECONDS,
    OFFICES,
    SOURCES,
    SPEAKING,
    STATEMENT_OF,
    WAW_WORDS,
    adjective,
    base,
    broken_plural,
)
from marsad.quotes.tokens import BOUND, CLOSE_QUOTES, OPEN_QUOTES, Tokens, definite, nisba
from marsad.text import normalize

MAX_SPEAKER = 9  # words
_MIN = normalize("من")
PRON_PREPS = frozenset(normalize(p + s) for p in ("في", "من", "عن", "ل", "ب", "على", "إلى", "مع", "لدى", "عند",
                                                   "منذ", "حول", "ضد", "بين")
                        for s in ("ه", "ها", "هم", "هما", "هن", "ي", "نا", "ك", "كم"))
DEMONSTRATIVES = frozenset(normalize(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك", "ذاك", "هذان",
                                                   "هاتان"))
_PRONOUNS = frozenset(normalize(w) for w in ("هو", "هي", "هم", "هما", "هن", "أنا", "نحن", "أنت", "أنتم"))
# Quantifiers: a phrase they head speaks only if what they count can (عدد من المسؤولين، أحد الخبراء).
QUANTIFIERS = frozenset(normalize(w) for w in ("عدد", "بعض", "أحد", "إحدى", "مجموعة", "كثير", "عشرات",
                                                "مئات", "آلاف", "جميع", "معظم", "غالبية", "كل"))
_ISSUED = frozenset(normalize(w) for w in ("صادر", "صادرة", "صدر", "الصادر", "الصادرة", "منسوب", "المنسوب"))
_FROM = frozenset(normalize(w) for w in ("عن", "من", "لـ"))
_FLEXIBLE = frozenset(normalize(w) for w in ("عدد", "بعض", "جميع", "كل", "معظم", "غالبية"))
_BASM = normalize("باسم")
# Outcomes of `_prefix_rule`: the token ends the phrase, or continues it as an indefinite genitive.
_STOP = "stop"
_GENITIVE = "genitive"


@dataclass(slots=True)
class NP:
    """A speaker-like noun phrase: token range, where its name starts (if any), agreement features."""

    a: int
    b: int  # exclusive
    name: int | None = None  # token index of the first proper-name word
    titled: bool = False
    gender: str = "m"
    number: str = "sg"
    anaphoric: bool = False
    org: int | None = None  # token index after باسم: the body an unnamed spokesperson speaks for
    name_b: int | None = None  # end of the name (exclusive) when the phrase has one; else b
    kind: str = ""  # person | source | body (a title chain, an unnamed source, an institution) or ""
    flexible: bool = False  # a broken plural or «عدد من»: agrees with a feminine singular or a plural verb
    emphatic: bool = False  # ... نفسه: points back to someone named before
    lead: int = 0  # letters of a preposition the first word carries outside the phrase (لوزارة → وزارة)


def agree(np: NP, feats: tuple[str, str]) -> bool:
    """Whether a phrase can be the subject of a verb inflected for (gender, number); duals count as plural.
    A broken plural (الفصائل، المصادر) takes a feminine singular verb or a plural one."""
    g, n = feats
    if np.flexible and (n == "pl" or g == "f"):
        return True
    return np.gender == g and (np.number == "pl") == (n == "pl")


def np_features(keys: list[str], np: NP, head: str | None = None) -> None:
    """Gender and number of a noun phrase from its head word: places and institutions are feminine and
    non-human plurals take feminine singular agreement; a broken plural or «عدد من» may take either."""
    first = head if head is not None else keys[np.a]
    head = first
    if first in _FLEXIBLE or (first not in TITLES and first not in HUMAN_PLURALS and broken_plural(first)):
        np.gender, np.number, np.flexible = "f", "sg", True
        if first in HUMAN_PLURALS:
            np.gender, np.number = "m", "pl"
        return
    if first in TITLES:
        np.gender, np.number = ("f" if first.endswith("ه") and first not in MASC_TAA else "m"), "sg"
        return
    if head in HUMAN_PLURALS or head.endswith("ون") or (definite(head) and head.endswith("ين") and len(head) > 5):
        np.gender, np.number = "m", "pl"
    elif len(head) >= 6 and head.endswith("يان") or (definite(head) and head.endswith("ان") and len(head) > 5
                                                     and head not in GPE):
        np.gender, np.number = "m", "pl"
    elif head in NONHUMAN_PLURALS or head.endswith("ات") or head in GPE:
        np.gender, np.number = "f", "sg"
    elif head.endswith("ه") and head not in MASC_TAA:
        np.gender, np.number = "f", "sg"
    else:
        np.gender, np.number = "m", "sg"


def _prefix_rule(tk: Tokens, j: int, k: str, count: int, state: str, lead_ok: bool) -> str | None:
    """Whether token j (key k, `count` words into the phrase) ends it or joins it as a genitive, judged
    from its class and its proclitics; None leaves the decision to the definiteness states."""
    if k in BOUND or tk.cue[j] is not None or tk.attr[j] or k in NAMED or (count > 0 and accusative(tk.raw[j])) \
            or (count > 0 and _verb_like(k)):
        return _STOP
    if count > 0 and len(k) > 2 and k[0] == "و" and not k.startswith("ول") and k not in WAW_WORDS:
        if k[1:] in HUMAN_PLURALS or k[1:] in SOURCES:
            return _GENITIVE  # coordinated groups of people: مشايخ وأهالي المحافظة
        return _STOP  # coordination ends the phrase
    if (count > 0 or not lead_ok) and (
            k.startswith("بال") or (k.startswith("لل") and ("ال" + k[2:]) not in INSTITUTIONS)):
        return _STOP
    if count > 0 and state == "indef" and tk.keys[j - 1].endswith(("نا", "ها", "هم", "هما")) and k[0] in "بلك":
        return _STOP  # a head with a pronoun suffix (مصادرنا) takes no genitive
    if k[0] in "لب" and count > 0 and not definite(k):
        if k[0] == "ل" and k[1:] in INSTITUTIONS:
            return _GENITIVE
        return _STOP  # فابيوس | لوسائل إعلام، لافروف | لصحيفة: a name takes no prepositional phrase
    if k.startswith("لل"):
        return _GENITIVE
    return None


def _after_definite(k: str, state: str, titled: bool, prev_title: bool, is_title: bool) -> tuple[str, bool] | None:
    """Next (state, titled) on a definite word inside the phrase, or None where it ends the phrase: a title
    word after a name is an apposition, a name may carry one definite family name (بشار الأسد)."""
    if state == "indef":
        if is_title and not prev_title:
            return None  # apposition: رودسكوي | المسؤول
        if k in NAME_SECONDS:
            return "indef", titled  # the second part of a compound name: رحمة الله، عبد الرحمن
        return "def", titled
    if state == "def":
        if not (adjective(k) or (titled and is_title)):
            return None
        return "def", titled or is_title
    if state == "name":
        if is_title or k in ADJ:
            return None
        return ("name" if k in NAME_SECONDS else "fam"), titled  # رحمة الله يوسف: the name goes on
    return None  # fam: nothing follows a family name


def _after_indefinite(tk: Tokens, j: int, state: str, titled: bool, name: int | None, prev_title: bool,
                      is_title: bool) -> tuple[str, bool, int | None] | None:
    """Next (state, titled, name) on an indefinite word inside the phrase, or None where it ends it: after a
    definite title it starts the name, after an indefinite title it is a genitive or the name."""
    if state in ("indef", "name") and tk.keys[j - 1] in GPE:
        return None  # a place name is complete in one word: موسكو | أبقت
    if state == "def":
        if not titled:
            return None
        state = "name"
        name = j if name is None else name
    elif state == "fam":
        return None
    elif state == "name":
        pass
    elif titled and name is None and not is_title and not prev_title:
        name = j  # indef: a genitive, an indefinite adjective or the next part of a name
        state = "name"
    return state, titled or is_title, name


def chunk(tk: Tokens, i: int, lim: int, lead_ok: bool = False) -> NP | None:
    """The speaker-like noun phrase starting at token i (ending before lim), or None.

    A phrase headed by a title, a source noun or a body is read as a title chain (`marsad.quotes.chains`):
    its genitives, adjectives, affiliations and coordinated titles, up to the name at its end. Any other
    phrase is a name or a plain noun: a name may carry one definite family name (بشار الأسد، ناجي السامعي)
    but a title word after a name is an apposition and ends the phrase. `lead_ok` lets the first word carry
    بال/لل/ل/ب or و (after بحسب: وفقاً للوزارة; an antecedent: ووزير الخارجية ...).
    """
    if i >= lim or i >= tk.n or not tk.word[i] or not tk.keys[i]:
        return None
    key = (i, lim, lead_ok)
    cache = tk.phrases
    if key in cache:
        return cache[key]  # shared: callers never change a phrase, they `replace` it
    np = _chunk(tk, i, lim, lead_ok)
    cache[key] = np
    return np


def _chunk(tk: Tokens, i: int, lim: int, lead_ok: bool) -> NP | None:
    k0 = tk.keys[i]
    if is_ali(tk, i, lim):
        e = read_name(tk, i, lim)  # وقال علي أحمد مدير ...: the name علي, not the preposition على
        np = NP(i, e or i + 1, name=i, name_b=e or i + 1)
        return np
    if k0 in BOUND or tk.cue[i] is not None or tk.attr[i] or (not lead_ok and _never_subject(tk, i)):
        return None
    head = _lead_stripped(k0) if lead_ok else k0
    kind = head_kind(head)
    if kind is None and _profession(tk, i, lim, head):
        kind = PERSON  # الروائية سعاد الحربي: a nisba noun of profession before a name
    if kind is None:
        np = _plain(tk, i, lim, lead_ok)
        if np is not None and np.b + 1 < lim and tk.keys[np.b] in NAMED:
            e = read_name(tk, np.b + 1, lim)
            if e is not None:  # صياد يدعى حسن البلوشي
                np.name, np.name_b, np.b, np.kind, np.titled = np.b + 1, e, e, PERSON, True
        return np
    ch = read_chain(tk, i, lim, kind, head)
    np = NP(i, ch.b, name=ch.name, titled=kind == PERSON, org=ch.org, name_b=ch.name_b, kind=kind,
            emphatic=ch.emphatic)
    if head != k0 and k0[:1] in "لب" and not k0.startswith("لل"):
        np.lead = 1  # وفقاً لوزارة الصحة: the speaker is «وزارة الصحة»
    np_features(tk.keys, np, head)
    if kind == PERSON:
        np.gender = "f" if _feminine_raw(tk.raw[i]) else "m"
    # a title, a definite source or a body with no name may stand for one named before (وزير الخارجية
    # الإيطالي، المصدر، الوزارة): speaker resolution looks for the fuller phrase
    np.anaphoric = ch.name is None and (kind != SOURCE or definite(head))
    return np


def _profession(tk: Tokens, i: int, lim: int, head: str) -> bool:
    """A definite nisba noun (الروائية، الإعلامي، الأكاديمية) followed by a person's name: a title."""
    if not definite(head) or not head.endswith(("ي", "يه")) or i + 1 >= lim or head in GPE:
        return False
    m = tk.mention.get(i + 1)
    if m is not None:
        return m[1] == "PER"
    k = tk.keys[i + 1]
    return tk.word[i + 1] and not definite(k) and k not in BOUND and tk.cue[i + 1] is None and not tk.attr[i + 1] \
        and read_name(tk, i + 1, lim) is not None and not _never_subject(tk, i + 1)


def _feminine_raw(raw: str) -> bool:
    """A title or kinship word in the feminine: it ends in taa marbuta (المتحدثة، الوزيرة) or carries a
    pronoun after it (زوجته، شقيقتها); a bare ه is the masculine pronoun (ابنه)."""
    w = raw.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return w.endswith(("ة", "ـة")) or (len(w) > 4 and w.endswith(("ته", "تها", "تهم", "تهما")))


def _lead_stripped(k: str) -> str:
    """A head word without the preposition or conjunction it carries (للوزارة → الوزارة، ووزير → وزير)."""
    if k.startswith("لل") and len(k) > 3:
        return "ال" + k[2:]
    if k.startswith("بال") and len(k) > 4:
        return k[1:]
    if len(k) > 3 and k[0] in "لبوف" and (k[1:] in TITLES or head_kind(k[1:]) is not None):
        return k[1:]
    return k


def _never_subject(tk: Tokens, i: int) -> bool:
    """A word that cannot open a subject: a preposition with a pronoun (فيه، منها، لديه)، a pronoun or a
    preposition with a conjunction (فهو، ومن جانبه، وعن ذلك), a noun inside a prepositional phrase
    (بإصبعه، لصحيفة، بالاتفاق، للجامعة)."""
    k, raw = tk.keys[i], tk.raw[i]
    if k in PRON_PREPS or k in _PRONOUNS or k in DEMONSTRATIVES:
        return True
    if len(k) > 2 and k[0] in "وف" and (k[1:] in PREPS or k[1:] in PRON_PREPS or k[1:] in _PRONOUNS):
        return True
    if k.startswith(("بال", "لل")) or accusative(raw) or _verb_like(k):
        return True  # بالاتفاق، تماماً، ضمناً، ينتمون
    if len(k) > 3 and k[0] in "لب" and k not in WAW_WORDS:
        # لصحيفة، بإصبعه، بهذا الخصوص، لفتاة: a preposition and its noun (لافروف، بوتين are names)
        m = tk.mention.get(i)
        if m is not None and m[1] in ("PER", "ORG", "GPE") or is_first_name(k) or k in GPE:
            return False
        stem = k[1:]
        return (raw.endswith(("ه", "ها", "هم")) or head_kind(stem) is not None or stem in GPE
                or stem.startswith("ال") or stem in DEMONSTRATIVES or zipf(stem) > max(zipf(k), 3.5))
    return False


def _verb_like(k: str) -> bool:
    """An imperfect plural or dual (ينتمون، تقولان): a verb, never part of a speaker phrase."""
    return len(k) >= 5 and k[0] in "يت" and k.endswith(("ون", "ان")) and k not in GPE


def _plain(tk: Tokens, i: int, lim: int, lead_ok: bool) -> NP | None:
    """A phrase whose head is not a title, a source or a body: a name, a place or a plain noun. Where the
    entity stage found a person, place or organisation at the head, its mention bounds the phrase."""
    m = tk.mention.get(i)
    if m is not None and not lead_ok and m[0] <= lim:
        end = read_name(tk, i, lim) if m[1] == "PER" else m[0]
        np = NP(i, end or m[0], name=i)
        np_features(tk.keys, np)
        return np
    keys, words = tk.keys, tk.word
    j = i
    state = ""
    titled = False
    name: int | None = None
    org: int | None = None
    prev_title = False
    count = 0
    while j < lim and count < MAX_SPEAKER:
        k = keys[j]
        if not words[j] or not k:  # a token of only marks or tatweel normalises to nothing
            break
        if k == _BASM and count > 0:
            j += 1
            count += 1
            state = "indef"
            org = j
            prev_title = False
            continue
        rule = _prefix_rule(tk, j, k, count, state, lead_ok)
        if rule is _STOP:
            break
        if rule is _GENITIVE:
            state = "indef"
            j += 1
            count += 1
            continue
        is_title = k in TITLES
        if count > 0 and k in OFFICES and not definite(k):
            break  # an apposition after a name: مناف أبو شقير | مدير الكرة
        if count == 0:
            titled = is_title
            state = "def" if definite(k) else "indef"
        elif definite(k):
            step = _after_definite(k, state, titled, prev_title, is_title)
            if step is None:
                break
            state, titled = step
        else:
            step2 = _after_indefinite(tk, j, state, titled, name, prev_title, is_title)
            if step2 is None:
                break
            state, titled, name = step2
        prev_title = is_title
        j += 1
        count += 1
    if j == i:
        return None
    return _finish(keys, i, j, name, titled, org)


def _finish(keys: list[str], i: int, j: int, name: int | None, titled: bool, org: int | None) -> NP:
    """The phrase over tokens i..j-1 with its agreement features and whether it is an anaphoric title."""
    np = NP(i, j, name=name, titled=titled, org=org)
    if name is None and not titled and not definite(keys[i]) and org is None:
        np.name = i  # an indefinite head with no title: a bare name (لافروف، دي ميستورا) or a common noun
    np_features(keys, np)
    if (keys[i] in ANAPHORIC_TITLES and definite(keys[i]) and name is None and org is None
            and all(nisba(keys[t]) or keys[t] in TITLES for t in range(i + 1, j))):
        np.anaphoric = True
    return np


def np_before(tk: Tokens, i: int, lo: int) -> NP | None:
    """The noun phrase ending right before token i (an SVO subject or a relative clause's head); a title
    chain may hold an affiliation (مصادر في الشرطة العراقية قالت ...)."""
    b = i
    steps = 0
    while b > lo and steps < 14:
        k = tk.keys[b - 1]
        if tk.raw[b - 1] in CLOSE_QUOTES and steps == 0:
            o = _open_before(tk, b - 1, lo)  # وكانت شبكة «الجزيرة» قد ذكرت: a quoted name
            if o is not None:
                steps += b - o
                b = o
                continue
        if not tk.word[b - 1] or (k in BOUND and k not in AFFIL_PREPS) or tk.cue[b - 1] is not None \
                or tk.attr[b - 1]:
            break
        b -= 1
        steps += 1
    for a in range(b, i):
        if len(tk.keys[a]) > 2 and tk.keys[a][0] == "و" and tk.keys[a] not in WAW_WORDS:
            return None  # a conjunct (… ومدير أعماله كشف) or a verb (وأصدرت بيانا قالت): not the subject
        np = chunk(tk, a, i)
        if np is not None and np.b == i:
            return np
        if np is not None and np.b == i - 1 and tk.keys[i - 1][:1] in "بل" and tk.word[i - 1]:
            return replace(np, b=i)
    return None


def _open_before(tk: Tokens, c: int, lo: int) -> int | None:
    """The opening mark of a short quotation closed at token c."""
    for t in range(c - 1, max(lo, c - 6) - 1, -1):
        if tk.raw[t] in OPEN_QUOTES:
            return t
        if not tk.word[t]:
            return None
    return None


def speakable(tk: Tokens, np: NP) -> bool:
    """Whether a phrase names someone who can make a statement: a title chain, a source, a body, a place,
    a speaking noun, or a person or organisation the entity stage found at its head."""
    k = _lead_stripped(tk.keys[np.a])
    if base(k) in QUANTIFIERS:
        # عدد من السياسيين، بعض المسؤولين، أحد الخبراء: as the group counted; بعض الأرقام is no one
        t = np.a + 1
        if t < np.b and tk.keys[t] == _MIN:
            t += 1
        inner = chunk(tk, t, np.b) if t < np.b else None
        if inner is None or base(tk.keys[inner.a]) in QUANTIFIERS:
            return False
        b = base(tk.keys[inner.a])
        return speakable(tk, inner) or (len(b) >= 5 and b.endswith(("ون", "ين")))  # أحد المزارعين
    if np.kind:
        return True
    if k in GPE or k in SPEAKING or k in TITLES or k in HUMAN_PLURALS:
        return True
    if any(w[1:] in HUMAN_PLURALS or w[1:] in SOURCES for w in tk.keys[np.a + 1:np.b] if w[:1] == "و"):
        return True  # وجهاء وأهالي القرية
    m = tk.entity_at(np.a)
    if m is not None:
        return m[2] in ("PER", "ORG", "GPE")
    return np.name == np.a and is_first_name(k)  # سعد المطيري: a listed first name opens a person's name


def quoted_name(tk: Tokens, j: int, lim: int) -> NP | None:
    """A body named in quotation marks (وأشارت «صحة مكة» إلى أن ...): one to four words."""
    if j >= lim or tk.raw[j] not in OPEN_QUOTES:
        return None
    close = short_quote(tk, j, lim)
    if close is None:
        return None
    np = NP(j, close + 1, name=j + 1, name_b=close, kind=BODY)
    np_features(tk.keys, np, tk.keys[j + 1])
    return np


def statement_source(tk: Tokens, np: NP, lim: int) -> NP | None:
    """The source behind a statement noun: بيان الوزارة، بيان صدر عن مكتب الحاكم، بيان للجيش، قول أحد
    الخبراء، تقرير لمنظمة العفو. None when the phrase is not headed by one or names no source."""
    k = tk.keys[np.a]
    if base(k) not in STATEMENT_OF and k not in STATEMENT_OF:
        return None
    t = np.a + 1
    while t < lim and tk.word[t] and (tk.keys[t] in _ISSUED or adjective(tk.keys[t]) or _indef_adj(tk.keys[t])):
        t += 1  # بيان صادر عن، بيان رسمي صدر عن
    if t < lim and tk.keys[t] in _FROM:
        t += 1
    if t >= lim or not tk.word[t]:
        return None
    src = chunk(tk, t, lim, lead_ok=True)
    if src is None or not speakable(tk, src):
        return None
    return src


def _indef_adj(k: str) -> bool:
    return len(k) > 3 and k.endswith(("ي", "يه")) and not definite(k)
