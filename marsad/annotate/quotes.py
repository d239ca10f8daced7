"""Attributed quotes: who said what, in Arabic news, as spans into `Document.text`.

News Arabic marks reported speech with a closed class of cues (قال، أكد، نفى، أعلن، دعا ...; circumstantial
participles مؤكداً، مشيرةً; attribution prepositions بحسب، وفقاً لـ; نقلت X عن Y قوله) followed by a
complementiser (إن/أن/بأن), a colon, a quotation mark or, for some verbs, a preposition or object that opens
a nominal content (أشار إلى وجود ...). That makes a rule system over tokens both accurate and fast enough to
run on every article: no model, one dict lookup per token, work only around the few cue tokens.

What the rules have to get right, and how:

* Word order. The subject usually follows the verb (VSO: وقال لافروف إن), may precede it (SVO after لكن،
  غير أن، أما or at sentence start: هيئة الأركان اشارت إلى أن), or be absent (pro-drop continuations وأضاف،
  وتابعت، participles). A small noun-phrase chunker keeps the speaker to a title plus name
  (وزير الخارجية الروسي سيرغي لافروف), stopping at prepositions, time words, relative pronouns and appositions
  (الجنرال سيرغي رودسكوي | المسؤول عن ...).
* Continuations are resolved by agreement: the cue's inflection gives gender and number (أضاف/أضافت/أضافوا),
  a VSO verb's gender says what its subject was, and places and institutions are feminine (روسيا، الوزارة)
  while non-human plurals take feminine singular (مصادر ... مشيرة). Candidates are earlier speakers and the
  subjects of nearby clauses (لكن موسكو أبقت ... وقالت إن ← موسكو), nearest first.
* Anaphoric titles (وقال المسؤول العسكري، الوسيط الأممي) are linked to the named person introduced earlier with
  the same title word, so the speaker is the person, not the description.
* Quote inside a quote: a cue with its own subject inside another quote's content (أوضح بورقيبة أن الرجل أكد
  أنه ...) yields a second, nested quote; the outer content is not cut there. A coordinated cue (…، وأوضح)
  or a participle (…، مؤكداً) starts a new quote and ends the previous content.
* Negation: `لم ينفِ` is not a denial; it is reported as `assert` (the speaker let the claim stand) with
  `cue.negated = true`. Any other negated cue (لم يؤكد، لم يتهم، لم يشر إلى) reports that something was *not*
  said, so it produces no quote.

Speakers link to `doc.entities` when an entity stage ran (the mention overlapping the speaker's name, or the
organisation after باسم for an unnamed spokesperson); otherwise `speaker.entity` is None and the span stands
alone. For continuations and anaphoric titles the speaker span is the antecedent's, so text and entity
always name the person or body that spoke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from marsad.annotate.pipeline import register
from marsad.document import Document, Quote
from marsad.quotes.lexicon import (
    ADJ,
    ANAPHORIC_TITLES,
    ATTRIB,
    ATTRIB_MA,
    BARE_COMPS,
    COMPS,
    CUES,
    GPE,
    HUMAN_PLURALS,
    IMPERFECT,
    INSTITUTIONS,
    MARKER_REQUIRED,
    MASC_TAA,
    MEDIA,
    NEG,
    NONHUMAN_PLURALS,
    NQAL_MASDAR,
    OPENERS,
    PREPS,
    PRONOUNS,
    REL,
    SKIP_ADV,
    TIME,
    TITLES,
    CueForm,
)
from marsad.text import normalize, sentences
from marsad.text.segment import TOKEN_PATTERN as _TOKEN

_OPEN_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“", "‹": "›"}
_CLOSE_QUOTES = frozenset("»”\"›″")
_PUNCT_BOUND = frozenset("،,;؛.!?؟:()[]{}«»“”\"–—-|/…")
_TRIM = " \t\n\r،,.;؛:!?؟-–—"
_WORD0 = re.compile(r"[^\W_]")
_SHORT_QUOTE = 4  # a quoted segment of at most this many words after a preposition is a name (لـ"عين اليوم")
_WINDOW = 30  # tokens after the cue in which the content must open
_MAX_SPEAKER = 9  # words
_BOUND = PREPS | COMPS | TIME | REL | OPENERS | NEG | SKIP_ADV | frozenset({"و", "او", "ما", "باسم_"})
_TEMPORAL_NOUNS = frozenset(normalize(w) for w in ("أيام", "ساعات", "أسابيع", "أشهر", "يومين", "شهرين", "سنوات"))
_GLOSS = frozenset(normalize(w) for w in ("إشارة", "اشارة"))  # "، في إشارة إلى" is the journalist's gloss
_BASM = normalize("باسم")
_AN = normalize("عن")
_ILA = normalize("إلى")
_MA = normalize("ما")
_MIN = normalize("من")
_INNA = frozenset(normalize(w) for w in ("إن", "أن", "فإن", "وإن", "لأن", "بأن", "وأن"))
_QAWL = frozenset(normalize(w) for w in ("بالقول", "قائلا"))
_COMMAS = frozenset("،,")
_QAWL_RAW = "بالقول"
# Verbs whose object may stand between the subject and the preposition that opens the content.
_OBJ_VERBS = frozenset({"اتهم", "دعا", "طالب", "حذر", "حث", "ناشد", "أوصى", "هدد", "توعد"})


@dataclass(slots=True)
class _NP:
    """A speaker-like noun phrase: token range, where its name starts (if any), agreement features."""

    a: int
    b: int  # exclusive
    name: int | None = None  # token index of the first proper-name word
    titled: bool = False
    gender: str = "m"
    number: str = "sg"
    anaphoric: bool = False
    org: int | None = None  # token index after باسم: the body an unnamed spokesperson speaks for


@dataclass(slots=True)
class _Q:
    cue_a: int  # token range of the cue words
    cue_b: int
    cls: str
    form: CueForm | None
    sent: int
    content: tuple[int, int] = (0, 0)  # char offsets
    direct: bool = False
    np: _NP | None = None  # explicit speaker in the text
    speaker: _NP | None = None  # resolved speaker
    pro: tuple[str, str] | None = None  # features a pro-drop subject must agree with
    via: tuple[int, int] | None = None  # char offsets
    negated: bool = False
    embedded: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class _Doc:
    """Token arrays for one text, built once per call: keys are normalised token strings."""

    def __init__(self, text: str) -> None:
        self.text = text
        # The token pattern of marsad.text.tokens, read into flat arrays: allocating one Token object per
        # token would cost more than the whole extraction on a typical article.
        ms = list(_TOKEN.finditer(text))
        raw = [m.group() for m in ms]
        info = _INFO
        if len(info) > 200_000:
            info.clear()
        infos = [info.get(x) or _remember(x) for x in raw]
        self.starts = [m.start() for m in ms]
        self.ends = [m.end() for m in ms]
        self.raw = raw
        self.keys = [x[0] for x in infos]
        self.word = [x[1] for x in infos]
        self.cue = [x[2] for x in infos]
        self.attr = [x[3] for x in infos]
        self.n = len(raw)
        first_nl = text.find("\n")
        self.title_end = first_nl if first_nl >= 0 else len(text)
        self.promising = (any(x is not None for x in self.cue) or any(self.attr)
                          or ":" in text[:self.title_end] or _QAWL_RAW in text)

    def segment(self) -> None:
        """Sentence id of each token and each sentence's token range (only for texts with a cue)."""
        text = self.text
        self.sent_of = [0] * self.n
        self.sent_rng: list[tuple[int, int]] = []
        self.sent_chars: list[tuple[int, int]] = []
        ti = 0
        for sid, (s, e) in enumerate(sentences(text)):
            while ti < self.n and self.starts[ti] < s:
                self.sent_of[ti] = max(sid - 1, 0)
                ti += 1
            a = ti
            while ti < self.n and self.starts[ti] < e:
                self.sent_of[ti] = sid
                ti += 1
            self.sent_rng.append((a, ti))
            self.sent_chars.append((s, e))


