"""`serve(workers=2)`: processes on one port with their own sockets, a shared cache, a clean stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from marsad.api import reuse_port

pytestmark = pytest.mark.skipif(not reuse_port.supported(), reason="SO_REUSEPORT workers are Linux-only")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_two_workers_serve_share_the_cache_and_stop_cleanly(store_db: Path, tmp_path: Path) -> None:
    port = _free_port()
    env = dict(os.environ, TMPDIR=str(tmp_path))
    places = [p for p in (Path("/dev/shm"), tmp_path) if p.is_dir()]  # where the shared cache may go
    before = {p for place in places for p in place.glob("marsad-cache-*")}
    code = f"import sys; from marsad.api.server import serve; sys.exit(serve({str(store_db)!r}, '127.0.0.1', {port}, workers=2))"
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "server did not start"
            time.sleep(0.2)
        assert not reuse_port.port_free("127.0.0.1", port)
        # separate connections land on either worker; after the first answer every one is a hit
        states = []
        for _ in range(12):
            with httpx.Client(base_url=base, timeout=10) as c:
                r = c.get("/api/search", params={"q": "سوريا"})
                assert r.status_code == 200
                states.append(r.headers["x-cache"])
        assert states[0] == "MISS" and set(states[1:]) == {"HIT"}
        assert httpx.get(f"{base}/api/search", params={"q": '"سوريا'}, timeout=10).status_code == 400
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    assert reuse_port.port_free("127.0.0.1", port)
    assert {p for place in places for p in place.glob("marsad-cache-*")} <= before  # the shared cache is removed


def _children(pid: int) -> list[int]:
    """Every descendant process of `pid` (from /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        found += kids
        frontier += kids
    return found


def test_workers_get_the_token_outside_their_environment(store_db: Path, tmp_path: Path) -> None:
    """Issue 20.10: with --workers N the API token sat in every worker's environment (MARSAD_SERVE_TOKEN),
    where `ps e` and /proc/PID/environ show it. Workers now read it from a file only this user can read,
    removed when the server stops."""
    token = "worker-token-" + "7" * 20
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")} | {"MARSAD_API_TOKEN": token,
                                                                                  "TMPDIR": str(tmp_path)}
    code = (f"import sys; from marsad.api.server import resolve_token, serve; "
            f"sys.exit(serve({str(store_db)!r}, '127.0.0.1', {port}, resolve_token(), workers=2))")
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "server did not start"
            time.sleep(0.2)
        workers = _children(proc.pid)
        assert len(workers) >= 2
        for pid in workers:
            environ = Path(f"/proc/{pid}/environ").read_bytes()
            assert token.encode() not in environ, f"worker {pid} has the token in its environment"
            settings = dict(kv.split(b"=", 1) for kv in environ.split(b"\0") if b"=" in kv).get(b"MARSAD_SERVE_SETTINGS")
            if settings:
                assert Path(settings.decode()).stat().st_mode & 0o077 == 0
        # the token still works: a POST with it gets past the check (422: empty body), without it 401
        r = httpx.post(f"http://127.0.0.1:{port}/api/documents", json={}, headers={"authorization": f"Bearer {token}"})
        assert r.status_code == 422
        assert httpx.post(f"http://127.0.0.1:{port}/api/documents", json={}).status_code == 401
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
