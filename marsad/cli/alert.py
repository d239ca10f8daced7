"""`marsad alert add | list | remove | check`: watchlist rules and the alerts they raise (`marsad.alerts`).

`marsad watch` evaluates the rules after each round; `alert check` does the same after a plain `marsad
ingest`, over the documents no earlier check has seen (`--all`: every document; an alert is raised once
however often its evidence is seen). With `--print` the new alerts are written as JSON lines.
"""

from __future__ import annotations

import argparse
from typing import Any

from marsad.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_db, add_format, err, out, print_json
from marsad.store import redact_url

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("alert", help="watchlists: rules that raise alerts on new documents (add, list, remove, check)",
                       description="Watch entities, event types and places, full-text queries, or contradictions; "
                       "`marsad watch` and `marsad alert check` raise an alert once per match.",
                       epilog="Examples:\n  marsad alert add --entity داعش\n"
                       "  marsad alert add --entity Q159 --type ASSAULT --place حلب --webhook https://hooks.example/x\n"
                       "  marsad alert add --query '\"الجيش الروسي\" OR موسكو'\n"
                       "  marsad alert add --contradiction لافروف\n  marsad alert check --print",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    asub = p.add_subparsers(dest="alert_command", required=True, metavar="ACTION")

    sp = asub.add_parser("add", help="add a rule",
                         description="One of: --entity (with optional --type/--place), --type/--place alone, "
                         "--query, or --contradiction. Names are resolved against the store now; a name it does "
                         "not know is refused.")
    sp.add_argument("--entity", metavar="NAME|ID", help="events, quotes and mentions involving this entity")
    sp.add_argument("--type", dest="event_type", type=str.upper, choices=PLOVER_TYPES, metavar="PLOVER",
                    help="only events of this PLOVER type (e.g. ASSAULT)")
    sp.add_argument("--place", metavar="NAME|ID", help="only events at this place")
    sp.add_argument("--query", help="new documents matching this full-text query (`marsad search` syntax)")
    sp.add_argument("--contradiction", metavar="NAME|ID", help="new contradiction pairs involving this entity")
    sp.add_argument("--webhook", metavar="URL", help="also POST each alert as JSON to this http(s) URL")
    add_db(sp)
    add_format(sp)
    sp.set_defaults(func=cmd_add)

    sp = asub.add_parser("list", help="list the rules")
    sp.add_argument("--all", action="store_true", help="include removed rules")
    add_db(sp)
    add_format(sp)
    sp.set_defaults(func=cmd_list)

    sp = asub.add_parser("remove", help="remove (deactivate) a rule; its alerts are kept")
    sp.add_argument("id", type=int, help="rule id (`marsad alert list`)")
    add_db(sp)
    sp.set_defaults(func=cmd_remove)

    sp = asub.add_parser("check", help="evaluate the rules over documents not checked yet",
                         description="Evaluate every active rule over the documents stored since the last check "
                         "(all with --all), store the new alerts, POST them to their webhooks.")
    sp.add_argument("--all", action="store_true", help="every document, not only those since the last check")
    sp.add_argument("--print", dest="print_alerts", action="store_true", help="new alerts as JSON lines on stdout")
    sp.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                    help="how long to wait for webhook deliveries before exiting (default 60)")
    add_db(sp)
    sp.set_defaults(func=cmd_check)


def _open(db: str) -> Any:
    from marsad.store import open_store

    try:
        return open_store(db, create=False)
    except FileNotFoundError:
        raise FileNotFoundError(f"{redact_url(db)}: no such database; run `marsad ingest` first") from None


def _describe(r: dict[str, Any]) -> str:
    from marsad.store.queries.alerts import rule_label

    hook = " → webhook" if r.get("webhook") else ""
    gone = "" if r["active"] else " [removed]"
    n = f" ({r['alerts']} alerts)" if "alerts" in r else ""
    return f"{r['id']:>4}  {r['kind']:13} {rule_label(r)}{hook}{n}{gone}"


def cmd_add(a: argparse.Namespace) -> int:
    from marsad.alerts import RuleError, add_rule

    with _open(a.db) as store:
        try:
            rule = add_rule(store, entity=a.entity, event_type=a.event_type, place=a.place, query=a.query,
                            contradiction=a.contradiction, webhook=a.webhook)
        except RuleError as exc:
            err(str(exc))
            return EXIT_USAGE
    if a.format == "json":
        print_json(rule)
    else:
        out(f"added rule {_describe(rule).strip()}")
    return EXIT_OK


def cmd_list(a: argparse.Namespace) -> int:
    from marsad.alerts import list_rules

    with _open(a.db) as store:
        rules = list_rules(store, active_only=not a.all)
    if a.format == "json":
        print_json(rules)
        return EXIT_OK
    if not rules:
        out("no alert rules; add one with `marsad alert add --entity NAME`")
    for r in rules:
        out(_describe(r))
    return EXIT_OK


def cmd_remove(a: argparse.Namespace) -> int:
    from marsad.alerts import remove_rule

    with _open(a.db) as store:
        if not remove_rule(store, a.id):
            err(f"{redact_url(a.db)}: no active alert rule with id {a.id}; `marsad alert list` shows them")
            return EXIT_FAILED
    out(f"removed rule {a.id}")
    return EXIT_OK


def cmd_check(a: argparse.Namespace) -> int:
    from marsad.alerts import check, deliver, wait
    from marsad.cli.common import json_line

    with _open(a.db) as store:
        new = check(store, everything=a.all)
    if a.print_alerts:
        for alert in new:
            print(json_line(alert), flush=True)
    queued = deliver(new)
    if queued and not wait(a.wait):
        err(f"webhook deliveries still pending after {a.wait:g} s; they are left undelivered")
    err(f"{len(new)} new alert{'s' if len(new) != 1 else ''}")
    return EXIT_OK
