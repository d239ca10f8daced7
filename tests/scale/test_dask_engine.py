"""The engine on a real local cluster: input order kept, killed workers' batches re-run or reported.

Workers are killed for real (SIGKILL to the worker process) in the middle of a run.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.annotate.pipeline import Pipeline
from marsad.cli.ingest import ingest_dask
from marsad.document import Document
from marsad.ingest import IngestError, iter_documents
from marsad.scale import DocFailure, annotate_stream
from tests.export_diff import assert_same_export
from tests.scale.conftest import EXAMPLES, Reference, sorted_export


def _killing(items: Iterator[Document | IngestError], client, after: int, killed: list[int]
             ) -> Iterator[Document | IngestError]:
    """Pass `items` through; once `after` documents have gone out (so batches are running on both
    workers and earlier ones have come back), SIGKILL one worker process."""
    n = 0
    for item in items:
        yield item
        n += not isinstance(item, IngestError)
        if n == after and not killed:
            pid = sorted(client.run(os.getpid).values())[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)


def test_stream_keeps_input_order_with_errors_in_place(client, tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    for f in sorted(EXAMPLES.iterdir()):
        (tmp_path / f"b_{f.name}").write_bytes(f.read_bytes())
    (tmp_path / "c_binary.bin").write_bytes(bytes(range(256)) * 8)
    items = list(iter_documents([str(tmp_path)]))
    pipeline = Pipeline()
    expected = [i if isinstance(i, IngestError) else pipeline(i).to_json()
                for i in iter_documents([str(tmp_path)])]
    got = list(annotate_stream(client, items, batch_size=2))
    assert [g if isinstance(g, IngestError) else g.to_json() for g in got] == expected


def test_killed_worker_is_replaced_and_its_batches_rerun(client, small_reference: Reference, tmp_path: Path
                                                         ) -> None:
    killed: list[int] = []
    db = tmp_path / "dask.db"
    items = _killing(iter_documents(small_reference.inputs), client, 25, killed)
    rc = ingest_dask(client, small_reference.inputs, str(db), batch_size=3, items=items)
    assert killed, "the run ended before a worker was killed"
    assert rc == small_reference.run.returncode
    assert_same_export(sorted_export(db), small_reference.export)
    client.wait_for_workers(2, timeout=60)
    assert killed[0] not in client.run(os.getpid).values()


def _allowed_failures(client, n: int) -> int:
    """Set the scheduler's retry budget for tasks whose worker died; return the old one."""
    def swap(dask_scheduler) -> int:  # type: ignore[no-untyped-def]
        old, dask_scheduler.allowed_failures = dask_scheduler.allowed_failures, n
        return old

    return client.run_on_scheduler(swap)


def test_batches_whose_worker_died_are_reported_and_a_rerun_finishes(
        client, small_reference: Reference, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "dask.db"
    killed: list[int] = []
    client.wait_for_workers(2, timeout=60)
    # No second chances: a task running on a worker that dies fails at once (as if it kept killing workers).
    old = _allowed_failures(client, 0)
    try:
        items = _killing(iter_documents(small_reference.inputs), client, 25, killed)
        rc = ingest_dask(client, small_reference.inputs, str(db), batch_size=3, items=items)
    finally:
        _allowed_failures(client, old)
    out, err = capsys.readouterr()
    assert killed and rc == 1
    lost = [ln for ln in err.splitlines() if "every Dask worker that ran its batch died" in ln]
    assert lost and all(ln.startswith("marsad: ") for ln in lost)
    assert f"failed: {len(lost)} × KilledWorker" in out
    assert "Traceback" not in err
    # The re-run stores exactly what is missing, without duplicates.
    rc = ingest_dask(client, small_reference.inputs, str(db), batch_size=3)
    out, _ = capsys.readouterr()
    assert rc == small_reference.run.returncode
    assert f"stored {len(lost)}, new versions 0" in out
    assert_same_export(sorted_export(db), small_reference.export)


def test_failures_come_back_as_doc_failures(client) -> None:
    broken = Document(text=None, title="عنوان", source="broken.json")  # type: ignore[arg-type]
    (got,) = annotate_stream(client, [broken])
    assert isinstance(got, DocFailure) and got.source == "broken.json" and got.kind == "TypeError"
