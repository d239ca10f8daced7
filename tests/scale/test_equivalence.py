"""2,000 SaudiNewsNet articles: a Dask run stores exactly what a single-process run stores.

The reference is always single-process into SQLite; the Dask run's target store is a fixture parameter,
so another backend is one more entry in `params` (and a fresh URL from `target_store`). About 60 s on
the idle 2-core development machine (both runs; 100 s when it is busy), so it is part of the default
suite; add `pytestmark = pytest.mark.slow` if that becomes too long.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.export_diff import assert_same_export
from tests.scale.conftest import Reference, error_lines, marsad, sorted_export, write_saudi_sample

N_ARTICLES = 2000


@pytest.fixture(scope="module")
def reference_2000(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    tmp = tmp_path_factory.mktemp("equivalence")
    sample = write_saudi_sample(tmp / f"saudi{N_ARTICLES}.jsonl", N_ARTICLES)
    return Reference([str(sample)], tmp / "single.db")


@pytest.fixture(params=["sqlite"])
def target_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store URL (anything `open_store` accepts) for the Dask run to write to.

    To add PostgreSQL: add "postgresql" to `params`, and for it create a fresh database (or schema) from
    e.g. $MARSAD_TEST_PG_URL, `pytest.skip` when that is unset, yield its URL and drop it afterwards.
    """
    if request.param == "sqlite":
        yield str(tmp_path / "dask.db")
    else:
        raise ValueError(f"no target store set up for {request.param!r}")


def test_dask_equals_single_process_on_2000_articles(reference_2000: Reference, target_store: str) -> None:
    p = marsad("ingest", *reference_2000.inputs, "--db", target_store, "--engine", "dask", "--workers", 2,
               timeout=1800)
    assert p.returncode == reference_2000.run.returncode, p.stderr[-2000:]
    assert "Traceback" not in p.stderr
    assert p.stdout.split(": ", 1)[1] == reference_2000.summary()
    assert error_lines(p.stderr) == error_lines(reference_2000.run.stderr)
    assert int(reference_2000.summary().split("stored ")[1].split(",")[0]) > 1900
    assert_same_export(sorted_export(target_store), reference_2000.export)
