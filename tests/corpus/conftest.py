"""Builders for small stores whose cross-document structure is known in advance."""

from __future__ import annotations

import pytest

from marsad.document import Cue, Document, Event, Extent, Quote, Span, Speaker
from marsad.store import open_store


def quote(text: str, body: str, speaker: str, cue: str, content: str, entity: str | None = None) -> Quote:
    """A quote whose offsets point into `body` (content must occur in it)."""
    s = body.index(content)
    sp = body.find(speaker)
    return Quote(
        speaker=Speaker(sp, sp + len(speaker), speaker, entity),
        cue=Cue(max(0, s - 5), s, cue, cue),
        content=Span(s, s + len(content), content),
        direct=False,
    )


def event(type_: str, location: str, date: str, dead: int | None, actor: list[str]) -> Event:
    return Event(type=type_, trigger=Span(0, 3, "قصف"), sentence=Extent(0, 10),
                 actor=actor, location=location, date=date, date_precision="day", dead=dead)


@pytest.fixture
def make_store(new_store_url):  # type: ignore[no-untyped-def]
    """Stores on both backends (SQLite file, PostgreSQL database): the analysis must agree on either."""

    def make(docs: list[Document], name: str = "c.db"):  # type: ignore[no-untyped-def]
        store = open_store(new_store_url(name))
        for d in docs:
            store.add(d)
        store.commit()
        return store

    return make


def doc(text: str, *, title: str, published: str | None, outlet: str, **kw) -> Document:  # type: ignore[no-untyped-def]
    return Document(text=f"{title}\n{text}", title=title, published=published, outlet=outlet, **kw)
