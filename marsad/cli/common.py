"""What every `marsad` command shares: exit statuses, one-line errors, and the `--db`/`--format` options.

Results go to stdout, everything else (progress, warnings, one-line errors) to stderr, so output can be
piped into other tools.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from typing import Any

from marsad.store import DEFAULT_DB

EXIT_OK = 0
EXIT_FAILED = 1  # at least one input failed, or the store could not be used
EXIT_USAGE = 2  # the command line or an input file was not usable as given
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports it


def err(msg: str) -> None:
    """One line on stderr, prefixed `marsad:` like every message of the command line."""
    print(f"marsad: {msg}", file=sys.stderr)


def print_json(obj: Any) -> None:
    """A result as indented JSON on stdout, Arabic left readable."""
    print(json.dumps(obj, ensure_ascii=False, indent=1))


def db_default() -> str:
    return os.environ.get("MARSAD_DB", DEFAULT_DB)


def iso_date(s: str) -> str:
    """An argparse type: a YYYY-MM-DD date, refused with a usage error otherwise."""
    try:
        return dt.date.fromisoformat(s).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {s!r} (use YYYY-MM-DD)") from None


def add_db(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--db", default=db_default(), help="SQLite store file, or a PostgreSQL database as postgresql://user@host:port/dbname "
                    f"(default: {db_default()})")


def add_format(sp: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "json")) -> None:
    sp.add_argument("--format", choices=choices, default=choices[0], help="output format")


def add_disable(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--disable", action="append", metavar="COMPONENT",
                    help="skip a pipeline component (entities, dates, quotes, events); repeatable")


def add_dates(sp: argparse.ArgumentParser, what: str | None = None) -> None:
    """`--from`/`--to` date bounds; `what` completes their help ("published" gives "published on/after")."""
    sp.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD",
                    help=f"{what} on/after" if what else None)
    sp.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD",
                    help=f"{what} on/before" if what else None)
