"""Normalised shadow text for matching and search.

Arabic spelling varies where meaning does not (أ/إ/آ/ا, ة/ه, ى/ي, diacritics, tatweel), and words carry
proclitics (و ف ب ك ل ال). Matching and full-text search run on a shadow copy that erases these
differences; the original text is always what users see and what offsets point into.
"""

from __future__ import annotations

import re

_DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_STRIP = re.compile(f"[{_DIACRITICS}\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_LETTERS = {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ی": "ي", "ک": "ك",
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
        "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
}
# str.translate with a dict is slow on non-ASCII text (~0.4 ms per article); a chain of C-level
# replace calls skipping absent letters is 30x faster, and this runs on every stored word.
_REPLACEMENTS = tuple(_LETTERS.items())
_VARIANT_LETTERS = frozenset(_LETTERS)
#: Up to this length a string's variant letters are found by one set intersection over its characters; a
#: longer one (an article) is scanned once per variant letter, at memchr speed.
_SHORT = 64
_WORD = re.compile(r"[\w\u0600-\u06ff]+")


def fold_letters(s: str) -> str:
    """Variant letters unified, nothing else: one character for one, so offsets into `s` stay valid.

    No letter maps to a variant letter, so the replacements commute: a short string (a word, a name:
    most calls) replaces only the letters it holds, found in one pass, instead of testing all thirty.
    """
    if len(s) <= _SHORT:
        for a in _VARIANT_LETTERS.intersection(s):
            s = s.replace(a, _LETTERS[a])
        return s
    for a, b in _REPLACEMENTS:
        if a in s:
            s = s.replace(a, b)
    return s


def normalize(s: str) -> str:
    """Shadow form of any string: variant letters unified, diacritics and tatweel dropped, lower-cased."""
    return fold_letters(_STRIP.sub("", s)).lower()


def normalize_char(c: str) -> str:
    """Length-preserving form of one character (diacritics become empty)."""
    return normalize(c)


def strip_proclitics(word: str) -> str:
    """The stem a normalised word most likely has once its proclitics are removed.

    Only cuts what Arabic orthography makes unambiguous: a conjunction و/ف and a preposition ب/ك/ل in
    front of the article ال (والجيش، بالجيش، فبالجيش، للجيش → الجيش), plus a bare conjunction before a
    word long enough that the cut leaves a plausible stem. The lexicon-free heuristic errs towards
    keeping letters; search indexes both the word and this stem, so a rare wrong cut costs recall of
    nothing.
    """
    w = word
    if len(w) > 4 and w[0] in "وف" and (w[1:3] == "ال" or w[1:4] in ("بال", "كال", "لال") or w[1:3] == "لل"):
        w = w[1:]
    if len(w) > 4 and w[0] in "بك" and w[1:3] == "ال":
        w = w[1:]
    elif len(w) > 3 and w.startswith("لل"):
        w = "ال" + w[2:]
    elif len(w) > 4 and w[0] == "ل" and w[1:3] == "ال":
        w = w[1:]
    return w


def stems(word: str) -> list[str]:
    """Index terms for one normalised word.

    A proclitic before the article is unambiguous, so والجيش is indexed as الجيش alone; a bare و/ف/ب/ك/ل
    may be a root letter (وزير), so وروسيا is indexed both whole and as روسيا.
    """
    s = strip_proclitics(word)
    if s != word:
        return [s]
    if len(word) > 3 and word[0] in "وفبكل" and not word.startswith("ال"):
        return [word, word[1:]]
    return [word]


_TERMS: dict[str, str] = {}


def _terms_of(word: str) -> str:
    t = _TERMS.get(word)
    if t is None:
        if len(_TERMS) > 500_000:  # bounded: news vocabulary is Zipfian, the cache refills with what matters
            _TERMS.clear()
        t = _TERMS[word] = " ".join(stems(word))
    return t


_CLITIC_WORD = re.compile(r"(?<!\w)[وفبكل]\w{3,}")


def shadow_terms(text: str) -> str:
    """The FTS5 shadow column: normalised text with each word that may carry a proclitic replaced by its
    index terms. Only words starting with و ف ب ك ل can change, so only those pay a Python call; FTS5's
    tokenizer treats the remaining punctuation as separators."""
    return _CLITIC_WORD.sub(_terms_match, normalize(text))


def _terms_match(m: re.Match[str]) -> str:
    return _terms_of(m.group())


def query_terms(query: str) -> list[str]:
    """Search terms in the same space as `shadow_terms`: each query word reduced to its stem."""
    return [strip_proclitics(w) for w in _WORD.findall(normalize(query))]
