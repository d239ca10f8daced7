"""Alert-test fixtures: the example articles annotated once per session, stores built from them quickly."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def example_docs() -> list[Any]:
    """The five example articles, annotated (the pipeline runs once per session)."""
    from marsad.annotate.pipeline import Pipeline
    from marsad.ingest import IngestError, iter_documents

    pipeline = Pipeline()
    docs = []
    for item in iter_documents([str(EXAMPLES)]):
        assert not isinstance(item, IngestError), item
        docs.append(pipeline(item))
    return docs


def fill(path: Path | str, docs: list[Any], *, analyse: bool = False) -> Path | str:
    from marsad.store import open_store

    with open_store(path) as store:
        for d in docs:
            store.add(d)
        store.commit()
        if analyse:
            from marsad.corpus import analyse as run

            run(store)
    return path


@pytest.fixture(scope="session")
def analysed_db(tmp_path_factory: pytest.TempPathFactory, example_docs: list[Any]) -> Path:
    """All five examples, stored and analysed across documents (no rules yet): copy before writing."""
    return Path(fill(tmp_path_factory.mktemp("alerts") / "analysed.db", example_docs, analyse=True))


@pytest.fixture
def db(tmp_path: Path, analysed_db: Path) -> Path:
    """A private copy of the analysed example store."""
    out = tmp_path / "s.db"
    shutil.copy(analysed_db, out)
    return out


@pytest.fixture
def store(db: Path) -> Iterator[Any]:
    from marsad.store import open_store

    with open_store(db) as s:
        yield s


@pytest.fixture
def make_store(tmp_path: Path, example_docs: list[Any]) -> Callable[..., Path]:
    """A fresh store of some of the examples (by index), optionally analysed."""
    def make(which: list[int], *, analyse: bool = False, name: str = "m.db") -> Path:
        return Path(fill(tmp_path / name, [example_docs[i] for i in which], analyse=analyse))

    return make
