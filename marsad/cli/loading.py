"""Storing a stream of annotated documents: the part of `marsad ingest` both engines share.

The single-process engine annotates in this process and the Dask engine on a cluster, but what happens to
their output is the same contract: each document stored in its own transaction, one `marsad: source:
problem` line on stderr per input that failed while the others go on, a tqdm bar, the closing summary on
stdout, the full-text index tidied after a large load, and the exit status (1 if anything failed, 130 if
interrupted). Keeping it in one place keeps the two engines' behaviour identical.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from marsad.cli.common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, terminal_safe
from marsad.document import Document
from marsad.store import open_store, redact_url

RERUN = "every document listed as stored is complete, re-run to finish the rest"


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or annotated: where it came from, its kind (for the summary),
    and the line to print."""

    source: str
    kind: str
    message: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning about the document that follows it in the stream (annotated only in part): printed as
    `marsad: SOURCE: warning: ...`, not counted as a failure."""

    source: str
    message: str


def reason(message: str) -> str:
    """The kind of a failure, for the closing summary: its message without line numbers and details."""
    return re.split(r"[;(]", re.sub(r"^line \d+: ", "", message))[0].strip()


def print_summary(counts: Counter[str], failures: Counter[str], db: str) -> None:
    print(
        f"{redact_url(db)}: stored {counts['stored']}, new versions {counts['new-version']}, "
        f"unchanged {counts['unchanged']}, failed {counts['failed']}"
    )
    for kind, n in failures.most_common():
        print(f"  failed: {n} × {terminal_safe(kind)}")


def store_stream(db: str, items: Iterable[Document | Failure | Notice], *, commit_every: int = 200,
                 progress: bool = False, fatal: tuple[type[Exception], ...] = ()) -> int:
    """Store every document of `items` into the store at `db` and report failures; returns the exit status.

    Documents are committed in batches of `commit_every` (each is still atomic); `progress` draws a bar
    on stderr. An exception of a `fatal` type (a lost cluster) ends the run as a failure, with what was
    stored kept."""
    from tqdm import tqdm

    counts: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    bar = tqdm(desc="ingest", unit=" docs", disable=not progress, file=sys.stderr, mininterval=0.5)

    def failed(source: str, kind: str, message: str) -> None:
        counts["failed"] += 1
        failures[kind] += 1
        tqdm.write(f"marsad: {terminal_safe(f'{source}: {message}')}", file=sys.stderr)

    with open_store(db, batch_size=commit_every) as store:
        try:
            for item in items:
                if isinstance(item, Notice):
                    tqdm.write(f"marsad: {terminal_safe(f'{item.source}: warning: {item.message}')}", file=sys.stderr)
                    continue
                if isinstance(item, Failure):
                    failed(item.source, item.kind, item.message)
                else:
                    try:
                        counts[store.add(item)] += 1
                    except Exception as exc:  # one bad document must not stop the batch
                        failed(str(item.source), type(exc).__name__, f"could not annotate or store: {exc}")
                bar.update(1)
        except KeyboardInterrupt:
            bar.close()
            print(f"marsad: interrupted; {RERUN}", file=sys.stderr)
            print_summary(counts, failures, db)
            return EXIT_INTERRUPTED
        except fatal as exc:
            bar.close()
            print(f"marsad: {exc}; {RERUN}", file=sys.stderr)
            print_summary(counts, failures, db)
            return EXIT_FAILED
        finally:
            bar.close()
        store.after_bulk_load(counts["stored"] + counts["new-version"])
    print_summary(counts, failures, db)
    return EXIT_FAILED if counts["failed"] else EXIT_OK
