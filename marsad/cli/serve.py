"""`marsad serve`: the REST API and the Arabic web pages over a store."""

from __future__ import annotations

import argparse

from marsad.cli.common import EXIT_USAGE, add_db, err


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("serve", help="serve the REST API and the Arabic web interface",
                        description="Serve the store read-only: web pages at /, JSON API at /api, OpenAPI at /docs. "
                        "POST /api/documents (ingest) is enabled only with a token from --token-file or "
                        "$MARSAD_API_TOKEN.")
    add_db(sp)
    sp.add_argument("--host", default="127.0.0.1",
                    help="address to listen on (default 127.0.0.1; to expose the server, put a reverse proxy in "
                         "front of it, see README)")
    sp.add_argument("--port", type=int, default=8765)
    sp.add_argument("--token-file", metavar="FILE", help="file whose first line is the API token for POST")
    sp.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    sp.add_argument("--cache-mb", type=float, default=64.0, metavar="N",
                    help="response cache per process for GET /api answers, in MB (default 64; 0 disables); "
                         "with --workers, the processes also share up to 4x N MB in a temporary file")
    sp.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                    help="a host name clients may use in the Host header besides localhost and IP addresses "
                         "(the name a reverse proxy forwards); repeatable; '*' accepts any")
    sp.add_argument("--search-threads", type=_positive_int, default=4, metavar="N",
                    help="searches run at once per worker (default 4; up to 8x N more wait, then 503)")
    sp.add_argument("--search-seconds", type=_positive_float, default=10.0, metavar="S",
                    help="time limit for one search, after which it is stopped with 503 (default 10)")
    sp.set_defaults(func=cmd_serve)


def _positive_int(s: str) -> int:
    try:
        v = int(s)
    except ValueError:
        v = 0
    if v < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {s!r}")
    return v


def _positive_float(s: str) -> float:
    try:
        v = float(s)
    except ValueError:
        v = 0.0
    if not 0 < v < float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds above 0: {s!r}")
    return v


def cmd_serve(a: argparse.Namespace) -> int:
    from marsad.api.searchpool import SearchLimits
    from marsad.api.server import resolve_token, serve

    try:
        token = resolve_token(a.token_file)
    except ValueError as exc:
        err(str(exc))
        return EXIT_USAGE
    search = SearchLimits(threads=a.search_threads, queue=8 * a.search_threads, seconds=a.search_seconds)
    return serve(a.db, a.host, a.port, token, workers=a.workers, cache_mb=a.cache_mb,
                 allowed_hosts=a.allowed_host, search=search)
