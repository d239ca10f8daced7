"""The content of a quote: where it opens after the cue and its speaker, and where it stops.

Content opens at a complementiser (إن/أن/بأن), a colon, a quotation mark or, for some verbs, a preposition
or an object that starts a nominal content (أشار إلى وجود ...). A quoted content runs to its closing mark
(across sentences, within the paragraph); an indirect one runs to the sentence end unless a coordinated cue
(…، وأضاف), a participle (…، مؤكداً) or the journalist's gloss (…، في إشارة إلى) starts first. A cue inside
the content with its own subject is a nested quote and does not cut it.

Every function takes token positions and returns spans; none keeps state between calls.
"""

from __future__ import annotations

from bisect import bisect_left

from marsad.kb.common_words import has_radical_waw
from marsad.quotes.lexicon import (
    BARE_COMPS,
    BLAME_VERBS,
    COMPS,
    DENIAL_PHRASES,
    IMPERFECT,
    MEDIA,
    NEG,
    OBJ_VERBS,
    OPENERS,
    PERFORMATIVE,
    PREPS,
    REL,
    RESPONSIBILITY,
    CueForm,
)
from marsad.quotes.nouns import WAW_WORDS
from marsad.quotes.phrases import chunk
from marsad.quotes.tokens import (
    BOUND,
    CLOSE_QUOTES,
    COMMAS,
    OPEN_QUOTES,
    Tokens,
    char_span,
    count_words,
    skip_adv,
)
from marsad.text import normalize

SHORT_QUOTE = 4  # a quoted segment of at most this many words after a preposition is a name (لـ"عين اليوم")
WINDOW = 30  # tokens after the cue in which the content must open
ADJUNCT_PREPS = frozenset(normalize(w) for w in (
    "خلال", "في", "أثناء", "عقب", "إثر", "بعد", "قبل", "عند", "لدى", "أمام", "مساء", "صباح", "ضمن"))
_GLOSS = frozenset(normalize(w) for w in ("إشارة", "اشارة"))  # "، في إشارة إلى" is the journalist's gloss
_FI = normalize("في")
_HIN = normalize("حين")
_WHILE = frozenset(normalize(w) for w in ("بينما", "فيما", "وبينما", "وفيما"))

Opener = tuple[str, int]  # (kind: comp | colon | quote | prep | dobj, token index of the opener)
Span = tuple[int, int]  # char offsets


def plain_object(tk: Tokens, t: int) -> bool:
    """A word that can start a direct-object content: not a preposition, relative, opener or cue, nor a
    conjunct of the subject (أكدت حركتا حماس | والجهاد الإسلامي ... أنهما)."""
    k = tk.keys[t]
    return bool(tk.word[t]) and k not in PREPS and k not in REL and k not in OPENERS \
        and not (k[:1] == "و" and k not in WAW_WORDS and not has_radical_waw(k) and len(k) > 3)


