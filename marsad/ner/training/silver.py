"""Silver NER data: a tagger labels unlabelled SaudiNewsNet paragraphs, each with its confidence.

    python -m marsad.ner.training.silver --shared /work/shared --model build/ner \
        --out build/ner/silver.tsv.gz --max-tokens 3000000   (or: make silver)

The teacher here is a gold-only CRF (self-training); its silver moved dev F1 by +0.003 at most, so the
shipped model does not use it (figures in `marsad/ner/model/README.md`). The fine-tuned transformer of
`marsad.ner.training.teacher` (``--silver``, ``make silver TEACHER=1``) writes the same format, with the
product of its per-word label probabilities in place of the sequence probability. Each output line is
``probability<TAB>tokens<TAB>tags`` (space-separated; tokens never hold spaces), where ``probability`` is
the CRF's probability of its own Viterbi sequence: the student keeps only confident paragraphs, and the
name lexicons (`silver_lexicons`) count only confident entities. Written gzip-compressed, in corpus
order, so a run stopped early still leaves a usable file.
"""

from __future__ import annotations

import argparse
import gzip
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from marsad.ner.bio import entities
from marsad.ner.features import PERSON_TITLES, FeatureExtractor, normalize, stem_of
from marsad.ner.resources import MODEL_DIR, MODEL_FILE, load_resources
from marsad.ner.training import log
from marsad.ner.training.data import Sentence, news_sentences
from marsad.text.calendar import MONTH_VARIANTS, MONTHS

#: Paragraphs longer than this are skipped: the sequence probability of a long paragraph is always low.
MAX_LEN = 80
#: ``sv:O`` words: seen this often in the silver, inside an entity at most this share of the time
O_MIN_COUNT = 20
O_MAX_SHARE = 0.01
#: paragraphs the teacher is less sure of than this are not written: neither the student nor the lexicons use them
KEEP_PROB = 0.5


def label_news(shared: Path, model_dir: Path, out: Path, max_tokens: int) -> int:
    """Tag SaudiNewsNet paragraphs with the CRF in ``model_dir``; returns the token count tagged."""
    import pycrfsuite

    fx = FeatureExtractor(load_resources(model_dir))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_dir / MODEL_FILE))
    n_tok = 0
    t0 = time.time()
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=6) as fh:
        for toks in news_sentences(shared):
            if len(toks) > MAX_LEN:
                continue
            tagger.set(fx.sentence(toks))
            tags = tagger.tag()
            prob = tagger.probability(tags)
            if prob >= KEEP_PROB:
                fh.write(f"{prob:.4f}\t{' '.join(toks)}\t{' '.join(tags)}\n")
            n_tok += len(toks)
            if n_tok >= max_tokens:
                break
            if n_tok % 100_000 < len(toks):
                log(f"silver: {n_tok} tokens, {n_tok / (time.time() - t0):.0f} tokens/s")
    return n_tok


