"""Sample near-duplicate pairs (fixed seed) for reading by hand, plus story statistics.

    .venv/bin/python eval/corpus/sample_duplicates.py --db STORE.db [--n 100] [--seed 0] > sample.txt

Each pair shows both titles, outlets, dates, the signature similarity and the opening of both texts;
a reader marks it a copy / lightly edited version (correct) or not. eval/corpus/README.md records the
judgements and the resulting precision. The store must have been analysed (`marsad analyse`).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
from collections import Counter


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--chars", type=int, default=300)
    a = ap.parse_args()
    c = sqlite3.connect(a.db)
    groups: dict[int, list[int]] = {}
    for rowid, gid in c.execute("SELECT doc_rowid, group_id FROM doc_groups ORDER BY group_id, doc_rowid"):
        groups.setdefault(gid, []).append(rowid)
    pairs = sorted({(m[i], m[j]) for m in groups.values() for i in range(len(m)) for j in range(i + 1, len(m))})
    sizes = Counter(len(m) for m in groups.values())
    print(f"# {len(groups)} duplicate groups, {sum(map(len, groups.values()))} documents, {len(pairs)} pairs;"
          f" group sizes {sorted(sizes.items())[:12]}")
    n_st, n_st2, biggest = c.execute(
        "SELECT count(*), sum(size >= 2), max(size) FROM stories").fetchone()
    print(f"# stories: {n_st} ({n_st2} with 2+ articles, largest {biggest})")
    rng = random.Random(a.seed)
    for k, (x, y) in enumerate(rng.sample(pairs, min(a.n, len(pairs))), 1):
        print(f"\n=== pair {k}: rows {x} / {y}")
        for r in (x, y):
            title, outlet, pub, text = c.execute(
                "SELECT title, outlet, published, text FROM documents WHERE rowid=?", (r,)).fetchone()
            body = " ".join(text.split())[: a.chars]
            print(f"[{outlet} {pub}] {title}\n    {body}")


if __name__ == "__main__":
    main()
