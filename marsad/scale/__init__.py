"""Scale-out ingest: annotate documents on a Dask cluster, store them from one client.

Why this split: annotation is ~95% of the CPU an article costs (tens of ms a document, pure Python under the
GIL), while reading (~0.3 ms) and writing (~2 ms) are cheap and need one ordered writer so the store stays
consistent. So the client reads and writes; workers only annotate.

* `codec` — documents in and out of a task as one opaque bytes payload;
* `worker` — the task that runs on workers, with the pipeline built once per worker process;
* `cluster` — connect to a scheduler or start a local cluster; per-worker resource figures;
* `dask_engine` — the ordered, bounded stream of annotated documents, which `marsad ingest --engine dask`
  (`marsad.cli.ingest`) stores as the single-process run does.
"""

from marsad.scale.cluster import dask_client, worker_usage
from marsad.scale.codec import DocFailure
from marsad.scale.dask_engine import annotate_stream

__all__ = ["DocFailure", "annotate_stream", "dask_client", "worker_usage"]
