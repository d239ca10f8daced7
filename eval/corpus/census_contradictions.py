"""Every pair an analysed store lists as a contradiction, with the label a reader gave it in any sample.

The judged samples (`eval/corpus/contra/*`) together cover most of what the rules list on SaudiNewsNet,
so the list can be scored whole instead of by a fresh sample of 40: each listed pair is matched to a
judged pair by its two texts (either order). Pairs judged in samples the rules were written on are
design data and flatter the figure; `--fresh DIR` names the samples drawn after the last rule change,
and their pairs are counted apart.

    .venv/bin/python eval/corpus/census_contradictions.py --db STORE --fresh eval/corpus/contra/scope5
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from marsad.store import open_store  # noqa: E402

HERE = Path(__file__).resolve().parent / "contra"


def _judged(dirs: list[Path]) -> dict[frozenset[str], tuple[str, str]]:
    """(text a, text b) → (label, sample name); a later sample's label wins where two judged one pair."""
    out: dict[frozenset[str], tuple[str, str]] = {}
    for d in dirs:
        labels = {r["id"]: r["label"] for r in map(json.loads, (d / "labels.jsonl").read_text().splitlines())}
        for r in map(json.loads, (d / "pairs.jsonl").read_text().splitlines()):
            if r["id"] in labels:
                out[frozenset((r["a"]["text"], r["b"]["text"]))] = (labels[r["id"]], d.name)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="an analysed store")
    ap.add_argument("--fresh", action="append", default=[], help="a sample drawn after the last rule change")
    a = ap.parse_args()
    fresh = {Path(f).resolve().name for f in a.fresh}
    dirs = sorted((d for d in HERE.iterdir() if (d / "labels.jsonl").exists()), key=lambda d: d.name in fresh)
    judged = _judged(dirs)
    conn = open_store(a.db, readonly=True).conn
    rows = conn.execute(
        "SELECT qa.content, qb.content FROM claim_pairs p"
        " JOIN quotes qa ON qa.doc_rowid = p.a_doc AND qa.idx = p.a_idx"
        " JOIN quotes qb ON qb.doc_rowid = p.b_doc AND qb.idx = p.b_idx WHERE p.label = 'disagree'"
    ).fetchall()
    by: dict[str, Counter[str]] = {"fresh": Counter(), "design": Counter()}
    unjudged = 0
    for ta, tb in rows:
        hit = judged.get(frozenset((ta, tb)))
        if hit is None:
            unjudged += 1
            continue
        by["fresh" if hit[1] in fresh else "design"][hit[0]] += 1
    print(f"listed {len(rows)}; judged {len(rows) - unjudged}; not judged {unjudged}")
    total: Counter[str] = Counter()
    for name, c in by.items():
        total += c
        n = sum(c.values())
        if n:
            print(f"  {name:6s} n={n:3d}  contradict {c['contradict']:3d}  agree {c['agree']:3d}  other {c['other']:3d}"
                  f"  → {c['contradict'] / n:.2f}")
    n = sum(total.values())
    if n:
        print(f"  all    n={n:3d}  contradict {total['contradict']:3d}  agree {total['agree']:3d}"
              f"  other {total['other']:3d}  → {total['contradict'] / n:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
