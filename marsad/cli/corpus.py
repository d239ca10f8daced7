"""The cross-document commands: `marsad analyse | stories | claims | timeline | stance`.

`analyse` runs the incremental pass (`marsad.corpus.analyse`) with a progress bar per pass on stderr when
it is a terminal; the others print what earlier runs stored, and say on stderr when that is not everything
(`_not_analysed`): an empty list from a store never analysed would read as "nothing found".
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from marsad.cli.common import EXIT_FAILED, EXIT_OK, add_db, add_format, err, iso_date, out, print_json
from marsad.store import redact_url

#: What `stories` and `claims` do on a store whose documents the cross-document pass has not seen.
_NOT_ANALYSED_HELP = (
    "These listings read what `marsad analyse` stored. On a store never analysed they print nothing, say so "
    "on stderr and exit 1; when documents were stored since the last analysis they list what was analysed, "
    "say how many documents are missing on stderr and exit 0. An analysed store with nothing to list exits 0."
)


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("analyse", help="cross-document pass: duplicates, stories, merged events, claims",
                        description="Incremental: only documents not yet analysed are processed; safe to re-run.")
    add_db(sp)
    sp.add_argument("--window-days", type=int, default=3, help="story/event matching window (default 3)")
    sp.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="only documents published since")
    add_format(sp)
    sp.set_defaults(func=cmd_analyse)

    sp = sub.add_parser("stories", help="articles clustered into stories over time",
                        epilog=_NOT_ANALYSED_HELP)
    add_db(sp)
    add_format(sp)
    sp.add_argument("--limit", type=int, default=20)
    sp.set_defaults(func=cmd_stories)

    sp = sub.add_parser("claims", help="claims grouped across documents; --contradictions for disagreements",
                        description="Quotes about the same proposition across documents, with agree/disagree "
                        "stance. --contradictions --format json prints the contract's JSON list.",
                        epilog=_NOT_ANALYSED_HELP)
    add_db(sp)
    add_format(sp)
    sp.add_argument("--contradictions", action="store_true", help="only pairs that contradict each other")
    sp.add_argument("--limit", type=int, default=50)
    sp.set_defaults(func=cmd_claims)

    sp = sub.add_parser("timeline", help="an entity through time: mentions, quotes and events")
    sp.add_argument("entity", help="entity id or name")
    add_db(sp)
    add_format(sp)
    sp.add_argument("--limit", type=int, default=200)
    sp.set_defaults(func=cmd_timeline)

    sp = sub.add_parser("stance", help="classify claim pairs in a CSV (s1,s2) as agree/disagree/other")
    sp.add_argument("file", help="CSV with a header and columns s1,s2")
    sp.set_defaults(func=cmd_stance)


def _open(db: str, readonly: bool = True) -> Any:
    """The store; read commands refuse a missing store but open read-write so an older schema is migrated."""
    from marsad.store import open_store

    try:
        return open_store(db, create=not readonly)
    except FileNotFoundError:
        raise FileNotFoundError("no such database; run `marsad ingest` and `marsad analyse` first") from None


def _limit(a: argparse.Namespace) -> int | None:
    """`--limit`, where 0 or less means no limit."""
    return None if a.limit <= 0 else a.limit


def _fail(db: str, exc: Exception) -> int:
    msg = str(exc)
    err(msg if msg.startswith(redact_url(db)) else f"{redact_url(db)}: {msg}")
    return EXIT_FAILED


def cmd_analyse(a: argparse.Namespace) -> int:
    """Run the incremental cross-document pass over documents not analysed yet; prints what changed."""
    from marsad.corpus import analyse
    from marsad.corpus.progress import Bars

    bars = Bars(disable=not sys.stderr.isatty())
    try:
        with _open(a.db, readonly=False) as store:
            stats = analyse(store, window_days=a.window_days, since=a.since, progress=bars)
    except (FileNotFoundError, OSError) as exc:
        return _fail(a.db, exc)
    finally:
        bars.close()
    if a.format == "json":
        print_json(stats)
    else:
        out(", ".join(f"{k} {v}" for k, v in stats.items()))
    return EXIT_OK


def _side(s: dict[str, Any]) -> str:
    who = s["speaker"] or "?"
    where = ", ".join(x for x in (s["outlet"], s["published"]) if x) or "undated"
    return f"{who} ({where}, {s['document']}): «{s['text']}»"


def _not_analysed(db: str, store: Any) -> bool:
    """Say on stderr when the listing cannot be complete because `marsad analyse` has not seen the
    store's documents; True when it has seen none of them (the listing would be empty, so the command
    fails instead of printing an empty result that reads as "nothing found")."""
    import shlex

    from marsad.store.queries.stories import analysis_state

    state = analysis_state(store.conn)
    run = f"marsad analyse --db {shlex.quote(redact_url(db))}"
    if state.never_run:
        err(f"the cross-document pass has not run on this store ({state.pending} documents stored); run `{run}` first")
        return True
    if state.pending:
        err(f"{state.pending} documents stored since the last cross-document pass are not in these results;"
            f" run `{run}` to add them")
    return False


def cmd_claims(a: argparse.Namespace) -> int:
    """Claims seen in several quotes, or with --contradictions the pairs of sources that disagree."""
    from marsad.corpus import claims, contradictions

    try:
        store = _open(a.db)
    except FileNotFoundError as exc:
        return _fail(a.db, exc)
    with store:
        if _not_analysed(a.db, store):
            return EXIT_FAILED
        if a.contradictions:
            as_json = a.format == "json"
            rows = contradictions(store, limit=_limit(a), reasons=not as_json)
            if as_json:
                print_json(rows)
            else:
                for r in rows:
                    why = f"\n       why: {r['reason']}" if r.get("reason") else ""
                    out(f"[{r['confidence']:.2f}] {_side(r['a'])}\n       ≠ {_side(r['b'])}{why}\n")
            return EXIT_OK
        rows = claims(store, limit=_limit(a))
    if a.format == "json":
        print_json(rows)
        return EXIT_OK
    for c in rows:
        out(f"claim {c['id']}: {c['size']} quotes in {c['documents']} documents"
            f" ({c['first_date'] or '?'} → {c['last_date'] or '?'})")
        for q in c["quotes"]:
            out(f"  - [{q['cue']}] {q['speaker'] or '?'} ({q['outlet'] or '?'}, {q['published'] or '?'}): «{q['text']}»")
        for p in [p for p in c["pairs"] if p["label"] == "disagree"][:10]:
            out(f"  ≠ {p['a']['speaker']} vs {p['b']['speaker']} ({p['confidence']:.2f})")
        out()
    return EXIT_OK


def cmd_stories(a: argparse.Namespace) -> int:
    """Stories (articles about one development, grouped over time), biggest first."""
    from marsad.corpus import stories

    try:
        store = _open(a.db)
    except FileNotFoundError as exc:
        return _fail(a.db, exc)
    with store:
        if _not_analysed(a.db, store):
            return EXIT_FAILED
        rows = stories(store, limit=_limit(a))
    if a.format == "json":
        print_json(rows)
        return EXIT_OK
    for s in rows:
        out(f"story {s['id']}: {s['size']} articles, {s['outlets']} outlets, {s['first_date'] or '?'} → "
            f"{s['last_date'] or '?'}: {s['title'] or ''}")
        for d in s["documents"][:10]:
            dup = f" [copy group {d['duplicate_group']}]" if d["duplicate_group"] else ""
            out(f"  {d['published'] or '?'} {d['outlet'] or '?'}: {d['title'] or d['document']}{dup}")
        if len(s["documents"]) > 10:
            out(f"  … {len(s['documents']) - 10} more")
        out()
    return EXIT_OK


def cmd_timeline(a: argparse.Namespace) -> int:
    """Dated mentions, quotes and events of one entity (id or name) across all documents."""
    from marsad.corpus import timeline

    try:
        store = _open(a.db)
    except FileNotFoundError as exc:
        return _fail(a.db, exc)
    with store:
        rows = timeline(store, a.entity, limit=_limit(a))
    if a.format == "json":
        print_json(rows)
        return EXIT_OK
    if not rows:
        err(f"nothing found for {a.entity!r}")
    for r in rows:
        extra = r.get("cue") or r.get("type") or ""
        out(f"{r['date'] or '?':10} {r['kind']:7} {extra:9} {r['outlet'] or '?'} {r['document']}: {r['text'] or ''}")
    return EXIT_OK


def cmd_stance(a: argparse.Namespace) -> int:
    """`marsad stance FILE.csv`: the stance model on claim pairs."""
    from marsad.corpus.stance import run_stance

    return run_stance(a.file)
