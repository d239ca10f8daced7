"""Rebuild everything shipped in `marsad/ner/model/` from the shared data, deterministically.

    python -m marsad.ner.training.train --shared /work/shared --out marsad/ner/model

Steps: (1) word2vec on SaudiNewsNet (+ WikiFANE and the ANERcorp training part as unlabelled text),
k-means into 64/256/1024 clusters → ``clusters.tsv``; (2) gazetteers from Who's On First places,
WikiFANE/Wojood entities and the UniversalPetrarch actor dictionary → ``gazetteer.tsv`` and
``wordlists.tsv`` (both in `lookups.py`); (3) a CRF trained on the ANERcorp training part (never the dev
part) plus mapped WikiFANE sentences → ``ner.crfsuite`` (`crf.py`); optionally (4) the accurate mode
(`accurate.py`). Training-only dependencies (gensim, scikit-learn) are imported inside the functions
that need them.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from marsad.ner.features import SILVER_LISTS
from marsad.ner.resources import MODEL_DIR, SILVER_FILE, WIKI_MODEL_FILE, WORDLISTS_FILE, write_tsv
from marsad.ner.training import SEED, log
from marsad.ner.training.crf import train_crf, train_wiki_crf
from marsad.ner.training.data import Sentence, anercorp_split, read_wikifane
from marsad.ner.training.lookups import build_clusters, build_gazetteers
from marsad.ner.training.silver import clean_tags, read_silver, silver_lexicons


def _wordlist_rows(path: Path) -> list[tuple[str, str]]:
    """The (list, word) rows of a ``wordlists.tsv`` (none when it does not exist)."""
    if not path.exists():
        return []
    rows = [line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(r[0], r[1]) for r in rows if len(r) == 2]


def set_silver_lexicons(out: Path, rows: list[tuple[str, str]]) -> None:
    """Replace the silver name lists in ``wordlists.tsv`` with ``rows`` (none: a gold-only model)."""
    path = out / WORDLISTS_FILE
    keep = [r for r in _wordlist_rows(path) if not r[0].startswith(SILVER_LISTS)]
    write_tsv(path, sorted(set(keep) | set(rows)))
    log(f"silver lexicons: {len(rows)} words → {path.name}")


def silver_rows(path: Path) -> list[tuple[str, str]]:
    """The silver name-list rows of a ``wordlists.tsv``."""
    return [r for r in _wordlist_rows(path) if r[0].startswith(SILVER_LISTS)]


def write_silver(path: Path, sents: list[tuple[float, Sentence]]) -> None:
    """The silver paragraphs the student trained on, in `silver.py`'s format: shipped beside the model
    (`SILVER_FILE`), so `make train-ner` rebuilds the same student without the teacher."""
    import gzip

    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as raw:  # mtime 0: byte-identical rebuilds
        for p, (toks, tags) in sents:
            raw.write(f"{p:.4f}\t{' '.join(toks)}\t{' '.join(tags)}\n".encode())
    log(f"silver: {len(sents)} paragraphs → {path.name}")


def silver_sentences(silver: Path, min_prob: float, max_tokens: int,
                     clean: bool = True) -> list[tuple[float, Sentence]]:
    """The confident silver paragraphs that join the CRF's training data.

    Only paragraphs with an entity are kept (all-O news paragraphs would only teach the CRF to say O
    more often), in corpus order up to ``max_tokens``: the gold part stays most of the training data.
    With ``clean``, the teacher's boundary habits are taken out first (`silver.clean_tags`).
    """
    picked: list[tuple[float, Sentence]] = []
    n = 0
    for p, (toks, tags) in read_silver(silver, min_prob):
        if n >= max_tokens:
            break
        if clean:
            tags = clean_tags(toks, tags)
        if all(t == "O" for t in tags):
            continue
        picked.append((p, (toks, tags)))
        n += len(toks)
    log(f"silver: {len(picked)} paragraphs, {n} tokens at p >= {min_prob}")
    return picked


def _args(argv: list[str] | None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, required=True, help="the shared folder (holds data/)")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--skip-clusters", action="store_true", help="reuse an existing clusters.tsv")
    ap.add_argument("--skip-gazetteer", action="store_true", help="reuse existing gazetteer/wordlists")
    ap.add_argument("--wiki-frac", type=float, default=0.0,
                    help="fraction of mapped WikiFANE sentences (with an entity) added to training")
    ap.add_argument("--c1", type=float, default=0.01)
    ap.add_argument("--c2", type=float, default=0.1)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--stack", action="store_true",
                    help="also train a WikiFANE CRF whose tags feed the main CRF (measured: no gain, off)")
    ap.add_argument("--skip-wiki-crf", action="store_true", help="reuse an existing wiki.crfsuite")
    ap.add_argument("--wiki-iterations", type=int, default=100)
    ap.add_argument("--eval", action="store_true", help="score the dev split after training")
    ap.add_argument("--encoder", action="store_true",
                    help="also train the accurate-mode CRF with multilingual-e5 features (marsad.ner.accurate)")
    ap.add_argument("--encoder-cache", type=Path, default=None,
                    help="an .npy file keeping the train-set encoder states between runs")
    ap.add_argument("--silver", type=Path, default=None,
                    help="a silver file (training/silver.py): its confident paragraphs join training and are "
                         "written to --out/" + SILVER_FILE + " (default: none, a gold-only model)")
    ap.add_argument("--silver-lexicon", type=Path, default=None,
                    help="recount the silver name lists of wordlists.tsv from this silver file (the teacher's "
                         "whole output); without it the shipped lists are kept")
    ap.add_argument("--silver-min-prob", type=float, default=0.5,
                    help="keep silver paragraphs whose labels have at least this probability")
    ap.add_argument("--silver-tokens", type=int, default=150_000,
                    help="at most this many silver tokens join the CRF's training data")
    ap.add_argument("--silver-raw", action="store_true",
                    help="train on the teacher's tags as they are (default: months and leading ranks cleaned)")
    ap.add_argument("--silver-lists", default="sfirst,slast,sv:",
                    help="which silver lists --silver-lexicon writes, by prefix (sv:O alone: the non-name words)")
    ap.add_argument("--silver-lex-prob", type=float, default=0.0,
                    help="confidence a silver paragraph needs to count towards the name lexicons")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """CLI entry: rebuild clusters, gazetteers and the CRF into ``--out``."""
    args = _args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    # the shipped silver name lists, kept through a gazetteer rebuild unless recounted (--silver-lexicon)
    shipped_lists = silver_rows(MODEL_DIR / WORDLISTS_FILE)
    train, dev = anercorp_split(args.shared)
    log(f"ANERcorp: {len(train)} train / {len(dev)} dev sentences")
    wiki_path = args.shared / "data" / "ner" / "wikifane_gold_2014_500k.txt"
    wiki = read_wikifane(wiki_path)
    wiki_all = read_wikifane(wiki_path, keep_unmapped=True)
    if not args.skip_clusters:
        n = build_clusters(args.shared, out, train, wiki_all)
        log(f"clusters: {n} words")
    if not args.skip_gazetteer:
        n_gaz, n_words = build_gazetteers(args.shared, out, wiki_all)
        log(f"gazetteer: {n_gaz} phrases, word lists: {n_words} words")
    rng = random.Random(SEED)
    with_ent = [s for s in wiki if any(t != "O" for t in s[1])]
    rng.shuffle(with_ent)
    extra = with_ent[: int(len(with_ent) * args.wiki_frac)]
    if not args.stack:
        (out / WIKI_MODEL_FILE).unlink(missing_ok=True)
    elif not args.skip_wiki_crf:
        train_wiki_crf(out, wiki, args.wiki_iterations)
    kinds = tuple(args.silver_lists.split(","))
    set_silver_lexicons(out, silver_lexicons(args.silver_lexicon, args.silver_lex_prob, kinds=kinds)
                        if args.silver_lexicon is not None else shipped_lists)
    if args.silver is None:
        (out / SILVER_FILE).unlink(missing_ok=True)
    else:
        picked = silver_sentences(args.silver, args.silver_min_prob, args.silver_tokens, not args.silver_raw)
        write_silver(out / SILVER_FILE, picked)
        extra += [s for _p, s in picked]
    train_crf(out, train, extra, args.c1, args.c2, args.iterations)
    if args.encoder:
        from marsad.ner.training.accurate import train_accurate

        train_accurate(out, train, args.c1, args.c2, args.iterations, args.encoder_cache)
    log(f"done in {time.time() - t0:.0f}s")
    if args.eval:
        from marsad.ner.tagger import NerTagger
        from marsad.ner.training.metrics import format_scores, score

        tagger = NerTagger(out)
        pred = tagger.tag_sentences([t for t, _ in dev])
        print(format_scores(score([g for _, g in dev], pred)))
        if args.encoder:
            from marsad.ner.accurate import AccurateNer
            from marsad.ner.bio import repair
            from marsad.ner.features import FeatureExtractor
            from marsad.ner.resources import load_resources

            acc = AccurateNer(FeatureExtractor(load_resources(out)), out)
            pred = [repair(acc.tag_raw(t)) for t, _ in dev]
            print("accurate mode (encoder features):")
            print(format_scores(score([g for _, g in dev], pred)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
