"""Score hand-labelled contradiction samples (see `sample_contradictions.py`).

Prints, per stratum, how many pairs the reader judged `contradict`: for `listed` that is the precision
of `marsad claims --contradictions`; for `model_only` it is how often the pairs the stricter rule
drops were real contradictions after all.

    .venv/bin/python eval/corpus/score_contradictions.py eval/corpus/contra
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def main() -> int:
    d = Path(sys.argv[1] if len(sys.argv) > 1 else "eval/corpus/contra")
    key = {r["id"]: r["stratum"] for r in map(json.loads, (d / "key.jsonl").read_text().splitlines())}
    labels = {r["id"]: r["label"] for r in map(json.loads, (d / "labels.jsonl").read_text().splitlines())}
    for stratum in [s for s in ("listed", "model_only", "removed") if s in key.values()]:
        ids = [i for i, s in key.items() if s == stratum and i in labels]
        c = Counter(labels[i] for i in ids)
        n = len(ids)
        share = c["contradict"] / n if n else float("nan")
        what = {"listed": "precision of the contradiction list", "model_only": "real contradictions among dropped pairs",
                "removed": "real contradictions among pairs a rule change stopped listing"}[stratum]
        print(f"{stratum:11s} n={n:3d}  contradict {c['contradict']:3d}  agree {c['agree']:3d}  other {c['other']:3d}"
              f"  → {what}: {share:.2f}")
    missing = sorted(set(key) - set(labels))
    if missing:
        print(f"unlabelled: {len(missing)} pairs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