def find_opener(tk: Tokens, form: CueForm | None, j: int, lim: int, subj_explicit: bool,
                via: Span | None) -> tuple[Opener | None, Span | None]:
    """Where the content opens after the subject (token j, sentence end lim), and the intermediary.

    A short quoted name after a preposition (لـ"عين اليوم") is skipped and, when `via` is still None,
    becomes the intermediary: the second value is `via`, updated so. `subj_explicit` says the subject was
    named in the text, which lets a direct-object verb take its content with no marker.
    """
    keys = tk.keys
    first = skip_adv(tk, j, lim)
    preps = form.preps if form is not None else frozenset()
    end = min(lim, j + WINDOW)
    if (form is not None and form.direct_object and subj_explicit and first < lim and plain_object(tk, first)
            and keys[first] not in COMPS and tk.cue[first] is None and not keys[first].startswith("ب")):
        return ("dobj", first), via
    strict = form is not None and form.lemma in ("عبر", "أعرب")
    t = j
    while t < end:
        k = keys[t]
        if t > j and tk.cue[t] is not None:
            break  # a complementiser after another cue belongs to that cue
        if k in OPENERS and (t > first or t > j and tk.raw[t - 1] in COMMAS):
            break  # a new clause (…، إلا أنه …، بينما …): its complementiser is not this cue's
        if strict and k not in preps:
            t += 1
            continue
        tok = tk.raw[t]
        if tok in OPEN_QUOTES:
            close = find_close(tk, t)
            inner_words = count_words(tk, t + 1, close) if close is not None else 99
            if close is not None and inner_words <= SHORT_QUOTE and t > j and (
                    keys[t - 1] in PREPS or keys[t - 1] == "ل" or keys[t - 1] in MEDIA):
                if via is None:
                    via = (tk.starts[t + 1], tk.ends[close - 1]) if close > t + 1 else None
                t = close + 1
                continue
            return ("quote", t), via
        if tok == ":":
            return ("colon", t), via
        if k in COMPS:
            return ("comp", t), via
        if k in preps or (("ب" in preps) and k.startswith("ب") and len(k) > 2 and tk.word[t]):
            op = _prep_opener(tk, form, t, first, lim)
            if op is not None:
                return op, via
        if k in NEG and t + 1 < lim and keys[t + 1] in COMPS:
            return ("comp", t + 1), via
        t += 1
    if form is not None and form.direct_object and subj_explicit and first < lim:
        if plain_object(tk, first) and tk.cue[first] is None:
            return ("dobj", first), via
    return None, via


def _prep_opener(tk: Tokens, form: CueForm | None, t: int, first: int, lim: int) -> Opener | None:
    """The opener at a content preposition (token t): a complementiser right after it, the preposition
    itself when it follows the subject, or a short object before it, which is part of what was said: the
    accused, the one called on, the thing described (اتهمت المعارضة النظام السوري بفتح ...، حث الأطراف
    المتحاربة على ...، وصف الحادث بالعمل الإجرامي)."""
    keys = tk.keys
    if t + 1 < lim and keys[t + 1] in COMPS:
        return "comp", t + 1
    if t == first or (t <= first + 1 and keys[t] == "ب") or adjunct_between(tk, first, t):
        return "prep", t
    if form is not None and form.lemma in OBJ_VERBS and t <= first + 4 and all(
            tk.word[x] and keys[x] not in BOUND for x in range(first, t)):
        return "objprep", first
    return None


def adjunct_between(tk: Tokens, a: int, b: int) -> bool:
    """Tokens a..b-1 are an adverbial of time, place or occasion between the speaker and the content
    (وأثنى الجانبان خلال المؤتمر على ...، طالب في ختام زيارة استمرت ثلاثة أيام بـ...، معرباً في هذا الصدد
    عن ...): a phrase opened by one of those prepositions, with no clause of its own."""
    if not 0 < b - a <= 9 or tk.keys[a] not in ADJUNCT_PREPS:
        return False
    return all(tk.word[x] and tk.keys[x] not in COMPS and tk.cue[x] is None and not tk.attr[x]
               for x in range(a, b))


def find_close(tk: Tokens, t: int) -> int | None:
    """Token index of the mark closing the quotation opened at token t (same paragraph)."""
    want = OPEN_QUOTES.get(tk.raw[t])
    text = tk.text
    start = tk.ends[t]
    nl = text.find("\n", start)
    stop = nl if nl >= 0 else len(text)
    for u in range(t + 1, tk.n):
        if tk.starts[u] >= stop:
            return None
        s = tk.raw[u]
        if s == want or (s in CLOSE_QUOTES and want != '"') or (want == '"' and s in "”″"):
            return u
    return None


def opens(tk: Tokens, t: int, form: CueForm) -> bool:
    """Token t opens a content for this cue: a complementiser, a quotation mark, a colon or one of the
    cue's prepositions."""
    k, tok = tk.keys[t], tk.raw[t]
    return (k in COMPS or tok in OPEN_QUOTES or tok == ":" or k in form.preps
            or ("ب" in form.preps and k.startswith("ب") and len(k) > 2))


