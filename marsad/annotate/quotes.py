"""The quotes stage of the annotation pipeline: a thin wrapper over `marsad.quotes.extract_quotes`."""

from __future__ import annotations

from marsad.annotate.pipeline import register
from marsad.document import Document
from marsad.quotes import extract_quotes


@register("quotes")
def build_quotes():  # noqa: ANN201 - the pipeline's factory signature
    """Pipeline factory: the extractor has no state to load, so the component is a thin wrapper."""

    def component(doc: Document) -> Document:
        doc.quotes = extract_quotes(doc)
        return doc

    return component