def _lookup_cue(k: str) -> tuple[CueForm, bool] | None:
    """The cue form of a normalised word, and whether it carries a proclitic و/ف."""
    f = CUES.get(k)
    if f is not None:
        return f, False
    if len(k) > 2 and k[0] in "وف":
        f = CUES.get(k[1:])
        if f is not None:
            return f, True
    return None


def _remember(s: str) -> tuple[str, bool, tuple[CueForm, bool] | None, bool]:
    """Normalised key, is-a-word, cue form and is-an-attribution of one raw token, memoised in _INFO."""
    w = _WORD0.match(s) is not None
    k = normalize(s) if (w and not s.isascii()) else s
    inf = (k, w, (_lookup_cue(k) if w else None), (_is_attrib(k) if w else False))
    if len(s) <= 40:
        _INFO[s] = inf
    return inf


# Raw token -> _token_info: news vocabulary repeats, so after a few articles nearly every lookup is a hit.
_INFO: dict[str, tuple[str, bool, tuple[CueForm, bool] | None, bool]] = {}


def _cue_at(d: _Doc, i: int) -> tuple[CueForm, bool] | None:
    return d.cue[i]


def _is_attrib(k: str) -> bool:
    return k in ATTRIB or (len(k) > 3 and k[0] == "و" and k[1:] in ATTRIB)


def _definite(k: str) -> bool:
    return k.startswith("ال") and len(k) > 2


def _nisba(k: str) -> bool:
    return k in ADJ or k.endswith(("ي", "يه", "يين", "يون", "يان")) and _definite(k)


def _np_features(d: _Doc, np: _NP) -> None:
    """Gender and number of a noun phrase from its head word (see module docstring)."""
    first = d.keys[np.a]
    head = first
    if first in TITLES:
        np.gender, np.number = ("f" if first.endswith("ه") and first not in MASC_TAA else "m"), "sg"
        return
    if head in HUMAN_PLURALS or head.endswith("ون") or (_definite(head) and head.endswith("ين") and len(head) > 5):
        np.gender, np.number = "m", "pl"
    elif len(head) >= 6 and head.endswith("يان") or (_definite(head) and head.endswith("ان") and len(head) > 5
                                                     and head not in GPE):
        np.gender, np.number = "m", "pl"
    elif head in NONHUMAN_PLURALS or head.endswith("ات") or head in GPE:
        np.gender, np.number = "f", "sg"
    elif head.endswith("ه") and head not in MASC_TAA:
        np.gender, np.number = "f", "sg"
    else:
        np.gender, np.number = "m", "sg"


