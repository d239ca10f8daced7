"""Several server processes on one port, each with its own listening socket (SO_REUSEPORT).

uvicorn's `--workers` has every process accept from one shared socket, and whichever process wakes first
takes the connection. Clients that keep connections alive stay where they landed, so the load follows
that race, not the processes' capacity: in the API load test 26 of 32 keep-alive connections sat on one
of two workers, which ran flat out while the other idled, and the tail latency was that worker's queue.
With SO_REUSEPORT each process listens on its own socket and the kernel spreads new connections across
them by a hash of the connection, so processes get even shares. This is Linux's way of doing it (also
what gunicorn's `reuse_port` and nginx's `reuseport` use); where the option does not exist the caller
falls back to uvicorn's workers.

The parent only supervises: it starts the processes (spawned, so none inherits open SQLite handles),
restarts one that dies, and on SIGINT or SIGTERM stops them all.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import time
from typing import Any

RESTART_LIMIT = 10  # deaths tolerated before the supervisor gives up (a worker that cannot start at all)


def supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith("linux")


def _listen(host: str, port: int, backlog: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def _worker(opts: dict[str, Any]) -> None:
    """One server process: its own socket on the shared port, the app built from the environment."""
    import uvicorn

    sock = _listen(opts["host"], opts["port"], opts.get("backlog", 2048))
    config = uvicorn.Config("marsad.api.server:_app_from_env", factory=True, **opts)
    uvicorn.Server(config).run(sockets=[sock])


def port_free(host: str, port: int) -> bool:
    """Whether nothing listens on the port (checked without SO_REUSEPORT, which would share it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def run(workers: int, opts: dict[str, Any]) -> int:
    """Run `workers` server processes until SIGINT/SIGTERM; returns an exit status."""
    if not port_free(opts["host"], opts["port"]):
        print(f"marsad: {opts['host']}:{opts['port']} is already in use; pick another with --port",
              file=sys.stderr)
        return 1
    ctx = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True

    old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    procs = []
    try:
        for _ in range(workers):
            p = ctx.Process(target=_worker, args=(opts,), daemon=True)
            p.start()
            procs.append(p)
        deaths = 0
        while not stopping:
            time.sleep(0.2)
            for i, p in enumerate(procs):
                if not p.is_alive() and not stopping:
                    deaths += 1
                    if deaths > RESTART_LIMIT:
                        print(f"marsad: server workers keep exiting (last status {p.exitcode}); stopping",
                              file=sys.stderr)
                        return 1
                    procs[i] = ctx.Process(target=_worker, args=(opts,), daemon=True)
                    procs[i].start()
        return 0
    finally:
        for p in procs:
            if p.is_alive() and p.pid is not None:
                os.kill(p.pid, signal.SIGTERM)  # uvicorn finishes requests in flight, then exits
        deadline = time.monotonic() + 10
        for p in procs:
            p.join(max(0.0, deadline - time.monotonic()))
            if p.is_alive():
                p.kill()
        for s, h in old.items():
            signal.signal(s, h)
