"""Stance model on an ANS split: macro-F1 over agree/disagree (the issue's target) and the 3-class report.

    .venv/bin/python eval/stance/eval_stance.py --shared ../shared            # dev split
    .venv/bin/python eval/stance/eval_stance.py --csv path/to/ans_stance_test.csv

Predicts through `marsad.corpus.stance.predict_pairs`, the same path `marsad stance` uses.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter
from pathlib import Path

from sklearn.metrics import classification_report, confusion_matrix, f1_score

from marsad.corpus.stance import LABELS, predict_pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--csv", help="default: SHARED/data/stance/ans_stance_dev.csv")
    ap.add_argument("--out", default="bench-out/stance.json")
    a = ap.parse_args()
    path = Path(a.csv or Path(a.shared) / "data" / "stance" / "ans_stance_dev.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    gold = [r["stance"].strip() for r in rows]
    t = time.perf_counter()
    pred = predict_pairs([(r["s1"], r["s2"]) for r in rows])
    secs = time.perf_counter() - t
    f1_ad = f1_score(gold, pred, labels=["agree", "disagree"], average="macro")
    f1_3 = f1_score(gold, pred, labels=list(LABELS), average="macro")
    print(f"{path.name}: {len(rows)} pairs, gold {dict(Counter(gold))}, {secs:.0f}s")
    print(classification_report(gold, pred, labels=list(LABELS), digits=4, zero_division=0))
    print("confusion (rows gold, cols predicted, order agree/disagree/other):")
    print(confusion_matrix(gold, pred, labels=list(LABELS)))
    print(f"macro-F1 agree/disagree: {f1_ad:.4f}   3-class macro-F1: {f1_3:.4f}")
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps({"file": str(path), "pairs": len(rows), "macro_f1_agree_disagree": round(f1_ad, 4),
                                       "macro_f1_3class": round(f1_3, 4), "seconds": round(secs, 1)}, indent=1))


if __name__ == "__main__":
    main()