def _chunk(d: _Doc, i: int, lim: int, lead_ok: bool = False) -> _NP | None:
    """The speaker-like noun phrase starting at token i, or None.

    A title may be followed by its genitives and nisba adjectives and then a name; a name may carry one
    definite family name (بشار الأسد، ناجي السامعي) but a title word after a name is an apposition and ends
    the phrase.
    """
    keys, words = d.keys, d.word
    j = i
    state = ""
    titled = False
    name: int | None = None
    org: int | None = None
    prev_title = False
    count = 0
    while j < lim and count < _MAX_SPEAKER:
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
        if k in _BOUND or _cue_at(d, j) is not None or d.attr[j]:
            break
        if count > 0 and len(k) > 2 and k[0] == "و" and not k.startswith("ول"):
            break  # coordination ends the phrase
        if (count > 0 or not lead_ok) and (
                k.startswith("بال") or (k.startswith("لل") and ("ال" + k[2:]) not in INSTITUTIONS)):
            break
        if count > 0 and state == "indef" and keys[j - 1].endswith(("نا", "ها", "هم", "هما")) and k[0] in "بلك":
            break  # a head with a pronoun suffix (مصادرنا) takes no genitive
        if k[0] == "ل" and count > 0 and not _definite(k):
            if k[1:] in INSTITUTIONS:
                state = "indef"
                j += 1
                count += 1
                continue
            if state != "name" and state != "indef":
                break
        if k.startswith("لل"):
            state = "indef"
            j += 1
            count += 1
            continue
        is_title = k in TITLES
        if count == 0:
            titled = is_title
            state = "def" if _definite(k) else "indef"
        elif _definite(k):
            if state == "indef":
                if is_title and not prev_title:
                    break  # apposition: رودسكوي | المسؤول
                state = "def"
            elif state == "def":
                if not (_nisba(k) or (titled and is_title)):
                    break
                if is_title:
                    titled = True
            elif state == "name":
                if is_title or k in ADJ:
                    break
                state = "fam"
            else:  # fam
                break
        else:
            if state in ("indef", "name") and keys[j - 1] in GPE:
                break  # a place name is complete in one word: موسكو | أبقت
            if state == "def":
                if not titled:
                    break
                state = "name"
                name = j if name is None else name
            elif state == "fam":
                break
            elif state == "name":
                pass
            else:  # indef: a genitive, an indefinite adjective or the next part of a name
                if titled and name is None and not is_title and count > 0 and prev_title is False:
                    name = j
                    state = "name"
            if is_title:
                titled = True
        prev_title = is_title
        j += 1
        count += 1
    if j == i:
        return None
    np = _NP(i, j, name=name, titled=titled, org=org)
    if name is None and not titled and not _definite(keys[i]) and org is None:
        np.name = i  # an indefinite head with no title: a bare name (لافروف، دي ميستورا) or a common noun
    _np_features(d, np)
    if (keys[i] in ANAPHORIC_TITLES and _definite(keys[i]) and name is None and org is None
            and all(_nisba(keys[t]) or keys[t] in TITLES for t in range(i + 1, j))):
        np.anaphoric = True
    return np


def _skip_adv(d: _Doc, j: int, lim: int) -> int:
    while j < lim and (d.keys[j] in TIME or d.keys[j] in SKIP_ADV or d.keys[j] in _COMMAS):
        j += 1
    return j


def _np_before(d: _Doc, i: int, lo: int) -> _NP | None:
    """The noun phrase ending right before token i (an SVO subject or a relative clause's head)."""
    b = i
    steps = 0
    while b > lo and steps < 7:
        k = d.keys[b - 1]
        if not d.word[b - 1] or k in _BOUND or d.cue[b - 1] is not None or d.attr[b - 1]:
            break
        b -= 1
        steps += 1
    for a in range(b, i):
        np = _chunk(d, a, i)
        if np is not None and np.b == i:
            return np
        if np is not None and np.b == i - 1 and d.keys[i - 1][:1] in "بل" and d.word[i - 1]:
            np.b = i
            return np
    return None


def _opener(d: _Doc, q: _Q, j: int, lim: int, subj_explicit: bool) -> tuple[str, int] | None:
    """Where the content opens after the subject: a complementiser, a colon, a quotation mark, or (for verbs
    that take one) a preposition or a direct object right after the subject."""
    f = q.form
    keys = d.keys
    first = _skip_adv(d, j, lim)
    preps = f.preps if f is not None else frozenset()
    end = min(lim, j + _WINDOW)
    if (f is not None and f.direct_object and subj_explicit and first < lim and d.word[first]
            and keys[first] not in PREPS and keys[first] not in REL and keys[first] not in OPENERS
            and keys[first] not in COMPS and d.cue[first] is None and not keys[first].startswith("ب")):
        return "dobj", first
    strict = f is not None and f.lemma in ("عبر", "أعرب")
    t = j
    while t < end:
        k = keys[t]
        if t > j and d.cue[t] is not None:
            break  # a complementiser after another cue belongs to that cue
        if strict and k not in preps:
            t += 1
            continue
        tok = d.raw[t]
        if tok in _OPEN_QUOTES:
            close = _find_close(d, t)
            inner_words = sum(1 for x in range(t + 1, close) if d.word[x]) if close is not None else 99
            if close is not None and inner_words <= _SHORT_QUOTE and t > j and (
                    keys[t - 1] in PREPS or keys[t - 1] == "ل" or keys[t - 1] in MEDIA):
                if q.via is None:
                    q.via = (d.starts[t + 1], d.ends[close - 1]) if close > t + 1 else None
                t = close + 1
                continue
            return "quote", t
        if tok == ":":
            return "colon", t
        if k in COMPS:
            return "comp", t
        if k in preps or (("ب" in preps) and k.startswith("ب") and len(k) > 2 and d.word[t]):
            if t + 1 < lim and keys[t + 1] in COMPS:
                return "comp", t + 1
            if t == first or (t <= first + 1 and keys[t] == "ب"):
                return "prep", t
            # اتهمت المعارضة النظام السوري بفتح ...: an object between subject and preposition
            if f is not None and f.lemma in _OBJ_VERBS and t <= first + 4 and all(
                    d.word[x] and keys[x] not in _BOUND for x in range(first, t)):
                return "prep", t
        if k in NEG and t + 1 < lim and keys[t + 1] in COMPS:
            return "comp", t + 1
        t += 1
    if f is not None and f.direct_object and subj_explicit and first < lim:
        k = keys[first]
        if d.word[first] and k not in PREPS and k not in REL and k not in OPENERS and _cue_at(d, first) is None:
            return "dobj", first
    return None


