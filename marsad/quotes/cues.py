"""Cue finding: the reporting words of a text and, around each, the explicit speaker and the content.

One scan over the tokens; work happens only at the few cue tokens. Each construction has its own reader:
reporting verbs (VSO, SVO after إنّ or a relative, pro-drop), circumstantial participles (مؤكداً),
attribution prepositions (بحسب X، وفقاً لـ X) and backward attributions (…، بحسب ما قال X), نقل عن X قوله
with an intermediary, بالقول, and a headline `X: ...`. A reader returns a `Draft`: the cue, its class,
the content span and either the explicit speaker phrase or the agreement features of a pro-drop subject,
which `marsad.quotes.speakers` later resolves.

Negation: `لم ينفِ` is not a denial; it is reported as `assert` with `negated = True`. Any other negated
cue (لم يؤكد، لم يتهم) reports that something was *not* said, so it yields no draft.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from marsad.quotes.content import (
    build_content,
    content_class,
    find_opener,
    opens,
    participle_opener,
    plain_object,
    via_between,
)
from marsad.quotes.lexicon import (
    ATTRIB_MA,
    CHARGES,
    CLASS_BY_PREP,
    COMPS,
    IMPERFECT,
    IMPERSONAL,
    MARKER_REQUIRED,
    NEG,
    NOUN_HOMOGRAPHS,
    NQAL_MASDAR,
    OBJ_VERBS,
    OPENERS,
    PREPS,
    CueForm,
)
from marsad.quotes.phrases import NP, chunk, np_before, quoted_name, speakable, statement_source
from marsad.quotes.subjects import verb_subject
from marsad.quotes.tokens import (
    BOUND,
    COMMAS,
    OPEN_QUOTES,
    Tokens,
    char_span,
    count_words,
    skip_adv,
)
from marsad.text import normalize

_TEMPORAL_NOUNS = frozenset(normalize(w) for w in ("أيام", "ساعات", "أسابيع", "أشهر", "يومين", "شهرين", "سنوات"))
_AN = normalize("عن")
_MA = normalize("ما")
_MIN = normalize("من")
_HASABAMA = normalize("حسبما")
_KAMA = normalize("كما")
_WAKAMA = normalize("وكما")
_BIL_QAWL = normalize("بالقول")
_DASHES = (normalize("–"), "-", "–")
_LI = ("ل", _AN, normalize("لـ"))
_WITH_LI = frozenset(normalize(w) for w in ("وفقا", "طبقا", "وفق"))  # their source carries ل
_THEN = (normalize("فإن"), normalize("فقد"), normalize("فان"))
_INNA = frozenset(normalize(w) for w in ("إن", "أن", "فإن", "وإن", "لأن", "بأن", "وأن"))
_QAWL = frozenset(normalize(w) for w in ("بالقول", "قائلا"))
_OWN_STATEMENT = ("قول", "افاد", "تعبير", "وصف", "تصريح")  # حسب إفادته: the source was already named


@dataclass(slots=True)
class Draft:
    """One quote as cue finding leaves it: token positions and char spans, speaker not yet resolved."""

    cue_a: int  # token range of the cue words
    cue_b: int
    cls: str
    form: CueForm | None
    sent: int
    content: tuple[int, int] = (0, 0)  # char offsets
    direct: bool = False
    np: NP | None = None  # explicit speaker in the text
    pro: tuple[str, str] | None = None  # features a pro-drop subject must agree with
    via: tuple[int, int] | None = None  # char offsets
    negated: bool = False
    embedded: bool = False
    masdar_end: int | None = None  # نقل عنه قوله: the cue's text runs to the end of the masdar
    attribution: str | None = None  # "before" / "after": where a بحسب-style source stands


def find_cues(tk: Tokens) -> list[Draft]:
    """Every quote draft of a segmented text, in scan order, with nested quotes marked `embedded`."""
    drafts: list[Draft] = []
    title = _title_quote(tk)
    if title is not None:
        drafts.append(title)
    consumed = -1
    for i in tk.triggers:
        if i <= consumed or not tk.word[i]:
            continue
        k = tk.keys[i]
        c = tk.cue[i]
        q: Draft | None = None
        if c is not None:
            form, procl = c
            if form.kind == "verb":
                q = _verb(tk, i, form, procl)
            elif form.kind == "part":
                q = _participle(tk, i, form)
            else:
                q = _nqal(tk, i, form)
        elif tk.attr[i]:
            q = _attrib(tk, i)
        elif k in _QAWL:
            q = _bil_qawl(tk, i)
        if q is not None:
            drafts.append(q)
            if q.np is not None and q.np.a > i:
                consumed = max(consumed, q.np.b - 1)  # a post-verbal subject holds no cue of its own
    for q in drafts:
        if q.cls == "say" or q.cls == "assert":
            q.cls = content_class(tk, q.content, q.cls)
        if q.cls == "say" and q.form is not None and q.form.lemma == "وصف" and _charges(tk, q.content):
            q.cls = "accuse"
    return mark_embedded(tk, drafts)


def mark_embedded(tk: Tokens, drafts: list[Draft]) -> list[Draft]:
    """Flag drafts whose cue lies inside an earlier draft's content (a quote inside a quote); drop those
    that are a description rather than a report (النتائج تؤكد ...: an imperfect verb with no subject after
    it). The outer content is not cut."""
    drop: list[Draft] = []
    for q in drafts:
        cs = tk.starts[q.cue_b - 1]
        for o in drafts:
            if o is not q and o.content[0] <= cs < o.content[1] and o.cue_a < q.cue_a:
                q.embedded = True
                k = tk.keys[q.cue_b - 1]
                if (k in IMPERFECT or k[1:] in IMPERFECT) and (q.np is None or q.np.a < q.cue_a):
                    drop.append(q)
                break
    if drop:
        return [q for q in drafts if q not in drop]
    return drafts


def _title_quote(tk: Tokens) -> Draft | None:
    """Headline `لافروف: ...`: a short noun phrase and a colon on the title line."""
    t = 0
    while t < tk.n and tk.starts[t] < tk.title_end:
        if tk.raw[t] == ":" and 0 < t <= 5:
            np = chunk(tk, 0, t)
            if (np is not None and np.b == t and not tk.keys[0].isascii()
                    and all(tk.cue[x] is None for x in range(t))):
                q = Draft(t, t + 1, "say", None, tk.sent_of[t], np=np)
                stop = t + 1
                while stop < tk.n and tk.starts[stop] < tk.title_end:
                    stop += 1
                q.content = char_span(tk, t + 1, stop)
                if q.content[1] - q.content[0] > 3:
                    return q
            return None
        t += 1
    return None


def _negated(tk: Tokens, i: int) -> bool:
    return i > 0 and tk.keys[i - 1] in NEG


def _negate(q: Draft, i: int) -> bool:
    """Apply a negation before the cue at token i: False when the draft must be dropped (only a negated
    denial, لم ينفِ, still reports something: that the speaker let the claim stand)."""
    if q.cls != "deny":
        return False
    q.cls, q.negated, q.cue_a = "assert", True, i - 1
    return True


def _verb(tk: Tokens, i: int, form: CueForm, procl: bool) -> Draft | None:
    """A reporting verb at token i (procl: it carries و/ف)."""
    sid = tk.sent_of[i]
    s_a, s_b = tk.sent_rng[sid]
    q = Draft(i, i + 1, form.cls, form, sid)
    keys = tk.keys
    # attribution after the content: بحسب ما ذكر X، وفق ما أعلن X، كما قالت X
    prev = keys[i - 1] if i > s_a else ""
    prev2 = keys[i - 2] if i - 1 > s_a else ""
    backward = (prev == _MA and prev2 in ATTRIB_MA) or prev == _HASABAMA
    maybe_backward = prev == _KAMA or prev == _WAKAMA
    if _negated(tk, i) and not _negate(q, i):
        return None
    np, q.pro, after, svo = verb_subject(tk, i, form, procl, backward)
    if backward or maybe_backward:
        op = None
        if not backward:
            op, q.via = find_opener(tk, form, after, s_b, np is not None, q.via)
        if op is None:
            return _backward(tk, q, i - (2 if backward and prev == _MA else 1), np, s_a, after)
    # نقلاً عن X inside the frame: the relayed speaker is X, the subject is the intermediary
    t = after
    while t < min(s_b - 1, after + 4):
        if tk.attr[t] and keys[t + 1] == _AN:
            relayed = chunk(tk, t + 2, s_b)
            if relayed is not None:
                if np is not None:
                    q.via = char_span(tk, np.a, np.b)
                np = relayed
                after = relayed.b
            break
        t += 1
    op, q.via = find_opener(tk, form, after, s_b, svo or (np is not None and np.a > i), q.via)
    if op is None:
        return None
    kind, t = op
    if form.lemma in MARKER_REQUIRED and kind == "dobj":
        return None
    if form.lemma in NOUN_HOMOGRAPHS and (np is None or not np.kind or np.a < i):
        return None  # ثمن: a cue only with a title, source or body after it
    _class_by_prep(tk, q, kind, t)
    built = build_content(tk, kind, t)
    if built is None:
        return None
    q.content, q.direct = built
    if q.via is None:
        q.via = via_between(tk, after, t)
    q.np = np
    if np is None and q.pro is None:
        if keys[i] in IMPERSONAL:
            return None  # يُذكر أن ...: the journalist's aside, not a quote
        q.pro = (form.gender, form.number)
    return q


def _backward(tk: Tokens, q: Draft, attr_tok: int, np: NP | None, s_a: int, after: int) -> Draft | None:
    """…، بحسب ما قال X / كما أكد X: the content is the sentence before the attribution (token attr_tok)."""
    if np is None or np.a < q.cue_a:
        j = after
        if j + 1 < tk.n and tk.keys[j] in PREPS and tk.keys[j + 1] in _TEMPORAL_NOUNS:
            j += 2
        np = chunk(tk, j, tk.sent_rng[q.sent][1])
    if np is None:
        return None
    s, e = char_span(tk, s_a, attr_tok)
    if count_words(tk, s_a, attr_tok) < 3:
        return None
    q.content, q.np = (s, e), np
    q.attribution = "after"
    return q


def _participle(tk: Tokens, i: int, form: CueForm) -> Draft | None:
    """A circumstantial participle (…، مؤكداً أن): the content must open right after it."""
    sid = tk.sent_of[i]
    s_a, s_b = tk.sent_rng[sid]
    if i + 1 >= s_b:
        return None
    if i > 0 and tk.raw[i - 1][:1].isdigit():
        return None  # 41 متهماً: a noun after a number
    o = participle_opener(tk, i, s_b, form)
    ok = o is not None
    if o is None:
        o = i + 1
    k = tk.keys[o]
    tok = tk.raw[o]
    if form.lemma == "قال":
        ok = ok or tk.word[i + 1]
    if not ok and form.lemma in OBJ_VERBS and _object_then_content(tk, i + 1, s_b, form):
        return _participle_with_object(tk, i, form, sid, "objprep")
    if not ok and form.direct_object and i > s_a and tk.raw[i - 1] in COMMAS and plain_object(tk, i + 1):
        return _participle_with_object(tk, i, form, sid, "dobj")  # ...، مؤكداً تضامن بلاده مع ...
    if not ok:
        return None
    q = Draft(i, i + 1, form.cls, form, sid)
    if _negated(tk, i) and not _negate(q, i):
        return None
    kind = "comp" if k in COMPS else "quote" if tok in OPEN_QUOTES else "colon" if tok == ":" else "prep"
    if kind == "prep" and o + 1 < s_b and tk.keys[o + 1] in COMPS:
        kind, t = "comp", o + 1
    else:
        t = o
    if form.lemma == "قال" and kind == "prep" and k not in form.preps:
        kind = "dobj"
    _class_by_prep(tk, q, kind, t)
    built = build_content(tk, kind, t)
    if built is None:
        return None
    q.content, q.direct = built
    q.pro = (form.gender, form.number)
    return q


def _class_by_prep(tk: Tokens, q: Draft, kind: str, t: int) -> None:
    """نوّه إلى (say) / نوّه بـ (express), نبّه إلى (say) / نبّه من (warn): the preposition decides."""
    if q.form is None or q.form.lemma not in CLASS_BY_PREP:
        return
    prep = tk.keys[t] if kind == "prep" else tk.keys[t - 1] if kind == "comp" and t > 0 else ""
    q.cls = CLASS_BY_PREP[q.form.lemma].get(prep[:1] if prep.startswith("ب") else prep, q.cls)


def _object_then_content(tk: Tokens, a: int, lim: int, form: CueForm) -> bool:
    """داعياً إسرائيل «للتوقف ...»، متهماً الحكومة بـ...: a short object, then the content opens."""
    for t in range(a, min(lim, a + 5)):
        if t > a and opens(tk, t, form):
            return True
        if not tk.word[t] or (tk.keys[t] in BOUND and not (t == a and tk.keys[t] == _MA)) or tk.cue[t] is not None:
            return False  # واصفاً ما حدث «بعملية إعدام»: «ما» may open the object
    return False


def _participle_with_object(tk: Tokens, i: int, form: CueForm, sid: int, kind: str) -> Draft | None:
    """A participle whose object comes first: the object is part of what was said (objprep), or is the
    content itself (dobj)."""
    q = Draft(i, i + 1, form.cls, form, sid)
    if _negated(tk, i) and not _negate(q, i):
        return None
    built = build_content(tk, kind, i + 1)
    if built is None:
        return None
    q.content, q.direct = built
    q.pro = (form.gender, form.number)
    return q


def _bil_qawl(tk: Tokens, i: int) -> Draft | None:
    """ومضى قائلاً / وتابع بالقول / واختتم المصدر بالقول: the speaker sits between verb and بالقول."""
    if tk.keys[i] != _BIL_QAWL:
        return None
    sid = tk.sent_of[i]
    s_a, s_b = tk.sent_rng[sid]
    if i + 1 >= s_b:
        return None
    q = Draft(i, i + 1, "say", None, sid)
    np = np_before(tk, i, s_a)
    if np is not None and np.a == s_a:
        np = None  # the sentence-initial verb itself
    q.np = np
    if np is None:
        v = tk.keys[i - 1] if i > s_a else ""
        q.pro = ("f", "sg") if v.endswith("ت") else ("m", "pl") if v.endswith("وا") else ("m", "sg")
    t = i + 1
    if tk.keys[t] in _DASHES or tk.raw[t] in "-–—":
        # ومضت المصادر بالقول – نقلا عن أحد المرتزقة – إن ...
        u = t + 1
        while u < s_b and tk.raw[u] not in "-–—":
            u += 1
        if u + 1 < s_b and tk.attr[t + 1] and tk.keys[t + 2] == _AN:
            relayed = chunk(tk, t + 3, u)
            if relayed is not None:
                if q.np is not None:
                    q.via = char_span(tk, q.np.a, q.np.b)
                q.np, q.pro = relayed, None
        t = u + 1
    k = tk.keys[t] if t < tk.n else ""
    tok = tk.raw[t] if t < tk.n else ""
    kind = "comp" if k in COMPS else "quote" if tok in OPEN_QUOTES else "colon" if tok == ":" else "dobj"
    built = build_content(tk, kind, t)
    if built is None:
        return None
    q.content, q.direct = built
    return q


def _nqal(tk: Tokens, i: int, form: CueForm) -> Draft | None:
    """نقلت وكالة تاس عن الجيش قوله إن ...: speaker after عن, the subject is the intermediary."""
    sid = tk.sent_of[i]
    s_b = tk.sent_rng[sid][1]
    keys = tk.keys
    j = skip_adv(tk, i + 1, s_b)
    via = chunk(tk, j, s_b)
    t = via.b if via is not None else j
    t = skip_adv(tk, t, s_b)
    u = t
    while u < min(s_b, t + 3) and tk.word[u] and keys[u] != _AN and keys[u] not in COMPS:
        u += 1  # a complement of the intermediary's name (وكالة تاس الروسية للأنباء)
    if u < s_b and keys[u] == _AN:
        t = u
    if t >= s_b or keys[t] != _AN:
        return None  # نقلت عن X with the subject after X, or no relayed speaker at all
    sp = chunk(tk, t + 1, s_b)
    if sp is None:
        return None
    q = Draft(i, i + 1, "say", form, sid, np=sp)
    u = skip_adv(tk, sp.b, s_b)
    if u < s_b and keys[u] in NQAL_MASDAR:
        q.cls = NQAL_MASDAR[keys[u]]
        q.masdar_end = tk.ends[u]
        u += 1
    if via is not None:
        q.via = char_span(tk, via.a, via.b)
    op, q.via = find_opener(tk, q.form, u, s_b, True, q.via)
    if op is None:
        return None
    built = build_content(tk, *op)
    if built is None:
        return None
    q.content, q.direct = built
    return q


def _attrib(tk: Tokens, i: int) -> Draft | None:
    """بحسب X / وفقاً لـ X / نقلاً عن X: before its content (sentence-initial) or after it."""
    sid = tk.sent_of[i]
    s_a, s_b = tk.sent_rng[sid]
    keys = tk.keys
    j = i + 1
    if j < s_b and keys[j] in _LI:
        j += 1
    if j < s_b and keys[j] == _MA:
        return None  # بحسب ما قال X: handled at the verb
    if j >= s_b:
        return None
    sp = quoted_name(tk, j, s_b) or chunk(tk, j, s_b, lead_ok=True)
    if sp is None:
        return None
    if (keys[i] in _WITH_LI or keys[i][1:] in _WITH_LI) and j == i + 1 and keys[j][:1] == "ل" \
            and not keys[j].startswith("لل") and not sp.lead:
        sp = replace(sp, lead=1)  # وفقاً لأوباما: the speaker is «أوباما»
    head = keys[sp.a]
    if head.endswith(("ه", "ها", "هم")) and head.startswith(_OWN_STATEMENT):
        return None  # حسب إفادته: attributes to someone already named; not a new source
    src = statement_source(tk, sp, s_b)
    who = src if src is not None else sp
    if not speakable(tk, who):
        return None  # حسب الاختيار، وفق الجدول الزمني، طبقاً لبعض التصريحات: no one is quoted
    end = max(sp.b, who.b)  # the content is read after the whole source phrase
    sp = replace(sp, b=end)
    q = Draft(i, i + 1, "say", None, sid, np=who)
    first_word = s_a
    while first_word < i and not tk.word[first_word]:
        first_word += 1
    initial = (i == first_word or (i == first_word + 1 and keys[first_word] in OPENERS)
               or (i > s_a and tk.raw[i - 1] in COMMAS))
    nxt = skip_adv(tk, sp.b, s_b)
    if not initial and nxt < s_b and keys[nxt] in COMPS:
        # وأظهرت دراسة، وفقاً لصحيفة ...، أن ...: the content follows the attribution
        built = build_content(tk, "comp", nxt)
        if built is None:
            return None
        q.content, q.direct = built
        return q
    by_comma = i > first_word and tk.raw[i - 1] in COMMAS
    if initial or keys[i].startswith("و") and i == first_word:
        built = build_content(tk, "dobj", _content_after_source(tk, sp, s_b))
        if built is not None:
            q.content, q.direct = built
            q.attribution = "before"
            return q
        if not by_comma:
            return None
    if count_words(tk, s_a, i) < 3:
        return None
    q.content = char_span(tk, s_a, i)
    q.attribution = "after"
    return q


def _content_after_source(tk: Tokens, sp: NP, s_b: int) -> int:
    """Where the content starts after a sentence-initial attribution's source: after a comma, فإن or فقد
    (بحسب الشركة فإن ...), else right after the source."""
    keys = tk.keys
    t = sp.b
    while t < s_b and tk.raw[t] not in COMMAS and not keys[t].startswith("ف") \
            and keys[t] not in COMPS and t < sp.b + 25:
        t += 1
    if t < s_b and tk.raw[t] in COMMAS:
        t += 1
    if t < s_b and keys[t] in _THEN:
        t += 1
    if t >= s_b:
        t = sp.b
    return t


def _charges(tk: Tokens, span: tuple[int, int]) -> bool:
    """Whether a description's complement names a crime (بالجريمة النكراء، بالعمل الإرهابي الجبان): see `CHARGES`."""
    a = bisect_left(tk.starts, span[0])
    for t in range(a, min(tk.n, a + 6)):
        if tk.starts[t] >= span[1]:
            break
        k = tk.keys[t]
        if t > a and k in _CHARGE_STOPS:
            break  # «معركة ضد الإرهاب»: the crime is what the described thing fights, not what it is
        for v in (k, k[1:] if k[:1] in "بو" else k, k[3:] if k.startswith(("بال", "وال")) else k,
                  k[2:] if k.startswith("ال") else k):
            if v in CHARGES or ("ال" + v) in CHARGES:
                return True
    return False


_CHARGE_STOPS = frozenset({"ضد", "علي", "على", "في", "من", "مع", "عن", "الي", "إلى", "لمكافحه", "مكافحه"})
