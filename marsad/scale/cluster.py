"""Getting a Dask client: an existing scheduler, or a local cluster of single-threaded worker processes.

A local cluster uses processes, not threads, because annotation holds the GIL; one thread per worker
because a second thread in the same process would only contend for it. Each worker is supervised by a
nanny that restarts it if it dies, and the scheduler re-runs the tasks it held (up to
`distributed.scheduler.allowed-failures` times per task, then reports them as failed).
"""

from __future__ import annotations

import logging
import os
import resource
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import dask
from distributed import Client, LocalCluster

# How long to wait for a remote cluster to have at least one worker before giving up.
WORKER_WAIT_SECONDS = 60.0
# Settings for a local cluster (the scheduler and nannies live in this process; nannies hand the config to
# the worker processes they start and restart). Measured on 2 cores, where every cycle the client spends
# is taken from a worker:
# * the statistical profiler samples the task thread's stack every 10 ms: ~6% of annotation CPU
#   (18.0 → 17.0 ms a document), for a profile nobody looks at without a dashboard;
# * event-loop health ticks every 20 ms, memory checks every 100 ms and system sampling every 500 ms in
#   the scheduler and nannies cost this process ~42 ms of CPU a second; at 1-2 s, 9 ms. A runaway worker
#   is still stopped within a second.
# On a remote cluster set the same keys in the workers' environment (DASK_DISTRIBUTED__WORKER__PROFILE__
# ENABLED=False, ...) for the same gain.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def default_workers() -> int:
    """One worker process per core (annotation is CPU-bound)."""
    return max(1, os.cpu_count() or 1)


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A connected client: to `scheduler` (tcp://host:port) if given, else to a new local cluster of
    `workers` single-threaded processes that is shut down on exit.

    Distributed's own log lines (worker restarts, GC warnings) are kept to errors: the command's stderr is
    for one-line document errors, and a dead worker is reported through the documents it affects.
    """
    saved = _quiet(logging.ERROR)
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
            try:
                client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
                yield client
            finally:
                _quiet(logging.CRITICAL)
                client.close()
            return
        with dask.config.set(LOCAL_CLUSTER_CONFIG), LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            # any free port (never clash with another cluster), on loopback only: the dashboard shows the
            # running tasks and has no login, so it must not be reachable from other machines
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        ) as cluster, Client(cluster) as client:
            try:
                yield client
            finally:
                # Shutting down after Ctrl-C (workers got the SIGINT too) logs cancelled-close tracebacks.
                _quiet(logging.CRITICAL)
    finally:
        for name, old in saved.items():
            logging.getLogger(name).setLevel(old)


def _quiet(level: int) -> dict[str, int]:
    """Set distributed's loggers to `level`; return their previous levels."""
    saved = {}
    for name in ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker",
                 "distributed.client", "distributed.core", "distributed.comm"):
        logger = logging.getLogger(name)
        saved[name] = logger.level
        logger.setLevel(level)
    return saved


def _probe() -> str:
    """Runs on a worker: import what the tasks need and say which marsad it is."""
    import marsad
    import marsad.scale.worker  # noqa: F401  (the task function's module, with the pipeline)

    return marsad.__version__


def check_workers(client: Client) -> None:
    """Refuse a cluster whose workers cannot run marsad tasks, or run another marsad version (which could
    annotate differently), before any document is sent: one clear error instead of one per document."""
    import marsad

    try:
        versions = client.run(_probe)
    except Exception as exc:
        raise RuntimeError(f"its workers cannot run marsad ({type(exc).__name__}: {exc}); install marsad "
                           f"{marsad.__version__} on them") from None
    other = {v for v in versions.values() if v != marsad.__version__}
    if other:
        raise RuntimeError(f"its workers run marsad {', '.join(sorted(other))}, this is {marsad.__version__}")


def total_threads(client: Client) -> int:
    """Task slots across the cluster right now (at least 1, so callers can size their windows)."""
    return max(1, sum(client.nthreads().values()))


def _peak_rss_mb() -> float:
    """This process's peak resident set: VmHWM (the high-water mark of this process image) on Linux.

    `ru_maxrss` can carry the parent's size over a fork+exec, which would credit the client's memory to
    a freshly spawned worker; VmHWM starts afresh with the new image.
    """
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _usage() -> dict[str, Any]:
    """Runs on a worker: its process's peak RSS and CPU seconds so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return {"pid": os.getpid(), "peak_rss_mb": round(_peak_rss_mb(), 1), "cpu_s": round(r.ru_utime + r.ru_stime, 2)}


def worker_usage(client: Client) -> dict[str, dict[str, Any]]:
    """Peak RSS (MB) and CPU seconds of every live worker process, measured inside each worker."""
    return client.run(_usage)
