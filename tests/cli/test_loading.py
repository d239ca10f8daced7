"""The storing loop both ingest engines share: failures reported and counted, the rest stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.cli.common import EXIT_FAILED, EXIT_OK
from marsad.cli.loading import Failure, reason, store_stream
from marsad.document import Document
from marsad.store import open_store


def _store(db: Path, items, **kw):  # type: ignore[no-untyped-def]
    return store_stream(str(db), items, commit_every=200, progress=False, **kw)


def _doc(i: int) -> Document:
    return Document(text=f"عنوان {i}\nقال الوزير إن الاجتماع رقم {i} انتهى", title=f"عنوان {i}", source=f"d{i}.txt")


def test_failures_are_reported_and_the_rest_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items: list[Document | Failure] = [_doc(1), Failure("bad.bin", "binary file", "binary file (PDF document)"), _doc(2)]
    assert _store(tmp_path / "s.db", items) == EXIT_FAILED
    out = capsys.readouterr()
    assert "marsad: bad.bin: binary file (PDF document)" in out.err
    assert "stored 2, new versions 0, unchanged 0, failed 1" in out.out and "1 × binary file" in out.out
    with open_store(tmp_path / "s.db") as s:
        assert s.stats()["documents"] == 2
    assert _store(tmp_path / "s.db", [_doc(1)]) == EXIT_OK  # unchanged is not a failure


def test_a_fatal_error_ends_the_run_keeping_what_was_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    class Lost(Exception):
        pass

    def items() -> Iterator[Document]:
        yield _doc(1)
        raise Lost("the cluster went away")

    assert _store(tmp_path / "s.db", items(), fatal=(Lost,)) == EXIT_FAILED
    assert "the cluster went away; every document listed as stored is complete" in capsys.readouterr().err
    with open_store(tmp_path / "s.db") as s:
        assert s.stats()["documents"] == 1


def test_reason_drops_line_numbers_and_details() -> None:
    assert reason("line 3: truncated JSON (no closing brace); skipped") == "truncated JSON"
