"""Command functions for `marsad analyse | stories | claims | timeline | stance` (wired by marsad.cli).

Each takes the argparse Namespace the main parser builds and returns an exit status. Results go to
stdout (text for people, or `--format json`), messages to stderr, as everywhere in marsad.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EXIT_OK, EXIT_FAILED = 0, 1


def _open(a: argparse.Namespace, readonly: bool = True) -> Any:
    """The store; read commands refuse a missing store but open read-write so an older schema is migrated."""
    from marsad.store import open_store

    try:
        return open_store(a.db, create=not readonly)
    except FileNotFoundError:
        raise FileNotFoundError("no such database; run `marsad ingest` and `marsad analyse` first") from None


def _json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def _limit(a: argparse.Namespace, default: int) -> int | None:
    n = getattr(a, "limit", None)
    if n is None:
        return default
    return None if n <= 0 else n


def _fail(a: argparse.Namespace, exc: Exception) -> int:
    print(f"marsad: {getattr(a, 'db', '?')}: {exc}", file=sys.stderr)
    return EXIT_FAILED


def cmd_analyse(a: argparse.Namespace) -> int:
    """Run the incremental cross-document pass over documents not analysed yet; prints what changed."""
    from marsad.corpus import analyse

    try:
        with _open(a, readonly=False) as store:
            stats = analyse(store, window_days=getattr(a, "window_days", None) or 3, since=getattr(a, "since", None))
    except (FileNotFoundError, OSError) as exc:
        return _fail(a, exc)
    if getattr(a, "format", "text") == "json":
        _json(stats)
    else:
        print(", ".join(f"{k} {v}" for k, v in stats.items()))
    return EXIT_OK


def _side(s: dict[str, Any]) -> str:
    who = s["speaker"] or "?"
    where = ", ".join(x for x in (s["outlet"], s["published"]) if x) or "undated"
    return f"{who} ({where}, {s['document']}): «{s['text']}»"


def cmd_claims(a: argparse.Namespace) -> int:
    """Claims seen in several quotes, or with --contradictions the pairs of sources that disagree."""
    from marsad.corpus import claims, contradictions

    try:
        store = _open(a)
    except FileNotFoundError as exc:
        return _fail(a, exc)
    with store:
        if getattr(a, "contradictions", False):
            as_json = getattr(a, "format", "text") == "json"
            rows = contradictions(store, limit=_limit(a, 50), reasons=not as_json)
            if as_json:
                _json(rows)
            else:
                for r in rows:
                    why = f"\n       why: {r['reason']}" if r.get("reason") else ""
                    print(f"[{r['confidence']:.2f}] {_side(r['a'])}\n       ≠ {_side(r['b'])}{why}\n")
            return EXIT_OK
        rows = claims(store, limit=_limit(a, 20))
    if getattr(a, "format", "text") == "json":
        _json(rows)
        return EXIT_OK
    for c in rows:
        print(f"claim {c['id']}: {c['size']} quotes in {c['documents']} documents"
              f" ({c['first_date'] or '?'} → {c['last_date'] or '?'})")
        for q in c["quotes"]:
            print(f"  - [{q['cue']}] {q['speaker'] or '?'} ({q['outlet'] or '?'}, {q['published'] or '?'}): «{q['text']}»")
        for p in [p for p in c["pairs"] if p["label"] == "disagree"][:10]:
            if p["label"] == "disagree":
                print(f"  ≠ {p['a']['speaker']} vs {p['b']['speaker']} ({p['confidence']:.2f})")
        print()
    return EXIT_OK


def cmd_stories(a: argparse.Namespace) -> int:
    """Stories (articles about one development, grouped over time), biggest first."""
    from marsad.corpus import stories

    try:
        store = _open(a)
    except FileNotFoundError as exc:
        return _fail(a, exc)
    with store:
        rows = stories(store, limit=_limit(a, 20))
    if getattr(a, "format", "text") == "json":
        _json(rows)
        return EXIT_OK
    for s in rows:
        print(f"story {s['id']}: {s['size']} articles, {s['outlets']} outlets, {s['first_date'] or '?'} → "
              f"{s['last_date'] or '?'}: {s['title'] or ''}")
        for d in s["documents"][:10]:
            dup = f" [copy group {d['duplicate_group']}]" if d["duplicate_group"] else ""
            print(f"  {d['published'] or '?'} {d['outlet'] or '?'}: {d['title'] or d['document']}{dup}")
        if len(s["documents"]) > 10:
            print(f"  … {len(s['documents']) - 10} more")
        print()
    return EXIT_OK


def cmd_timeline(a: argparse.Namespace) -> int:
    """Dated mentions, quotes and events of one entity (id or name) across all documents."""
    from marsad.corpus import timeline

    try:
        store = _open(a)
    except FileNotFoundError as exc:
        return _fail(a, exc)
    with store:
        rows = timeline(store, a.entity, limit=_limit(a, 500))
    if getattr(a, "format", "text") == "json":
        _json(rows)
        return EXIT_OK
    if not rows:
        print(f"marsad: nothing found for {a.entity!r}", file=sys.stderr)
    for r in rows:
        extra = r.get("cue") or r.get("type") or ""
        print(f"{r['date'] or '?':10} {r['kind']:7} {extra:9} {r['outlet'] or '?'} {r['document']}: {r['text'] or ''}")
    return EXIT_OK


def cmd_stance(a: argparse.Namespace) -> int:
    """`marsad stance FILE.csv` (attribute `file`)."""
    from marsad.corpus.stance import run_stance

    return run_stance(a.file)
