"""Reading and writing the lookup files shipped in `marsad/ner/model/`.

All files are plain UTF-8 TSV so they diff, compress and audit well; they are produced by
`marsad.ner.training` and read once per process by `NerTagger`.

* ``clusters.tsv``   – ``word<TAB>c0<TAB>c1<TAB>c2``: word2vec k-means cluster ids (coarse → fine)
* ``gazetteer.tsv``  – ``label<TAB>phrase``: names with their source/type label
* ``trainlex.tsv``   – ``label<TAB>phrase``: entity strings of the ANERcorp training part
* ``wordlists.tsv``  – ``list<TAB>word``: single-word lists (first names, family names, nisbas)
* ``wiki.crfsuite``  – a CRF trained on mapped WikiFANE whose tags feed the main CRF as features
* ``ner.crfsuite``   – the main CRFsuite model
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from marsad.ner.features import Gazetteer, Resources

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_FILE = "ner.crfsuite"
CLUSTERS_FILE = "clusters.tsv"
GAZETTEER_FILE = "gazetteer.tsv"
WORDLISTS_FILE = "wordlists.tsv"
TRAINLEX_FILE = "trainlex.tsv"
WIKI_MODEL_FILE = "wiki.crfsuite"
#: teacher-labelled SaudiNewsNet paragraphs the shipped CRF trained on (training only: `make train-ner`)
SILVER_FILE = "silver.tsv.gz"


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """word → its cluster ids, coarse to fine, from a `clusters.tsv`; empty when the file is missing."""
    out: dict[str, tuple[str, ...]] = {}
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) > 1:
                    out[parts[0]] = tuple(parts[1:])
    return out


def load_resources(model_dir: Path = MODEL_DIR) -> Resources:
    """Load clusters, gazetteer and word lists; missing files give empty lookups (features off)."""
    res = Resources()
    res.clusters.update(read_clusters(model_dir / CLUSTERS_FILE))
    p = model_dir / GAZETTEER_FILE
    if p.exists():
        with open(p, encoding="utf-8") as fh:
            rows = [tuple(line.rstrip("\n").split("\t", 1)) for line in fh]
        res.gazetteer = Gazetteer.build((r[0], r[1]) for r in rows if len(r) == 2)
    p = model_dir / TRAINLEX_FILE
    if p.exists():
        with open(p, encoding="utf-8") as fh:
            rows = [tuple(line.rstrip("\n").split("\t", 1)) for line in fh]
        res.train_lex = Gazetteer.build((r[0], r[1]) for r in rows if len(r) == 2)
    p = model_dir / WORDLISTS_FILE
    if p.exists():
        lists: dict[str, set[str]] = {}
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                name, _, word = line.rstrip("\n").partition("\t")
                if word:
                    lists.setdefault(name, set()).add(word)
        res.word_lists = {k: frozenset(v) for k, v in lists.items()}
    return res


def write_tsv(path: Path, rows: Iterable[Iterable[str]]) -> int:
    """Write rows as TSV (sorted by the caller for determinism); returns the row count."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write("\t".join(row) + "\n")
            n += 1
    return n
