"""marsad: Arabic news into a sourced, searchable record of who did what to whom, where, when, and who said what.

Public API: `annotate(text, published=...)` and `open_store(path)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.document import Document
from marsad.lazy import lazy_singleton
from marsad.store import open_store

if TYPE_CHECKING:
    from marsad.annotate.pipeline import Pipeline

#: The one place the version is written: pyproject.toml reads it from here at build time.
__version__ = "0.1.0"


@lazy_singleton
def _pipeline() -> Pipeline:
    """The default pipeline, built on the first `annotate` call (models load once per process)."""
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
