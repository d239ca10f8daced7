"""Train the shipped stance model: `python -m marsad.corpus.train_stance --shared /work/shared`.

Fits on ANS train only and reports on ANS dev (the split the corpus authors publish for tuning); the
test split is never read here. C was chosen on dev among 0.003/0.01/0.03 (see eval/stance/README.md).
Needs scikit-learn at training time only: the saved model is plain arrays that `stance.py` applies
with numpy.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.corpus.stance import LABELS, MODEL_PATH, pair_features


def load(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return [(r["s1"], r["s2"]) for r in rows], [r["stance"].strip() for r in rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="/work/shared", help="folder holding data/stance/ans_stance_*.csv")
    ap.add_argument("--C", type=float, default=0.003, help="inverse L2 strength of the logistic regression")
    ap.add_argument("--out", default=str(MODEL_PATH))
    a = ap.parse_args(argv)
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import classification_report, f1_score

    base = Path(a.shared) / "data" / "stance"
    tr_pairs, tr_y = load(base / "ans_stance_train.csv")
    dv_pairs, dv_y = load(base / "ans_stance_dev.csv")
    print(f"train {len(tr_pairs)} {dict(Counter(tr_y))}; dev {len(dv_pairs)} {dict(Counter(dv_y))}", file=sys.stderr)
    t = time.time()
    x_tr = pair_features(tr_pairs)
    x_dv = pair_features(dv_pairs)
    print(f"features {x_tr.shape} in {time.time() - t:.0f}s", file=sys.stderr)
    mean = x_tr.mean(0)
    scale = x_tr.std(0)
    scale[scale == 0] = 1.0
    # Classes are skewed (ANS train: 64% disagree, 34% agree, 2% other): balanced weights keep agree
    # and other from being swamped.
    clf = LogisticRegression(C=a.C, max_iter=5000, class_weight="balanced")
    clf.fit((x_tr - mean) / scale, tr_y)
    pred = clf.predict((x_dv - mean) / scale)
    f1ad = f1_score(dv_y, pred, labels=["agree", "disagree"], average="macro")
    print(classification_report(dv_y, pred, labels=list(LABELS), digits=4))
    print(f"ANS dev macro-F1 (agree, disagree): {f1ad:.4f}")
    np.savez_compressed(
        a.out, mean=mean.astype(np.float32), scale=scale.astype(np.float32),
        coef=clf.coef_.astype(np.float32), intercept=clf.intercept_.astype(np.float32),
        classes=np.array(clf.classes_, dtype="U16"),
    )
    print(f"saved {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
