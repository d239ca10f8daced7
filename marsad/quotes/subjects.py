"""The subject of a reporting verb: who the sentence says spoke, before anaphora and pro-drop are resolved.

Arabic word order gives the rules:

* VSO: the subject follows the verb (وقال وزير الخارجية ...). A verb before its subject stays singular,
  so a plural or dual verb (قالوا، حثوا، أكدا) has no subject after it: the phrase there is its object;
  a feminine verb with a masculine definite singular after it (ودعت المجتمع الدولي) likewise.
* SVO: a pronoun (هو، لكنه)، a noun after إنّ/أنّ (فإنّ الوحدات الكردية نفت ...) or a phrase before the verb
  (لكن كثيرين حثوا ...) is the subject.
* In a relative clause (الصقلاوية التي قالت القوات العراقية: إنها ...) a phrase after the verb that can speak
  is the verb's own subject; otherwise the relative's head is (الوزارة التي أكدت أن ...).
* A statement noun speaks for its source (أعلن بيان صدر عن مكتب الحاكم ← مكتب الحاكم); a body may be named
  in quotation marks (وأشارت «صحة مكة» إلى أن ...).
* For a verb whose object comes before its content (اتهم X Y بـ، حث X Y على), a name right before the
  content preposition after a title chain is the object, not the end of the chain (واتهم زعيم حزب معارض
  مؤيد للأكراد اردوغان بشن ...).
* The verb's inflection gives an explicit singular subject its gender (وقالت هلال إلفر: a woman).
"""

from __future__ import annotations

from dataclasses import replace

from marsad.quotes.chains import PERSON
from marsad.quotes.lexicon import (
    COMPS,
    GPE,
    MEDIA,
    NONHUMAN_PLURALS,
    OBJ_VERBS,
    PRONOUNS,
    REL,
    SKIP_ADV,
    TIME,
    CueForm,
)
from marsad.quotes.nouns import OBJ_FIRST, RANKS, STATEMENT_OF, base
from marsad.quotes.phrases import NP, PRON_PREPS, chunk, np_before, quoted_name, speakable, statement_source
from marsad.quotes.tokens import BOUND, CLOSE_QUOTES, COMMAS, OPEN_QUOTES, Tokens, definite, skip_adv
from marsad.text import normalize

_MIN = normalize("من")
_LI = frozenset(normalize(w) for w in ("ل", "لـ"))
_HIN = normalize("حين")
_BARE_AN = frozenset(normalize(w) for w in ("أن", "ان"))
_SABAQA = frozenset(normalize(w) for w in ("سبق", "وسبق", "فسبق"))
_INNA = frozenset(normalize(w) for w in ("إن", "أن", "فإن", "وإن", "لأن", "بأن", "وأن"))


