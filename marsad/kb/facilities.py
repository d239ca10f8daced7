"""Names of facilities and natural features: a head noun and the name after it make one place.

Arabic names a mountain, a camp, a hotel, an airport or a hospital by a head noun in construct with a
name: «جبل التركمان», «معسكر جورين», «فندق بيبلوس», «مطار دمشق الدولي», «مستشفى الملك فهد». A tagger
or a gazetteer sees only the name, and then calls the mountain a people, the hotel a village, the
hospital a king. When such a head noun stands right before a mention, the head and the mention are one
mention of the facility or feature; a person's name after the head (a king, a founder) names the
facility, never the person. A natural feature also takes a plain definite noun as its name («سهل
الغاب»), which a facility does not («مستشفى المدينة» is the city's hospital).

The heads are general vocabulary; nothing here knows a particular place.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.kb.tokens import clitic_forms, clitic_variants, norm_tokens, skip_letters, tokens_where
from marsad.text.normalize import normalize

Mention = tuple[int, int, str]

_NATURAL = ("جبل", "جبال", "سهل", "وادي", "نهر", "بحيرة", "جزيرة", "خليج", "مضيق", "تل", "هضبة", "صحراء", "سد",
            "شاطئ", "غابة", "واحة")
NATURAL_HEADS = frozenset(normalize(w) for w in _NATURAL)
# Heads that are also an adjective or a verb (سهل "easy", سد "to fill"): «سهل الاستخدام», «سد النقص».
# They name a feature only before a name the tagger or the gazetteer found («سهل حوران», «سد أسوان»).
AMBIGUOUS_HEADS = frozenset(normalize(w) for w in ("سهل", "سد", "تل"))
FACILITY_HEADS = frozenset(normalize(w) for w in (
    "معسكر", "مطار", "ميناء", "قاعدة", "مستشفى", "مسجد", "جامع", "كنيسة", "جامعة", "فندق", "قصر", "سجن",
    "ملعب", "مفرق", "معبر", "جسر", "ساحة", "ميدان", "شارع", "مدرسة", "محطة", "مرفأ", "برج", "مجمع", "سوق",
    "كلية", "معهد", "مصفاة", "منفذ", "دوار", "مستودع", "مخفر", "ثكنة", "حقل",
))
# Heads named after a person only: the embassy of «خادم الحرمين الشريفين» is the embassy, but the
# embassy of a country is better left to the country («سفارة فرنسا»).
PERSON_ONLY_HEADS = frozenset(normalize(w) for w in ("سفارة", "قنصلية", "مدينة", "مؤسسة", "مركز", "جائزة"))
# With the article the head needs an adjective-like one-word name after it («الملعب الأولمبي»).
DEFINITE_HEADS = frozenset(("ال" + h) for h in FACILITY_HEADS - {normalize("قاعدة")})
CANAL = normalize("قناة")
_HAMZA = "أإآ"
# Heads written without a hamza on alif: a token with one is another word that folds to the same
# letters (وأدى "and performed" is not وادي "valley").
_NO_HAMZA = frozenset(normalize(w) for w in _NATURAL if not any(h in w for h in _HAMZA))
_PREPOSITIONS = "بلك"  # a canal before a place («قناة السويس»), a channel before anything else
_PLACE = ("LOC", "GPE", "FAC")
_PERSON = ("PERS", "PER")


# Honorifics between a head and the person a facility is named after («مستشفى الملك فهد»).
HONORIFICS = frozenset(normalize(w) for w in (
    "الملك", "الأمير", "الأميرة", "الشيخ", "السلطان", "الإمام", "الشهيد", "المغفور",
))
_HEADS = NATURAL_HEADS | FACILITY_HEADS | PERSON_ONLY_HEADS | DEFINITE_HEADS | {CANAL}


#: the written forms a head noun may have (`clitic_forms`)
_HEAD_FORMS = frozenset(clitic_forms(_HEADS))


def _head(word: str, raw: str) -> tuple[str, int] | None:
    """(head, letters of proclitic before it) if the normalised `word` is a head noun (لمعسكر → معسكر).

    `raw` is the word as written, to tell a head from a hamzated word with the same letters."""
    h = _head_of(word)
    if h is not None and h[0] in _NO_HAMZA and any(c in raw for c in _HAMZA):
        return None
    return h


@lru_cache(maxsize=100_000)
def _head_of(word: str) -> tuple[str, int] | None:
    for v, cut in clitic_variants(word):
        if v in _HEADS:
            return v, cut
    return None


def _starts_with_preposition(word: str) -> bool:
    """A first word that carries a preposition is no name in construct («مسجد ببلدة القديح»)."""
    from marsad.kb.place_gate import PLACE_CUES

    return word[:1] in _PREPOSITIONS and word[1:] in PLACE_CUES


def head_type(head: str, ner: str, mention_words: Sequence[str]) -> str | None:
    """The type of «head + mention», or None when the head does not make a name of this mention."""
    from marsad.kb.store import get_kb

    is_person = ner.upper() in _PERSON
    if not mention_words or _starts_with_preposition(mention_words[0]):
        return None
    if len(mention_words) == 1 and mention_words[0] in get_kb().adjectives:
        return None  # an adjective, not a name: «مدرسة بريطانية»
    if head in PERSON_ONLY_HEADS:
        return ("ORG" if head in (normalize("سفارة"), normalize("قنصلية"), normalize("مؤسسة")) else "FAC") \
            if is_person else None
    if head == CANAL:
        return "LOC" if ner.upper() in _PLACE else None
    if head in DEFINITE_HEADS:
        w = mention_words[0] if len(mention_words) == 1 else ""
        if not w.startswith("ال") or is_person or w in get_kb().adjectives:
            return None
        return "FAC"
    return "LOC" if head in NATURAL_HEADS else "FAC"


def attach_heads(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` (sorted, non-overlapping) with each head noun right before one joined to it.

    A head that was itself matched as a one-word place (معسكر is also a town) is absorbed. A natural
    feature's head also joins the definite word after it when no mention follows.
    """
    toks = norm_tokens(text)
    if not toks:
        return list(mentions)
    starts = {t[0]: k for k, t in enumerate(toks)}
    ms = sorted(mentions)
    drop: set[int] = set()
    out: dict[int, Mention] = {}
    for n, (s, e, t) in enumerate(ms):
        k = starts.get(s)
        if k is None or k == 0 or text[toks[k - 1][1]:s].strip():
            continue
        if (k > 1 and t.upper() in _PERSON and toks[k - 1][2] in HONORIFICS
                and not text[toks[k - 2][1]:toks[k - 1][0]].strip()):
            k -= 1  # the honorific goes with the name: the head stands before it
        hs, he, hw = toks[k - 1]
        h = _head(hw, text[hs:he])
        if h is None:
            continue
        inside = [p for p, (ps, pe, _t) in enumerate(ms) if ps < he and hs < pe]
        if any(ms[p][0] < hs or ms[p][1] > he for p in inside):
            continue  # the head word belongs to a longer mention
        typ = head_type(h[0], t, [w for _a, _b, w in norm_tokens(text[s:e])])
        if typ is None:
            continue
        out[n] = (skip_letters(text, hs, h[1]) if h[1] else hs, e, typ)
        drop.update(inside)
    res = [out.get(n, m) for n, m in enumerate(ms) if n not in drop]
    return sorted(res + _natural_features(text, toks, res))


def _natural_features(text: str, toks: Sequence[tuple[int, int, str]], taken: Sequence[Mention]) -> list[Mention]:
    """«سهل الغاب», «جبل الشيخ»: a natural feature's head and the definite word after it, where free."""
    out: list[Mention] = []
    # the head test once per word type that may be one; the raw word is cut out only for the few heads
    for k in tokens_where(text, _HEAD_FORMS, _head_of):
        if k + 1 >= len(toks):
            continue
        h = _head(toks[k][2], text[toks[k][0]:toks[k][1]])
        if h is None or h[0] not in NATURAL_HEADS or h[0] in AMBIGUOUS_HEADS:
            continue
        if text[toks[k][1]:toks[k + 1][0]].strip():
            continue
        nxt = toks[k + 1][2]
        if not nxt.startswith("ال") or len(nxt) < 5:
            continue
        s = skip_letters(text, toks[k][0], h[1]) if h[1] else toks[k][0]
        e = toks[k + 1][1]
        if any(ts < e and s < te for ts, te, _t in taken):
            continue
        out.append((s, e, "LOC"))
    return out
