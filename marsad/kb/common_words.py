"""How common a word is in Arabic, for telling place names that are ordinary words from places.

Thousands of gazetteer villages are named by ordinary words (فندق، ثانية، جروح), and a proclitic reading
of a common word can land on one (بسيطة → سيطة). `wordfreq` (Arabic list: web, subtitles, Wikipedia,
news) says how often a word is used; `zipf` gives that frequency on the Zipf scale (3 ≈ once per million
words, 5 ≈ a word in every page of news) for a *normalised* word, all its spellings summed (الله، اللة).

At annotation time the frequencies come from `data/common_words.tsv`, a small table (normalised word,
Zipf × 10, flags) of the words that can read as a one-word KB name: the name itself, with proclitics,
with and without the article (فندق/الفندق: a noun takes the article, a name seldom does), without a
final ه (سبيله is "his way" before it is the village سبيلة), plus the NER word lists' first names, so
that loading costs milliseconds, not wordfreq's 620K-word list. Flag `L` marks a word that gold NER
data (WikiFANE, Wojood) mostly tags as a place (النيل، آسيا); flag `W` a word whose initial و is part of
it (وليد، وزارة، واشنطن: at least about as common as the word without it), so that elsewhere a leading و
is a conjunction (وخالد، وسيف); flag `F` a first name of the NER word lists (محمد، عبد), which starts a
person's name and never a title. Rebuild the table after `make kb`:

    python -m marsad.kb.common_words --out marsad/kb/data
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterable
from pathlib import Path

from marsad.lazy import lazy_singleton

TABLE = Path(__file__).resolve().parent / "data" / "common_words.tsv"
MIN_ZIPF = 2.0  # rarer words are not stored: every rule that asks treats them as rare


class _Table:
    def __init__(self) -> None:
        self.zipf10: dict[str, int] = {}
        self.place_words: set[str] = set()
        self.waw_words: set[str] = set()
        self.first_names: set[str] = set()
        if not TABLE.exists():  # a checkout without the table: ask wordfreq itself (slow start)
            self.zipf10 = dict(all_frequencies())
            self.waw_words = {w for w in self.zipf10 if _radical_waw(w, self.zipf10)}
            return
        with open(TABLE, encoding="utf-8") as fh:
            for line in fh:
                w, z, flags = line.rstrip("\n").split("\t")
                if z != "0":
                    self.zipf10[w] = int(z)
                if "L" in flags:
                    self.place_words.add(w)
                if "W" in flags:
                    self.waw_words.add(w)
                if "F" in flags:
                    self.first_names.add(w)


@lazy_singleton
def _table() -> _Table:
    return _Table()


def zipf(word: str) -> float:
    """Zipf frequency of a normalised Arabic word (0.0 when rarer than `MIN_ZIPF`)."""
    return _table().zipf10.get(word, 0) / 10.0


def is_place_word(word: str) -> bool:
    """Whether gold NER data mostly tags this normalised word, standing alone, as a place."""
    return word in _table().place_words


def has_radical_waw(word: str) -> bool:
    """Whether a normalised word starting with و keeps it: و is part of the word, not a conjunction."""
    return word in _table().waw_words


def is_first_name(word: str) -> bool:
    """Whether a normalised word is a listed first name (محمد، عبد، نواف)."""
    return word in _table().first_names


def _arabic(w: str) -> bool:
    return bool(w) and all("\u0621" <= ch <= "\u064a" for ch in w)


WAW_MARGIN = 5  # Zipf × 10: وسام (4.2) beside سام (4.4) is still a word of its own


def _radical_waw(word: str, zipf10: dict[str, int]) -> bool:
    return word.startswith("و") and len(word) >= 3 and zipf10[word] + WAW_MARGIN >= zipf10.get(word[1:], 0)


def all_frequencies() -> Iterable[tuple[str, int]]:
    """(normalised word, Zipf × 10) for every Arabic word wordfreq knows at ≥ `MIN_ZIPF`."""
    import wordfreq

    from marsad.text.normalize import normalize

    summed: dict[str, float] = {}
    for w, f in wordfreq.get_frequency_dict("ar").items():
        n = normalize(w)
        if n.isalpha():
            summed[n] = summed.get(n, 0.0) + f
    for n, f in summed.items():
        z = math.log10(f * 1e9)
        if z >= MIN_ZIPF:
            yield n, round(z * 10)


def relevant(word: str, one_word_keys: set[str], names: set[str]) -> bool:
    """Whether the table needs `word`: a one-word KB name or first word of a longer one, or another form
    of one (see module doc), or a person's name."""
    from marsad.kb.tokens import clitic_variants

    if word in names or ("ال" + word) in one_word_keys or (word + "ه") in one_word_keys:
        return True
    if word.endswith("ه") and (word[:-1] + "ته") in one_word_keys:  # زاوية beside the key زاويته
        return True
    if word.startswith("ال") and word[2:] in one_word_keys:
        return True
    return any(v in one_word_keys for v, _cut in clitic_variants(word))


def build_table(out_dir: Path) -> int:
    """Write `common_words.tsv` for the KB and NER resources in this checkout; returns its row count."""
    from marsad.kb.store import get_kb
    from marsad.ner.resources import load_resources

    kb = get_kb()
    one_word = {k.split(" ")[0] for k in kb.names}  # one-word names and first words of longer ones
    res = load_resources()
    firsts = {w for w in res.word_lists.get("first", ()) if _arabic(w)}
    listed = firsts | set(res.word_lists.get("last", ()))
    names = listed | {"و" + n for n in listed}
    place = {k[0] for k, labs in res.gazetteer.entries.items() if len(k) == 1 and "ext:LOC" in labs}
    freq = dict(all_frequencies())
    waw = {w for w in freq if _radical_waw(w, freq)} | {w for w in listed if w.startswith("و")}
    rows = {w: z for w, z in freq.items() if w in waw or relevant(w, one_word, names)}
    rows.update({w: rows.get(w, 0) for w in waw | firsts})
    rows.update({w: rows.get(w, 0) for w in place if w in one_word})
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / TABLE.name, "w", encoding="utf-8", newline="\n") as fh:
        for w, z in sorted(rows.items()):
            flags = ("L" if w in place else "") + ("W" if w in waw else "") + ("F" if w in firsts else "")
            fh.write(f"{w}\t{z}\t{flags}\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write the word-frequency table the place matcher reads.")
    ap.add_argument("--out", type=Path, default=TABLE.parent)
    a = ap.parse_args(argv)
    n = build_table(a.out)
    print(f"{a.out / TABLE.name}: {n} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
