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
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8765)
    sp.add_argument("--token-file", metavar="FILE", help="file whose first line is the API token for POST")
    sp.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    sp.add_argument("--cache-mb", type=float, default=64.0, metavar="N",
                    help="response cache per process for GET /api answers, in MB (default 64; 0 disables); "
                         "with --workers, the processes also share up to 4x N MB in a temporary file")
    sp.set_defaults(func=cmd_serve)


def cmd_serve(a: argparse.Namespace) -> int:
    from marsad.api.server import resolve_token, serve

    try:
        token = resolve_token(a.token_file)
    except ValueError as exc:
        err(str(exc))
        return EXIT_USAGE
    return serve(a.db, a.host, a.port, token, workers=a.workers, cache_mb=a.cache_mb)
