"""After a round's documents are stored: the incremental cross-document pass, then alerts.

Both run on what the watch stored and the pass has not placed yet (`state.unanalysed_watch_docs`): this
round's documents, and those of a round killed before it got here, so a restart catches up. A failure of
either is reported in the round's summary and the watch goes on; the documents are stored regardless,
and the next round tries again.

Alerts come from `marsad.alerts` when it is installed: `evaluate(store, doc_ids)` inserts the alerts the
documents raise (each fires once: the alerts table is unique per rule and evidence) and returns them;
`deliver(alerts)`, where it exists, hands them to webhooks without blocking; `finish_deliveries` gives
the posts still queued a few seconds when the watch exits.
"""

from __future__ import annotations

import importlib.util
import inspect
from collections.abc import Sequence
from typing import Any


def analyse_new(store: Any, *, window_days: int, progress: bool) -> dict[str, Any]:
    """The cross-document pass over every document not analysed yet, as `marsad analyse` runs it."""
    from marsad.corpus import analyse
    from marsad.corpus.progress import Bars

    bars = Bars(disable=not progress)
    try:
        return analyse(store, window_days=window_days, progress=bars)
    finally:
        bars.close()


def alerts_available() -> bool:
    """Whether the alerts module is installed (it is optional to the watch: without it, no alerts)."""
    return importlib.util.find_spec("marsad.alerts") is not None


def evaluate_alerts(store: Any, doc_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The new alerts `doc_ids` raise, delivered to webhooks if the alerts module delivers; [] without it."""
    if not doc_ids or not alerts_available():
        return []
    from marsad import alerts

    evaluate = getattr(alerts, "evaluate", None)
    if evaluate is None:
        return []
    new = list(evaluate(store, list(doc_ids)))
    deliver = getattr(alerts, "deliver", None)
    if deliver is not None and new:
        # the store's location lets delivery mark each alert as delivered, from its own connection
        if "db" in inspect.signature(deliver).parameters:
            deliver(new, db=store.path)
        else:
            deliver(new)
    return new


def finish_deliveries(timeout: float) -> bool:
    """Give queued webhook POSTs up to `timeout` seconds before the process exits (`--once` would
    otherwise end before its background sender has posted anything); True when none is left."""
    if not alerts_available():
        return True
    from marsad import alerts

    wait = getattr(alerts, "wait", None)
    return True if wait is None else bool(wait(timeout))