def read_silver(path: Path, min_prob: float = 0.0) -> Iterator[tuple[float, Sentence]]:
    """(probability, (tokens, tags)) of each silver paragraph at or above ``min_prob``."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        try:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 3:
                    continue  # the last line of a file whose writer was stopped
                prob = float(parts[0])
                toks, tags = parts[1].split(" "), parts[2].split(" ")
                if prob >= min_prob and len(toks) == len(tags):
                    yield prob, (toks, tags)
        except (EOFError, gzip.BadGzipFile):
            return  # a run stopped early: what was written before is still good


#: Definite titles and ranks that stand in apposition before a person's name (الأمير سلطان، العقيد X) and
#: are no part of it in ANERcorp's convention: the definite person titles the features know, plus the
#: transliterated ranks of foreign armies that the teacher, trained on few of them, read as given names.
#: Indefinite titles (أمير، ولي، وزير) are left alone: they head a construct (أمير عسير، ولي العهد) whose
#: rest is no name, and some are given names themselves (سلطان، أمين).
_RANKS = frozenset(t for t in PERSON_TITLES if t.startswith("ال")) | frozenset(
    "الكولونيل الكابتن الميجور الماريشال المارشال الادميرال الاميرال النقيب المقدم الملازم الرقيب العريف "
    "الرائد الكاردينال الحاخام المطران الاسقف الشيخه الاميره".split()
)
#: Month names (one or two words) in the features' normalisation: never an entity in ANERcorp
_MONTHS = frozenset(normalize(m) for m in (*MONTHS, *MONTH_VARIANTS))
_BRACKETS = frozenset("()[]-/،,")


def _dated(toks: list[str], norms: list[str], s: int, e: int) -> bool:
    """Whether the words around ``toks[s:e]`` (brackets and dashes skipped) make it a date's month: a number
    (a day before, a year after) or another month (news doubles them: أبريل (نيسان))."""
    def near(i: int, step: int) -> int:
        while 0 <= i < len(toks) and toks[i] in _BRACKETS:
            i += step
        return i

    for i in (near(s - 1, -1), near(e, 1)):
        if 0 <= i < len(toks) and (toks[i].isdigit() or stem_of(norms[i])[1] in _MONTHS):
            return True
    return False


def clean_tags(toks: list[str], tags: list[str]) -> list[str]:
    """The teacher's tags with the boundary habits ANERcorp does not share taken out.

    The teacher learnt its names well and its edges less well (measured on the news gold: a rank inside a
    person's name, a month as an entity). A student copies those habits with the names, so before the
    silver joins training: a span that is only a month name in a date (`_dated`: not the company or the
    city that some month names also are) becomes O,
    and definite titles and ranks at the start of a person's span are cut off.
    """
    out = list(tags)
    norms = [normalize(t) for t in toks]
    for typ, s, e in entities(tags):
        if " ".join(norms[s:e]) in _MONTHS and _dated(toks, norms, s, e):
            out[s:e] = ["O"] * (e - s)
            continue
        if typ != "PERS":
            continue
        k = s
        while k < e and norms[k] in _RANKS:
            out[k] = "O"
            k += 1
        if s < k < e:  # a span of titles alone is no name: all O
            out[k] = "B-PERS"
    return out


def silver_lexicons(path: Path, min_prob: float, min_count: int = 3,
                    kinds: tuple[str, ...] = ("sfirst", "slast", "sv:")) -> list[tuple[str, str]]:
    """(list, word) rows learnt from confident silver paragraphs: the name-context word lists.

    * ``sfirst`` / ``slast``: words that mostly open / close a multi-word person name (a given-name and
      family-name lexicon far larger than the gold one, harvested from the news itself);
    * ``sv:TYPE``: words that, over all their confident occurrences, are inside a TYPE entity at least
      half the time (``sv:TYPE?``: a fifth to a half), a distributional prior for names never seen in gold;
    * ``sv:O``: frequent words (``O_MIN_COUNT`` occurrences) the teacher almost never puts inside an entity
      (``O_MAX_SHARE``): verbs, function words and common nouns that a student must not fold into the name
      they follow (the first students did: «عمر توفي»).

    ``kinds`` picks the lists by prefix.

    Words are counted by stem (proclitics and the article off), the form the features look up.
    """
    occ: Counter[str] = Counter()
    typed: dict[str, Counter[str]] = defaultdict(Counter)
    first: Counter[str] = Counter()
    last: Counter[str] = Counter()
    for _p, (toks, tags) in read_silver(path, min_prob):
        stems = [stem_of(normalize(t))[1] for t in toks]
        occ.update(stems)
        for typ, s, e in entities(tags):
            for st in stems[s:e]:
                typed[st][typ] += 1
            if typ == "PERS" and e - s >= 2:
                first[stems[s]] += 1
                last[stems[e - 1]] += 1
    rows: set[tuple[str, str]] = set()
    for st, n in occ.items():
        if n < min_count or len(st) < 2:
            continue
        if n >= O_MIN_COUNT and sum(typed[st].values()) <= O_MAX_SHARE * n:
            rows.add(("sv:O", st))
        if first[st] >= min_count and first[st] / n >= 0.3:
            rows.add(("sfirst", st))
        if last[st] >= min_count and last[st] / n >= 0.3:
            rows.add(("slast", st))
        for typ, c in typed[st].items():
            share = c / n
            if share >= 0.5:
                rows.add((f"sv:{typ}", st))
            elif share >= 0.2:
                rows.add((f"sv:{typ}?", st))
    return sorted(r for r in rows if r[0].startswith(kinds))


def main(argv: list[str] | None = None) -> int:
    """CLI entry: write the silver file."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=MODEL_DIR, help="the teacher model folder")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--max-tokens", type=int, default=2_000_000)
    args = ap.parse_args(argv)
    t0 = time.time()
    n = label_news(args.shared, args.model, args.out, args.max_tokens)
    log(f"silver: {n} tokens in {time.time() - t0:.0f}s → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
