"""Cross-document pass benchmark: `analyse()` over a whole store (SaudiNewsNet, ~30K articles), one core.

    .venv/bin/python benchmarks/bench_corpus.py --db /tmp/corpus_snn.db     # an existing store (copied)
    .venv/bin/python benchmarks/bench_corpus.py --shared ../shared          # builds one: dates/quotes/events/entities off
    .venv/bin/python benchmarks/bench_corpus.py --shared ../shared --full   # builds one with every stage

The pass runs in a child process pinned to one CPU (taskset when present) with one thread for every
numeric library, so wall time and peak RSS are the pass's own; the store is copied first so the input
is never modified. A second, incremental run (nothing new) is timed too. Writes bench-out/corpus.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import json, sys, time
from marsad.store import open_store
from marsad.corpus import analyse
store = open_store(sys.argv[1])
t = time.perf_counter()
stats = analyse(store)
stats["wall"] = time.perf_counter() - t
t = time.perf_counter()
again = analyse(store)
stats["incremental_wall"] = time.perf_counter() - t
stats["incremental_documents"] = again["documents"]
c = store.conn
stats["tables"] = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
    "doc_groups", "dup_groups", "stories", "merged_events", "claims", "claim_pairs")}
stats["stories_2plus"] = c.execute("SELECT count(*) FROM stories WHERE size >= 2").fetchone()[0]
stats["docs_in_dup_groups"] = c.execute("SELECT count(*) FROM doc_groups").fetchone()[0]
print(json.dumps(stats))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="existing store to analyse (a copy is used)")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="bench-out/corpus.json")
    ap.add_argument("--full", action="store_true",
                    help="build the store with every annotation stage (quotes, entities, events: the real "
                         "claims and event-merging work; ~10 min of ingest on 2 cores) instead of text only")
    a = ap.parse_args()
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
           "MARSAD_EMBED_THREADS": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        if a.db:
            src = sqlite_checkpointed_copy(a.db, db)
        else:
            corpus = os.path.join(a.shared, "data", "news", "saudinewsnet")
            marsad = str(Path(sys.executable).with_name("marsad"))
            stages = (["--engine", "dask", "--workers", "2"] if a.full else
                      ["--disable", "entities", "--disable", "quotes", "--disable", "events", "--disable", "dates"])
            subprocess.run([marsad, "ingest", corpus, "--db", db, "--quiet", *stages], check=False,
                           stderr=subprocess.DEVNULL)
            src = corpus
        pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
        t0 = time.perf_counter()
        p = subprocess.run([*pin, sys.executable, "-c", CHILD, db], capture_output=True, text=True, env=env)
        total = time.perf_counter() - t0
        if p.returncode:
            sys.exit(p.stderr)
        stats = json.loads(p.stdout)
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stats.update(source=src, process_seconds=round(total, 1), peak_rss_mb=round(rss_mb), one_core=bool(pin))
    print(json.dumps(stats, indent=1, ensure_ascii=False))
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(stats, indent=1, ensure_ascii=False))


def sqlite_checkpointed_copy(src: str, dst: str) -> str:
    """Copy a live SQLite store including its WAL (the backup API reads a consistent snapshot)."""
    import sqlite3

    with sqlite3.connect(f"file:{Path(src).resolve()}?mode=ro", uri=True) as s, sqlite3.connect(dst) as d:
        s.backup(d)
    return src


if __name__ == "__main__":
    main()