def _find_close(d: _Doc, t: int) -> int | None:
    """Token index of the mark closing the quotation opened at token t (same paragraph)."""
    want = _OPEN_QUOTES.get(d.raw[t])
    text = d.text
    start = d.ends[t]
    nl = text.find("\n", start)
    stop = nl if nl >= 0 else len(text)
    for u in range(t + 1, d.n):
        if d.starts[u] >= stop:
            return None
        s = d.raw[u]
        if s == want or (s in _CLOSE_QUOTES and want != '"') or (want == '"' and s in "”″"):
            return u
    return None


def _content_end(d: _Doc, q: _Q, start_tok: int, sent_end_tok: int) -> int:
    """Token index where an indirect content stops: the sentence end, a coordinated cue (…، وأضاف)
    or participle (…، مؤكداً), or the journalist's gloss (…، في إشارة إلى)."""
    keys = d.keys
    u = start_tok
    while u < sent_end_tok:
        tok = d.raw[u]
        if tok in _OPEN_QUOTES:
            close = _find_close(d, u)
            if close is not None and close < sent_end_tok:
                u = close + 1
                continue
        if d.word[u]:
            c = _cue_at(d, u)
            if c is not None and u > start_tok:
                form, procl = c
                prev = d.raw[u - 1]
                if (procl and form.kind != "part") or (form.kind == "part" and prev in _COMMAS):
                    return u
            if (d.raw[u - 1] in _COMMAS and keys[u] in OPENERS and u > start_tok
                    and any(d.cue[x] is not None for x in range(u + 1, min(sent_end_tok, u + 8)))):
                return u - 1
            if keys[u] in _GLOSS and u >= 2 and keys[u - 1] == normalize("في") and d.raw[u - 2] in _COMMAS:
                return u - 2
        u += 1
    return sent_end_tok


def _char_span(d: _Doc, a: int, b: int) -> tuple[int, int]:
    """Char offsets of tokens a..b-1, trimmed of punctuation at both ends."""
    if b <= a:
        return (0, 0)
    s, e = d.starts[a], d.ends[b - 1]
    text = d.text
    while s < e and (text[s] in _TRIM or text[s] in _OPEN_QUOTES):
        s += 1
    while e > s and (text[e - 1] in _TRIM):
        e -= 1
    return s, e


def _build_content(d: _Doc, q: _Q, kind: str, t: int) -> bool:
    """Fill q.content/q.direct from the opener at token t; False when there is no usable content."""
    if t >= len(d.sent_of):  # the opener would start past the last token: nothing to quote
        return False
    lim_sent = d.sent_rng[d.sent_of[t]][1]
    keys = d.keys
    if kind == "comp":
        a = t if keys[t] not in BARE_COMPS else t + 1
    elif kind == "colon":
        a = t + 1
        if a < d.n and keys[a] in BARE_COMPS:
            a += 1
    elif kind == "prep":
        a = t if (keys[t].startswith("ب") and keys[t] != "ب") else t + 1
    else:
        a = t
    if kind == "quote":
        qa = t
    elif a < d.n and d.raw[a] in _OPEN_QUOTES:
        qa = a
    else:
        qa = -1
    if qa >= 0:
        close = _find_close(d, qa)
        if close is None:
            lim = d.sent_rng[d.sent_of[qa]][1]
            nl = d.text.find("\n", d.ends[qa])
            stop = nl if nl >= 0 else len(d.text)
            lim = qa + 1
            while lim < d.n and d.starts[lim] < stop:
                lim += 1
            q.content = _char_span(d, qa + 1, lim)
            q.direct = True
            return q.content[1] > q.content[0]
        # mixed quotation: the sentence goes on after the closing mark (إن "هناك دلائل ..." النهج الذي ...)
        nxt = close + 1
        if nxt < d.n and d.word[nxt] and d.sent_of[nxt] == d.sent_of[close]:
            end_tok = _content_end(d, q, nxt, d.sent_rng[d.sent_of[close]][1])
            q.content = _char_span(d, a, end_tok)
            q.direct = False
        else:
            q.content = _char_span(d, qa + 1, close)
            q.direct = True
        return q.content[1] > q.content[0]
    if a >= lim_sent:
        return False
    end_tok = _content_end(d, q, a, lim_sent)
    q.content = _char_span(d, a, end_tok)
    n_words = sum(1 for x in range(a, end_tok) if d.word[x])
    return n_words >= 2


def _via_between(d: _Doc, q: _Q, a: int, b: int) -> None:
    """An intermediary named between the cue and the content: في مقابلة مع قناة روسيا 1، لصحيفة ..."""
    if q.via is not None:
        return
    for t in range(a, b):
        k = d.keys[t]
        stem = k[1:] if len(k) > 3 and k[0] in "لب" else k
        if stem in MEDIA and d.word[t]:
            e = t + 1
            while e < b and e < t + 5 and d.word[e] and d.keys[e] not in _BOUND and d.keys[e] not in COMPS:
                e += 1
            s = d.starts[t] + (1 if stem != k else 0)
            q.via = (s, d.ends[e - 1])
            return


def _agree(np: _NP, feats: tuple[str, str]) -> bool:
    g, n = feats
    return np.gender == g and (np.number == "pl") == (n == "pl")


