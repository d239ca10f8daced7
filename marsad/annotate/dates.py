"""Pipeline component `dates`: the date expressions of a document, resolved against its publication date.

The finding and resolution live in `marsad.dates`; this module only registers them with the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.annotate.pipeline import register
from marsad.dates import find_dates
from marsad.document import Document

__all__ = ["build_dates"]


@register("dates")
def build_dates() -> Callable[[Document], Document]:
    """Pipeline factory: fills `doc.dates`; nothing to load, so building is free."""

    def component(doc: Document) -> Document:
        doc.dates = find_dates(doc.text, doc.published)
        return doc

    return component
