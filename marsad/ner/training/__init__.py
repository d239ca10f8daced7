"""Rebuilding what `marsad/ner/model/` ships: corpus readers, lookups, the CRFs, scoring.

    python -m marsad.ner.training.train --shared /work/shared --out marsad/ner/model

Only training and evaluation import this package; the runtime tagger (`marsad.ner.tagger`) never does,
so training-only dependencies (gensim, scikit-learn) stay out of every annotating process.
"""

from __future__ import annotations

import sys
import time

#: One seed for every random step (word2vec, k-means, the WikiFANE sample, the encoder head), so that
#: two runs write byte-identical files.
SEED = 20240521


def log(msg: str) -> None:
    """A timestamped progress line on stderr (training runs for minutes)."""
    print(f"[ner-train {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)