def participle_opener(tk: Tokens, i: int, s_b: int, form: CueForm) -> int | None:
    """Where a participle's content opens: right after it, after a comma (مضيفاً، أن), or after an
    adverbial (مشيراً في الوقت نفسه إلى أن، معرباً في هذا الصدد عن)."""
    if i + 1 >= s_b:
        return None
    if opens(tk, i + 1, form):
        return i + 1
    if tk.raw[i + 1] in COMMAS and i + 2 < s_b and opens(tk, i + 2, form) and tk.raw[i + 2] not in OPEN_QUOTES:
        return i + 2
    for t in range(i + 2, min(s_b, i + 11)):
        if opens(tk, t, form) and tk.raw[t] not in COMMAS:
            return t if adjunct_between(tk, i + 1, t) else None
    return None


def content_end(tk: Tokens, start_tok: int, sent_end_tok: int) -> int:
    """Token index where an indirect content stops: the sentence end, a coordinated cue (…، وأضاف)
    or participle (…، مؤكداً), or the journalist's gloss (…، في إشارة إلى)."""
    keys = tk.keys
    u = start_tok
    while u < sent_end_tok:
        tok = tk.raw[u]
        if tok in OPEN_QUOTES:
            close = find_close(tk, u)
            if close is not None and close < sent_end_tok:
                u = close + 1
                continue
        if tk.word[u]:
            c = tk.cue[u]
            if c is not None and u > start_tok:
                form, procl = c
                prev = tk.raw[u - 1]
                if (procl and form.kind != "part") or (form.kind == "part" and prev in COMMAS):
                    return u
                if form.kind == "part" and participle_opener(tk, u, sent_end_tok, form) is not None:
                    return u  # ... والملف اليمني معرباً في هذا الصدد عن ...: a circumstantial clause of its own
                if form.kind == "verb" and prev in COMMAS and keys[u] not in IMPERFECT and _new_speaker(tk, u + 1):
                    return u  # وفيما أشار مسؤول إلى أن ...، أعلنت الحركة ...: the main clause, a new quote
            if (tk.raw[u - 1] in COMMAS and keys[u] in OPENERS and u > start_tok
                    and any(tk.cue[x] is not None for x in range(u + 1, min(sent_end_tok, u + 8)))):
                return u - 1
            w = _whereas(tk, u) if (keys[u] == _FI or keys[u] in _WHILE) else 0
            if w and u > start_tok and any(tk.cue[x] is not None for x in range(u + w, min(sent_end_tok, u + w + 2))):
                return u  # ... في حين حث الأطراف على ...: a contrasting clause with its own cue
            if keys[u] in _GLOSS and u >= 2 and keys[u - 1] == _FI and tk.raw[u - 2] in COMMAS:
                return u - 2
        u += 1
    return sent_end_tok


def _whereas(tk: Tokens, u: int) -> int:
    """Length of a contrastive subordinator at token u (في حين، بينما، فيما), else 0."""
    k = tk.keys[u]
    if k == _FI and u + 1 < tk.n and tk.keys[u + 1] == _HIN:
        return 2
    return 1 if k in _WHILE else 0


def _new_speaker(tk: Tokens, t: int) -> bool:
    """A phrase that can speak starts at token t: a title, a source, a body, a named person or body."""
    if t >= tk.n:
        return False
    np = chunk(tk, t, tk.sent_rng[tk.sent_of[t]][1])
    return np is not None and (bool(np.kind) or tk.mention.get(t, (0, ""))[1] in ("PER", "ORG"))


def _content_start(tk: Tokens, kind: str, t: int) -> int:
    """First token of the content for an opener of this kind at token t (past a bare إن/أن or a
    preposition, but a ب-prefixed word is itself the content's first word)."""
    keys = tk.keys
    if kind == "comp":
        return t if keys[t] not in BARE_COMPS else t + 1
    if kind == "colon":
        a = t + 1
        if a < tk.n and keys[a] in BARE_COMPS:
            a += 1
        return a
    if kind == "prep":
        return t if (keys[t].startswith("ب") and keys[t] != "ب") else t + 1
    return t


