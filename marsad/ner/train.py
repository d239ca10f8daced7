"""Rebuild everything shipped in `marsad/ner/model/` from the shared data, deterministically.

    python -m marsad.ner.train --shared /work/shared --out marsad/ner/model

Steps: (1) word2vec on SaudiNewsNet (+ WikiFANE and the ANERcorp training part as unlabelled text),
k-means into 64/256/1024 clusters → ``clusters.tsv``; (2) gazetteers from Who's On First places,
WikiFANE/Wojood entities and the UniversalPetrarch actor dictionary → ``gazetteer.tsv`` and
``wordlists.tsv``; (3) a CRF trained on the ANERcorp training part (never the dev part) plus mapped
WikiFANE sentences → ``ner.crfsuite``. Training-only dependencies (gensim, scikit-learn) are imported
inside the functions that need them so the runtime tagger never loads them.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

from marsad.ner.data import (
    MAX_TRAIN_LEN,
    Sentence,
    anercorp_split,
    entities,
    news_sentences,
    read_wikifane,
    read_wojood,
)
from marsad.ner.features import (
    FeatureExtractor,
    Gazetteer,
    add_stacked,
    clitic_candidates,
    normalize,
    stem_of,
)
from marsad.ner.resources import (
    CLUSTERS_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    TRAINLEX_FILE,
    WIKI_MODEL_FILE,
    WORDLISTS_FILE,
    load_resources,
    write_tsv,
)

SEED = 20240521
CLUSTER_SIZES = (64, 256, 1024)
LEX_FOLDS = 5


def _log(msg: str) -> None:
    print(f"[ner-train {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _crc_hash(s: str) -> int:
    """Process-independent string hash for gensim (Python's `hash` is salted per process)."""
    return zlib.crc32(s.encode("utf-8"))


def build_clusters(shared: Path, out: Path, train: list[Sentence], wiki: list[Sentence]) -> int:
    """word2vec + hierarchical k-means cluster ids for every word seen ≥5 times in unlabelled text.

    Clusters give unseen names the statistics of seen ones (a new surname lands in the cluster of
    surnames). The finest level is k-means on the vectors; coarser levels cluster the fine
    centroids, so the three ids nest.
    """
    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import KMeans, MiniBatchKMeans

    intern: dict[str, str] = {}

    def norm_all(toks: list[str]) -> list[str]:
        return [intern.setdefault(w, w) for w in (normalize(t) for t in toks) if w]

    corpus = [norm_all(t) for t in news_sentences(shared)]
    corpus += [norm_all(t) for t, _ in wiki]
    corpus += [norm_all(t) for t, _ in train]
    _log(f"word2vec on {len(corpus)} segments, {sum(map(len, corpus))} tokens")
    w2v = Word2Vec(corpus, vector_size=100, window=5, min_count=5, workers=1, sg=0, epochs=5,
                   seed=SEED, hashfxn=_crc_hash, sample=1e-4)
    del corpus
    words = list(w2v.wv.index_to_key)
    vecs = w2v.wv.vectors.astype(np.float64)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    _log(f"k-means over {len(words)} words")
    fine = MiniBatchKMeans(n_clusters=CLUSTER_SIZES[-1], random_state=SEED, n_init=1, batch_size=4096,
                           max_iter=50).fit(vecs)
    labels = [fine.labels_]
    for k in reversed(CLUSTER_SIZES[:-1]):
        coarse = KMeans(n_clusters=k, random_state=SEED, n_init=1).fit(fine.cluster_centers_)
        labels.insert(0, coarse.labels_[fine.labels_])
    rows = sorted((w, *(str(int(lab[i])) for lab in labels)) for i, w in enumerate(words))
    return write_tsv(out / CLUSTERS_FILE, rows)


_PLACE_TIER = {"country": "country", "region": "admin", "county": "admin", "localadmin": "city",
               "locality": "city", "macroregion": "admin", "dependency": "country"}


def build_gazetteers(shared: Path, out: Path, wiki_all: list[Sentence]) -> tuple[int, int]:
    """Write ``gazetteer.tsv`` (phrases with labels) and ``wordlists.tsv`` (single-word lists).

    Only external sources are used (never ANERcorp itself): a gazetteer mined from the training
    labels would fire on every training entity and the CRF would learn to trust it far more than
    it deserves on unseen text.
    """
    data = shared / "data"
    rows: set[tuple[str, str]] = set()
    # Who's On First places, tiered by place type (a country name is far safer than a hamlet's).
    with open(data / "gazetteer" / "places.tsv", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        i_type, i_ar = header.index("placetype"), header.index("names_ar")
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            tier = _PLACE_TIER.get(parts[i_type], "minor")
            for name in parts[i_ar].split("|"):
                name = name.strip()
                if len(name) >= 2 and len(name.split()) <= 5:
                    rows.add(("loc:" + tier, name))
    # Labelled entities of WikiFANE (mapped) and the Wojood sample: majority type per phrase.
    per: dict[str, Counter[str]] = defaultdict(Counter)
    firsts: Counter[str] = Counter()
    lasts: Counter[str] = Counter()
    sources = list(wiki_all)
    for split in ("train", "val", "test"):
        p = data / "ner" / "wojood_sample" / f"{split}.txt"
        if p.exists():
            sources += read_wojood(p)
    for toks, tags in sources:
        for typ, s, e in entities(tags):
            phrase = " ".join(normalize(t) for t in toks[s:e])
            per[phrase][typ] += 1
            if typ == "PERS" and e - s >= 2:
                firsts[stem_of(normalize(toks[s]))[1] if s == 0 else normalize(toks[s])] += 1
                lasts[normalize(toks[e - 1])] += 1
    for phrase, cnt in per.items():
        typ, c = cnt.most_common(1)[0]
        if c / sum(cnt.values()) >= 0.6:
            rows.add(("ext:" + typ, phrase))
    # UniversalPetrarch actors: underscore-joined, partly lemmatised names; entries with dated
    # role lines underneath are nearly always individual people.
    lines = (data / "eventcoding" / "up_ar_actor_dict_ar_v4.txt").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if not line.strip() or line[0] in " \t" or line.startswith("#"):
            continue
        name = line.split("[")[0].replace("_", " ").strip()
        if len(name) < 3:
            continue
        dated = i + 1 < len(lines) and lines[i + 1][:1] == "\t" and any(ch.isdigit() for ch in lines[i + 1])
        rows.add(("actor:p" if dated and len(name.split()) >= 2 else "actor", name))
    # Nisba/group words (العرب، المسلمين): WikiFANE "Group" class, which ANERcorp leaves as O.
    nisba: Counter[str] = Counter()
    with open(data / "ner" / "wikifane_gold_2014_500k.txt", encoding="utf-8") as fh:
        for line in fh:
            tok, _, tag = line.strip().replace("\u200e", "").replace("\ufeff", "").partition("\t")
            if tag.endswith("-Group"):
                nisba[stem_of(normalize(tok))[1]] += 1
    n_gaz = write_tsv(out / GAZETTEER_FILE, sorted(rows))
    words: set[tuple[str, str]] = set()
    words.update(("first", w) for w, c in firsts.items() if c >= 2 and len(w) >= 2)
    words.update(("last", w) for w, c in lasts.items() if c >= 2 and len(w) >= 2)
    words.update(("nisba", w) for w, c in nisba.items() if c >= 2 and len(w) >= 3)
    n_words = write_tsv(out / WORDLISTS_FILE, sorted(words))
    return n_gaz, n_words


def entity_lexicon(sents: list[Sentence]) -> list[tuple[str, str]]:
    """(label, phrase) rows for entity strings of ``sents`` that are mostly tagged as entities.

    A phrase is kept when at least half of its occurrences in ``sents`` are tagged with its
    majority type; the label is the type, suffixed with ``?`` when that share is below 80 %, so the
    CRF can weigh reliable names (الامم المتحده) above ambiguous ones (العربي).
    """
    per: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for toks, tags in sents:
        norms = [normalize(t) for t in toks]
        for typ, s, e in entities(tags):
            per[tuple(norms[s:e])][typ] += 1
    if not per:
        return []
    max_len = max(map(len, per))
    occ: Counter[tuple[str, ...]] = Counter()
    for toks, _ in sents:
        norms = [normalize(t) for t in toks]
        for i in range(len(norms)):
            for length in range(1, min(max_len, len(norms) - i) + 1):
                key = tuple(norms[i:i + length])
                if key in per:
                    occ[key] += 1
    rows: set[tuple[str, str]] = set()
    for key, cnt in per.items():
        typ, c = cnt.most_common(1)[0]
        share = c / max(occ[key], 1)
        if share < 0.5:
            continue
        label = typ if share >= 0.8 else typ + "?"
        rows.add((label, " ".join(key)))
        tag, rest = next(((t, r) for t, r in clitic_candidates(key[0])[1:] if r.startswith("ال")), ("", ""))
        if tag:
            rows.add((label, " ".join((rest, *key[1:]))))
    return sorted(rows)


def _cut(sents: list[Sentence], max_len: int = MAX_TRAIN_LEN) -> list[Sentence]:
    """Split over-long training sentences at O tokens near ``max_len`` (never inside an entity)."""
    out: list[Sentence] = []
    for toks, tags in sents:
        while len(toks) > max_len:
            cut = max_len
            while cut > max_len // 2 and tags[cut] != "O":
                cut -= 1
            out.append((toks[:cut], tags[:cut]))
            toks, tags = toks[cut:], tags[cut:]
        out.append((toks, tags))
    return out


def train_wiki_crf(out: Path, wiki: list[Sentence], iterations: int) -> Path:
    """The WikiFANE-only CRF whose predictions become features of the main model (stacking).

    It never sees ANERcorp, so its tags on ANERcorp-train are exactly as noisy as on new text. It is
    trained without the ``ext:`` gazetteer, which was mined from WikiFANE itself and would fire on
    every one of its training entities.
    """
    import pycrfsuite

    res = load_resources(out)
    res.gazetteer = Gazetteer.build(
        (lab, " ".join(k)) for k, labs in res.gazetteer.entries.items() for lab in labs if not lab.startswith("ext:"))
    res.train_lex = Gazetteer()
    fx = FeatureExtractor(res)
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in _cut(wiki):
        trainer.append(fx.sentence(toks), tags)
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    _log(f"WikiFANE CRF on {sum(len(t) for t, _ in wiki)} tokens")
    path = out / WIKI_MODEL_FILE
    trainer.train(str(path))
    return path


def train_crf(out: Path, train: list[Sentence], extra: list[Sentence], c1: float, c2: float,
              iterations: int) -> Path:
    """Train the CRFsuite model on ANERcorp-train + extra sentences with the shipped resources."""
    import pycrfsuite

    wiki_tagger = None
    if (out / WIKI_MODEL_FILE).exists():
        wiki_tagger = pycrfsuite.Tagger()
        wiki_tagger.open(str(out / WIKI_MODEL_FILE))

    def feats(fx: FeatureExtractor, toks: list[str]) -> list[list[str]]:
        f = fx.sentence(toks)
        return add_stacked(f, wiki_tagger.tag(f)) if wiki_tagger is not None else f

    # The shipped training-entity lexicon covers all of ANERcorp-train; while training, each of
    # LEX_FOLDS contiguous folds sees a lexicon built from the other folds only, so the feature is
    # as incomplete on training text as it will be on unseen text (otherwise it would fire on every
    # training entity and the CRF would over-trust it).
    write_tsv(out / TRAINLEX_FILE, entity_lexicon(train))
    res = load_resources(out)
    trainer = pycrfsuite.Trainer(verbose=False)
    n_tok = 0
    size = (len(train) + LEX_FOLDS - 1) // LEX_FOLDS
    for k in range(LEX_FOLDS):
        others = train[: k * size] + train[(k + 1) * size:]
        fx = FeatureExtractor(res, train_lex=Gazetteer.build(entity_lexicon(others)))
        for toks, tags in _cut(train[k * size:(k + 1) * size]):
            trainer.append(feats(fx, toks), tags)
            n_tok += len(toks)
    fx = FeatureExtractor(res)
    for toks, tags in _cut(extra):
        trainer.append(feats(fx, toks), tags)
        n_tok += len(toks)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    _log(f"CRF on {n_tok} tokens ({len(train)} ANERcorp + {len(extra)} extra sentences)")
    path = out / MODEL_FILE
    trainer.train(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    """CLI entry: rebuild clusters, gazetteers and the CRF into ``--out``."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, required=True, help="the shared folder (holds data/)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "model")
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
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    train, dev = anercorp_split(args.shared)
    _log(f"ANERcorp: {len(train)} train / {len(dev)} dev sentences")
    wiki_path = args.shared / "data" / "ner" / "wikifane_gold_2014_500k.txt"
    wiki = read_wikifane(wiki_path)
    wiki_all = read_wikifane(wiki_path, keep_unmapped=True)
    if not args.skip_clusters:
        n = build_clusters(args.shared, out, train, wiki_all)
        _log(f"clusters: {n} words")
    if not args.skip_gazetteer:
        n_gaz, n_words = build_gazetteers(args.shared, out, wiki_all)
        _log(f"gazetteer: {n_gaz} phrases, word lists: {n_words} words")
    rng = random.Random(SEED)
    with_ent = [s for s in wiki if any(t != "O" for t in s[1])]
    rng.shuffle(with_ent)
    extra = with_ent[: int(len(with_ent) * args.wiki_frac)]
    if not args.stack:
        (out / WIKI_MODEL_FILE).unlink(missing_ok=True)
    elif not args.skip_wiki_crf:
        train_wiki_crf(out, wiki, args.wiki_iterations)
    train_crf(out, train, extra, args.c1, args.c2, args.iterations)
    if args.encoder:
        from marsad.ner.accurate import train_accurate

        train_accurate(out, train, args.c1, args.c2, args.iterations, args.encoder_cache)
    _log(f"done in {time.time() - t0:.0f}s")
    if args.eval:
        from marsad.ner.metrics import format_scores, score
        from marsad.ner.tagger import NerTagger

        tagger = NerTagger(out)
        pred = tagger.tag_sentences([t for t, _ in dev])
        print(format_scores(score([g for _, g in dev], pred)))
        if args.encoder:
            from marsad.ner.accurate import AccurateNer
            from marsad.ner.tagger import _repair

            acc = AccurateNer(tagger._fx, out)
            pred = [_repair(acc.tag_raw(t)) for t, _ in dev]
            print("accurate mode (encoder features):")
            print(format_scores(score([g for _, g in dev], pred)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
