"""The unlabelled-text and external-list lookups of the NER model: word clusters and gazetteers.

Both are built only from sources outside ANERcorp (SaudiNewsNet, WikiFANE, Wojood, Who's On First,
UniversalPetrarch), so they speak as loudly on unseen text as on the training part.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from pathlib import Path

from marsad.ner.bio import entities
from marsad.ner.features import normalize, stem_of
from marsad.ner.resources import CLUSTERS_FILE, GAZETTEER_FILE, WORDLISTS_FILE, write_tsv
from marsad.ner.training import SEED, log
from marsad.ner.training.data import Sentence, news_sentences, read_wojood

CLUSTER_SIZES = (64, 256, 1024)


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
    log(f"word2vec on {len(corpus)} segments, {sum(map(len, corpus))} tokens")
    w2v = Word2Vec(corpus, vector_size=100, window=5, min_count=5, workers=1, sg=0, epochs=5,
                   seed=SEED, hashfxn=_crc_hash, sample=1e-4)
    del corpus
    words = list(w2v.wv.index_to_key)
    vecs = w2v.wv.vectors.astype(np.float64)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    log(f"k-means over {len(words)} words")
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