def verb_subject(tk: Tokens, i: int, form: CueForm, procl: bool,
                 backward: bool) -> tuple[NP | None, tuple[str, str] | None, int, bool]:
    """The subject of the verb at token i: (explicit phrase, pronoun features, token where the search for
    the content starts, whether the subject precedes the verb after إنّ)."""
    s_a, s_b = tk.sent_rng[tk.sent_of[i]]
    keys = tk.keys
    prev = keys[i - 1] if i > s_a else ""
    np: NP | None = None
    pro: tuple[str, str] | None = None
    j = skip_adv(tk, i + 1, s_b)
    while j < s_b and tk.keys[j] in PRON_PREPS:
        j = skip_adv(tk, j + 1, s_b)  # في وقت قال فيه متحدث رسمي ...: the pronoun points back to the time
    j = _past_outlet(tk, j, s_b)
    after = j
    svo = False
    if prev in PRONOUNS and not procl:
        pro = PRONOUNS[prev]
    elif prev in REL and i - 1 > s_a:
        own = _post_verbal(tk, j, s_b, form, procl)
        if own is not None and speakable(tk, own):
            np, after = own, own.b  # الصقلاوية التي قالت القوات العراقية: ...
        else:
            np = np_before(tk, i - 1, s_a)
    if np is None and pro is None and not procl and i > s_a and not backward:
        topic = _after_inna(tk, i, s_a) or _sabaqa(tk, i, s_a)
        if topic is not None:
            np, svo = topic, True
    if np is None and pro is None:
        cand = _post_verbal(tk, j, s_b, form, procl)
        if cand is not None:
            np, after = cand, cand.b
        elif not procl and i > s_a and not backward and (form.number == "pl" or chunk(tk, j, s_b) is None):
            b = i  # no subject after the verb (or an object after a plural verb): one before it
            while b > s_a and (keys[b - 1] in SKIP_ADV or keys[b - 1] in TIME or tk.raw[b - 1] in COMMAS):
                b -= 1
            np = np_before(tk, b, s_a)
            if np is not None and not speakable(tk, np) and base(tk.keys[np.a]) not in STATEMENT_OF:
                np = None  # ... من العمالة شدد على: a noun that cannot speak is not the subject
    if np is not None:
        src = statement_source(tk, np, s_b)
        if src is not None:
            np = src
            after = max(after, src.b)
        np = _take_gender(np, form)
    return np, pro, after, svo


def _past_outlet(tk: Tokens, j: int, s_b: int) -> int:
    """Past an outlet named between the verb and its subject (قال لـ«الاقتصادية» مسؤول ...، وأوضح
    لصحيفة «الحياة»، ألكس فولر ...): the subject follows it, when one that can speak does."""
    k = tk.keys[j] if j < s_b else ""
    if not (k in _LI or k[:1] == "ل" and base(k[1:]) in MEDIA):
        return j
    t = j + 1
    while t < s_b and t - j <= 8:
        if tk.raw[t] in CLOSE_QUOTES or tk.raw[t] in COMMAS:
            u = t + 1
            if u < s_b and tk.raw[u] in COMMAS:
                u += 1
            np = chunk(tk, u, s_b) if u < s_b else None
            return u if np is not None and speakable(tk, np) else j
        if tk.keys[t] in COMPS or tk.cue[t] is not None:
            break
        t += 1
    return j


def _post_verbal(tk: Tokens, j: int, s_b: int, form: CueForm, procl: bool) -> NP | None:
    """The subject after a verb (j: the first token after it and its adverbs), or None when the phrase
    there is the verb's object or there is none."""
    if form.number == "pl":
        return None  # قالوا، حثوا أنقرة: a verb before its subject is singular
    q = quoted_name(tk, j, s_b)
    if q is not None:
        nxt = q.b
        if nxt < s_b and (tk.keys[nxt] in COMPS or tk.raw[nxt] == ":" or tk.keys[nxt] in form.preps):
            return q
        return None
    k = tk.keys[j] if j < s_b else ""
    if len(k) > 2 and k[0] in "بل" and _content_prep(k[0], form) and tk.mention.get(j, (0, ""))[1] != "PER":
        return None  # يفيد بنشوب حريق: the content, not a subject
    cand = chunk(tk, j, s_b)
    if cand is None or _disagrees(tk, cand, form, procl):
        return None
    if form.lemma in OBJ_VERBS and not speakable(tk, cand) and cand.b < s_b \
            and _content_prep(tk.keys[cand.b], form):
        return None  # ودعت الأطراف المتنازعة إلى ...، يصف الصفقة بأنها: a common noun before the content
    if form.direct_object and not cand.kind and cand.b - cand.a > 1 and not speakable(tk, cand) \
            and tk.raw[cand.b - 1].endswith(("ه", "ها", "هم")):
        return None  # فيما أكدت استمرار جهودها: the object
    if cand.kind == PERSON and cand.name is not None and not _ranked(tk, cand.name):
        e = cand.name_b if cand.name_b is not None else cand.b
        m_end = tk.mention[cand.name][0] if cand.name in tk.mention else cand.name + 1
        for t in range(max(cand.name + 1, m_end), e):
            if _content_prep(tk.keys[t], form):
                cand = replace(cand, b=t, name_b=t)  # a name never runs into the content: نتنياهو | بإهدار
                e = t
                break
        k = tk.keys[cand.name]
        # the name is the object (اتهم زعيم حزب ... اردوغان بشن) or the content itself (وأشاد الوزير
        # بجهود ...): what follows the title is the verb's, not a name
        obj = form.lemma in OBJ_FIRST and cand.name > cand.a + 1 and e < s_b and _content_prep(tk.keys[e], form)
        content = (len(k) > 2 and k[0] in "بل" and _content_prep(k[0], form)
                   and tk.mention.get(cand.name, (0, ""))[1] != "PER")
        if obj or content:
            return chunk(tk, cand.a, cand.name)
    return cand


