"""Per-stage speed on SaudiNewsNet: each annotation component timed alone on the same articles.

Articles are read once (ingest is measured by bench_ingest.py); each component is built once, warmed
on a few documents, then timed over all of them on one core. Prints docs/s and tokens/s per stage and
the process's peak RSS; writes bench-out/stages.json.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import sys
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe  # noqa: E402

from marsad.annotate.pipeline import _FACTORIES, Pipeline, available  # noqa: E402
from marsad.ingest import IngestError, iter_documents  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--n", type=int, default=3000, help="articles to time (default 3000)")
    ap.add_argument("--out", default="bench-out/stages.json")
    a = ap.parse_args()
    corpus = os.path.join(a.shared, "data", "news", "saudinewsnet")
    docs = [d for d in islice(iter_documents([corpus]), a.n + 500) if not isinstance(d, IngestError)][: a.n]
    ntok = sum(len(d.text.split()) for d in docs)
    Pipeline(names=[])  # registers the built-in components
    res: dict[str, object] = {"machine": describe(), "articles": len(docs), "tokens": ntok, "stages": {}}
    # stages run in pipeline order over the same documents, so each is timed on the input it really gets
    work = [copy.copy(d) for d in docs]
    for name in available():
        comp = _FACTORIES[name]()
        for d in work[:20]:
            comp(copy.copy(d))  # warm-up: lazy loads and caches happen before the clock starts
        t0 = time.perf_counter()
        for d in work:
            comp(d)
        dt = time.perf_counter() - t0
        res["stages"][name] = {"docs_per_s": round(len(docs) / dt, 1), "tokens_per_s": round(ntok / dt),
                               "ms_per_doc": round(1000 * dt / len(docs), 3)}
    full = Pipeline()
    work = [copy.copy(d) for d in docs]
    t0 = time.perf_counter()
    for d in work:
        full(d)
    dt = time.perf_counter() - t0
    res["pipeline"] = {"docs_per_s": round(len(docs) / dt, 1), "tokens_per_s": round(ntok / dt),
                       "ms_per_doc": round(1000 * dt / len(docs), 3)}
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    Path(a.out).write_text(json.dumps(res, ensure_ascii=False, indent=1))
    print(json.dumps(res, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
