"""Scale-out benchmark: SaudiNewsNet through the full pipeline, one process vs a local Dask cluster.

Figures are wall-clock; on a shared machine also read `load_avg_before` and `speedup_if_cpu_bound` (from
the CPU seconds each side used). The single-process run is `marsad ingest` in a child process, as a user runs it. The Dask run is the same
code as `marsad ingest --engine dask --workers N`, driven in this process so that before the cluster shuts
down each worker can report its own peak RSS (VmHWM) and CPU seconds (`Client.run`); the client's figures
are this process's (it holds the scheduler and nannies too, as the command does). Both stores are then
exported (`jsonl`, lines sorted) and compared. `--limit N` takes an even spread of N articles (every
31030//N-th record in corpus order, as the tests do) so a short run still sees every outlet and day.
Results are printed and written to bench-out/scale.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe  # noqa: E402

CORPUS_SIZE = 31030


def write_sample(corpus: str, n: int, out: str) -> None:
    """Every (31030 // n)-th SaudiNewsNet record, at most n, as JSON Lines (run in a child process, so the
    parsed corpus files never count towards the client's peak RSS)."""
    step, i, kept = max(1, CORPUS_SIZE // n), 0, 0
    with open(out, "w", encoding="utf-8") as f:
        for z in sorted(Path(corpus).glob("*.zip")):
            with zipfile.ZipFile(z) as zf:
                for member in sorted(zf.namelist()):
                    for rec in json.loads(zf.read(member)):
                        if i % step == 0 and kept < n:
                            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
                            kept += 1
                        i += 1


def system_busy_s() -> float:
    """CPU seconds all processes on the machine have used since boot (from /proc/stat), to tell how much
    of a run's cores other processes took."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


def run_single(marsad: str, inputs: str, db: str, tmp: str) -> dict[str, Any]:
    out_path, err_path = os.path.join(tmp, "single.out"), os.path.join(tmp, "single.err")
    t0, b0 = time.perf_counter(), system_busy_s()
    with open(out_path, "w") as fo, open(err_path, "w") as fe:
        p = subprocess.Popen([marsad, "ingest", inputs, "--db", db, "--quiet"], stdout=fo, stderr=fe)
        # wait4 reports this child alone (RUSAGE_CHILDREN would mix in every other child).
        _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    out, err = Path(out_path).read_text(), Path(err_path).read_text()
    if p.returncode not in (0, 1):
        sys.exit(f"single-process ingest failed ({p.returncode}): {err[-2000:]}")
    others = system_busy_s() - b0 - (ru.ru_utime + ru.ru_stime)
    return {"seconds": wall, "summary": out.strip().splitlines()[0], "error_lines": err.count("\n"), "rusage": ru,
            "others_cpu_s": round(max(0.0, others), 1)}


def _self_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _vm_hwm_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_dask(inputs: str, db: str, workers: int, batch_size: int) -> dict[str, Any]:
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from distributed import get_task_stream

    from marsad.cli.ingest import ingest_dask
    from marsad.scale import dask_client, worker_usage

    t0, c0, b0 = time.perf_counter(), _self_cpu(), system_busy_s()
    with dask_client(None, workers) as client:
        t1 = time.perf_counter()
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err), get_task_stream(client) as stream:
            rc = ingest_dask(client, [inputs], db, batch_size=batch_size)
        t2 = time.perf_counter()
        usage = sorted(worker_usage(client).values(), key=lambda u: u["pid"])
    wall = time.perf_counter() - t0
    busy = system_busy_s() - b0
    # How much of the ingest each worker spent computing tasks: near 1 means the client kept it fed.
    computing: dict[str, float] = {}
    for task in stream.data:
        for ss in task.get("startstops", ()):
            if ss["action"] == "compute":
                computing[task["worker"]] = computing.get(task["worker"], 0.0) + ss["stop"] - ss["start"]
    if rc not in (0, 1):
        sys.exit(f"dask ingest failed ({rc}): {err.getvalue()[-2000:]}")
    return {"seconds": wall, "cluster_start_s": round(t1 - t0, 1), "ingest_s": round(t2 - t1, 1),
            "summary": out.getvalue().strip().splitlines()[0], "error_lines": err.getvalue().count("\n"),
            "client_cpu_s": round(_self_cpu() - c0, 1), "client_peak_rss_mb": round(_vm_hwm_mb(), 1),
            "workers": usage, "worker_busy_fraction": [round(v / (t2 - t1), 2) for v in computing.values()],
            "others_cpu_s": round(max(0.0, busy - (_self_cpu() - c0) - sum(u["cpu_s"] for u in usage)), 1)}


def export_digest(marsad: str, db: str) -> str:
    p = subprocess.run([marsad, "export", "--format", "jsonl", "--db", db], capture_output=True)
    if p.returncode:
        sys.exit(f"export failed: {p.stderr.decode()[-1000:]}")
    return hashlib.sha256(b"".join(sorted(p.stdout.splitlines(keepends=True)))).hexdigest()


def stored(summary: str) -> int:
    """Documents written (stored + new versions) from an ingest summary line."""
    s = summary.split(": ", 1)[1]
    return int(s.split("stored ")[1].split(",")[0]) + int(s.split("new versions ")[1].split(",")[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--corpus", help="default: SHARED/data/news/saudinewsnet")
    ap.add_argument("--limit", type=int, help="only this many articles (an even spread of the corpus)")
    ap.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2)")
    ap.add_argument("--batch-size", type=int, default=None, help="documents per Dask task (default: the engine's)")
    ap.add_argument("--out", default="bench-out/scale.json")
    ap.add_argument("--write-sample", nargs=2, metavar=("N", "FILE"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    corpus = a.corpus or os.path.join(a.shared, "data", "news", "saudinewsnet")
    if a.write_sample:
        write_sample(corpus, int(a.write_sample[0]), a.write_sample[1])
        return
    from marsad.scale.dask_engine import BATCH_SIZE

    batch_size = a.batch_size or BATCH_SIZE
    marsad = str(Path(sys.executable).with_name("marsad"))
    with tempfile.TemporaryDirectory() as tmp:
        inputs = corpus
        if a.limit:
            inputs = os.path.join(tmp, f"saudinewsnet-{a.limit}.jsonl")
            subprocess.run([sys.executable, __file__, "--corpus", corpus, "--write-sample", str(a.limit), inputs],
                           check=True)
        load_single = os.getloadavg()[0]
        single = run_single(marsad, inputs, os.path.join(tmp, "single.db"), tmp)
        load_dask = os.getloadavg()[0]
        dask = run_dask(inputs, os.path.join(tmp, "dask.db"), a.workers, batch_size)
        same = export_digest(marsad, os.path.join(tmp, "single.db")) == export_digest(marsad, os.path.join(tmp, "dask.db"))
        db_mb = sum(os.path.getsize(os.path.join(tmp, f)) for f in os.listdir(tmp) if f.startswith("dask.db")) / 1e6
    n = stored(single["summary"])
    ru = single.pop("rusage")
    single_cpu = ru.ru_utime + ru.ru_stime
    worker_cpu = sum(w["cpu_s"] for w in dask["workers"])
    res = {
        "machine": describe(),
        "input": inputs if not a.limit else f"{corpus} (every {CORPUS_SIZE // a.limit}th article, {a.limit})",
        "documents_stored": n,
        "load_avg_before": {"single": round(load_single, 2), "dask": round(load_dask, 2)},
        "single": {
            "seconds": round(single["seconds"], 1),
            "docs_per_s": round(n / single["seconds"], 1),
            "cpu_s": round(single_cpu, 1),
            "cpu_ms_per_doc": round(1000 * single_cpu / n, 2),
            "peak_rss_mb": round(ru.ru_maxrss / 1024, 1),
            "summary": single["summary"].split(": ", 1)[1],
            "other_processes_cpu_s": single["others_cpu_s"],
        },
        "dask": {
            "workers": a.workers,
            "batch_size": batch_size,
            "seconds": round(dask["seconds"], 1),
            "cluster_start_s": dask["cluster_start_s"],
            "docs_per_s": round(n / dask["seconds"], 1),
            "client_cpu_s": dask["client_cpu_s"],
            "client_cpu_ms_per_doc": round(1000 * dask["client_cpu_s"] / n, 2),
            "worker_cpu_s": round(worker_cpu, 1),
            "worker_cpu_ms_per_doc": round(1000 * worker_cpu / n, 2),
            "client_peak_rss_mb": dask["client_peak_rss_mb"],
            "worker_peak_rss_mb": [w["peak_rss_mb"] for w in dask["workers"]],
            "worker_busy_fraction": dask["worker_busy_fraction"],
            "summary": dask["summary"].split(": ", 1)[1],
            "other_processes_cpu_s": dask["others_cpu_s"],
        },
        "speedup": round(single["seconds"] / dask["seconds"], 2),
        # What the CPU seconds predict on an otherwise idle machine: the single run needs its CPU time on one
        # core, the Dask run needs client + worker CPU time spread over all cores (the client on one).
        "speedup_if_cpu_bound": round(single_cpu / max(dask["client_cpu_s"],
                                                       (dask["client_cpu_s"] + worker_cpu) / (os.cpu_count() or 1)), 2),
        "exports_identical": same,
        "store_kb_per_doc": round(1000 * db_mb / n, 1),
    }
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    Path(a.out).write_text(json.dumps(res, ensure_ascii=False, indent=1))
    for k, v in res.items():
        print(f"{k:>18}: {v}")


if __name__ == "__main__":
    main()
