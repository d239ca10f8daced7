"""Bounded load test of the marsad HTTP API on loopback.

Starts `marsad.api.server.serve` in a subprocess over an existing store, builds a pool of realistic
requests from the store itself (search terms from entity names, the most mentioned entities, event
types, actors and places), warms up, then sends N requests with C concurrent connections and reports
throughput, latency percentiles overall and per kind, and every non-2xx/4xx-expected response as an error.

    .venv/bin/python benchmarks/bench_api.py --db /tmp/snn.db [--requests 5000] [--concurrency 32] [--out FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    code = (f"import sys; from marsad.api.server import serve; "
            f"sys.exit(serve({db!r}, '127.0.0.1', {port}, None, workers={workers}))")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def request_pool(base: str, n: int, seed: int) -> list[tuple[str, str]]:
    """(kind, path) pairs: ~40% search, ~35% entity reads, ~25% event reads, drawn from the store."""
    rnd = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as c:
        ents = c.get("/api/entities", params={"limit": 200}).json()["items"]
        ents += c.get("/api/entities", params={"limit": 200, "offset": 200}).json()["items"]
        places = [p["id"] for p in c.get("/api/events/places", params={"limit": 100}).json()["items"]]
    words = [w for e in ents for w in e["name"].split() if len(w) > 2] or ["السعودية"]
    people = [e["id"] for e in ents if e["type"] == "PER"] or [e["id"] for e in ents]
    pool: list[tuple[str, str]] = []
    for _ in range(n):
        r = rnd.random()
        if r < 0.40:
            q = " ".join(rnd.sample(words, rnd.choice([1, 1, 2])))
            extra = rnd.choice(["", "&from=2015-07-25", "&offset=20"])
            pool.append(("search", f"/api/search?q={quote(q)}{extra}"))
        elif r < 0.75:
            e = rnd.choice(ents)["id"]
            sub = rnd.choice(["", "", "/mentions", "/quotes", "/events", "/aliases"])
            pool.append(("entity", f"/api/entities/{quote(e)}{sub}"))
        else:
            kind = rnd.random()
            if kind < 0.4:
                pool.append(("events", f"/api/events?type={rnd.choice(PLOVER)}&limit=50"))
            elif kind < 0.6:
                pool.append(("events", f"/api/events?actor={quote(rnd.choice(people))}"))
            elif kind < 0.8 and places:
                pool.append(("events", f"/api/events?location={quote(rnd.choice(places))}"))
            else:
                pool.append(("events", f"/api/events.geojson?type={rnd.choice(PLOVER)}"))
    return pool


async def run(base: str, pool: list[tuple[str, str]], concurrency: int) -> tuple[float, list[dict[str, Any]]]:
    results: list[dict[str, Any]] = []
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in pool:
        queue.put_nowait(item)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        while True:
            try:
                kind, path = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            t0 = time.perf_counter()
            try:
                resp = await client.get(path)
                status = resp.status_code
            except httpx.HTTPError as exc:
                status = f"{type(exc).__name__}"
            results.append({"kind": kind, "path": path, "status": status, "ms": (time.perf_counter() - t0) * 1000})

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        return time.perf_counter() - t0, results


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def summary(elapsed: float, results: list[dict[str, Any]]) -> dict[str, Any]:
    ms = [r["ms"] for r in results]
    errors = [r for r in results if not isinstance(r["status"], int) or r["status"] >= 500 or r["status"] == 429]
    by_kind = {}
    for kind in sorted({r["kind"] for r in results}):
        k = [r["ms"] for r in results if r["kind"] == kind]
        by_kind[kind] = {"n": len(k), "p50_ms": round(pct(k, 50), 1), "p95_ms": round(pct(k, 95), 1),
                         "p99_ms": round(pct(k, 99), 1)}
    return {
        "requests": len(results), "seconds": round(elapsed, 2), "throughput_rps": round(len(results) / elapsed, 1),
        "p50_ms": round(pct(ms, 50), 1), "p95_ms": round(pct(ms, 95), 1), "p99_ms": round(pct(ms, 99), 1),
        "mean_ms": round(statistics.fmean(ms), 1), "max_ms": round(max(ms), 1),
        "errors": len(errors), "error_samples": errors[:5],
        "status_counts": {str(s): sum(1 for r in results if r["status"] == s) for s in {r["status"] for r in results}},
        "by_kind": by_kind,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=1, help="server worker processes (default 1)")
    ap.add_argument("--url", help="bench an already running server instead of starting one")
    ap.add_argument("--out", help="write the JSON summary here too")
    a = ap.parse_args(argv)
    if not a.url and not Path(a.db).exists():
        ap.error(f"{a.db}: no such store")
    proc = None
    if a.url:
        base = a.url.rstrip("/")
    else:
        port = free_port()
        proc = start_server(a.db, port, a.workers)
        base = f"http://127.0.0.1:{port}"
    try:
        pool = request_pool(base, a.requests + a.warmup, a.seed)
        asyncio.run(run(base, pool[:a.warmup], a.concurrency))
        elapsed, results = asyncio.run(run(base, pool[a.warmup:], a.concurrency))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
    s = summary(elapsed, results)
    s["store"] = a.db
    s["concurrency"] = a.concurrency
    s["workers"] = a.workers
    text = json.dumps(s, ensure_ascii=False, indent=1)
    print(text)
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(text + "\n", encoding="utf-8")
    return 1 if s["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
