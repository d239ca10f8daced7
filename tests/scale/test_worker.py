"""The worker task: same annotations as the single-process pipeline, one pipeline per process."""

from __future__ import annotations

from marsad.annotate.pipeline import Pipeline
from marsad.document import Document
from marsad.ingest import IngestError, iter_documents
from marsad.scale.codec import DocFailure, decode, encode
from marsad.scale.worker import annotate_batch, pipeline_for
from tests.scale.conftest import EXAMPLES


def _docs() -> list[Document]:
    return [d for d in iter_documents([str(EXAMPLES)]) if not isinstance(d, IngestError)]


def test_batch_equals_single_process_pipeline() -> None:
    expected = [Pipeline()(d).to_json() for d in _docs()]
    got = decode(annotate_batch(encode(_docs())))
    assert [d.to_json() for d in got] == expected


def test_pipeline_is_built_once_per_process_and_configuration() -> None:
    assert pipeline_for(()) is pipeline_for(())
    assert pipeline_for(("events", "quotes")) is pipeline_for(("quotes", "events"))
    assert pipeline_for(("events",)) is not pipeline_for(())
    assert "events" not in pipeline_for(("events",)).names


def test_a_document_that_breaks_the_pipeline_fails_alone() -> None:
    good = _docs()[:2]
    broken = Document(text=None, title="عنوان", source="broken.json")  # type: ignore[arg-type]
    got = decode(annotate_batch(encode([good[0], broken, good[1]])))
    assert isinstance(got[1], DocFailure) and got[1].source == "broken.json"
    assert [got[0].to_json(), got[2].to_json()] == [Pipeline()(d).to_json() for d in _docs()[:2]]


def test_disabled_components_are_honoured() -> None:
    (doc,) = decode(annotate_batch(encode(_docs()[:1]), ("entities", "events", "quotes")))
    assert doc.dates and not doc.entities and not doc.events and not doc.quotes


def test_time_budget_comes_back_as_a_warning() -> None:
    """Issue 20.3 on the Dask engine: a document past its time budget comes back annotated in part, with
    the warning the client prints (the worker's own stderr is not the user's)."""
    from marsad.scale.codec import Warned

    (got,) = decode(annotate_batch(encode(_docs()[:1]), (), 1e-9))
    assert isinstance(got, Warned)
    assert got.message.startswith("time budget of 1e-09 s used up after entities (")
    assert got.doc.entities and not got.doc.dates and not got.doc.quotes and not got.doc.events
    (whole,) = decode(annotate_batch(encode(_docs()[:1]), (), None))
    assert isinstance(whole, Document) and whole.to_json() == Pipeline()(_docs()[0]).to_json()
