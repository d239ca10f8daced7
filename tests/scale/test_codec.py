"""Batches survive the trip to a worker and back unchanged."""

from __future__ import annotations

import pytest

from marsad.annotate.pipeline import Pipeline
from marsad.document import Document
from marsad.ingest import IngestError, iter_documents
from marsad.scale.codec import DocFailure, decode, encode
from tests.scale.conftest import EXAMPLES


@pytest.fixture(scope="module")
def annotated() -> list[Document]:
    pipeline = Pipeline()
    return [pipeline(d) for d in iter_documents([str(EXAMPLES)]) if not isinstance(d, IngestError)]


def test_annotated_documents_round_trip(annotated: list[Document]) -> None:
    back = decode(encode(annotated))
    assert [d.to_json() for d in back] == [d.to_json() for d in annotated]
    assert [d.content_hash for d in back] == [d.content_hash for d in annotated]
    assert [d.source for d in back] == [d.source for d in annotated]


def test_failures_keep_their_place(annotated: list[Document]) -> None:
    failure = DocFailure("a.jsonl:3", "ValueError", "bad offsets")
    back = decode(encode([annotated[0], failure, annotated[1]]))
    assert back[1] == failure
    assert back[2].to_json() == annotated[1].to_json()


def test_not_a_batch_is_refused() -> None:
    import pickle

    with pytest.raises(TypeError):
        decode(pickle.dumps({"not": "a batch"}))