class _Extractor:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.d = _Doc(doc.text)
        self.quotes: list[_Q] = []
        self._subj_cache: dict[int, list[_NP]] = {}

    # --- cue detection -------------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        d = self.d
        if d.n == 0 or not d.promising:
            return []
        d.segment()
        self._title_quote()
        consumed = -1
        for i in range(d.n):
            if i <= consumed or not d.word[i]:
                continue
            k = d.keys[i]
            c = _cue_at(d, i)
            q: _Q | None = None
            if c is not None:
                form, procl = c
                if form.kind == "verb":
                    q = self._verb(i, form, procl)
                elif form.kind == "part":
                    q = self._participle(i, form)
                else:
                    q = self._nqal(i, form)
            elif d.attr[i]:
                q = self._attrib(i)
            elif k in _QAWL:
                q = self._bil_qawl(i)
            if q is not None:
                self.quotes.append(q)
                if q.np is not None and q.np.a > i:
                    consumed = max(consumed, q.np.b - 1)
        self._mark_embedded()
        self._resolve()
        return [self._emit(q) for q in self.quotes]

    def _title_quote(self) -> None:
        """Headline `لافروف: ...`: a short noun phrase and a colon on the title line."""
        d = self.d
        t = 0
        while t < d.n and d.starts[t] < d.title_end:
            if d.raw[t] == ":" and 0 < t <= 5:
                np = _chunk(d, 0, t)
                if (np is not None and np.b == t and not d.keys[0].isascii()
                        and all(_cue_at(d, x) is None for x in range(t))):
                    q = _Q(t, t + 1, "say", None, d.sent_of[t], np=np)
                    stop = t + 1
                    while stop < d.n and d.starts[stop] < d.title_end:
                        stop += 1
                    q.content = _char_span(d, t + 1, stop)
                    if q.content[1] - q.content[0] > 3:
                        self.quotes.append(q)
                return
            t += 1

    def _negated(self, i: int) -> bool:
        d = self.d
        return i > 0 and d.keys[i - 1] in NEG

    def _verb(self, i: int, form: CueForm, procl: bool) -> _Q | None:
        d = self.d
        sid = d.sent_of[i]
        s_a, s_b = d.sent_rng[sid]
        q = _Q(i, i + 1, form.cls, form, sid)
        keys = d.keys
        # attribution after the content: بحسب ما ذكر X، وفق ما أعلن X، كما قالت X
        prev = keys[i - 1] if i > s_a else ""
        prev2 = keys[i - 2] if i - 1 > s_a else ""
        backward = (prev == _MA and prev2 in ATTRIB_MA) or prev == normalize("حسبما")
        maybe_backward = prev == normalize("كما") or prev == normalize("وكما")
        if self._negated(i):
            if form.cls != "deny":
                return None
            q.cls, q.negated = "assert", True
            q.cue_a = i - 1
        # subject: a pronoun or relative clause before the verb, VSO after it, or SVO before it
        np: _NP | None = None
        if prev in PRONOUNS and not procl:
            q.pro = PRONOUNS[prev]
        elif prev in REL and i - 1 > s_a:
            np = _np_before(d, i - 1, s_a)
        j = _skip_adv(d, i + 1, s_b)
        after = j
        svo = False
        if np is None and q.pro is None and not procl and i > s_a and not backward:
            # إنّ/أنّ + noun + verb: the noun is the verb's subject and what follows the verb its object
            # («فإنّ الوحدات الكردية نفت بيان الوزارة»), never a post-verbal subject
            topic = self._after_inna(i, s_a)
            if topic is not None:
                np, svo = topic, True
        if np is None and q.pro is None:
            cand = _chunk(d, j, s_b)
            if cand is not None and not self._disagrees(cand, form, procl):
                np = cand
                after = cand.b
            elif cand is None and not procl and i > s_a and not backward:
                b = i
                while b > s_a and (keys[b - 1] in SKIP_ADV or keys[b - 1] in TIME or d.raw[b - 1] in _COMMAS):
                    b -= 1
                np = _np_before(d, b, s_a)
            elif cand is not None:
                after = j  # the phrase after the verb is its object: a pro-drop subject
        if backward or maybe_backward:
            if backward or _opener(d, q, after, s_b, np is not None) is None:
                return self._backward(q, i - (2 if backward and prev == _MA else 1), np, s_a, after)
        # نقلاً عن X inside the frame: the relayed speaker is X, the subject is the intermediary
        t = after
        while t < min(s_b - 1, after + 4):
            if d.attr[t] and keys[t + 1] == _AN:
                relayed = _chunk(d, t + 2, s_b)
                if relayed is not None:
                    if np is not None:
                        q.via = _char_span(d, np.a, np.b)
                    np = relayed
                    after = relayed.b
                break
            t += 1
        op = _opener(d, q, after, s_b, svo or (np is not None and np.a > i))
        if op is None:
            return None
        kind, t = op
        if form.lemma in MARKER_REQUIRED and kind == "dobj":
            return None
        if not _build_content(d, q, kind, t):
            return None
        _via_between(d, q, after, t)
        q.np = np
        if np is None and q.pro is None:
            q.pro = (form.gender, form.number)
        return q

    def _after_inna(self, i: int, s_a: int) -> _NP | None:
        """The noun phrase between إنّ/أنّ (and its forms with ف، و، ل، ب) and the verb at token i."""
        d = self.d
        b = i
        while b > s_a and (d.keys[b - 1] in SKIP_ADV or d.keys[b - 1] in TIME):
            b -= 1
        np = _np_before(d, b, s_a)
        if np is not None and np.a - 1 > s_a and d.keys[np.a - 1] == _MIN:
            # a partitive head («الوحدات الكردية من قوات سورية الديمقراطية»): the subject starts at the head
            k = np.a - 2
            while (k > s_a and np.a - 1 - k <= 4 and d.word[k] and d.keys[k] not in _BOUND
                   and d.keys[k] not in _INNA):
                k -= 1
            if d.keys[k] in _INNA and k < np.a - 2:
                np = replace(np, a=k + 1)
        if np is None or np.a - 1 < s_a or d.keys[np.a - 1] not in _INNA:
            return None
        return np

    def _disagrees(self, np: _NP, form: CueForm, procl: bool) -> bool:
        """A phrase after a verb that cannot be its subject (ودعت المجتمع الدولي إلى ...): gender clash
        with a definite, unambiguous head, which makes it the object of a pro-drop verb."""
        head = self.d.keys[np.a]
        if not _definite(head) or head in GPE or np.titled and np.gender == form.gender:
            return False
        if form.gender == "f" and np.gender == "m" and np.number == "sg":
            return True
        return procl and form.gender == "m" and np.gender == "f" and head not in NONHUMAN_PLURALS

    def _backward(self, q: _Q, attr_tok: int, np: _NP | None, s_a: int, after: int) -> _Q | None:
        d = self.d
        if np is None or np.a < q.cue_a:
            j = after
            if j + 1 < d.n and d.keys[j] in PREPS and d.keys[j + 1] in _TEMPORAL_NOUNS:
                j += 2
            np = _chunk(d, j, d.sent_rng[q.sent][1])
        if np is None:
            return None
        s, e = _char_span(d, s_a, attr_tok)
        if sum(1 for x in range(s_a, attr_tok) if d.word[x]) < 3:
            return None
        q.content, q.np = (s, e), np
        q.extra["attribution"] = "after"
        return q

    def _participle(self, i: int, form: CueForm) -> _Q | None:
        d = self.d
        sid = d.sent_of[i]
        s_a, s_b = d.sent_rng[sid]
        if i + 1 >= s_b:
            return None
        if i > 0 and d.raw[i - 1][:1].isdigit():
            return None  # 41 متهماً: a noun after a number
        k = d.keys[i + 1]
        tok = d.raw[i + 1]
        ok = (k in COMPS or tok in _OPEN_QUOTES or tok == ":" or k in form.preps
              or ("ب" in form.preps and k.startswith("ب") and len(k) > 2))
        if form.lemma == "قال":
            ok = ok or d.word[i + 1]
        if not ok:
            return None
        q = _Q(i, i + 1, form.cls, form, sid)
        if self._negated(i):
            if form.cls != "deny":
                return None
            q.cls, q.negated, q.cue_a = "assert", True, i - 1
        kind = "comp" if k in COMPS else "quote" if tok in _OPEN_QUOTES else "colon" if tok == ":" else "prep"
        if kind == "prep" and i + 2 < s_b and d.keys[i + 2] in COMPS:
            kind, t = "comp", i + 2
        else:
            t = i + 1
        if form.lemma == "قال" and kind == "prep" and k not in form.preps:
            kind = "dobj"
        if not _build_content(d, q, kind, t):
            return None
        q.pro = (form.gender, form.number)
        return q

    def _bil_qawl(self, i: int) -> _Q | None:
        """ومضى قائلاً / وتابع بالقول / واختتم المصدر بالقول: the speaker sits between verb and بالقول."""
        d = self.d
        if d.keys[i] != normalize("بالقول"):
            return None
        sid = d.sent_of[i]
        s_a, s_b = d.sent_rng[sid]
        if i + 1 >= s_b:
            return None
        q = _Q(i, i + 1, "say", None, sid)
        np = _np_before(d, i, s_a)
        if np is not None and np.a == s_a:
            np = None  # the sentence-initial verb itself
        q.np = np
        if np is None:
            v = d.keys[i - 1] if i > s_a else ""
            q.pro = ("f", "sg") if v.endswith("ت") else ("m", "pl") if v.endswith("وا") else ("m", "sg")
        t = i + 1
        if d.keys[t] in (normalize("–"), "-", "–") or d.raw[t] in "-–—":
            # ومضت المصادر بالقول – نقلا عن أحد المرتزقة – إن ...
            u = t + 1
            while u < s_b and d.raw[u] not in "-–—":
                u += 1
            if u + 1 < s_b and d.attr[t + 1] and d.keys[t + 2] == _AN:
                relayed = _chunk(d, t + 3, u)
                if relayed is not None:
                    if q.np is not None:
                        q.via = _char_span(d, q.np.a, q.np.b)
                    q.np, q.pro = relayed, None
            t = u + 1
        k = d.keys[t] if t < d.n else ""
        tok = d.raw[t] if t < d.n else ""
        kind = "comp" if k in COMPS else "quote" if tok in _OPEN_QUOTES else "colon" if tok == ":" else "dobj"
        if not _build_content(d, q, kind, t):
            return None
        return q

    def _nqal(self, i: int, form: CueForm) -> _Q | None:
        """نقلت وكالة تاس عن الجيش قوله إن ...: speaker after عن, the subject is the intermediary."""
        d = self.d
        sid = d.sent_of[i]
        s_a, s_b = d.sent_rng[sid]
        j = _skip_adv(d, i + 1, s_b)
        via = _chunk(d, j, s_b)
        t = via.b if via is not None else j
        t = _skip_adv(d, t, s_b)
        u = t
        while u < min(s_b, t + 3) and d.word[u] and d.keys[u] != _AN and d.keys[u] not in COMPS:
            u += 1  # a complement of the intermediary's name (وكالة تاس الروسية للأنباء)
        if u < s_b and d.keys[u] == _AN:
            t = u
        if t >= s_b or d.keys[t] != _AN:
            # نقلت عن X: the subject may come after the relayed speaker, or not at all
            if t < s_b and d.keys[t] == _AN:
                pass
            else:
                return None
        sp = _chunk(d, t + 1, s_b)
        if sp is None:
            return None
        q = _Q(i, i + 1, "say", form, sid, np=sp)
        u = _skip_adv(d, sp.b, s_b)
        if u < s_b and d.keys[u] in NQAL_MASDAR:
            q.cls = NQAL_MASDAR[d.keys[u]]
            q.cue_b = i + 1
            q.extra["masdar"] = (d.starts[u], d.ends[u])
            u += 1
        if via is not None:
            q.via = _char_span(d, via.a, via.b)
        op = _opener(d, q, u, s_b, True)
        if op is None:
            return None
        if not _build_content(d, q, *op):
            return None
        return q

    def _attrib(self, i: int) -> _Q | None:
        """بحسب X / وفقاً لـ X / نقلاً عن X: before its content (sentence-initial) or after it."""
        d = self.d
        sid = d.sent_of[i]
        s_a, s_b = d.sent_rng[sid]
        k = d.keys[i]
        j = i + 1
        if j < s_b and d.keys[j] in ("ل", _AN, normalize("لـ")):
            j += 1
        if j < s_b and d.keys[j] == _MA:
            return None  # بحسب ما قال X: handled at the verb
        if j >= s_b:
            return None
        sp = _chunk(d, j, s_b, lead_ok=True)
        if sp is None:
            return None
        head = d.keys[sp.a]
        if head.endswith(("ه", "ها", "هم")) and head.startswith(("قول", "افاد", "تعبير", "وصف", "تصريح")):
            return None  # حسب إفادته: attributes to someone already named; not a new source
        q = _Q(i, sp.a if d.keys[i + 1] in ("ل", _AN) else i + 1, "say", None, sid, np=sp)
        q.cue_b = i + 1
        first_word = s_a
        while first_word < i and not d.word[first_word]:
            first_word += 1
        initial = (i == first_word or (i == first_word + 1 and d.keys[first_word] in OPENERS)
                   or (i > s_a and d.raw[i - 1] in _COMMAS))
        nxt = _skip_adv(d, sp.b, s_b)
        if not initial and nxt < s_b and d.keys[nxt] in COMPS:
            # وأظهرت دراسة، وفقاً لصحيفة ...، أن ...: the content follows the attribution
            if not _build_content(d, q, "comp", nxt):
                return None
            return q
        if initial or k.startswith("و") and i == first_word:
            # content after the phrase: فإن ...، فقد ...، or after a comma
            t = sp.b
            while t < s_b and d.raw[t] not in _COMMAS and not d.keys[t].startswith("ف") \
                    and d.keys[t] not in COMPS and t < sp.b + 25:
                t += 1
            if t < s_b and d.raw[t] in _COMMAS:
                t += 1
            if t < s_b and d.keys[t] in (normalize("فإن"), normalize("فقد"), normalize("فان")):
                t += 1
            if t >= s_b:
                t = sp.b
            if not _build_content(d, q, "dobj", t):
                return None
            q.extra["attribution"] = "before"
            return q
        s, e = _char_span(d, s_a, i)
        if sum(1 for x in range(s_a, i) if d.word[x]) < 3:
            return None
        q.content = (s, e)
        q.extra["attribution"] = "after"
        return q

    # --- structure --------------------------------------------------------------------------------------
    def _mark_embedded(self) -> None:
        qs = self.quotes
        d = self.d
        drop: list[_Q] = []
        for q in qs:
            cs = d.starts[q.cue_b - 1]
            for o in qs:
                if o is not q and o.content[0] <= cs < o.content[1] and o.cue_a < q.cue_a:
                    q.embedded = True
                    k = d.keys[q.cue_b - 1]
                    if (k in IMPERFECT or k[1:] in IMPERFECT) and (q.np is None or q.np.a < q.cue_a):
                        drop.append(q)  # النتائج تؤكد ...: a description inside the content
                    break
        if drop:
            self.quotes = [q for q in qs if q not in drop]

    def _clause_subjects(self, sid: int, before: int | None = None) -> list[_NP]:
        """Subjects of the clauses of sentence sid (VSO after an initial verb, SVO after لكن/بينما/...)."""
        d = self.d
        if sid in self._subj_cache and before is None:
            return self._subj_cache[sid]
        a, b = d.sent_rng[sid]
        lim = b if before is None else min(b, before)
        out: list[_NP] = []
        if a >= lim or d.starts[a] < d.title_end:
            if before is None:
                self._subj_cache[sid] = out
            return out
        starts = [a]
        for t in range(a, lim - 1):
            k = d.keys[t]
            if k in OPENERS or k in COMPS or (d.raw[t] in _COMMAS and d.keys[t + 1] in OPENERS):
                starts.append(t + 1)
        for s in starts:
            t = s
            while t < lim and (d.keys[t] in NEG or d.keys[t] in OPENERS or not d.word[t]):
                t += 1
            if t >= lim:
                continue
            k = d.keys[t]
            if _definite(k) or k in GPE or k in TITLES:
                np = _chunk(d, t, lim)
            else:  # a verb first: its subject follows
                np = _chunk(d, _skip_adv(d, t + 1, lim), lim)
            if np is not None:
                out.append(np)
        if before is None:
            self._subj_cache[sid] = out
        return out

    def _resolve(self) -> None:
        """Give every quote a speaker: anaphoric titles and pro-drop subjects to their antecedents."""
        done: list[_Q] = []
        for q in self.quotes:
            if q.np is not None:
                q.speaker = self._antecedent_of_title(q) if q.np.anaphoric else q.np
                if q.speaker is None:
                    q.speaker = q.np
            elif q.pro is not None:
                q.speaker = self._pro_drop(q, done)
            done.append(q)

    def _antecedent_of_title(self, q: _Q) -> _NP | None:
        """وقال المسؤول العسكري / الوسيط الأممي: the named person earlier introduced with that title word."""
        d = self.d
        np = q.np
        assert np is not None
        head = d.keys[np.a]
        for t in range(np.a - 1, -1, -1):
            if d.keys[t] == head:
                cand = _chunk(d, t, d.n)
                if cand is not None and cand.name is not None and cand.name != cand.a:
                    return cand
                # the title may follow the name as an apposition (رودسكوي المسؤول عن ...)
                back = _np_before(d, t, max(0, t - 6))
                if back is not None and back.name is not None:
                    return back
        best: _NP | None = None
        for o in reversed(self.quotes):
            if o is q or o.cue_a >= q.cue_a or o.embedded or o.speaker is None:
                continue
            if o.sent < q.sent - 3:
                break
            sp = o.speaker
            if sp.titled and sp.name is not None and sp.name != sp.a and sp.gender == np.gender:
                best = sp
                break
        return best

    def _pro_drop(self, q: _Q, done: list[_Q]) -> _NP | None:
        assert q.pro is not None
        feats = q.pro
        sid = q.sent
        prior = [o for o in done if not o.embedded and o.speaker is not None and o.cue_a < q.cue_a]
        # A. an earlier quote in the same sentence; B. a clause subject before the cue in it
        for o in reversed(prior):
            if o.sent == sid and _agree(o.speaker, feats):  # type: ignore[arg-type]
                return o.speaker
        for np in reversed(self._clause_subjects(sid, before=q.cue_a)):
            if _agree(np, feats) and not np.anaphoric:
                return np
        # C. the previous sentences: quotes first, then clause subjects, nearest first
        for back in (1, 2):
            ps = sid - back
            if ps < 0:
                break
            for o in reversed(prior):
                if o.sent == ps and _agree(o.speaker, feats):  # type: ignore[arg-type]
                    return o.speaker
            for np in reversed(self._clause_subjects(ps)):
                if _agree(np, feats) and not np.anaphoric:
                    return np
        # D. any earlier agreeing speaker; E. the most recent speaker at all
        for o in reversed(prior):
            if _agree(o.speaker, feats):  # type: ignore[arg-type]
                return o.speaker
        return prior[-1].speaker if prior else None

    # --- output -------------------------------------------------------------------------------------
    def _emit(self, q: _Q) -> Quote:
        d = self.d
        text = d.text
        speaker: dict[str, Any] | None = None
        sp = q.speaker
        if sp is not None:
            s, e = _char_span(d, sp.a, sp.b)
            speaker = {"entity": self._link(sp, s, e), "text": text[s:e], "start": s, "end": e}
        cs, ce = d.starts[q.cue_a], d.ends[q.cue_b - 1]
        if "masdar" in q.extra:
            ce = q.extra["masdar"][1]
        cue: dict[str, Any] = {"text": text[cs:ce], "start": cs, "end": ce, "class": q.cls}
        if q.negated:
            cue["negated"] = True
        s, e = q.content
        content = {"text": text[s:e], "start": s, "end": e}
        via = text[q.via[0]:q.via[1]] if q.via is not None and q.via[1] > q.via[0] else None
        return Quote(speaker=speaker, cue=cue, content=content, direct=q.direct, via=via,
                     date=self._date(q))

    def _link(self, sp: _NP, s: int, e: int) -> str | None:
        """The entity whose mention overlaps the speaker's head: its name, else the body after باسم, else
        anywhere in the phrase (a person preferred)."""
        ents = self.doc.entities
        if not ents:
            return None
        d = self.d
        regions: list[tuple[int, int]] = []
        if sp.name is not None:
            regions.append((d.starts[sp.name], e))
        if sp.org is not None and sp.org < sp.b:
            regions.append((d.starts[sp.org], e))
        regions.append((s, e))
        for rs, re_ in regions:
            best: tuple[int, int, str] | None = None
            for ent in ents:
                for m in ent.mentions:
                    if m.start < re_ and m.end > rs:
                        score = (1 if ent.type == "PER" else 0, m.end - m.start)
                        if best is None or score > best[:2]:
                            best = (score[0], score[1], ent.id)
            if best is not None:
                return best[2]
        return None

    def _date(self, q: _Q) -> str | None:
        """The date of the statement: a resolved date expression in the cue's sentence before the content
        (قال الخميس إن ...); dates inside the content or in a gloss after it are about something else.
        Only when a dates stage filled doc.dates."""
        if not self.doc.dates:
            return None
        ss, se = self.d.sent_chars[q.sent] if q.sent < len(self.d.sent_chars) else (0, 0)
        cs = q.content[0]
        for dr in self.doc.dates:
            if ss <= dr.start and dr.end <= min(se, cs):
                return dr.value
        return None


def extract_quotes(doc: Document) -> list[Quote]:
    """Every attributed quote in `doc.text`, in text order (see the module docstring for the rules)."""
    if not doc.text:
        return []
    return _Extractor(doc).run()


@register("quotes")
def build_quotes():  # noqa: ANN201 - the pipeline's factory signature
    """Pipeline factory: the extractor has no state to load, so the component is a thin wrapper."""

    def component(doc: Document) -> Document:
        doc.quotes = extract_quotes(doc)
        return doc

    return component