def build_content(tk: Tokens, kind: str, t: int) -> tuple[Span, bool] | None:
    """The content's char span and whether it is a direct quotation, from the opener at token t; None
    when there is no usable content (empty, or an indirect content of fewer than two words)."""
    if t >= len(tk.sent_of):  # the opener would start past the last token: nothing to quote
        return None
    lim_sent = tk.sent_rng[tk.sent_of[t]][1]
    a = _content_start(tk, kind, t)
    if kind == "quote":
        qa = t
    elif a < tk.n and tk.raw[a] in OPEN_QUOTES:
        qa = a
    else:
        qa = -1
    if qa >= 0:
        content, direct = _quoted_content(tk, a, qa)
        return ((content, direct) if content[1] > content[0] else None)
    if a >= lim_sent:
        return None
    end_tok = content_end(tk, a, lim_sent)
    content = char_span(tk, a, end_tok)
    return (content, False) if count_words(tk, a, end_tok) >= 2 else None


def _quoted_content(tk: Tokens, a: int, qa: int) -> tuple[Span, bool]:
    """Content opening with the quotation mark at token qa (a: the content's first token): the quotation
    itself, to the paragraph end when it never closes, or a mixed quotation when the sentence goes on
    after the closing mark (إن "هناك دلائل ..." النهج الذي ...)."""
    close = find_close(tk, qa)
    if close is None:
        nl = tk.text.find("\n", tk.ends[qa])
        stop = nl if nl >= 0 else len(tk.text)
        lim = qa + 1
        while lim < tk.n and tk.starts[lim] < stop:
            lim += 1
        return char_span(tk, qa + 1, lim), True
    nxt = close + 1
    if nxt < tk.n and tk.word[nxt] and tk.sent_of[nxt] == tk.sent_of[close]:
        end_tok = content_end(tk, nxt, tk.sent_rng[tk.sent_of[close]][1])
        return char_span(tk, a, end_tok), False
    return char_span(tk, qa + 1, close), True


def content_class(tk: Tokens, span: Span, cls: str) -> str:
    """The class a content gives a plain saying (or asserting) cue: a direct quotation opening with a
    first-person act (قال: «ندين ...»، «نطالب ...»), a denial (… غير صحيح، عارٍ من الصحة) or blame
    (تحمّل … المسؤولية)."""
    a = bisect_left(tk.starts, span[0])
    words = [tk.keys[t] for t in range(a, min(tk.n, a + 10)) if tk.word[t] and tk.starts[t] < span[1]]
    if not words:
        return cls
    first = words[1] if words[0] in BARE_COMPS and len(words) > 1 else words[0]
    first = first[2:] if first.startswith(("انن", "اننا")) and len(words) > 1 else first
    if cls == "say":
        act = PERFORMATIVE.get(first) or (PERFORMATIVE.get(first[1:]) if first[:1] in "وف" else None)
        if act is not None:
            return act
    head = " ".join(words[:8])
    if any(p in head for p in DENIAL_PHRASES):
        return "deny"
    if RESPONSIBILITY in words[:7] and any(w in BLAME_VERBS for w in words[:4]):
        return "accuse"
    return cls


def via_between(tk: Tokens, a: int, b: int) -> Span | None:
    """An intermediary named between the cue and the content: في مقابلة مع قناة روسيا 1، لصحيفة ..."""
    for t in range(a, b):
        k = tk.keys[t]
        stem = k[1:] if len(k) > 3 and k[0] in "لب" else k
        if stem in MEDIA and tk.word[t]:
            e = t + 1
            while e < b and e < t + 5 and tk.word[e] and tk.keys[e] not in BOUND and tk.keys[e] not in COMPS:
                e += 1
            s = tk.starts[t] + (1 if stem != k else 0)
            return (s, tk.ends[e - 1])
    return None
