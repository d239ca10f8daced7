"""The read commands: `marsad search | show | stats | quotes | events`, over the queries the API and the
web pages use too (`marsad.store.queries`), so the command line and the server give the same rows."""

from __future__ import annotations

import argparse

from marsad.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_dates,
    add_db,
    add_format,
    err,
    out,
    print_json,
)
from marsad.store import redact_url

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CUE_CLASSES = ("say", "assert", "deny", "accuse", "announce", "call", "warn", "express", "condemn")


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("search", help="full-text search of stored articles",
                        description="Search stored articles. Insensitive to diacritics, hamza/alef, taa marbuta, "
                        "alef maqsura and proclitics (الجيش finds والجيش, بالجيش). Supports OR, NOT, "
                        "parentheses, \"phrases\" and prefix*.")
    sp.add_argument("query")
    sp.add_argument("--outlet", help="only this outlet")
    add_dates(sp, "published")
    sp.add_argument("--limit", type=int, default=10, help="number of results (default 10)")
    add_db(sp)
    add_format(sp)
    sp.set_defaults(func=cmd_search)

    sp = sub.add_parser("show", help="print one stored document with its annotations")
    sp.add_argument("id", help="document id (a unique prefix is enough)")
    add_db(sp)
    add_format(sp)
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("stats", help="what the store holds")
    add_db(sp)
    add_format(sp)
    sp.set_defaults(func=cmd_stats)

    sp = sub.add_parser("quotes", help="list stored quotes: who said what, when, where it was published",
                        description="List attributed quotes from the store, newest first.")
    sp.add_argument("--speaker", help="entity id, or a name in the speaker (spelling-insensitive)")
    sp.add_argument("--class", dest="cue_class", choices=CUE_CLASSES, help="cue class")
    add_dates(sp)
    sp.add_argument("--limit", type=int, default=50)
    add_db(sp)
    add_format(sp)
    sp.set_defaults(func=cmd_quotes)

    sp = sub.add_parser("events", help="list stored PLOVER events: who did what to whom, where, when",
                        description="List coded events from the store, newest first.")
    sp.add_argument("--type", choices=PLOVER_TYPES, type=str.upper, help="PLOVER event type")
    sp.add_argument("--actor", help="entity id or name of an actor")
    sp.add_argument("--where", help="entity id or name of the location")
    add_dates(sp)
    sp.add_argument("--limit", type=int, default=50)
    add_db(sp)
    add_format(sp)
    sp.set_defaults(func=cmd_events)


def cmd_search(a: argparse.Namespace) -> int:
    from marsad.store import SearchSyntaxError, open_store

    with open_store(a.db, readonly=True) as store:
        try:
            hits = store.search(a.query, outlet=a.outlet, date_from=a.date_from, date_to=a.date_to, limit=a.limit)
        except SearchSyntaxError as exc:
            err(str(exc))
            return EXIT_USAGE
    if a.format == "json":
        print_json([
            {"id": h.id, "title": h.title, "published": h.published, "outlet": h.outlet, "url": h.url,
             "source": h.source, "snippet": h.snippet.text, "highlights": h.snippet.highlights, "score": h.score}
            for h in hits])
        return EXIT_OK
    if not hits:
        out(f"no documents match {a.query!r}")
    for h in hits:
        out(f"{h.id}  {h.published or '????-??-??'}  {h.outlet or '?'}  {h.title or ''}")
        out(f"    {h.snippet.marked('[', ']')}")
    return EXIT_OK


def cmd_show(a: argparse.Namespace) -> int:
    from marsad.store import open_store, queries

    with open_store(a.db, readonly=True) as store:
        doc = queries.document(store.conn, a.id)
    if doc is None:
        err(f"{redact_url(a.db)}: no document with id {a.id!r} (or the prefix is ambiguous); `marsad search` lists ids")
        return EXIT_FAILED
    if a.format == "json":
        print_json(doc)
        return EXIT_OK
    d = doc["document"]
    out(f"id: {doc['id']} (version {doc['version']})")
    for k in ("title", "published", "outlet", "dateline", "url", "language"):
        out(f"{k}: {d[k] or '-'}")
    out(f"source: {doc['source']}")
    out(f"entities: {len(doc['entities'])}, quotes: {len(doc['quotes'])}, events: {len(doc['events'])}, "
        f"dates: {len(doc['dates'])}")
    out()
    out(d["text"])
    return EXIT_OK


def cmd_stats(a: argparse.Namespace) -> int:
    from marsad.store import open_store

    with open_store(a.db, readonly=True) as store:
        s = store.stats()
        size = store.size_bytes()
    if a.format == "json":
        print_json(s)
        return EXIT_OK
    out(f"store: {redact_url(a.db)} (schema v{s['schema_version']}, {size / 1e6:.1f} MB)")
    out(f"documents: {s['documents']} ({s['versions']} versions), tokens: {s['tokens']}")
    lo, hi = s["published"]
    out(f"published: {lo or '?'} … {hi or '?'}")
    out("outlets: " + ", ".join(f"{o} {n}" for o, n in s["outlets"]))
    out(f"entities: {s['entities']} ({s['mentions']} mentions), quotes: {s['quotes']}, events: {s['events']}, "
        f"dates: {s['dates']}")
    return EXIT_OK


def cmd_quotes(a: argparse.Namespace) -> int:
    from marsad.store import open_store, queries

    with open_store(a.db, readonly=True) as store:
        rows = queries.quotes(store.conn, speaker=a.speaker, cue_class=a.cue_class, date_from=a.date_from,
                              date_to=a.date_to, limit=a.limit)
    if a.format == "json":
        print_json(rows)
        return EXIT_OK
    if not rows:
        out("no quotes match")
    for q in rows:
        who = q["speaker"]["name"] or q["speaker"]["text"] or "?"
        via = f" via {q['via']}" if q["via"] else ""
        out(f"{q['date'] or q['published'] or '????-??-??'}  {q['outlet'] or '?'}  {q['document']}  "
            f"[{q['cue']['class']}] {who}{via}:")
        out(f"    {q['content']}")
    return EXIT_OK


def cmd_events(a: argparse.Namespace) -> int:
    from marsad.store import open_store, queries

    with open_store(a.db, readonly=True) as store:
        rows = queries.events(store.conn, type=a.type, actor=a.actor, location=a.where, date_from=a.date_from,
                              date_to=a.date_to, limit=a.limit)
    if a.format == "json":
        print_json(rows)
        return EXIT_OK
    if not rows:
        out("no events match")
    for v in rows:
        who = "، ".join(x["name"] or x["id"] for x in v["actor"]) or "?"
        whom = "، ".join(x["name"] or x["id"] for x in v["recipient"]) or "-"
        place = (v["location"] or {}).get("name") or "-"
        flags = [f for f in ("negated", "hypothetical", "future") if v[f]]
        toll = "".join(f" {k}={v[k]}" for k in ("dead", "injured") if v[k] is not None)
        out(f"{v['date'] or v['published'] or '????-??-??'}  {v['type']}{'/' + v['mode'] if v['mode'] else ''}"
            f"  {who} → {whom} @ {place}{toll}{' [' + ','.join(flags) + ']' if flags else ''}"
            f"  ({v['outlet'] or '?'} {v['document']})")
        if v["sentence"]:
            out(f"    {v['sentence']}")
    return EXIT_OK
