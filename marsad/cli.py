"""The `marsad` command line: a thin layer over ingest, the pipeline and the store.

Results go to stdout, everything else (progress, warnings, one-line errors) to stderr, so output can be
piped into other tools; exit status 1 means at least one input failed, 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from marsad.store import DEFAULT_DB

if TYPE_CHECKING:
    from marsad.document import Document
    from marsad.loading import Failure

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CUE_CLASSES = ("say", "assert", "deny", "accuse", "announce", "call", "warn", "express", "condemn")


def _err(msg: str) -> None:
    print(f"marsad: {msg}", file=sys.stderr)


def _db_default() -> str:
    return os.environ.get("MARSAD_DB", DEFAULT_DB)


def _iso_date(s: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(s).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {s!r} (use YYYY-MM-DD)") from None


# -- ingest ----------------------------------------------------------------------------------------------
def cmd_ingest(a: argparse.Namespace) -> int:
    if a.engine == "dask":
        if a.workers is not None and a.scheduler:
            _err("--workers starts a local cluster and --scheduler uses an existing one; give only one")
            return EXIT_USAGE
        if a.workers is not None and a.workers < 1:
            _err(f"--workers must be at least 1, not {a.workers}")
            return EXIT_USAGE
        from marsad.scale.ingest import cmd_ingest_dask

        return cmd_ingest_dask(a)
    if a.workers is not None or a.scheduler:
        _err("--workers and --scheduler need --engine dask")
        return EXIT_USAGE
    from marsad.annotate.pipeline import Pipeline
    from marsad.ingest import IngestError, iter_documents
    from marsad.loading import Failure, reason, store_stream  # noqa: F811

    pipeline = Pipeline(disable=a.disable or ())

    def annotated() -> Iterator[Document | Failure]:
        for item in iter_documents(a.paths, max_mb=a.max_mb):
            if isinstance(item, IngestError):
                yield Failure(item.source, reason(item.message), item.message)
                continue
            try:
                yield pipeline(item)
            except Exception as exc:  # one bad document must not stop the batch
                yield Failure(str(item.source), type(exc).__name__, f"could not annotate or store: {exc}")

    return store_stream(a, annotated())


# -- search / show / stats ---------------------------------------------------------------------------------
def cmd_search(a: argparse.Namespace) -> int:
    from marsad.store import SearchSyntaxError, open_store

    with open_store(a.db, readonly=True) as store:
        try:
            hits = store.search(a.query, outlet=a.outlet, date_from=a.date_from, date_to=a.date_to, limit=a.limit)
        except SearchSyntaxError as exc:
            _err(str(exc))
            return EXIT_USAGE
    if a.format == "json":
        print(json.dumps([
            {"id": h.id, "title": h.title, "published": h.published, "outlet": h.outlet, "url": h.url,
             "source": h.source, "snippet": h.snippet.text, "highlights": h.snippet.highlights, "score": h.score}
            for h in hits], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not hits:
        print(f"no documents match {a.query!r}")
    for h in hits:
        print(f"{h.id}  {h.published or '????-??-??'}  {h.outlet or '?'}  {h.title or ''}")
        print(f"    {h.snippet.marked('[', ']')}")
    return EXIT_OK


def cmd_show(a: argparse.Namespace) -> int:
    from marsad.store import open_store

    with open_store(a.db, readonly=True) as store:
        doc = store.get(a.id)
    if doc is None:
        _err(f"{a.db}: no document with id {a.id!r} (or the prefix is ambiguous); `marsad search` lists ids")
        return EXIT_FAILED
    if a.format == "json":
        print(json.dumps(doc, ensure_ascii=False, indent=1))
    else:
        d = doc["document"]
        print(f"id: {doc['id']} (version {doc['version']})")
        for k in ("title", "published", "outlet", "dateline", "url", "language"):
            print(f"{k}: {d[k] or '-'}")
        print(f"source: {doc['source']}")
        print(f"entities: {len(doc['entities'])}, quotes: {len(doc['quotes'])}, events: {len(doc['events'])}, "
              f"dates: {len(doc['dates'])}")
        print()
        print(d["text"])
    return EXIT_OK


def cmd_stats(a: argparse.Namespace) -> int:
    from marsad.store import open_store

    with open_store(a.db, readonly=True) as store:
        s = store.stats()
        size = store.size_bytes()
    if a.format == "json":
        print(json.dumps(s, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"store: {a.db} (schema v{s['schema_version']}, {size / 1e6:.1f} MB)")
    print(f"documents: {s['documents']} ({s['versions']} versions), tokens: {s['tokens']}")
    lo, hi = s["published"]
    print(f"published: {lo or '?'} … {hi or '?'}")
    print("outlets: " + ", ".join(f"{o} {n}" for o, n in s["outlets"]))
    print(f"entities: {s['entities']} ({s['mentions']} mentions), quotes: {s['quotes']}, events: {s['events']}, "
          f"dates: {s['dates']}")
    return EXIT_OK


def cmd_quotes(a: argparse.Namespace) -> int:
    from marsad.store import open_store, queries

    with open_store(a.db, readonly=True) as store:
        rows = queries.quotes(store.conn, speaker=a.speaker, cue_class=a.cue_class, date_from=a.date_from,
                              date_to=a.date_to, limit=a.limit)
    if a.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    if not rows:
        print("no quotes match")
    for q in rows:
        who = q["speaker"]["name"] or q["speaker"]["text"] or "?"
        via = f" via {q['via']}" if q["via"] else ""
        print(f"{q['date'] or q['published'] or '????-??-??'}  {q['outlet'] or '?'}  {q['document']}  "
              f"[{q['cue']['class']}] {who}{via}:")
        print(f"    {q['content']}")
    return EXIT_OK


def cmd_events(a: argparse.Namespace) -> int:
    from marsad.store import open_store, queries

    with open_store(a.db, readonly=True) as store:
        rows = queries.events(store.conn, type=a.type, actor=a.actor, location=a.where, date_from=a.date_from,
                              date_to=a.date_to, limit=a.limit)
    if a.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    if not rows:
        print("no events match")
    for v in rows:
        who = "، ".join(x["name"] or x["id"] for x in v["actor"]) or "?"
        whom = "، ".join(x["name"] or x["id"] for x in v["recipient"]) or "-"
        place = (v["location"] or {}).get("name") or "-"
        flags = [f for f in ("negated", "hypothetical", "future") if v[f]]
        toll = "".join(f" {k}={v[k]}" for k in ("dead", "injured") if v[k] is not None)
        print(f"{v['date'] or v['published'] or '????-??-??'}  {v['type']}{'/' + v['mode'] if v['mode'] else ''}"
              f"  {who} → {whom} @ {place}{toll}{' [' + ','.join(flags) + ']' if flags else ''}"
              f"  ({v['outlet'] or '?'} {v['document']})")
        if v["sentence"]:
            print(f"    {v['sentence']}")
    return EXIT_OK


def cmd_export(a: argparse.Namespace) -> int:
    from marsad.export import export
    from marsad.store import open_store

    out = open(a.output, "w", encoding="utf-8", newline="") if a.output else sys.stdout
    try:
        with open_store(a.db, readonly=True) as store:
            n = export(store.iter_documents(), a.format, out)
    finally:
        if a.output:
            out.close()
    print(f"marsad: wrote {n} records ({a.format}){' to ' + a.output if a.output else ''}", file=sys.stderr)
    return EXIT_OK


def cmd_serve(a: argparse.Namespace) -> int:
    from marsad.api.server import resolve_token, serve

    try:
        token = resolve_token(a.token_file)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    return serve(a.db, a.host, a.port, token, workers=a.workers, cache_mb=a.cache_mb)


# -- annotate ------------------------------------------------------------------------------------------------
def cmd_annotate(a: argparse.Namespace) -> int:
    from marsad.annotate.pipeline import Pipeline
    from marsad.ingest import IngestError, iter_documents

    pipeline = Pipeline(disable=a.disable or ())
    failed = 0

    def docs() -> Iterator[Any]:
        nonlocal failed
        for item in iter_documents([a.file], max_mb=a.max_mb):
            if isinstance(item, IngestError):
                failed += 1
                _err(f"{item.source}: {item.message}")
                continue
            if a.published:
                item.published = a.published
            try:
                yield pipeline(item)
            except Exception as exc:  # a component bug on one article must not lose the rest of a batch
                failed += 1
                _err(f"{item.source}: could not annotate: {type(exc).__name__}: {exc}")

    if a.format == "jsonl":
        for doc in docs():
            sys.stdout.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        return EXIT_FAILED if failed else EXIT_OK
    it = docs()
    first = next(it, None)
    if first is None:
        return EXIT_FAILED
    if next(it, None) is not None:
        _err(f"{a.file}: holds more than one article; use --format jsonl")
        return EXIT_USAGE
    print(json.dumps(first.to_json(), ensure_ascii=False, indent=1))
    return EXIT_FAILED if failed else EXIT_OK


def cmd_ner(a: argparse.Namespace) -> int:
    from marsad.ner.cli import run_ner

    return run_ner(a.file)


# -- parser ----------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="marsad",
        description="marsad (مرصد): Arabic news into a sourced, searchable record of who did what to whom, "
        "where and when, and who said what.",
        epilog="Examples:\n  marsad ingest examples/\n  marsad search 'الجيش الروسي' --from 2017-01-01\n"
        "  marsad annotate examples/001_e851b5796ff80f73.txt --format json\n"
        f"The store defaults to ./{DEFAULT_DB} (or $MARSAD_DB).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version="marsad 0.1.0")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def db(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--db", default=_db_default(), help="SQLite store file, or a PostgreSQL database as postgresql://user@host:port/dbname "
                        f"(default: {_db_default()})")

    def fmt(sp: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "json")) -> None:
        sp.add_argument("--format", choices=choices, default=choices[0], help="output format")

    def disable(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--disable", action="append", metavar="COMPONENT",
                        help="skip a pipeline component (entities, dates, quotes, events); repeatable")

    sp = sub.add_parser("ingest", help="read articles, annotate them and store them",
                        description="Read articles (text, HTML, JSON, JSONL, zip, RSS/Atom; files, directories "
                        "or - for stdin), annotate them and store them. Already-stored texts are skipped, "
                        "changed texts become new versions; each document is written in one transaction, "
                        "so an interrupted run is finished by running it again.")
    sp.add_argument("paths", nargs="+", metavar="PATH", help="file, directory (recursive) or - for stdin")
    db(sp)
    disable(sp)
    sp.add_argument("--max-mb", type=float, default=20.0, help="size limit for one-article files (default 20)")
    sp.add_argument("--commit-every", type=int, default=200, metavar="N",
                    help="commit every N documents (each document is still atomic; default 200, 1 = each)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.add_argument("--progress", action="store_true", help="progress bar even when stderr is not a terminal")
    sp.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local: annotate in this process (default); dask: annotate on Dask workers (this process "
                    "reads and writes the store), same results")
    sp.add_argument("--workers", type=int, metavar="N",
                    help="with --engine dask: start a local cluster of N single-threaded worker processes "
                    "(default: one per core)")
    sp.add_argument("--scheduler", metavar="URL",
                    help="with --engine dask: use the running cluster at URL (tcp://host:port) instead; its workers "
                    "need this version of marsad installed")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("search", help="full-text search of stored articles",
                        description="Search stored articles. Insensitive to diacritics, hamza/alef, taa marbuta, "
                        "alef maqsura and proclitics (الجيش finds والجيش, بالجيش). Supports OR, NOT, "
                        "parentheses, \"phrases\" and prefix*.")
    sp.add_argument("query")
    sp.add_argument("--outlet", help="only this outlet")
    sp.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD", help="published on/after")
    sp.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD", help="published on/before")
    sp.add_argument("--limit", type=int, default=10, help="number of results (default 10)")
    db(sp)
    fmt(sp)
    sp.set_defaults(func=cmd_search)

    sp = sub.add_parser("show", help="print one stored document with its annotations")
    sp.add_argument("id", help="document id (a unique prefix is enough)")
    db(sp)
    fmt(sp)
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("stats", help="what the store holds")
    db(sp)
    fmt(sp)
    sp.set_defaults(func=cmd_stats)

    sp = sub.add_parser("quotes", help="list stored quotes: who said what, when, where it was published",
                        description="List attributed quotes from the store, newest first.")
    sp.add_argument("--speaker", help="entity id, or a name in the speaker (spelling-insensitive)")
    sp.add_argument("--class", dest="cue_class", choices=CUE_CLASSES, help="cue class")
    sp.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD")
    sp.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD")
    sp.add_argument("--limit", type=int, default=50)
    db(sp)
    fmt(sp)
    sp.set_defaults(func=cmd_quotes)

    sp = sub.add_parser("events", help="list stored PLOVER events: who did what to whom, where, when",
                        description="List coded events from the store, newest first.")
    sp.add_argument("--type", choices=PLOVER_TYPES, type=str.upper, help="PLOVER event type")
    sp.add_argument("--actor", help="entity id or name of an actor")
    sp.add_argument("--where", help="entity id or name of the location")
    sp.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD")
    sp.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD")
    sp.add_argument("--limit", type=int, default=50)
    db(sp)
    fmt(sp)
    sp.set_defaults(func=cmd_events)

    sp = sub.add_parser("export", help="export the store: plover-json, acled-csv, geojson, jsonl, csv",
                        description="Write every latest document's annotations in one format. Output is "
                        "deterministic (sorted by content-derived id, no timestamps).")
    sp.add_argument("--format", required=True, choices=("plover-json", "acled-csv", "geojson", "jsonl", "csv"))
    sp.add_argument("--output", "-o", help="file to write (default stdout)")
    db(sp)
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("serve", help="serve the REST API and the Arabic web interface",
                        description="Serve the store read-only: web pages at /, JSON API at /api, OpenAPI at /docs. "
                        "POST /api/documents (ingest) is enabled only with a token from --token-file or "
                        "$MARSAD_API_TOKEN.")
    db(sp)
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8765)
    sp.add_argument("--token-file", metavar="FILE", help="file whose first line is the API token for POST")
    sp.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    sp.add_argument("--cache-mb", type=float, default=64.0, metavar="N",
                    help="response cache per process for GET /api answers, in MB (default 64; 0 disables); "
                         "with --workers, the processes also share up to 4x N MB in a temporary file")
    sp.set_defaults(func=cmd_serve)

    from marsad.corpus import cli as corpus_cli

    sp = sub.add_parser("analyse", help="cross-document pass: duplicates, stories, merged events, claims",
                        description="Incremental: only documents not yet analysed are processed; safe to re-run.")
    db(sp)
    sp.add_argument("--window-days", type=int, default=3, help="story/event matching window (default 3)")
    sp.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD", help="only documents published since")
    fmt(sp)
    sp.set_defaults(func=corpus_cli.cmd_analyse)

    sp = sub.add_parser("stories", help="articles clustered into stories over time")
    db(sp)
    fmt(sp)
    sp.add_argument("--limit", type=int, default=20)
    sp.set_defaults(func=corpus_cli.cmd_stories)

    sp = sub.add_parser("claims", help="claims grouped across documents; --contradictions for disagreements",
                        description="Quotes about the same proposition across documents, with agree/disagree "
                        "stance. --contradictions --format json prints the contract's JSON list.")
    db(sp)
    fmt(sp)
    sp.add_argument("--contradictions", action="store_true", help="only pairs that contradict each other")
    sp.add_argument("--limit", type=int, default=50)
    sp.set_defaults(func=corpus_cli.cmd_claims)

    sp = sub.add_parser("timeline", help="an entity through time: mentions, quotes and events")
    sp.add_argument("entity", help="entity id or name")
    db(sp)
    fmt(sp)
    sp.add_argument("--limit", type=int, default=200)
    sp.set_defaults(func=corpus_cli.cmd_timeline)

    sp = sub.add_parser("stance", help="classify claim pairs in a CSV (s1,s2) as agree/disagree/other")
    sp.add_argument("file", help="CSV with a header and columns s1,s2")
    sp.set_defaults(func=corpus_cli.cmd_stance)

    sp = sub.add_parser("annotate", help="annotate one article (or a JSONL batch) and print JSON",
                        description="Annotate without storing. --format json: one article in, one JSON object "
                        "out. --format jsonl: one {id, text, published?, title?, url?, outlet?} object a line "
                        "in, one annotation a line out with the id echoed.")
    sp.add_argument("file", help="article file (.txt, .html, .json) or JSONL; - for stdin")
    sp.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date to resolve against")
    fmt(sp, ("json", "jsonl"))
    disable(sp)
    sp.add_argument("--max-mb", type=float, default=20.0, help="size limit for one-article files (default 20)")
    sp.set_defaults(func=cmd_annotate)

    try:
        import marsad.ner.cli  # noqa: F401
    except ModuleNotFoundError:
        pass
    else:
        sp = sub.add_parser("ner", help="tag a tokenised file (one token a line) with PERS/LOC/ORG/MISC",
                            description="Input: one token a line, blank line between sentences (a second column "
                            "is ignored). Output: token<TAB>tag a line, BIO tags.")
        sp.add_argument("file")
        sp.set_defaults(func=cmd_ner)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ConnectionError) as exc:  # missing store, unreachable database server
        _err(str(exc))
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
