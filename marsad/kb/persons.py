"""Persons introduced in apposition with a title whom the tagger missed: «محافظ القطيف خالد الصفيان».

News introduces a person once, with a title before the name («رئيس الهيئة الفريق مهاب مميش») or after it
(«وحيد مزهده المحلل الأفغاني»), and then by surname («وقال مميش»). A statistical tagger often misses a
name it has never seen, yet the apposition says a name stands there: a title chain, then a given name
(`data/given_names.txt`), then the rest of the name: a lineage (بن …، آل …), one definite family name
(الصفيان), or an unknown word that ends the phrase (before punctuation, a title, a preposition). Such a
name becomes a person, joined with a person already found whose name is part of it, and the surname's
later occurrences become his mentions when the surname is not an ordinary word.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from marsad.document import Entity, Span
from marsad.kb.common_words import zipf
from marsad.kb.coref import is_partial_name, name_words
from marsad.kb.link import unknown_id
from marsad.kb.titles import RANKS, STOPS, TokenDoc, title_after, title_before, title_head
from marsad.kb.tokens import clitic_variants, norm_key, skip_letters
from marsad.ner.resources import CLUSTERS_FILE, MODEL_DIR, read_clusters

GIVEN_NAMES_FILE = Path(__file__).resolve().parent / "data" / "given_names.txt"
_NASAB = frozenset(("بن", "ابن", "بنت", "ال"))  # ال is the normalised آل (آل سعود)
COMMON_SURNAME_ZIPF = 3.0  # a surname at least this common is an ordinary word too (الأسد، هادي)
MAX_NAME = 5


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given-name lexicon, loaded once per process."""
    with open(GIVEN_NAMES_FILE, encoding="utf-8") as fh:
        return frozenset(w for w in (line.strip() for line in fh) if w and not w.startswith("#"))


#: A word2vec cluster (the NER's 256-way level) is a cluster of names when at least this share of its
#: words are listed given names and at least `_NAME_CLUSTER_MIN` of them are.
_NAME_CLUSTER_SHARE = 0.04
_NAME_CLUSTER_MIN = 20


@lru_cache(maxsize=1)
def cluster_names() -> frozenset[str]:
    """Words the corpus uses where it uses given names: the words without a proclitic or article in the
    NER's word2vec clusters (trained on SaudiNewsNet, `ner/model/clusters.tsv`) in which the listed given
    names gather. A learnt, noisy extension of the hand list (راجح، تمار): the clusters also hold titles
    and verbs, so only a reader that already knows a name stands there may use it (the quote layer's
    speaker after a title); the apposition reader here does not."""
    by_cluster: dict[str, list[str]] = {}
    for word, ids in read_clusters(MODEL_DIR / CLUSTERS_FILE).items():
        if len(ids) == 3 and word.isalpha():
            by_cluster.setdefault(ids[1], []).append(word)
    names = given_names()
    out: set[str] = set()
    for words in by_cluster.values():
        hits = sum(w in names for w in words)
        if hits >= _NAME_CLUSTER_MIN and hits >= _NAME_CLUSTER_SHARE * len(words):
            out.update(w for w in words if len(w) >= 3 and not w.startswith(("ال", "و", "ب", "ل", "ف"))
                       and w not in RANKS and w not in STOPS and title_head(w) is None)
    return frozenset(out)


@lru_cache(maxsize=100_000)
def _given_reading(word: str) -> tuple[str, int] | None:
    """(given name or kunya word, letters of the و/ف cut before it) a normalised word can be, else None."""
    names = given_names()
    for v, cut in clitic_variants(word):
        if cut and word[0] not in "وف":
            continue  # after a preposition («لصالح نظام …») a given name is no apposition
        if v in names or v == "ابو":
            return v, cut
    return None


def _given(d: TokenDoc, k: int) -> int | None:
    """Letters of a proclitic before a given name or a kunya (أبو …) at token k (ومحمد → 1), or None.

    «على» (on) normalises like the name «علي»: only the spelling with ي is the name."""
    hit = _given_reading(d.toks[k][2])
    if hit is None:
        return None
    v, cut = hit
    if v == "ابو":
        return cut if k + 1 < len(d.toks) and not d.gap[k] else None
    if v == "علي" and d.text[d.toks[k][0]:d.toks[k][1]].endswith("ى"):
        return None
    return cut


def _name_end(d: TokenDoc, k: int, covered: set[int], lone: set[int]) -> int | None:
    """Last token of the name that starts with the given name at token k, or None for a lone word."""
    n = len(d.toks)
    j = k
    while j + 1 < n and j + 1 - k < MAX_NAME and not d.gap[j] and j + 1 not in covered:
        w = d.toks[j + 1][2]
        raw = d.text[d.toks[j + 1][0]:d.toks[j + 1][1]]
        if w in _NASAB and (w != "ال" or raw in ("آل", "ال")) and j + 2 < n and not d.gap[j + 1] \
                and (j + 2 not in covered or j + 2 in lone):
            j += 2
            continue
        if w in STOPS or w in RANKS or title_head(w) is not None:
            break
        if (w in given_names() and j == k) or (j == k and d.toks[k][2][-3:] == "ابو"):
            j += 1  # a double given name (محمد علي), or the name in a kunya (أبو محمد)
            continue
        if w.startswith("ال") and len(w) > 3:
            j += 1  # one family name: the name ends here unless a lineage follows
            if not (j + 1 < n and not d.gap[j] and d.toks[j + 1][2] in _NASAB):
                break
            continue
        nxt = d.toks[j + 2][2] if j + 2 < n else ""
        if d.gap[j + 1] or j + 2 >= n or nxt in STOPS or nxt in RANKS or title_head(nxt) is not None:
            j += 1  # an unknown word that ends the phrase: a surname (مهاب مميش،)
        break
    return j if j > k else None


