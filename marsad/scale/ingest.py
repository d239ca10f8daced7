"""`marsad ingest --engine dask`: the Dask engine's output stored and reported as the single-process
run does (`marsad.loading`). The client reads and writes; annotation happens on the cluster. Documents
are written in input order, so both engines store exactly the same thing.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from contextlib import ExitStack

from distributed import Client

from marsad.document import Document
from marsad.ingest import IngestError, iter_documents
from marsad.loading import Failure, reason, store_stream
from marsad.scale.cluster import check_workers, dask_client
from marsad.scale.codec import DocFailure
from marsad.scale.dask_engine import BATCH_SIZE, ClusterLost, annotate_stream


def cmd_ingest_dask(a: argparse.Namespace) -> int:
    """Entry point from `marsad.cli.cmd_ingest` when `--engine dask` is given."""
    from marsad.cli import _err

    with ExitStack() as stack:
        try:
            client = stack.enter_context(dask_client(a.scheduler, a.workers))
            check_workers(client)
        except (OSError, RuntimeError) as exc:  # unreachable, no worker came up in time, workers lack marsad
            _err(f"cannot use the Dask cluster{' at ' + a.scheduler if a.scheduler else ''}: {exc}")
            return 1
        return ingest(client, a)


def ingest(client: Client, a: argparse.Namespace, *, batch_size: int = BATCH_SIZE,
           items: Iterable[Document | IngestError] | None = None) -> int:
    """Ingest `a.paths` (or `items`) through `client` into `a.db`; print errors and the summary.

    `a` carries the `marsad ingest` options (paths, db, disable, max_mb, commit_every, quiet, progress).
    """
    source = items if items is not None else iter_documents(a.paths, max_mb=a.max_mb)

    def outcomes() -> Iterator[Document | Failure]:
        for item in annotate_stream(client, source, disable=a.disable or (), batch_size=batch_size):
            if isinstance(item, IngestError):
                yield Failure(item.source, reason(item.message), item.message)
            elif isinstance(item, DocFailure):
                yield Failure(str(item.source), item.kind, f"could not annotate or store: {item.message}")
            else:
                yield item

    return store_stream(a, outcomes(), fatal=(ClusterLost,))
