"""`marsad ingest --engine dask` end to end: same store, same errors, same exit status as single-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.export_diff import assert_same_export
from tests.scale.conftest import EXAMPLES, Reference, error_lines, marsad, sorted_export


def test_dask_run_equals_single_process_run(small_reference: Reference, tmp_path: Path) -> None:
    db = tmp_path / "dask.db"
    p = marsad("ingest", *small_reference.inputs, "--db", db, "--engine", "dask", "--workers", 2)
    assert p.returncode == small_reference.run.returncode, p.stderr
    assert "Traceback" not in p.stderr
    assert p.stdout.split(": ", 1)[1] == small_reference.summary()
    assert error_lines(p.stderr) == error_lines(small_reference.run.stderr)
    assert int(small_reference.summary().split("stored ")[1].split(",")[0]) >= 40
    assert_same_export(sorted_export(db), small_reference.export)


def test_rerun_through_a_running_scheduler_stores_nothing_new(small_reference: Reference, client, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(small_reference.db, db)
    p = marsad("ingest", EXAMPLES, "--db", db, "--engine", "dask", "--scheduler", client.scheduler.address)
    assert p.returncode == 0, p.stderr
    assert "stored 0, new versions 0, unchanged 5, failed 0" in p.stdout
    assert_same_export(sorted_export(db), small_reference.export)


def test_bad_inputs_give_the_same_one_line_errors(client, tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.bin").write_bytes(bytes(range(256)) * 20)
    (bad / "english.txt").write_text("The Russian army said on Thursday it had completed its mission.\n" * 5)
    (bad / "trunc.jsonl").write_text('{"id": "a", "text": "قال الجيش الروسي إنه أنجز مهمته في سوريا"}\n{"id": "b", "te')
    shutil.copy(EXAMPLES / "000_4c35df86c5ac5e7a.txt", bad / "good.txt")
    local = marsad("ingest", bad, "--db", tmp_path / "local.db")
    dask = marsad("ingest", bad, "--db", tmp_path / "dask.db", "--engine", "dask",
                  "--scheduler", client.scheduler.address)
    assert local.returncode == dask.returncode == 1
    lines = error_lines(dask.stderr)
    assert lines == error_lines(local.stderr)
    for name in ("empty.txt", "binary.bin", "english.txt", "trunc.jsonl"):
        assert sum(name in ln for ln in lines) == 1, (name, dask.stderr)
    assert "stored 2," in dask.stdout and "failed 4" in dask.stdout
    assert "Traceback" not in dask.stderr
    assert_same_export(sorted_export(tmp_path / "dask.db"), sorted_export(tmp_path / "local.db"))


@pytest.mark.parametrize("args, message", [
    (["--workers", "2"], "need --engine dask"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "need --engine dask"),
    (["--engine", "dask", "--workers", "0"], "at least 1"),
    (["--engine", "dask", "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "give only one"),
])
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    p = marsad("ingest", EXAMPLES, "--db", tmp_path / "u.db", *args)
    assert p.returncode == 2 and message in p.stderr and "Traceback" not in p.stderr
    assert not (tmp_path / "u.db").exists()


def test_help_explains_the_engines() -> None:
    p = marsad("ingest", "--help")
    assert p.returncode == 0
    for flag in ("--engine", "--workers", "--scheduler", "tcp://host:port"):
        assert flag in p.stdout


def test_workers_without_marsad_are_refused_up_front(tmp_path: Path) -> None:
    """A real worker process that cannot import marsad (as on a cluster where it was never installed)."""
    import subprocess
    import sys

    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=0, dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as c:
        code = ("import sys; sys.modules['marsad'] = None; from distributed.cli.dask_worker import main; "
                f"sys.argv = ['dask-worker', '{cluster.scheduler_address}', '--nthreads', '1', '--no-nanny']; "
                "main()")
        worker = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            c.wait_for_workers(1, timeout=60)
            p = marsad("ingest", EXAMPLES, "--db", tmp_path / "w.db", "--engine", "dask",
                       "--scheduler", cluster.scheduler_address)
        finally:
            worker.terminate()
            worker.wait(30)
    assert p.returncode == 1
    assert error_lines(p.stderr) == [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(error_lines(p.stderr)) == 1 and "cannot run marsad" in p.stderr
    assert "Traceback" not in p.stderr
