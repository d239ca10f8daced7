"""The `marsad` command line: a thin layer over ingest, the pipeline, the store and its queries.

One module per group of commands, each registering its own subcommands (`register`); what they share
(exit statuses, one-line errors, `--db`, `--format`) is in `common`. Results go to stdout, everything
else (progress, warnings, one-line errors) to stderr, so output can be piped into other tools; exit
status 1 means at least one input failed, 2 a usage error.
"""

from __future__ import annotations

import argparse

from marsad import __version__
from marsad.cli import alert, annotate, corpus, export, ingest, ner, read, serve, watch
from marsad.cli.common import EXIT_FAILED, EXIT_OK, err
from marsad.store import DEFAULT_DB, StoreError, redact_url
from marsad.store.errors import first_line

# the order `marsad --help` lists the commands in
GROUPS = (ingest, watch, alert, read, export, serve, corpus, annotate, ner)


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
    p.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `marsad … | head`: the reader has all it wanted (a ConnectionError, so first)
        return EXIT_OK
    except (FileNotFoundError, ConnectionError, StoreError) as exc:  # missing, unreachable or unusable store
        err(str(exc))
        return EXIT_FAILED
    except Exception as exc:
        # a store that opened but fails while being read (a damaged page deep in the file, a lost server)
        if not _is_database_error(exc) or not getattr(args, "db", None):
            raise
        err(f"{redact_url(args.db)}: the store could not be read ({first_line(exc)}); it may be damaged")
        return EXIT_FAILED


def _is_database_error(exc: BaseException) -> bool:
    import sqlite3

    return isinstance(exc, sqlite3.DatabaseError) or type(exc).__module__.startswith("psycopg")


__all__ = ["build_parser", "main"]