def _content_prep(k: str, form: CueForm) -> bool:
    """k is, or begins with, a preposition that opens this verb's content."""
    return k in form.preps or ("ب" in form.preps and k.startswith("ب")) or (k == "ل" and "ل" in form.preps)


def _ranked(tk: Tokens, name: int) -> bool:
    """A rank or honorific stands right before the name (اللواء محمد): it is the chain's own name."""
    return name > 0 and tk.keys[name - 1] in RANKS


def _sabaqa(tk: Tokens, i: int, s_a: int) -> NP | None:
    """كما سبق للرئيس إدريس ديبي أن حذر ...: the one for whom «it came before» is the subject."""
    if i - 2 <= s_a or tk.keys[i - 1] not in _BARE_AN:
        return None
    for t in range(i - 2, max(s_a, i - 12), -1):
        if tk.keys[t] in _SABAQA and t + 1 < i - 1 and tk.keys[t + 1][:1] == "ل":
            np = chunk(tk, t + 1, i - 1, lead_ok=True)
            return np if np is not None and np.b == i - 1 else None
    return None


def _take_gender(np: NP, form: CueForm) -> NP:
    """A singular explicit subject has the verb's gender (وقالت هلال إلفر)."""
    if form.kind == "verb" and form.number == "sg" and np.number == "sg" and not np.flexible \
            and np.gender != form.gender:
        return replace(np, gender=form.gender)
    return np


def _after_inna(tk: Tokens, i: int, s_a: int) -> NP | None:
    """The noun phrase between إنّ/أنّ (and its forms with ف، و، ل، ب) and the verb at token i."""
    keys = tk.keys
    b = i
    while b > s_a and (keys[b - 1] in SKIP_ADV or keys[b - 1] in TIME):
        b -= 1
    np = np_before(tk, b, s_a)
    if np is not None and np.a - 1 > s_a and keys[np.a - 1] == _MIN:
        # a partitive head («الوحدات الكردية من قوات سورية الديمقراطية»): the subject starts at the head
        k = np.a - 2
        while (k > s_a and np.a - 1 - k <= 4 and tk.word[k] and keys[k] not in BOUND
               and keys[k] not in _INNA):
            k -= 1
        if keys[k] in _INNA and k < np.a - 2:
            np = replace(np, a=k + 1)
    if np is None or np.a - 1 < s_a or keys[np.a - 1] not in _INNA:
        return None
    return np


def _disagrees(tk: Tokens, np: NP, form: CueForm, procl: bool) -> bool:
    """A phrase after a verb that cannot be its subject (ودعت المجتمع الدولي إلى ...): gender clash
    with a definite, unambiguous head, which makes it the object of a pro-drop verb."""
    head = tk.keys[np.a]
    if tk.raw[np.a] in OPEN_QUOTES or np.flexible:
        return False
    if not definite(head) or head in GPE or np.titled and np.gender == form.gender:
        return False
    if form.gender == "f" and np.gender == "m" and np.number == "sg":
        return True
    return procl and form.gender == "m" and np.gender == "f" and head not in NONHUMAN_PLURALS
