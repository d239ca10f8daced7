"""Score the shipped NER model on the held-out ANERcorp dev split and measure tagging speed.

    python eval/ner/eval_ner.py --shared /work/shared [--model marsad/ner/model]

The split comes from `marsad.ner.training.data.anercorp_split`, the very function training uses, so dev
sentences can never leak into training. Prints entity-level P/R/F1 (exact span + type), recall on
dev entities seen vs unseen in training, and single-core tokens/s (features + CRF decoding, model
load excluded).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from marsad.ner.bio import entities
from marsad.ner.resources import MODEL_DIR
from marsad.ner.tagger import NerTagger
from marsad.ner.training.data import Sentence, anercorp_split
from marsad.ner.training.metrics import format_scores, score


def seen_unseen_recall(train: list[Sentence], dev: list[Sentence], pred: list[list[str]]) -> str:
    """Recall split by whether the gold entity string (and type) occurs in the training part."""
    seen = {(t, " ".join(toks[s:e])) for toks, tags in train for t, s, e in entities(tags)}
    stats: dict[bool, list[int]] = {True: [0, 0], False: [0, 0]}
    for (toks, gold), p in zip(dev, pred, strict=True):
        pe = set(entities(p))
        for ent in entities(gold):
            key = (ent[0], " ".join(toks[ent[1]:ent[2]])) in seen
            stats[key][1] += 1
            stats[key][0] += ent in pe
    parts = []
    for key, name in ((True, "seen"), (False, "unseen")):
        hit, n = stats[key]
        parts.append(f"{name}: {n} gold entities ({n / max(1, sum(v[1] for v in stats.values())):.0%}), "
                     f"recall {hit / max(1, n):.3f}")
    return "; ".join(parts)


#: ANERcorp marks no article breaks; its stories run ~10-40 sentences, so dev is tagged in windows of this
#: many sentences, each taken as one document (what document-level consistency sees).
DOC_SENTENCES = 15


def tag_docs(tagger: NerTagger, sents: list[list[str]], size: int) -> list[list[str]]:
    """Tags of ``sents``, tagged ``size`` consecutive sentences at a time as one document."""
    out: list[list[str]] = []
    for start in range(0, len(sents), size):
        out.extend(tagger.tag_sentences(sents[start:start + size]))
    return out


def main(argv: list[str] | None = None) -> int:
    """Evaluate and print the report; returns 0."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=MODEL_DIR)
    ap.add_argument("--speed-repeats", type=int, default=3, help="passes over dev for the speed figure")
    ap.add_argument("--doc-sentences", type=int, default=DOC_SENTENCES,
                    help="consecutive dev sentences tagged together as one document")
    args = ap.parse_args(argv)
    train, dev = anercorp_split(args.shared)
    t0 = time.perf_counter()
    tagger = NerTagger(args.model)
    load = time.perf_counter() - t0
    sents = [toks for toks, _ in dev]
    n_tok = sum(map(len, sents))
    print(f"ANERcorp dev split: {len(dev)} sentences, {n_tok} tokens (train: {len(train)} sentences)")
    for consistent in (False, True):
        tagger.consistent = consistent
        pred = tag_docs(tagger, sents, args.doc_sentences)
        print("with document consistency:" if consistent else "sentence by sentence:")
        print(format_scores(score([g for _, g in dev], pred)))
        print(seen_unseen_recall(train, dev, pred))
    # Speed: fresh tagger (cold per-word cache) for the first pass, then warm passes.
    tagger = NerTagger(args.model)
    best = 0.0
    for _ in range(max(1, args.speed_repeats)):
        t0 = time.perf_counter()
        tagger.tag_sentences(sents)
        best = max(best, n_tok / (time.perf_counter() - t0))
    cold = NerTagger(args.model)
    t0 = time.perf_counter()
    cold.tag_sentences(sents)
    cold_speed = n_tok / (time.perf_counter() - t0)
    print(f"speed: {cold_speed:,.0f} tokens/s cold cache, {best:,.0f} tokens/s warm (one core); "
          f"model load {load:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
