"""Tokenisation in the normalised space, with offsets into the original text.

Every KB key is a space-joined sequence of normalised words, so the matcher, the builder and the linker
must cut words identically; this module is that one definition. Offsets always point into the original
text, because `normalize` drops diacritics and is therefore not length-preserving on whole strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Set
from functools import cache, lru_cache
from itertools import chain

from marsad.text.normalize import normalize, strip_proclitics

# Letters, digits and Arabic marks; not Arabic punctuation (، ؛ ؟ ٪ sit in the same Unicode block, and a
# name before a comma, `الدولة الإسلامية،`, must still be the name).
WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]+")
_CLITIC_ONE = "وفبكل"


#: Texts up to this long (a mention, a name) are memoised apart from whole articles.
SHORT_TEXT = 64


def norm_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, normalised word) for each word of `text`; words that normalise to nothing are skipped.

    Memoised on the text because the dictionary matcher and the linker both walk the whole article. Short
    texts (mentions, asked for by the dozen per article) have a cache of their own: in one shared 8-slot
    cache they pushed the article out, which was then tokenised again by the next pass.
    """
    return _norm_short(text) if len(text) <= SHORT_TEXT else _norm_long(text)


@lru_cache(maxsize=4096)
def _norm_short(text: str) -> tuple[tuple[int, int, str], ...]:
    return _norm_tokens(text)


@lru_cache(maxsize=8)
def _norm_long(text: str) -> tuple[tuple[int, int, str], ...]:
    if clitic_variants.cache_info().currsize > VARIANTS_MAX:  # once per article: the word memo's bound
        clitic_variants.cache_clear()
    return _norm_tokens(text)


def _norm_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    ms = list(WORD.finditer(text))
    if not ms:
        return ()
    # one normalize() call for the whole article: words never contain newlines, so the split is exact
    normed = normalize("\n".join(map(_GROUP, ms))).split("\n")
    out = tuple(zip(map(_START, ms), map(_END, ms), normed, strict=True))  # C-level, per word
    return tuple(t for t in out if t[2]) if "" in normed else out


_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


@lru_cache(maxsize=8)
def word_index(text: str) -> dict[str, list[int]]:
    """Each normalised word of `text` → the indexes of its tokens in `norm_tokens(text)` (memoised: the
    passes over an article each look up the few words that can start what they add)."""
    out: dict[str, list[int]] = {}
    for k, t in enumerate(norm_tokens(text)):
        at = out.get(t[2])
        if at is None:
            out[t[2]] = [k]
        else:
            at.append(k)
    return out


@lru_cache(maxsize=8)
def token_bounds(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The starts and the ends of `norm_tokens(text)`, each increasing: for bisecting (memoised)."""
    toks = norm_tokens(text)
    return tuple(t[0] for t in toks), tuple(t[1] for t in toks)


def clitic_forms(stems: Iterable[str]) -> set[str]:
    """Every word that may have one of `stems` among its `clitic_variants`: the stem itself, after one or
    two proclitics (وال…، بال…، وب…), or after «لل» for the article (للجيش → الجيش). A superset: a caller tests
    the words of a text it holds exactly, having skipped all the others at C speed."""
    out: set[str] = set()
    for f in stems:
        out.add(f)
        out.update(c + f for c in _CLITIC_ONE)
        out.update(a + b + f for a in "وف" for b in "بكل")
        if f.startswith("ال"):
            out.update(p + "لل" + f[2:] for p in ("", "و", "ف"))
    return out


def tokens_where(text: str, forms: Set[str], test: Callable[[str], object]) -> list[int]:
    """Sorted indexes of the tokens of `text` whose word passes `test`; only words in `forms` (a superset
    of those that can pass, `clitic_forms`) are tested, each word type once. The smaller of the article's
    words and `forms` is walked (a frozenset or a key view on the right of ``keys() &`` is walked whole)."""
    index = word_index(text)
    small, big = (forms, index) if len(forms) < len(index) else (index, forms)
    hits = [w for w in filter(big.__contains__, small) if test(w)]
    return sorted(chain.from_iterable(map(index.__getitem__, hits)))


def norm_key(s: str) -> str:
    """The KB key of a name: its normalised words joined by single spaces."""
    return " ".join(WORD.findall(normalize(s)))


#: Word types `clitic_variants` remembers before it starts afresh (checked once per article).
VARIANTS_MAX = 200_000


@cache
def clitic_variants(word: str) -> tuple[tuple[str, int], ...]:
    """Readings of a normalised word with proclitics removed, as (stem, letters cut), most literal first.

    The whole word always comes first, so `وليد` is only read as `ليد` if `وليد` itself is unknown. Cuts
    leave at least three letters: shorter stems are mostly accidents (بكر → كر).

    An unbounded cache, emptied by `_norm_long` once it holds `VARIANTS_MAX` words: a bounded LRU cache
    keeps a linked list cell per word, which the garbage collector walks in every full collection (a run
    added one per new word type), and a bounded dict of our own costs a Python call per lookup.
    """
    return _clitic_variants(word)


def _clitic_variants(word: str) -> tuple[tuple[str, int], ...]:
    if word[:1] not in _CLITIC_ONE:  # no proclitic to cut (most words, the definite ones among them)
        return ((word, 0),)
    out = [(word, 0)]
    s = strip_proclitics(word)
    if s != word:
        out.append((s, len(word) - len(s)))  # للتنظيم → التنظيم cuts nothing visible: the span keeps لل
    if len(word) > 3 and word[0] in _CLITIC_ONE:
        out.append((word[1:], 1))
        if len(word) > 4 and word[0] in "وف" and word[1] in "بكل":
            out.append((word[2:], 2))
    seen: set[str] = set()
    res = []
    for v, k in out:
        if v not in seen and len(v) >= 3:
            seen.add(v)
            res.append((v, k))
    return tuple(res) or ((word, 0),)


def skip_letters(original: str, start: int, k: int) -> int:
    """Offset in `original` after `k` base letters from `start` (diacritics/tatweel are not letters)."""
    i = start
    seen = 0
    while i < len(original) and seen < k:
        if normalize(original[i]):
            seen += 1
        i += 1
    while i < len(original) and not normalize(original[i]):
        i += 1
    return i


def bare_member(word: str, vocab: frozenset[str] | set[str]) -> str | None:
    """The member of `vocab` a token is once proclitics and the article are off (وللجنة → لجنه), else None:
    how head nouns, classifiers and title heads are recognised whatever is attached to them."""
    for v, _cut in clitic_variants(word):
        bare = v[2:] if v.startswith("ال") and len(v) > 4 else v
        if bare in vocab:
            return bare
    return None


def other_abd_spelling(words: list[str]) -> list[str] | None:
    """The name with its «عبد» compounds spelt the other way (علي عبدالله صالح ↔ علي عبد الله صالح): news
    writes both, the KB holds one. None when the name has no such compound."""
    if any(w == "عبد" for w in words[:-1]):
        out: list[str] = []
        k = 0
        while k < len(words):
            if words[k] == "عبد" and k + 1 < len(words):
                out.append("عبد" + words[k + 1])
                k += 2
            else:
                out.append(words[k])
                k += 1
        return out
    if any(w.startswith("عبد") and len(w) > 5 for w in words):
        return [p for w in words for p in (("عبد", w[3:]) if w.startswith("عبد") and len(w) > 5 else (w,))]
    return None
