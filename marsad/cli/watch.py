"""`marsad watch`: follow feeds and folders, ingesting what is new every round (`marsad.watch` does it).

Progress bars and the one-line round summary go to stderr; with `--print`, each new alert is one JSON
line on stdout, so `marsad watch … --print | jq` or a pipe into a notifier works.
"""

from __future__ import annotations

import argparse
import signal
import sys
from typing import Any

from marsad.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    add_budget,
    add_db,
    add_disable,
    err,
    json_line,
    terminal_safe,
)
from marsad.store import StoreError, redact_url

WEBHOOK_GRACE_S = 10.0  # how long an exiting watch waits for webhook posts still queued

DESCRIPTION = """\
Follow sources and ingest what is new, round after round: annotate each new document, store it (one
transaction each), run the incremental cross-document pass (as `marsad analyse`) and evaluate alerts.

SOURCES are
  http(s)://…        an RSS/Atom feed, fetched with a conditional GET (ETag / Last-Modified); an item
                     holding only a summary is followed to its article page
  DIR                a directory: files that are new, or changed (path, size or mtime), are read
  FILE               a feed file (read item by item) or any file `marsad ingest` reads
  @FILE, NAME.list   a list file: one source per line (blank lines and #comments skipped; relative
                     paths are relative to the list); re-read every round

What was seen, and each feed's validators and health, are kept in the store (tables watch_sources and
watch_items), so a watch that is stopped or killed restarts where it left off, without duplicates.
A source that is down is retried next round; an item that cannot be used (not Arabic, empty) is
reported once and not retried.

Exit status with --once: 0, or 1 when a source could not be read (or the pass or alerts failed).
Without --once: runs until SIGTERM (exit 0) or Ctrl-C (exit 130), finishing the current document."""

EPILOG = """\
Examples:
  marsad watch https://example.org/rss.xml --every 15m
  marsad watch incoming/ --once --db news.db          # from cron or a systemd timer
  marsad watch @feeds.list --print | tee alerts.jsonl"""


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("watch", help="follow feeds and folders, ingesting what is new every round",
                        description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sp.add_argument("sources", nargs="+", metavar="SOURCE", help="feed URL, directory, file, or @list / .list file")
    add_db(sp)
    sp.add_argument("--every", default="15m", metavar="PERIOD",
                    help="time between the starts of two rounds: 90s, 15m, 1h (default 15m)")
    sp.add_argument("--once", action="store_true", help="run one round and exit (for cron and systemd timers)")
    sp.add_argument("--print", dest="print_alerts", action="store_true",
                    help="print each new alert as one JSON line on stdout")
    add_disable(sp)
    add_budget(sp)
    sp.add_argument("--max-mb", type=float, default=20.0, help="size limit for one article or feed (default 20)")
    sp.add_argument("--delay", type=float, default=1.0, metavar="SECONDS",
                    help="least time between two requests to one host (default 1)")
    sp.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS", help="HTTP timeout (default 20)")
    sp.add_argument("--retries", type=int, default=3, metavar="N",
                    help="retries of a connection error, timeout or 5xx, with exponential backoff (default 3)")
    sp.add_argument("--quiet", action="store_true", help="no progress bars")
    sp.add_argument("--progress", action="store_true", help="progress bars even when stderr is not a terminal")
    sp.set_defaults(func=cmd_watch)


def cmd_watch(a: argparse.Namespace) -> int:
    import threading

    from marsad.watch import Fetcher, Settings, Watcher, parse_every, run_rounds, stop_on_signals
    from marsad.watch.followup import finish_deliveries

    try:
        every = parse_every(a.every)
    except ValueError as exc:
        err(str(exc))
        return EXIT_USAGE
    if a.delay < 0 or a.timeout <= 0 or a.retries < 0 or a.max_mb <= 0:
        err("--delay and --retries must be at least 0, --timeout and --max-mb more than 0")
        return EXIT_USAGE
    stop = threading.Event()
    fetcher = Fetcher(delay=a.delay, timeout=a.timeout, retries=a.retries,
                      max_bytes=int(a.max_mb * 1_000_000), sleep=stop.wait)
    progress = not a.quiet and sys.stderr.isatty() or a.progress
    watcher = Watcher(a.db, _pipeline_factory(a), fetcher, stop, _log,
                      Settings(max_mb=a.max_mb, progress=progress))

    def one_round(n: int) -> Any:
        try:
            report = watcher.round(a.sources, n)
        except (StoreError, ConnectionError, OSError) as exc:
            if a.once:
                raise
            err(f"watch round {n}: {redact_url(a.db)}: {exc}; trying again next round")
            return None
        print(f"marsad: {terminal_safe(report.line())}", file=sys.stderr, flush=True)
        if a.print_alerts:
            for alert in report.alerts:
                print(json_line(alert), flush=True)
        return report

    with stop_on_signals(stop) as got:
        try:
            last = run_rounds(one_round, every=every, once=a.once, stop=stop)
        except KeyboardInterrupt:  # the second Ctrl-C: every stored document is whole, the rest is read next time
            err("interrupted; what was stored is complete, the next round reads the rest")
            return EXIT_INTERRUPTED
        if not finish_deliveries(WEBHOOK_GRACE_S):
            err(f"some webhook posts were still queued after {WEBHOOK_GRACE_S:g}s and are dropped; "
                "the alerts stay in the store (the Alerts page, /api/alerts)")
    if got.get("signal") == signal.SIGINT:
        return EXIT_INTERRUPTED
    if a.once:
        return EXIT_OK if last is not None and last.ok else EXIT_FAILED
    return EXIT_OK


def _pipeline_factory(a: argparse.Namespace) -> Any:
    """A maker of the annotation pipeline, checked now (an unknown --disable is a usage error at once)
    but built on first use, so a round with nothing new loads no model."""
    from marsad.annotate.pipeline import available

    unknown = [n for n in (a.disable or ()) if n not in available()]
    if unknown:
        err(f"unknown pipeline component(s): {', '.join(unknown)}; known: {', '.join(available())}")
        raise SystemExit(EXIT_USAGE)

    def make() -> Any:
        from marsad.annotate.pipeline import Pipeline

        return Pipeline(disable=a.disable or (), budget_s=a.time_budget)

    return make


def _log(message: str) -> None:
    """One `marsad: …` line on stderr that does not break a progress bar being drawn."""
    from tqdm import tqdm

    tqdm.write(f"marsad: {terminal_safe(message)}", file=sys.stderr)
