"""Watchlists and alerts: rules over entities, events, full-text queries and contradictions, matched
against new documents, stored as alerts and optionally POSTed to webhooks.

* `rules` — adding, listing and removing rules, and resolving the names they watch;
* `match` — `evaluate(store, doc_ids)`, what `marsad watch` calls after each round, and `check(store)`,
  what `marsad alert check` runs over documents not yet evaluated;
* `webhook` — `deliver(alerts)`: background JSON POSTs with retries that never block the caller.

The alerts are read back through `marsad.store.queries.alerts` (CLI, `/api/alerts`, the Alerts page).
"""

from __future__ import annotations

from marsad.alerts.match import check, evaluate
from marsad.alerts.rules import PLOVER_TYPES, RuleError, add_rule, list_rules, remove_rule
from marsad.alerts.webhook import deliver, wait

__all__ = ["PLOVER_TYPES", "RuleError", "add_rule", "check", "deliver", "evaluate", "list_rules", "remove_rule",
           "wait"]
