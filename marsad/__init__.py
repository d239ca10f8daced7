"""marsad: Arabic news into a sourced, searchable record of who did what to whom, where, when, and who said what.

Public API: `annotate(text, published=...)` and `open_store(path)`.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.document import Document
from marsad.store import open_store

__version__ = "0.1.0"


@lru_cache(maxsize=1)
def _pipeline():  # noqa: ANN202 - built once per process
    from marsad.annotate.pipeline import Pipeline

    return Pipeline()


def annotate(text: str, published: str | None = None, title: str | None = None) -> Document:
    """Annotate one article given as text (the first line is taken as its title)."""
    from marsad.ingest.plaintext import read_text

    doc = read_text(text, "<text>")
    if published:
        doc.published = published
    if title:
        doc.title = title
    return _pipeline()(doc)


__all__ = ["Document", "annotate", "open_store"]
