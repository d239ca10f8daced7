"""The cross-document listings (`marsad.corpus`) as the API and the pages serve them: paged, and answered
503 with a reason on a store that has no analysis tables.

`marsad.corpus` is imported on the first request that needs it rather than at start-up: it brings the
analysis passes and their numerical libraries, which a server that never lists a story need not load.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.store.queries.stories import AnalysisState

LISTINGS = ("stories", "claims", "contradictions", "timeline")


class CorpusUnavailable(RuntimeError):
    """Cross-document analysis cannot answer on this store; the message says why."""


def find(name: str) -> Callable[..., Any]:
    """The `marsad.corpus` listing function called `name` (one of `LISTINGS`)."""
    if name not in LISTINGS:
        raise CorpusUnavailable(f"cross-document analysis has no listing called {name!r}")
    import marsad.corpus

    return getattr(marsad.corpus, name)


def check_store(store: Any) -> AnalysisState:
    """Raise CorpusUnavailable when the store has no analysis tables; otherwise where the analysis stands
    (a store never analysed, or analysed before its latest documents, lists less than it holds, and the
    client should be told: `state_fields`)."""
    from marsad.store.queries.stories import analysis_state

    state = analysis_state(store.conn)
    if not state.tables:
        raise CorpusUnavailable("this store was created before cross-document analysis existed; open it once "
                                "read-write with this marsad version and run the analysis (marsad analyse)")
    return state


def state_fields(state: AnalysisState) -> dict[str, Any]:
    """What a listing response adds about the analysis: `analysis` always (the pages word it in Arabic),
    and an English `note` when the listing is empty or incomplete because the pass has not run."""
    fields: dict[str, Any] = {"analysis": {"analysed": state.analysed, "pending": state.pending}}
    if state.never_run:
        fields["note"] = (f"cross-document analysis has not been run on this store yet ({state.pending} documents"
                          " stored); run `marsad analyse --db STORE` on it")
    elif state.pending:
        fields["note"] = (f"{state.pending} documents stored since the last cross-document analysis are not in"
                          " these results yet; run `marsad analyse --db STORE` to add them")
    return fields


def page(name: str, store: Any, limit: int, offset: int, **kwargs: Any) -> list[Any]:
    """One page of a corpus listing. The listings take a limit but no offset, so the first `offset +
    limit` items are asked for and the page sliced from them."""
    items = find(name)(store, limit=offset + limit, **kwargs)
    return list(items)[offset:offset + limit]
