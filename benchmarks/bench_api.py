"""Bounded load test of the marsad HTTP API on loopback.

Starts `marsad.api.server.serve` in a subprocess over an existing store, builds a pool of realistic
requests from the store itself (search terms from entity names, the most mentioned entities, event
types, actors and places), warms up, then sends N requests with C concurrent connections and reports
throughput, latency percentiles overall and per kind, the server's response-cache hit rate (from its
X-Cache header), CPU seconds spent by the server and by this client, and every 5xx/429 or transport
failure as an error.

The default client is a minimal HTTP/1.1 keep-alive client over asyncio streams: on a small machine
the load generator competes with the server for the same cores, and httpx spends several times more
CPU per request than the server's own cache hits cost (`--client httpx` to compare).

    .venv/bin/python benchmarks/bench_api.py --db /tmp/snn.db [--requests 5000] [--concurrency 32]
        [--workers 1] [--no-cache | --cache-mb N] [--client raw|httpx] [--out FILE]
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
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, workers: int = 1, cache_mb: float = 64.0) -> subprocess.Popen[bytes]:
    code = (f"import sys; from marsad.api.server import serve; "
            f"sys.exit(serve({db!r}, '127.0.0.1', {port}, None, workers={workers}, cache_mb={cache_mb}))")
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


class RawClient:
    """One keep-alive HTTP/1.1 connection: GET only, Content-Length or chunked bodies, reconnects when the
    server closes. Just enough protocol for loopback benchmarking at a fraction of httpx's CPU cost."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, dict[bytes, bytes]]:
        try:
            async with asyncio.timeout(self.timeout):
                return await self._get(path)
        except BaseException:
            self.close()  # a half-read response would poison the next request on this connection
            raise

    async def _get(self, path: str) -> tuple[int, dict[bytes, bytes]]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            k, _, v = line.partition(b":")
            if k:
                headers[k.strip().lower()] = v.strip()
        await self._body(headers)
        if headers.get(b"connection", b"").lower() == b"close":
            self.close()
        return status, headers

    async def _body(self, headers: dict[bytes, bytes]) -> None:
        assert self.reader is not None
        if b"content-length" in headers:
            await self.reader.readexactly(int(headers[b"content-length"]))
            return
        if headers.get(b"transfer-encoding", b"").lower() == b"chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    return

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def run(base: str, pool: list[tuple[str, str]], concurrency: int,
              client: str = "raw") -> tuple[float, list[dict[str, Any]]]:
    """Send every request of `pool` over `concurrency` connections; (seconds, one result per request)."""
    results: list[dict[str, Any]] = []
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in pool:
        queue.put_nowait(item)
    url = urlsplit(base)

    async def worker(get: Callable[[str], Awaitable[tuple[int, Any]]]) -> None:
        while True:
            try:
                kind, path = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            t0 = time.perf_counter()
            cache = ""
            try:
                status, headers = await get(path)
                cache = (headers.get(b"x-cache") or b"").decode()
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError,
                    ValueError, httpx.HTTPError) as exc:
                status = f"{type(exc).__name__}"
            results.append({"kind": kind, "path": path, "status": status, "cache": cache,
                            "ms": (time.perf_counter() - t0) * 1000})

    if client == "httpx":
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as hc:
            async def hget(path: str) -> tuple[int, dict[bytes, bytes]]:
                r = await hc.get(path)
                return r.status_code, {k.encode(): v.encode() for k, v in r.headers.items()}

            t0 = time.perf_counter()
            await asyncio.gather(*(worker(hget) for _ in range(concurrency)))
            return time.perf_counter() - t0, results
    conns = [RawClient(url.hostname or "127.0.0.1", url.port or 80, 30) for _ in range(concurrency)]
    t0 = time.perf_counter()
    try:
        await asyncio.gather(*(worker(c.get) for c in conns))
    finally:
        for c in conns:
            c.close()
    return time.perf_counter() - t0, results


def cpu_seconds(pid: int) -> float:
    """User+system CPU of a process and all its descendants (uvicorn workers are children), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


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
        "cache_hit_rate": round(sum(1 for r in results if r.get("cache") == "HIT") / max(1, len(results)), 3),
        "cache_states": {c or "-": sum(1 for r in results if r.get("cache") == c)
                         for c in sorted({r.get("cache", "") for r in results})},
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
    ap.add_argument("--cache-mb", type=float, default=64.0, help="server response cache per process (default 64)")
    ap.add_argument("--no-cache", action="store_true", help="run the server with its response cache off")
    ap.add_argument("--client", choices=("raw", "httpx"), default="raw",
                    help="load generator: minimal asyncio HTTP/1.1 client (default) or httpx")
    ap.add_argument("--url", help="bench an already running server instead of starting one")
    ap.add_argument("--out", help="write the JSON summary here too")
    a = ap.parse_args(argv)
    if not a.url and not Path(a.db).exists():
        ap.error(f"{a.db}: no such store")
    cache_mb = 0.0 if a.no_cache else a.cache_mb
    proc = None
    if a.url:
        base = a.url.rstrip("/")
    else:
        port = free_port()
        proc = start_server(a.db, port, a.workers, cache_mb)
        base = f"http://127.0.0.1:{port}"
    try:
        pool = request_pool(base, a.requests + a.warmup, a.seed)
        asyncio.run(run(base, pool[:a.warmup], a.concurrency, a.client))
        server_cpu0, client_cpu0 = cpu_seconds(proc.pid) if proc else 0.0, time.process_time()
        elapsed, results = asyncio.run(run(base, pool[a.warmup:], a.concurrency, a.client))
        server_cpu, client_cpu = (cpu_seconds(proc.pid) - server_cpu0 if proc else None,
                                  time.process_time() - client_cpu0)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
    s = summary(elapsed, results)
    s |= {"store": a.db, "concurrency": a.concurrency, "workers": a.workers, "cache_mb": cache_mb,
          "client": a.client, "distinct_paths": len({p for _, p in pool[a.warmup:]}),
          "server_cpu_s": round(server_cpu, 2) if server_cpu is not None else None,
          "server_cpu_ms_per_request": round(1000 * server_cpu / len(results), 2) if server_cpu else None,
          "client_cpu_s": round(client_cpu, 2), "load_1min": round(os.getloadavg()[0], 2), "machine": describe()}
    text = json.dumps(s, ensure_ascii=False, indent=1)
    print(text)
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(text + "\n", encoding="utf-8")
    return 1 if s["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
