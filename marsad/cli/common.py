"""What every `marsad` command shares: exit statuses, one-line errors, and the `--db`/`--format` options.

Results go to stdout, everything else (progress, warnings, one-line errors) to stderr, so output can be
piped into other tools.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from typing import Any

from marsad.store import DEFAULT_DB

EXIT_OK = 0
EXIT_FAILED = 1  # at least one input failed, or the store could not be used
EXIT_USAGE = 2  # the command line or an input file was not usable as given
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports it


# What a terminal may act on: C0 controls (ESC starts colour, title and screen-clearing sequences), DEL, C1
# controls (0x9b is a one-byte CSI), and the bidi embeddings, overrides and isolates that reorder what
# follows them on the line (U+202A-202E, U+2066-2069). Text from articles and archive member names is
# printed with these shown as \u escapes; the marks Arabic text needs (U+200E/F, U+061C) stay.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str, *, lines: bool = False) -> str:
    """`text` with every character a terminal could act on written as a \\uXXXX escape; with `lines`,
    newlines and tabs are kept (an article body), otherwise the result is one line."""
    pattern = _UNSAFE_KEEP_LINES if lines else _UNSAFE
    return pattern.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_line(obj: Any) -> str:
    """`obj` as one compact JSON line, Arabic readable, characters a terminal acts on escaped (alerts that
    `watch --print` and `alert check --print` stream to scripts)."""
    return terminal_safe(json.dumps(obj, ensure_ascii=False, default=str, separators=(",", ":")))


def out(text: str = "") -> None:
    """One result line (or an article body) on stdout, made safe for a terminal (`terminal_safe`)."""
    print(terminal_safe(text, lines=True))


def err(msg: str) -> None:
    """One line on stderr, prefixed `marsad:` like every message of the command line (made safe for a
    terminal: the message may quote a title, an id or an archive member's name)."""
    print(f"marsad: {terminal_safe(msg)}", file=sys.stderr)


def print_json(obj: Any) -> None:
    """A result as indented JSON on stdout, Arabic left readable; the characters `terminal_safe` escapes
    are written as JSON escapes (json escapes only C0), so the same value comes back when parsed."""
    print(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(obj, ensure_ascii=False, indent=1)))


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


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


def time_budget(s: str) -> float:
    """An argparse type: seconds of annotation a document may take; 0 means no limit."""
    try:
        v = float(s)
    except ValueError:
        v = -1.0
    if not v >= 0 or v == float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds: {s!r} (0 for no limit)")
    return v


def add_budget(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--time-budget", type=time_budget, default=60.0, metavar="SECONDS",
                    help="annotation time one document may take; components not run by then are skipped "
                         "with a warning, the rest is kept (default 60; 0: no limit)")


def add_dates(sp: argparse.ArgumentParser, what: str | None = None) -> None:
    """`--from`/`--to` date bounds; `what` completes their help ("published" gives "published on/after")."""
    sp.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD",
                    help=f"{what} on/after" if what else None)
    sp.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD",
                    help=f"{what} on/before" if what else None)
