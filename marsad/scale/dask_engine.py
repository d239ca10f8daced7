"""The Dask engine: documents in, annotated documents out, in input order, with bounded memory.

The client cuts the stream of read documents into batches (one task each, `BATCH_SIZE` documents: about a
second of annotation, so the scheduler's few ms per task vanish, yet short enough that workers are not
left idle for long at the end of a run) and keeps at most `TASKS_PER_THREAD` tasks per worker thread
outstanding. Tasks finish in any order (collected with
`as_completed`), but their results are handed back in input order, buffered in that bounded window:
the store is order-sensitive (which of two texts with one URL becomes the latest version, whose entity
attributes are kept first), so only input order makes a Dask run store exactly what a single-process run
does. Read errors ride in the same ordered stream, so they are reported where a single-process run
reports them. A task whose worker died is re-run by the scheduler; one that keeps killing workers comes
back as `KilledWorker` and its documents as `DocFailure`s, never silently lost.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from distributed import Client, Future, KilledWorker, as_completed

from marsad.annotate.pipeline import DEFAULT_BUDGET_S
from marsad.document import Document
from marsad.ingest import IngestError
from marsad.scale import codec
from marsad.scale.cluster import total_threads
from marsad.scale.codec import DocFailure, Item, Warned
from marsad.scale.worker import annotate_batch

BATCH_SIZE = 50
TASKS_PER_THREAD = 4

Output = Document | IngestError | DocFailure | Warned


class ClusterLost(RuntimeError):
    """The client lost its scheduler: nothing more can be annotated in this run."""


@dataclass(slots=True)
class _Segment:
    """A stretch of the input in order: read errors as they are, documents as their source (the documents
    themselves went out in `future`'s payload, so the client does not hold them twice)."""

    entries: list[IngestError | str] = field(default_factory=list)
    future: Future | None = None
    results: list[Item] | None = None
    error: BaseException | None = None

    @property
    def ready(self) -> bool:
        return self.future is None

    def collect(self) -> None:
        """Fetch the finished task's annotated batch (or its error) and let the cluster forget it."""
        assert self.future is not None
        try:
            self.results = codec.decode(self.future.result())
        except Exception as exc:  # KilledWorker, a lost connection: reported per document below
            self.error = exc
        self.future = None

    def items(self) -> Iterator[Output]:
        it = iter(self.results or ())
        for entry in self.entries:
            if isinstance(entry, IngestError):
                yield entry
            elif self.error is not None:
                yield DocFailure(entry, type(self.error).__name__, _describe(self.error))
            else:
                item = next(it, None)
                yield item if item is not None else DocFailure(entry, "LostResult", "the worker returned no result")


def _describe(exc: BaseException) -> str:
    """One line for a task that failed as a whole."""
    if isinstance(exc, KilledWorker):
        return "every Dask worker that ran its batch died (see the worker logs); re-run to retry it"
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"its Dask task failed ({first or type(exc).__name__})"


def _segments(items: Iterable[Document | IngestError], batch_size: int) -> Iterator[tuple[_Segment, list[Document]]]:
    """The input in stretches holding up to `batch_size` documents each (and the errors between them)."""
    seg, docs = _Segment(), []
    for item in items:
        if isinstance(item, IngestError):
            seg.entries.append(item)
            continue
        seg.entries.append(item.source or "?")
        docs.append(item)
        if len(docs) >= batch_size:
            yield seg, docs
            seg, docs = _Segment(), []
    if seg.entries:
        yield seg, docs


def annotate_stream(
    client: Client,
    items: Iterable[Document | IngestError],
    *,
    disable: Iterable[str] = (),
    batch_size: int = BATCH_SIZE,
    max_in_flight: int | None = None,
    budget_s: float | None = DEFAULT_BUDGET_S,
) -> Iterator[Output]:
    """Annotate `items` on the cluster; yield, in input order, each annotated document, each read error as
    it came and a `DocFailure` for each document that could not be annotated (a document the time budget
    `budget_s` cut short comes as `Warned`).

    At most `max_in_flight` batches (default `TASKS_PER_THREAD` per worker thread) are outstanding, so
    memory stays flat whatever the corpus size. Raises `ClusterLost` if the scheduler goes away.
    """
    window = max(2, max_in_flight or TASKS_PER_THREAD * total_threads(client))
    skip = tuple(sorted(disable))
    run = uuid.uuid4().hex[:8]
    source = _segments(items, max(1, batch_size))
    pending: deque[_Segment] = deque()
    running: dict[str, _Segment] = {}
    finished = as_completed()
    exhausted, n = False, 0
    while True:
        while not exhausted and len(pending) < window:
            nxt = next(source, None)
            if nxt is None:
                exhausted = True
                break
            seg, docs = nxt
            if docs:
                if client.status not in ("running", "connecting"):
                    raise ClusterLost(f"the Dask client is {client.status}")
                seg.future = client.submit(annotate_batch, codec.encode(docs), skip, budget_s,
                                           key=f"marsad-annotate-{run}-{n}", retries=0)
                running[seg.future.key] = seg
                finished.add(seg.future)
                n += 1
            pending.append(seg)
        while pending and pending[0].ready:
            yield from pending.popleft().items()
        if not pending:
            if exhausted:
                return
            continue
        done = next(finished)
        seg = running.pop(done.key)
        del done
        seg.collect()
        if seg.error is not None and client.status not in ("running", "connecting"):
            raise ClusterLost(f"lost the Dask scheduler ({_describe(seg.error)})")
