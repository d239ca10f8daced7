"""Shared helpers for the Dask-engine tests: the CLI as a user runs it, deterministic SaudiNewsNet samples,
sorted JSONL exports, and a small local cluster for the in-process engine tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
SAUDI = SHARED / "data" / "news" / "saudinewsnet"
CORPUS_SIZE = 31030  # records in SaudiNewsNet, for an even spread of samples


def marsad(*args: object, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the command line in a child process, exactly as a user would."""
    return subprocess.run([sys.executable, "-m", "marsad.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)


def sorted_export(db: object) -> bytes:
    """`marsad export --format jsonl`, lines sorted: what two stores must agree on byte for byte."""
    p = marsad("export", "--format", "jsonl", "--db", db)
    assert p.returncode == 0, p.stderr
    return b"".join(sorted(p.stdout.encode("utf-8").splitlines(keepends=True)))


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("marsad:")]


def write_saudi_sample(path: Path, n: int) -> Path:
    """`n` SaudiNewsNet records, every (31030 // n)-th of the corpus in file order, as JSON Lines.

    A fixed, spread-out selection (all outlets and days), so both engines and every run read the same input.
    """
    if not SAUDI.is_dir():
        pytest.skip(f"SaudiNewsNet not found at {SAUDI} (set MARSAD_SHARED)")
    step, i, kept = max(1, CORPUS_SIZE // n), 0, 0
    with open(path, "w", encoding="utf-8") as out:
        for z in sorted(SAUDI.glob("*.zip")):
            with zipfile.ZipFile(z) as zf:
                for member in sorted(zf.namelist()):
                    for rec in json.loads(zf.read(member)):
                        if i % step == 0 and kept < n:
                            out.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
                            kept += 1
                        i += 1
    return path


@pytest.fixture(scope="session")
def client() -> Iterator[object]:
    """A two-worker local cluster for the in-process engine tests and `--scheduler` runs (started once)."""
    from marsad.scale import dask_client

    with dask_client(None, 2) as c:
        yield c


class Reference:
    """A single-process `marsad ingest` of some inputs: its store, output and sorted export."""

    def __init__(self, inputs: list[str], db: Path) -> None:
        self.inputs, self.db = inputs, db
        self.run = marsad("ingest", *inputs, "--db", db)
        assert self.run.returncode in (0, 1), self.run.stderr
        assert "Traceback" not in self.run.stderr
        self.export = sorted_export(db)

    def summary(self) -> str:
        """The summary line without the store path, to compare runs into different stores."""
        return self.run.stdout.split(": ", 1)[1]


@pytest.fixture(scope="session")
def small_reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """The bundled examples and 40 SaudiNewsNet articles, ingested single-process."""
    tmp = tmp_path_factory.mktemp("small")
    sample = write_saudi_sample(tmp / "saudi40.jsonl", 40)
    return Reference([str(EXAMPLES), str(sample)], tmp / "local.db")
