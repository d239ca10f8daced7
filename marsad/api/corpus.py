"""The cross-document listings (`marsad.corpus`) as the API and the pages serve them: paged, and answered
503 with a reason on a store that has no analysis tables.

`marsad.corpus` is imported on the first request that needs it rather than at start-up: it brings the
analysis passes and their numerical libraries, which a server that never lists a story need not load.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LISTINGS = ("stories", "claims", "contradictions", "timeline")


class CorpusUnavailable(RuntimeError):
    """Cross-document analysis cannot answer on this store; the message says why."""


def find(name: str) -> Callable[..., Any]:
    """The `marsad.corpus` listing function called `name` (one of `LISTINGS`)."""
    if name not in LISTINGS:
        raise CorpusUnavailable(f"cross-document analysis has no listing called {name!r}")
    import marsad.corpus

    return getattr(marsad.corpus, name)


def check_store(store: Any) -> str | None:
    """Raise CorpusUnavailable when the store has no analysis tables; return a note when it has never
    been analysed (the listings are then empty for a reason the client should be told)."""
    from marsad.store.queries import has_table

    if not has_table(store.conn, "corpus_docs"):
        raise CorpusUnavailable("this store was created before cross-document analysis existed; open it once "
                                "read-write with this marsad version and run the analysis (marsad.corpus.analyse)")
    if store.conn.execute("SELECT 1 FROM corpus_docs LIMIT 1").fetchone() is None:
        return "cross-document analysis has not been run on this store yet (marsad.corpus.analyse)"
    return None


def page(name: str, store: Any, limit: int, offset: int, **kwargs: Any) -> list[Any]:
    """One page of a corpus listing. The listings take a limit but no offset, so the first `offset +
    limit` items are asked for and the page sliced from them."""
    items = find(name)(store, limit=offset + limit, **kwargs)
    return list(items)[offset:offset + limit]
