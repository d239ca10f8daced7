"""`marsad ingest`: read articles, annotate them (in this process or on a Dask cluster) and store them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from marsad.annotate.pipeline import DEFAULT_BUDGET_S
from marsad.cli.common import EXIT_FAILED, EXIT_USAGE, add_budget, add_db, add_disable, err
from marsad.cli.loading import Failure, Notice, reason, store_stream

if TYPE_CHECKING:
    from distributed import Client

    from marsad.document import Document
    from marsad.ingest import IngestError


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("ingest", help="read articles, annotate them and store them",
                        description="Read articles (text, HTML, JSON, JSONL, zip, RSS/Atom; files, directories "
                        "or - for stdin), annotate them and store them. Already-stored texts are skipped, "
                        "changed texts become new versions; each document is written in one transaction, "
                        "so an interrupted run is finished by running it again.")
    sp.add_argument("paths", nargs="+", metavar="PATH", help="file, directory (recursive) or - for stdin")
    add_db(sp)
    add_disable(sp)
    sp.add_argument("--max-mb", type=float, default=20.0, help="size limit for one-article files (default 20)")
    add_budget(sp)
    sp.add_argument("--commit-every", type=int, default=200, metavar="N",
                    help="commit every N documents (each document is still atomic; default 200, 1 = each)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.add_argument("--progress", action="store_true", help="progress bar even when stderr is not a terminal")
    sp.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local: annotate in this process (default); dask: annotate on Dask workers (this process "
                    "reads and writes the store), same results")
    sp.add_argument("--workers", type=int, metavar="N",
                    help="with --engine dask: start a local cluster of N single-threaded worker processes "
                    "(default: one per core)")
    sp.add_argument("--scheduler", metavar="URL",
                    help="with --engine dask: use the running cluster at URL (tcp://host:port) instead; its workers "
                    "need this version of marsad installed")
    sp.set_defaults(func=cmd_ingest)


# -- ingest ----------------------------------------------------------------------------------------------
def cmd_ingest(a: argparse.Namespace) -> int:
    progress = not a.quiet and sys.stderr.isatty() or a.progress
    store = {"commit_every": a.commit_every, "progress": progress}
    if a.engine == "dask":
        if a.workers is not None and a.scheduler:
            err("--workers starts a local cluster and --scheduler uses an existing one; give only one")
            return EXIT_USAGE
        if a.workers is not None and a.workers < 1:
            err(f"--workers must be at least 1, not {a.workers}")
            return EXIT_USAGE
        return _ingest_on_cluster(a.paths, a.db, scheduler=a.scheduler, workers=a.workers, disable=a.disable or (),
                                  max_mb=a.max_mb, budget_s=a.time_budget, **store)
    if a.workers is not None or a.scheduler:
        err("--workers and --scheduler need --engine dask")
        return EXIT_USAGE
    return store_stream(a.db, _annotated_here(a.paths, disable=a.disable or (), max_mb=a.max_mb,
                                              budget_s=a.time_budget), **store)


def _annotated_here(paths: list[str], *, disable: Iterable[str], max_mb: float,
                    budget_s: float | None = DEFAULT_BUDGET_S) -> Iterator[Document | Failure | Notice]:
    """The single-process engine: every input read and annotated in this process, failures as `Failure`,
    a document cut short by the time budget preceded by its `Notice`."""
    from marsad.annotate.pipeline import Pipeline
    from marsad.ingest import IngestError, iter_documents

    pipeline = Pipeline(disable=disable, budget_s=budget_s)
    for item in iter_documents(paths, max_mb=max_mb):
        if isinstance(item, IngestError):
            yield Failure(item.source, reason(item.message), item.message)
            continue
        try:
            doc, warning = pipeline.run(item)
        except Exception as exc:  # one bad document must not stop the batch
            yield Failure(str(item.source), type(exc).__name__, f"could not annotate or store: {exc}")
            continue
        if warning:
            yield Notice(str(doc.source), warning)
        yield doc


def _ingest_on_cluster(paths: list[str], db: str, *, scheduler: str | None, workers: int | None,
                       disable: Iterable[str], max_mb: float, commit_every: int, progress: bool,
                       budget_s: float | None = DEFAULT_BUDGET_S) -> int:
    """`--engine dask`: annotation on the cluster at `scheduler` (or a local one of `workers` processes),
    reading and storing here, as the single-process run does."""
    from contextlib import ExitStack

    from marsad.scale.cluster import check_workers, dask_client

    with ExitStack() as stack:
        try:
            client = stack.enter_context(dask_client(scheduler, workers))
            check_workers(client)
        except (OSError, RuntimeError) as exc:  # unreachable, no worker came up in time, workers lack marsad
            err(f"cannot use the Dask cluster{' at ' + scheduler if scheduler else ''}: {exc}")
            return EXIT_FAILED
        return ingest_dask(client, paths, db, disable=disable, max_mb=max_mb, commit_every=commit_every,
                           progress=progress, budget_s=budget_s)


def ingest_dask(client: Client, paths: list[str], db: str, *, disable: Iterable[str] = (), max_mb: float = 20.0,
                commit_every: int = 200, progress: bool = False, batch_size: int | None = None,
                items: Iterable[Document | IngestError] | None = None, budget_s: float | None = DEFAULT_BUDGET_S) -> int:
    """Ingest `paths` (or `items`) through `client` into the store at `db`; print errors and the summary.

    Documents are written in input order, so both engines store exactly the same thing."""
    from marsad.ingest import IngestError, iter_documents
    from marsad.scale.codec import DocFailure, Warned
    from marsad.scale.dask_engine import BATCH_SIZE, ClusterLost, annotate_stream

    source = items if items is not None else iter_documents(paths, max_mb=max_mb)

    def outcomes() -> Iterator[Document | Failure | Notice]:
        for item in annotate_stream(client, source, disable=tuple(disable), batch_size=batch_size or BATCH_SIZE,
                                    budget_s=budget_s):
            if isinstance(item, Warned):
                yield Notice(str(item.doc.source), item.message)
                yield item.doc
            elif isinstance(item, IngestError):
                yield Failure(item.source, reason(item.message), item.message)
            elif isinstance(item, DocFailure):
                yield Failure(str(item.source), item.kind, f"could not annotate or store: {item.message}")
            else:
                yield item

    return store_stream(db, outcomes(), commit_every=commit_every, progress=progress, fatal=(ClusterLost,))
