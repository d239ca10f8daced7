"""Ingest benchmark: the whole SaudiNewsNet corpus into a fresh store, then 100 searches.

Runs `marsad ingest` as a child process, exactly as a user would, so the figures include reading the
zips, cleaning, annotating (the components enabled), and one transaction per document; peak RSS is
the child's. Results are printed and written to bench-out/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe  # noqa: E402

from marsad.store import open_store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--corpus", help="default: SHARED/data/news/saudinewsnet")
    ap.add_argument("--disable", action="append", default=[], help="pipeline components to skip")
    ap.add_argument("--out", default="bench-out/ingest.json")
    a = ap.parse_args()
    corpus = a.corpus or os.path.join(a.shared, "data", "news", "saudinewsnet")
    marsad = str(Path(sys.executable).with_name("marsad"))
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        cmd = [marsad, "ingest", corpus, "--db", db, "--quiet"] + [f"--disable={d}" for d in a.disable]
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if p.returncode not in (0, 1):
            sys.exit(f"ingest failed ({p.returncode}): {p.stderr[-2000:]}")
        size_mb = sum(os.path.getsize(os.path.join(tmp, f)) for f in os.listdir(tmp)) / 1e6
        with open_store(db) as store:
            st = store.stats()
            titles = [r[0] for r in store.conn.execute("SELECT title FROM documents WHERE title IS NOT NULL")]
            rng = random.Random(7)
            queries = []
            for t in rng.sample(titles, 100):
                words = [w for w in t.split() if len(w) > 3 and w.isalpha()] or ["السعودية"]
                queries.append(" ".join(rng.sample(words, min(len(words), rng.choice([1, 1, 2])))))
            lat = []
            for q in queries:
                t1 = time.perf_counter()
                store.search(q, limit=10)
                lat.append((time.perf_counter() - t1) * 1000)
    lat.sort()
    res = {
        "machine": describe(),
        "corpus": corpus,
        "disabled": a.disable,
        "documents_stored": st["documents"],
        "versions": st["versions"],
        "tokens": st["tokens"],
        "failed_lines": p.stderr.count("\n"),
        "summary": p.stdout.strip().splitlines()[0] if p.stdout.strip() else "",
        "seconds": round(wall, 1),
        "docs_per_s": round(st["versions"] / wall, 1),
        "tokens_per_s": round(st["tokens"] / wall),
        "db_mb": round(size_mb, 1),
        "peak_rss_mb": round(rss_mb, 1),
        "search_p50_ms": round(statistics.median(lat), 2),
        "search_p95_ms": round(lat[94], 2),
        "search_max_ms": round(lat[-1], 2),
    }
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    Path(a.out).write_text(json.dumps(res, ensure_ascii=False, indent=1))
    for k, v in res.items():
        print(f"{k:>18}: {v}")


if __name__ == "__main__":
    main()
