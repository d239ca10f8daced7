"""The HTTP layer: a JSON API under /api and the Arabic web pages, both thin layers over store queries.

`create_app(db, token, cache_mb)` builds the FastAPI application; `serve(db, host, port, token)` runs it.
FastAPI, uvicorn and Jinja2 are imported only here, so the rest of marsad works without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(db: str, token: str | None = None, cache_mb: float = 64.0) -> FastAPI:
    from marsad.api.server import create_app as _create

    return _create(db, token, cache_mb)


def serve(*args: Any, **kwargs: Any) -> int:
    from marsad.api.server import serve as _serve

    return _serve(*args, **kwargs)


__all__ = ["create_app", "serve"]
