"""Pipeline component `events`: PLOVER events coded from the sentences of an annotated document.

Runs after entities, dates and quotes (it reads all three). The coder lives in `marsad.events.coder`; this
module only exposes it under the pipeline registry. Everything it needs is compiled at import (lexicon
forms, patterns), so building the component costs nothing and each document takes about a millisecond.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.annotate.pipeline import register
from marsad.document import Document, Event
from marsad.events.coder import code_events as _code_events

__all__ = ["build_events", "code_events"]


def code_events(doc: Document) -> list[Event]:
    """PLOVER events of `doc` (pure: reads doc.text, doc.entities, doc.dates, doc.quotes, doc.published)."""
    return _code_events(doc)


@register("events")
def build_events() -> Callable[[Document], Document]:
    """Pipeline factory: fills `doc.events`."""

    def component(doc: Document) -> Document:
        doc.events = code_events(doc)
        return doc

    return component
