"""API-test fixtures: a store built once per session from the example articles, apps over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TOKEN = "s3cret-test-token"
LOCAL = "http://localhost"  # a Host the server accepts without --allowed-host (TestClient sends "testserver")


@pytest.fixture(scope="session")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five example articles, annotated and stored (no cross-document analysis: that path is tested
    through its 'not analysed yet' note and a simulated absent module)."""
    from marsad.annotate.pipeline import Pipeline
    from marsad.ingest import IngestError, iter_documents
    from marsad.store import open_store

    path = tmp_path_factory.mktemp("api") / "api.db"
    pipeline = Pipeline()
    with open_store(path) as store:
        for item in iter_documents([str(EXAMPLES)]):
            assert not isinstance(item, IngestError), item
            store.add(pipeline(item))
    return path


@pytest.fixture(scope="session")
def client(store_db: Path) -> Iterator[TestClient]:
    """A read-only app (no token configured: ingestion disabled)."""
    from marsad.api.server import create_app

    with TestClient(create_app(str(store_db)), raise_server_exceptions=False, base_url=LOCAL) as c:
        yield c


@pytest.fixture()
def writable(tmp_path: Path, store_db: Path) -> Iterator[TestClient]:
    """An app with ingestion enabled, over a private copy of the store."""
    import shutil

    from marsad.api.server import create_app

    db = tmp_path / "w.db"
    shutil.copy(store_db, db)
    with TestClient(create_app(str(db), token=TOKEN), raise_server_exceptions=False, base_url=LOCAL) as c:
        yield c
