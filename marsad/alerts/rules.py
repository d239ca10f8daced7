"""Watchlist rules: adding, listing and removing them, and resolving the names a user types to entities.

A rule is one row of `alert_rules`. Its kind says what it watches:

* `entity` — events, quotes and mentions involving an entity (`--entity`);
* `event` — events, narrowed by PLOVER type and/or place, optionally involving an entity
  (`--type`/`--place`, with or without `--entity`);
* `query` — documents matching a full-text query in the store's search syntax (`--query`);
* `contradiction` — contradiction pairs of the cross-document pass involving an entity (`--contradiction`).

Names are resolved when the rule is made (`queries.entity_ids`: an id such as Q2429253, a canonical or
English name, or a spelling the store has seen, «داعش»), and the rule keeps the ids, so what it watches
does not drift as new spellings arrive. A name that matches nothing is refused (`RuleError`), never kept
as a rule that can never fire. Removing a rule deactivates it: its alerts stay, and its id is never
reused by a later rule (which would inherit the old rule's alerts and their evidence keys).

`alert check` remembers how far it has evaluated in one extra row of the same table (kind `checkpoint`,
never active, never listed): the highest document row evaluated, in its `query` column.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from marsad.store import queries as Q
from marsad.store.queries.alerts import alert_rules, rule_json

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MAX_IDS = 25  # a name meaning more entities than this is too vague to watch
CHECKPOINT = "checkpoint"
_WEBHOOK = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.I)


class RuleError(ValueError):
    """A rule that cannot be made as asked; the message (one line) says why."""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def resolve(conn: Any, name: str, what: str = "entity") -> tuple[list[str], str]:
    """The entity ids `name` means and a label for them (their canonical names); RuleError when none."""
    name = (name or "").strip()
    if not name:
        raise RuleError(f"no {what} given")
    ids = sorted(Q.entity_ids(conn, name))
    if not ids:
        raise RuleError(f"no {what} known as {name!r} in the store; give an entity id (such as Q2429253) or "
                        "a name as the articles spell it")
    if len(ids) > MAX_IDS:
        raise RuleError(f"{name!r} means {len(ids)} entities; give an entity id or a fuller name")
    names = {r[0]: r[1] for r in conn.execute(
        f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(ids))})", ids)}
    label = "، ".join(dict.fromkeys(names.get(i) or i for i in ids))
    return ids, label


def add_rule(
    store: Any,
    *,
    entity: str | None = None,
    event_type: str | None = None,
    place: str | None = None,
    query: str | None = None,
    contradiction: str | None = None,
    webhook: str | None = None,
) -> dict[str, Any]:
    """Make a rule from the `marsad alert add` options; returns it as `alert list` shows it."""
    conn = store.conn
    row: dict[str, Any] = {"entity": None, "entity_label": None, "event_type": None, "place": None,
                           "place_label": None, "query": None}
    given = [k for k, v in (("--query", query), ("--contradiction", contradiction)) if v is not None]
    filters = entity is not None or event_type is not None or place is not None
    if len(given) + bool(filters) != 1:
        raise RuleError("give one of --entity/--type/--place, --query or --contradiction")
    if query is not None:
        kind = "query"
        row["query"] = _checked_query(store, query)
    elif contradiction is not None:
        kind = "contradiction"
        ids, row["entity_label"] = resolve(conn, contradiction)
        row["entity"] = "|".join(ids)
    else:
        kind = "event" if (event_type or place) else "entity"
        if entity is not None:
            ids, row["entity_label"] = resolve(conn, entity)
            row["entity"] = "|".join(ids)
        if event_type:
            if event_type.upper() not in PLOVER_TYPES:
                raise RuleError(f"unknown PLOVER type {event_type!r} (one of {', '.join(PLOVER_TYPES)})")
            row["event_type"] = event_type.upper()
        if place is not None:
            ids, row["place_label"] = resolve(conn, place, "place")
            row["place"] = "|".join(ids)
    if webhook is not None and not _WEBHOOK.match(webhook.strip()):
        raise RuleError(f"not an http(s) URL: {webhook!r}")
    store.commit()
    rid = conn.execute(
        "INSERT INTO alert_rules (kind, entity, entity_label, event_type, place, place_label, query, webhook,"
        " created_at, active) VALUES (?,?,?,?,?,?,?,?,?,1) RETURNING id",
        (kind, row["entity"], row["entity_label"], row["event_type"], row["place"], row["place_label"],
         row["query"], webhook.strip() if webhook else None, now()),
    ).fetchone()[0]
    store.commit()
    return get_rule(conn, int(rid)) or {}


def _checked_query(store: Any, query: str) -> str:
    from marsad.store import SearchSyntaxError

    q = query.strip()
    if not q:
        raise RuleError("empty --query")
    try:
        store.search(q, limit=1)  # the store's own parser and engine decide what a query is
    except SearchSyntaxError as exc:
        raise RuleError(str(exc)) from None
    return q


def get_rule(conn: Any, rule_id: int) -> dict[str, Any] | None:
    r = conn.execute("SELECT * FROM alert_rules WHERE id=? AND kind<>?", (rule_id, CHECKPOINT)).fetchone()
    return rule_json(r) if r is not None else None


def list_rules(store: Any, *, active_only: bool = True) -> list[dict[str, Any]]:
    return alert_rules(store.conn, active_only=active_only)


def remove_rule(store: Any, rule_id: int) -> bool:
    """Deactivate a rule; False when there is no active rule with that id."""
    store.commit()
    cur = store.conn.execute("UPDATE alert_rules SET active=0 WHERE id=? AND active=1 AND kind<>?",
                             (rule_id, CHECKPOINT))
    store.commit()
    return bool(cur.rowcount)


def active_rules(conn: Any) -> list[dict[str, Any]]:
    return [r for r in alert_rules(conn) if r["active"]]


def checkpoint(conn: Any) -> int:
    """The highest document row `alert check` has evaluated (0: none yet)."""
    r = conn.execute("SELECT query FROM alert_rules WHERE kind=? ORDER BY id LIMIT 1", (CHECKPOINT,)).fetchone()
    try:
        return int(r[0]) if r is not None else 0
    except (TypeError, ValueError):
        return 0


def set_checkpoint(conn: Any, rowid: int) -> None:
    """Record that documents up to row `rowid` have been evaluated (inside the caller's transaction)."""
    cur = conn.execute("UPDATE alert_rules SET query=?, created_at=? WHERE kind=?", (str(rowid), now(), CHECKPOINT))
    if not cur.rowcount:
        conn.execute("INSERT INTO alert_rules (kind, query, created_at, active) VALUES (?,?,?,0)",
                     (CHECKPOINT, str(rowid), now()))
