"""What runs on a Dask worker: annotate one batch with a pipeline built once per process.

Building the pipeline loads the NER model and knowledge base (seconds, hundreds of MB), so it is cached
at module level per worker process and thread, keyed by the disabled components, and reused by every task
that process runs; a worker restarted after a crash rebuilds it on its first task. One thread per worker
is the intended set-up: annotation is pure Python and holds the GIL, so more threads add memory, not speed.
"""

from __future__ import annotations

import threading

from marsad.annotate.pipeline import DEFAULT_BUDGET_S, Pipeline
from marsad.scale.codec import DocFailure, Item, Warned, decode, encode

_local = threading.local()


def pipeline_for(disable: tuple[str, ...], budget_s: float | None = DEFAULT_BUDGET_S) -> Pipeline:
    """This thread's pipeline for `disable`, built on first use (components are not assumed thread-safe)."""
    cache: dict[tuple[str, ...], Pipeline] | None = getattr(_local, "pipelines", None)
    if cache is None:
        cache = _local.pipelines = {}
    key = tuple(sorted(disable))
    if key not in cache:
        cache[key] = Pipeline(disable=key)
    cache[key].budget_s = budget_s or None  # the components do not depend on it: no rebuild
    return cache[key]


def annotate_batch(payload: bytes, disable: tuple[str, ...] = (), budget_s: float | None = DEFAULT_BUDGET_S) -> bytes:
    """Annotate every document of an `encode`d batch; a document that raises becomes a `DocFailure`.

    Per-document failures are caught here, as in the single-process loop, so one bad article never costs
    its batch; anything that escapes (a dead process) is the scheduler's to retry.
    """
    pipeline = pipeline_for(disable, budget_s)
    out: list[Item] = []
    for doc in decode(payload):
        if isinstance(doc, DocFailure):
            out.append(doc)
            continue
        try:
            annotated, warning = pipeline.run(doc)
            out.append(Warned(annotated, warning) if warning else annotated)
        except Exception as exc:  # reported per document by the client, as in single-process runs
            out.append(DocFailure(doc.source or "?", type(exc).__name__, str(exc)))
    return encode(out)

