"""Alerts and watchlist rules: what `marsad.alerts` raised, for the CLI, `/api/alerts` and the Alerts page,
and which of a set of documents a full-text query matches (what a query rule asks of new documents).

Rules and alerts live in `alert_rules` and `alerts` (migration 9). A rule's `entity` and `place` hold the
entity ids it was resolved to, `|`-joined. A store from before that migration, opened read-only, has no
alerts to show: every read here answers empty rather than failing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from marsad.store.dialect import dialect_of
from marsad.store.queries.common import IN_CHUNK, date_range, has_table, like_escape
from marsad.store.queries.entities import entity_ids
from marsad.store.search import SearchSyntaxError, to_fts_query

#: The kinds of rule users make (a `checkpoint` row is `marsad.alerts`' own bookmark, never listed).
RULE_KINDS = ("entity", "event", "query", "contradiction")
_RULE_COLUMNS = ("id", "kind", "entity", "entity_label", "event_type", "place", "place_label", "query", "webhook",
                 "created_at", "active")


def split_ids(value: str | None) -> list[str]:
    """The entity ids a rule column holds (`|`-joined)."""
    return [v for v in (value or "").split("|") if v]


def rule_json(r: Any, *, webhook: bool = True) -> dict[str, Any]:
    """A rule row as a dict; `webhook=False` leaves the URL out (it may carry a secret token)."""
    d = dict(zip(_RULE_COLUMNS, (r[c] for c in _RULE_COLUMNS), strict=True))
    d["entity"], d["place"] = split_ids(d["entity"]), split_ids(d["place"])
    d["active"] = bool(d["active"])
    if not webhook:
        d.pop("webhook")
    return d


def rule_label(rule: dict[str, Any]) -> str:
    """What a rule watches, in a few words (for lists and alert summaries)."""
    parts = []
    if rule.get("entity_label") or rule.get("entity"):
        parts.append(rule.get("entity_label") or "|".join(rule["entity"]))
    if rule.get("event_type"):
        parts.append(rule["event_type"])
    if rule.get("place_label") or rule.get("place"):
        parts.append("@ " + (rule.get("place_label") or "|".join(rule["place"])))
    if rule.get("query"):
        parts.append(f"«{rule['query']}»")
    return " ".join(parts)


def alert_rules(conn: sqlite3.Connection, *, active_only: bool = True) -> list[dict[str, Any]]:
    """Watchlist rules in creation order, each with how many alerts it raised (webhook URLs included:
    callers that show rules to others drop them)."""
    if not has_table(conn, "alert_rules"):
        return []
    kinds = ",".join("?" * len(RULE_KINDS))
    rows = conn.execute(
        f"SELECT r.*, (SELECT count(*) FROM alerts a WHERE a.rule_id=r.id) AS n_alerts FROM alert_rules r"
        f" WHERE r.kind IN ({kinds}){' AND r.active=1' if active_only else ''} ORDER BY r.id",
        RULE_KINDS).fetchall()
    return [rule_json(r) | {"alerts": r["n_alerts"]} for r in rows]


def _alert_json(r: Any) -> dict[str, Any]:
    try:
        evidence = json.loads(r["evidence"])
    except ValueError:
        evidence = {}
    rule = None
    if r["r_kind"] is not None:
        rule = {"id": r["rule_id"], "kind": r["r_kind"], "active": bool(r["r_active"]),
                "label": rule_label({"entity_label": r["entity_label"], "entity": split_ids(r["r_entity"]),
                                     "event_type": r["event_type"], "place_label": r["place_label"],
                                     "place": split_ids(r["r_place"]), "query": r["query"]})}
    return {"id": r["id"], "rule_id": r["rule_id"], "kind": r["kind"], "created_at": r["created_at"],
            "doc_id": r["doc_id"], "published": r["published"], "summary": r["summary"], "evidence": evidence,
            "delivered": bool(r["delivered"]), "rule": rule}


_ALERT_SELECT = (
    "SELECT a.id, a.rule_id, a.kind, a.created_at, a.doc_id, a.published, a.summary, a.evidence, a.delivered,"
    " r.kind AS r_kind, r.active AS r_active, r.entity AS r_entity, r.entity_label, r.event_type,"
    " r.place AS r_place, r.place_label, r.query FROM alerts a LEFT JOIN alert_rules r ON r.id=a.rule_id"
)


def alerts(
    conn: sqlite3.Connection,
    *,
    rule_id: int | None = None,
    kind: str | None = None,
    entity: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Alerts, newest first. `kind` is the alert's kind (event, quote, mention, document, contradiction);
    `entity` (an id or a name, `entity_ids`) keeps the alerts of rules watching that entity or place;
    `date_from`/`date_to` bound the day the alert was raised."""
    if not has_table(conn, "alerts"):
        return []
    where: list[str] = []
    params: list[Any] = []
    if rule_id is not None:
        where.append("a.rule_id=?")
        params.append(rule_id)
    if kind:
        where.append("a.kind=?")
        params.append(kind)
    if entity:
        ids = sorted(entity_ids(conn, entity))
        if not ids:
            return []
        alts = []
        for i in ids:
            alts.append("'|' || coalesce(r.entity,'') || '|' LIKE ? ESCAPE '\\'"
                        " OR '|' || coalesce(r.place,'') || '|' LIKE ? ESCAPE '\\'")
            params += [f"%|{like_escape(i)}|%"] * 2
        where.append("(" + " OR ".join(alts) + ")")
    # by day: a timestamp compared with a bare date would drop that day's alerts
    dates, dparams = date_range("substr(a.created_at, 1, 10)", date_from, date_to)
    cond = f" WHERE {' AND '.join(where + dates)}" if where or dates else ""
    rows = conn.execute(f"{_ALERT_SELECT}{cond} ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?",
                        (*params, *dparams, limit, offset)).fetchall()
    return [_alert_json(r) for r in rows]


def alerts_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> list[dict[str, Any]]:
    """The alerts with these ids, in id order."""
    todo = sorted(set(ids))
    out: list[dict[str, Any]] = []
    for k in range(0, len(todo), IN_CHUNK):
        chunk = todo[k:k + IN_CHUNK]
        out += [_alert_json(r) for r in conn.execute(
            f"{_ALERT_SELECT} WHERE a.id IN ({','.join('?' * len(chunk))}) ORDER BY a.id", chunk)]
    return out


def matching_documents(conn: sqlite3.Connection, query: str, rowids: Iterable[int]) -> set[int]:
    """Which of these document rows a full-text query matches, in the store's search syntax (the one
    `Store.search` takes; `SearchSyntaxError` for a query it cannot parse). One indexed probe per chunk
    of rows, whatever the size of the store."""
    todo = sorted(set(rowids))
    if not todo:
        return set()
    if dialect_of(conn).name == "postgresql":
        from marsad.store.pg_search import to_tsquery

        tsq, _ = to_tsquery(query)
        if tsq is None:
            return set()
        sql, first = "SELECT rowid FROM documents_fts WHERE tsv @@ CAST(? AS tsquery) AND rowid IN ({})", tsq
    else:
        first, _ = to_fts_query(query)
        sql = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid IN ({})"
    found: set[int] = set()
    for k in range(0, len(todo), IN_CHUNK):
        chunk = todo[k:k + IN_CHUNK]
        try:
            found |= {r[0] for r in conn.execute(sql.format(",".join("?" * len(chunk))), (first, *chunk))}
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc) or "syntax" in str(exc):
                raise SearchSyntaxError(f"cannot parse query {query!r}: {exc}") from None
            raise
    return found
