"""Corpus evidence for which KB place names the raw-text matcher may use (`kb.build` only).

Many place names are also ordinary words. How often a name occurs in news right after a place word
(في، مدينة، ريف…), and how often gold NER data tags it as a place, tells the two apart; `decide_auto`
turns that evidence into each alias's auto-match permission. Nothing here runs at annotation time.
"""

from __future__ import annotations

import glob
import hashlib
import json
import zipfile
from collections import Counter
from pathlib import Path

from marsad.kb.tokens import WORD, clitic_variants, norm_key
from marsad.text.normalize import normalize

# Words after which a place name is very likely meant as a place (used for corpus statistics).
PLACE_CONTEXT = {normalize(w) for w in (
    "في", "من", "الى", "إلى", "نحو", "قرب", "مدينة", "بلدة", "قرية", "محافظة", "منطقة", "ريف", "شمال", "جنوب",
    "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "عاصمة", "حي", "مخيم", "ناحية", "مدينتي", "بلدتي", "أطراف",
    "مطار", "ميناء", "حدود", "داخل", "وسط", "محيط",
)}


def corpus_texts(shared: Path, limit: int | None = None) -> list[str]:
    """SaudiNewsNet article bodies, deduplicated, in a fixed order."""
    seen: set[str] = set()
    out = []
    for zp in sorted(glob.glob(str(shared / "data/news/saudinewsnet/*.zip"))):
        with zipfile.ZipFile(zp) as z:
            for name in sorted(z.namelist()):
                for a in json.loads(z.read(name)):
                    t = a.get("content") or ""
                    h = hashlib.sha1(t.encode()).hexdigest()
                    if t and h not in seen:
                        seen.add(h)
                        out.append(t)
                        if limit and len(out) >= limit:
                            return out
    return out


def place_stats(texts: list[str], keys: set[str]) -> dict[str, tuple[int, int]]:
    """For each place key: (occurrences, occurrences right after a place-context word) in the corpus."""
    first_max: dict[str, int] = {}
    for k in keys:
        w = k.split(" ")
        first_max[w[0]] = max(first_max.get(w[0], 0), len(w))
    n: Counter[str] = Counter()
    p: Counter[str] = Counter()
    for t in texts:
        words = WORD.findall(normalize(t))
        i = 0
        while i < len(words):
            hit = None
            prev_ctx = i > 0 and words[i - 1] in PLACE_CONTEXT
            for v, cut in clitic_variants(words[i]):
                m = first_max.get(v)
                if not m:
                    continue
                for ln in range(min(m, len(words) - i), 0, -1):
                    k = " ".join([v, *words[i + 1:i + ln]])
                    if k in keys:
                        hit = (k, ln, cut > 0 and (words[i][0] == "ب" or words[i][:2] in ("وب", "فب")))
                        break
                if hit:
                    break
            if hit:
                k, ln, via_clitic = hit
                n[k] += 1
                if prev_ctx or via_clitic:
                    p[k] += 1
                i += ln
            else:
                i += 1
    return {k: (n[k], p[k]) for k in keys}


_WIKIFANE_PLACE = ("Nation", "Population-Center", "State-or-Province", "County-or-District", "Region",
                   "Continent", "Water-Body", "Land-Region-Natural", "Airport", "Building-Grounds", "GPE", "LOC")


def ner_word_stats(shared: Path) -> dict[str, tuple[int, int]]:
    """Per normalised single word: (occurrences, occurrences inside a place entity) in ANERcorp + WikiFANE.

    Gold NER is the direct evidence that a word is usually an ordinary word (إطار، البلاد، العاصمة) even
    where it often follows في, which corpus context alone cannot tell from a place name.
    """
    n: Counter[str] = Counter()
    p: Counter[str] = Counter()
    files = [(shared / "data/ner/anercorp_train.txt", " "), (shared / "data/ner/wikifane_gold_2014_500k.txt", "\t")]
    for path, sep in files:
        if not path.exists():
            continue
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            for ln in f:
                ln = ln.strip().replace("\u200e", "").replace("\ufeff", "")
                if not ln:
                    continue
                tok, _, tag = ln.rpartition(sep)
                w = norm_key(tok)
                if not w or " " in w:
                    continue
                n[w] += 1
                if tag.endswith("LOC") or tag.endswith("GPE") or tag[2:] in _WIKIFANE_PLACE:
                    p[w] += 1
    return {w: (n[w], p[w]) for w in n}


def decide_auto(aliases: dict[str, bool | None], important: bool, stats: dict[str, tuple[int, int]],
                ner: dict[str, tuple[int, int]] | None = None) -> None:
    """Decide which undecided (None) aliases of one entity the raw-text matcher may use, in place.

    A name that is also an ordinary word (السلام، الغربية، الخبر، محمد) occurs often in news but rarely
    right after في/من/مدينة/ريف…; a real place name does. So a name is allowed if unseen or rare in the
    corpus, or if enough of its occurrences look like place uses: 30%, or 20% for `important` places
    (governorates, cities of ~10,000+), whose names are worth a little more risk (تدمر is also a verb).
    Three-letter single words need the importance and the evidence (حلب yes, a village called بدر no).
    A single word that gold NER data shows is mostly not a place (في إطار، في البلاد) is never allowed.
    """
    ner = ner or {}
    for k, auto in list(aliases.items()):
        if auto is not None:
            continue
        n, p = stats.get(k, (0, 0))
        ratio = p / n if n else 0.0
        nn, np_ = ner.get(k, (0, 0))
        if " " not in k and nn >= 3 and np_ / nn < 0.3:
            aliases[k] = False
        elif " " not in k and len(k) < 4:
            aliases[k] = important and n >= 3 and ratio >= 0.3
        elif important:
            aliases[k] = n < 3 or ratio >= 0.2
        else:
            aliases[k] = n < 3 or ratio >= 0.3
