"""Fixtures shared by every test directory: a throwaway PostgreSQL server and store URLs on both backends.

`store_url` (and `new_store_url`, for tests that need several stores) run a test once on SQLite and once
on PostgreSQL. The server is started once per session, only if some selected test needs it. Without
PostgreSQL the postgres variants are skipped — unless MARSAD_REQUIRE_PG=1 or CI is set (as `.ci/run`
does), where a missing server must fail loudly rather than let the suite pass without testing it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.pg_server import PgServer

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pg_required() -> bool:
    return os.environ.get("MARSAD_REQUIRE_PG", "") not in ("", "0") or bool(os.environ.get("CI"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A running PostgreSQL server (MARSAD_TEST_PG_URL, else a throwaway cluster started here)."""
    external = os.environ.get("MARSAD_TEST_PG_URL")
    try:
        server = PgServer.external(external) if external else PgServer.start()
        if external:
            server.create_db()  # fail here, once, when the URL does not let us create databases
    except Exception as exc:  # PgUnavailable, a driver error, an OS error: no server either way
        msg = f"PostgreSQL is not available for the postgres tests: {exc}"
        if pg_required():
            pytest.fail(f"{msg}\n(MARSAD_REQUIRE_PG/CI is set, so these tests may not be skipped)", pytrace=False)
        pytest.skip(msg)
    yield server
    server.stop()


@pytest.fixture
def new_pg_url(pg_server: PgServer) -> Iterator[Callable[[], str]]:
    """A factory of fresh empty databases on the test server, all dropped after the test."""
    made: list[str] = []

    def make() -> str:
        made.append(pg_server.create_db())
        return made[-1]

    yield make
    for url in made:
        pg_server.drop_db(url)


@pytest.fixture
def pg_url(new_pg_url: Callable[[], str]) -> str:
    """One fresh empty PostgreSQL database (postgresql://user@127.0.0.1:port/name)."""
    return new_pg_url()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def new_store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[[str], str]:
    """A factory of fresh store locations on the test's backend: a file name in tmp_path, or a new database."""
    if backend == "postgres":
        make_pg = request.getfixturevalue("new_pg_url")
        return lambda name="t.db": make_pg()
    return lambda name="t.db": str(tmp_path / name)


@pytest.fixture
def store_url(new_store_url: Callable[[str], str]) -> str:
    """Where a fresh (not yet created) store lives, once per backend."""
    return new_store_url("t.db")
