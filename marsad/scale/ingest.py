"""`marsad ingest --engine dask`: the single-process command's reporting around the Dask engine.

Same contract as the single-process run: a tqdm bar on stderr, one `marsad: source: problem` line per
failed input, the closing summary on stdout, exit status 1 if anything failed (130 if interrupted). The
client reads and writes; annotation happens on the cluster. The store is whatever `open_store` opens, with
its batched commits, written in input order so both engines store exactly the same thing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from contextlib import ExitStack

from distributed import Client

from marsad.document import Document
from marsad.ingest import IngestError, iter_documents
from marsad.scale.cluster import check_workers, dask_client
from marsad.scale.codec import DocFailure
from marsad.scale.dask_engine import BATCH_SIZE, ClusterLost, annotate_stream
from marsad.store import open_store


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
    from tqdm import tqdm

    from marsad.cli import EXIT_FAILED, EXIT_OK, _err, _print_summary, _reason

    counts: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    show = not a.quiet and sys.stderr.isatty() or a.progress
    bar = tqdm(desc="ingest", unit=" docs", disable=not show, file=sys.stderr, mininterval=0.5)
    source = items if items is not None else iter_documents(a.paths, max_mb=a.max_mb)
    with open_store(a.db, batch_size=a.commit_every) as store:
        try:
            for item in annotate_stream(client, source, disable=a.disable or (), batch_size=batch_size):
                if isinstance(item, IngestError):
                    counts["failed"] += 1
                    failures[_reason(item.message)] += 1
                    tqdm.write(f"marsad: {item.source}: {item.message}", file=sys.stderr)
                elif isinstance(item, DocFailure):
                    counts["failed"] += 1
                    failures[item.kind] += 1
                    tqdm.write(f"marsad: {item.source}: could not annotate or store: {item.message}", file=sys.stderr)
                else:
                    try:
                        counts[store.add(item)] += 1
                    except Exception as exc:  # one bad document must not stop the batch
                        counts["failed"] += 1
                        failures[type(exc).__name__] += 1
                        tqdm.write(f"marsad: {item.source}: could not annotate or store: {exc}", file=sys.stderr)
                bar.update(1)
        except KeyboardInterrupt:
            bar.close()
            _err("interrupted; every document listed as stored is complete, re-run to finish the rest")
            _print_summary(counts, failures, a.db)
            return 130
        except ClusterLost as exc:
            bar.close()
            _err(f"{exc}; every document listed as stored is complete, re-run to finish the rest")
            _print_summary(counts, failures, a.db)
            return EXIT_FAILED
        finally:
            bar.close()
        store.after_bulk_load(counts["stored"] + counts["new-version"])
    _print_summary(counts, failures, a.db)
    return EXIT_FAILED if counts["failed"] else EXIT_OK