def add_apposed_persons(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with the persons named in apposition to a title added (see module doc)."""
    d = TokenDoc(text, entities)
    n = len(d.toks)
    if n < 3:
        return entities
    covered = d.covered(entities)
    lone = {i for i, e in d.per_at.items() if d.per_end.get(i) is e}  # a one-word person (ابراهيم)
    out = list(entities)
    # the memoised reading over all words at once: most words are no given name, and `_given` is then None
    maybe = list(map(_given_reading, [t[2] for t in d.toks]))
    todo = [k for k, m in enumerate(maybe) if m is not None]  # only these can start a name
    at = 0
    while at < len(todo):
        k = todo[at]
        cut = None if k in covered else _given(d, k)
        end = _name_end(d, k, covered, lone) if cut is not None else None
        if end is None or (not _apposed_before(d, k) and title_after(d, end) is None):
            at += 1
            continue
        start = skip_letters(text, d.toks[k][0], cut) if cut else d.toks[k][0]
        words = [d.toks[k][2][cut:] if cut else d.toks[k][2]] + [d.toks[x][2] for x in range(k + 1, end + 1)]
        person = _person_for(out, words, text[start:d.toks[end][1]])
        stop = d.toks[end][1]
        for e in out:  # a surname the tagger took alone is now inside the full name
            if e.type == "PER":
                e.mentions = [m for m in e.mentions if not (start <= m.start and m.end <= stop)]
        person.mentions.append(Span(start, stop, text[start:stop]))
        covered.update(range(k, end + 1))
        _surname_mentions(d, person, words, covered)
        at = bisect_left(todo, end + 1, at + 1)
    out = [e for e in out if e.mentions]
    for e in out:
        e.mentions.sort(key=lambda m: m.start)
    out.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
    return out


def _apposed_before(d: TokenDoc, k: int) -> bool:
    """A title chain ends right before token k (ranks skipped) with a word that closes it: a definite
    word, a number or the title itself. After an indefinite noun the name is its genitive, not an
    apposition («بأكاديمية ناصر العسكرية»)."""
    if title_before(d, k) is None:
        return False
    j = k - 1
    while j >= 0 and d.toks[j][2] in RANKS and not d.gap[j]:
        j -= 1
    if j < 0:
        return False
    w = d.toks[j][2]
    return bool(d.gap[j]) or w.isdigit() or title_head(w) is not None or \
        any(v.startswith("ال") for v, _c in clitic_variants(w))




def _person_for(entities: list[Entity], words: list[str], name: str) -> Entity:
    """The person already found whose name is part of this one (الصفيان tagged alone), else a new one."""
    for e in entities:
        if e.type == "PER" and e.id.startswith("m:"):
            longest = max((m.text for m in e.mentions), key=len, default=e.name)
            ew = norm_key(longest).split(" ")
            if ew == words or is_partial_name(ew, words):
                e.name, e.id = name, unknown_id(name)  # named by its full name, as the linker does
                return e
    ent = Entity(id=unknown_id(name), name=name, type="PER", mentions=[])
    entities.append(ent)
    return ent


def _surname_mentions(d: TokenDoc, person: Entity, words: list[str], covered: set[int]) -> None:
    """Free occurrences of the person's surname, when it is not an ordinary word (وقال مميش), and of his
    kunya (أبو محمد)."""
    short = []
    joined = name_words(words)
    if words[0] == "ابو" and len(words) > 2:
        short.append(tuple(words[:2]))
    surname = joined[-1]
    if len(surname) >= 3 and zipf(surname) < COMMON_SURNAME_ZIPF and surname not in given_names():
        short.append((surname,))
    for phrase in short:
        for i in range(len(d.toks) - len(phrase) + 1):
            if any(x in covered for x in range(i, i + len(phrase))):
                continue
            cut = next((c for v, c in clitic_variants(d.toks[i][2]) if v == phrase[0]), None)
            if cut is None or any(d.toks[i + x][2] != phrase[x] or d.gap[i + x - 1] for x in range(1, len(phrase))):
                continue
            last = i + len(phrase) - 1
            if last + 1 < len(d.toks) and not d.gap[last] and d.toks[last + 1][2] in _NASAB:
                continue
            start = skip_letters(d.text, d.toks[i][0], cut) if cut else d.toks[i][0]
            person.mentions.append(Span(start, d.toks[last][1], d.text[start:d.toks[last][1]]))
            covered.update(range(i, last + 1))
