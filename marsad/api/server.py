"""The HTTP server: a thin FastAPI layer over the store, serving the JSON API and the Arabic web pages.

Reads go through read-only store connections, one per worker thread (sqlite3 connections are not meant
to be shared between threads, and per-thread connections let queries run in parallel under WAL or on a
PostgreSQL server, whichever `--db` names). Writing
is possible only through `POST /api/documents`, only when an API token is configured, and then through a
single separate read-write connection guarded by a lock. Clients never see a stack trace: unexpected
errors are logged here and answered with a generic 500. Successful GET answers under /api are kept in a
bounded response cache until the store changes, and carry ETags for revalidation (`marsad.api.cache`).
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.api import reuse_port
from marsad.api.cache import CacheMiddleware, ResponseCache
from marsad.api.shared_cache import SharedCache
from marsad.store import SqliteStore, Store, open_store
from marsad.store.queries import generation

log = logging.getLogger("marsad.api")

MAX_BODY = 5 * 1024 * 1024  # bytes in one request body
MAX_QUERY = 4096  # bytes in one query string
WEB = Path(__file__).resolve().parent.parent / "web"
TOKEN_ENV = "MARSAD_API_TOKEN"
DEFAULT_CACHE_MB = 64.0  # response cache per server process; 0 disables it
SHARED_CACHE_FACTOR = 4  # the level shared by worker processes may hold this many times `cache_mb`
# Readers map the SQLite file instead of copying every page out of the OS cache: article texts span
# overflow pages, and the copies were a third to a half of a full-text search's CPU on a 30K-article store.
# All reader threads (and worker processes) share the one mapping through the OS page cache.
READER_MMAP_BYTES = 1 << 30

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class Backend:
    """The store behind the server: per-thread read-only connections, one lazily opened writer."""

    def __init__(self, db: str, token: str | None, cache_mb: float = DEFAULT_CACHE_MB,
                 shared_cache: SharedCache | None = None) -> None:
        self.db = db
        self.token = token or None
        self.cache = ResponseCache(int(max(0.0, cache_mb) * 1024 * 1024), shared=shared_cache)
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self._writer: Store | None = None
        self._pipeline: Any = None
        if self.token:
            # ingestion is enabled, so the store may be created here (and migrated) before readers open it
            self._writer = open_store(db, batch_size=1)
        # fail at start-up, not on the first request, when the store is missing
        self.reader()

    def reader(self) -> Store:
        """This thread's read-only store connection."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, readonly=True)  # on PostgreSQL: default_transaction_read_only
            if isinstance(store, SqliteStore):
                store.conn.execute("PRAGMA query_only=ON")
                store.conn.execute(f"PRAGMA mmap_size={READER_MMAP_BYTES}")
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def check_token(self, authorization: str | None) -> None:
        """Refuse a write unless ingestion is configured (403) and the bearer token matches (401)."""
        if not self.token:
            raise HTTPException(403, f"ingestion is disabled on this server: start it with {TOKEN_ENV} set or "
                                     "--token-file to accept documents")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token.encode()):
            raise HTTPException(401, "missing or wrong API token (send 'Authorization: Bearer <token>')",
                                headers={"WWW-Authenticate": "Bearer"})

    def ingest(self, doc: Any) -> tuple[str, Any]:
        """Annotate and store one document; returns (status, annotated document)."""
        from marsad.annotate.pipeline import Pipeline

        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline()
            assert self._writer is not None
            annotated = self._pipeline(doc)
            status = self._writer.add(annotated)
            self._writer.commit()
        if status != "unchanged":
            self.cache.invalidate()
        return status, annotated

    def stamp(self) -> tuple[Any, int]:
        """What cached responses are valid for: the store's generation (moved by any writer, in any
        process) and this process's own invalidation count."""
        return generation(self.reader().conn), self.cache.epoch

    def close(self) -> None:
        with self._lock:
            for s in self._all:
                try:
                    s.conn.close()
                except Exception:  # closing from another thread may fail; the process is ending anyway
                    pass
            self._all.clear()
            if self._writer is not None:
                self._writer.close()
                self._writer = None


class LimitMiddleware:
    """Refuse oversized requests early: long query strings (414) and bodies over the limit (413).

    The declared Content-Length is checked before anything is read; bodies without one (chunked) are
    counted while they stream in, so a lying or absent header cannot get past the limit either.
    """

    def __init__(self, app: Callable[..., Awaitable[None]], max_body: int = MAX_BODY, max_query: int = MAX_QUERY):
        self.app, self.max_body, self.max_query = app, max_body, max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_query:
            await _plain_error(scope, send, 414, f"query string too long (over {self.max_query} bytes)")
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _plain_error(scope, send, 400, "invalid Content-Length header")
                return
            if int(declared) > self.max_body:
                await _plain_error(scope, send, 413, f"request body too large (limit {self.max_body} bytes)")
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_body:
                    raise HTTPException(413, f"request body too large (limit {self.max_body} bytes)")
            return msg

        await self.app(scope, counted, send)


async def _plain_error(scope: Scope, send: Send, status: int, message: str) -> None:
    resp = JSONResponse({"detail": message}, status_code=status)
    await resp(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


class SecurityHeaders:
    """Headers for every response; HTML pages also get a Content-Security-Policy allowing only this origin
    (everything ships with the package, so no third-party host is ever needed). A plain ASGI middleware:
    Starlette's BaseHTTPMiddleware costs about a millisecond a request."""

    _COMMON = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
    _CSP = (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                        b"script-src 'self'; frame-ancestors 'none'")

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_docs = scope.get("path") == "/docs"

        async def with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers") or [])
                have = {k.lower() for k, _ in headers}
                headers += [h for h in self._COMMON if h[0] not in have]
                ctype = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if ctype.startswith(b"text/html") and not is_docs and self._CSP[0] not in have:
                    headers.append(self._CSP)
                msg["headers"] = headers
            await send(msg)

        await self.app(scope, receive, with_headers)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api", "/openapi", "/docs", "/static"))


def create_app(db: str, token: str | None = None, cache_mb: float = DEFAULT_CACHE_MB,
               shared_cache: str | None = None) -> FastAPI:
    """The application for the store at `db`. Ingestion (`POST /api/documents`) is enabled only when
    `token` is given; use `resolve_token()` to read it from the environment or a file. GET answers under
    /api are kept in a response cache of `cache_mb` megabytes (0: no cache, ETags only), backed by the
    file `shared_cache` when worker processes share one (`serve(workers=N)`)."""
    from marsad.api import pages, routes

    shared = None
    if shared_cache and cache_mb > 0:
        shared = SharedCache(shared_cache, int(cache_mb * 1024 * 1024) * SHARED_CACHE_FACTOR)
    backend = Backend(db, token, cache_mb, shared)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        backend.close()
        if shared is not None:
            shared.close()

    app = FastAPI(
        title="marsad",
        version="1",
        summary="Arabic news as a sourced record: who did what to whom, where and when, and who said what.",
        docs_url=None,  # served below from local files: the stock page loads Swagger UI from a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.backend = backend
    # innermost of ours: oversized requests are refused before a lookup, and hits still get security headers
    app.add_middleware(CacheMiddleware, cache=backend.cache, stamp=backend.stamp)
    app.add_middleware(LimitMiddleware)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_html(request):
            return pages.error_page(request, exc.status_code, str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        if _wants_html(request):
            msg = "؛ ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors)
            return pages.error_page(request, 422, msg)
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        if _wants_html(request):
            return pages.error_page(request, 500, "خطأ داخلي في الخادم")
        return JSONResponse({"detail": "internal server error"}, status_code=500)

    app.add_middleware(SecurityHeaders)

    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    _add_docs(app)
    return app


def _add_docs(app: FastAPI) -> None:
    """`/docs`: Swagger UI from the `swagger-ui-bundle` package's local files when installed, else a plain
    server-rendered list of the endpoints; either way nothing is fetched from another host."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        swagger_ui_path = None

    if swagger_ui_path:
        from fastapi.openapi.docs import get_swagger_ui_html

        app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

        @app.get("/docs", include_in_schema=False)
        def docs() -> Response:
            return get_swagger_ui_html(
                openapi_url="/openapi.json", title="marsad API",
                swagger_js_url="/docs-assets/swagger-ui-bundle.js", swagger_css_url="/docs-assets/swagger-ui.css",
                swagger_favicon_url="/static/favicon.svg",
            )
    else:
        from marsad.api import pages

        @app.get("/docs", include_in_schema=False)
        def docs_plain(request: Request) -> Response:
            return pages.api_docs(request, app.openapi())


def resolve_token(token_file: str | None = None) -> str | None:
    """The API token from `--token-file` (first line) or else the MARSAD_API_TOKEN environment variable."""
    if token_file:
        text = Path(token_file).read_text(encoding="utf-8").strip()
        token = text.splitlines()[0].strip() if text else ""
        if not token:
            raise ValueError(f"{token_file}: the token file is empty")
        return token
    return os.environ.get(TOKEN_ENV) or None


def _app_from_env() -> FastAPI:
    """App factory for worker processes (`serve(workers=N)`): each process opens its own connections."""
    return create_app(os.environ["MARSAD_SERVE_DB"], os.environ.get("MARSAD_SERVE_TOKEN") or None,
                      float(os.environ.get("MARSAD_SERVE_CACHE_MB", DEFAULT_CACHE_MB)),
                      os.environ.get("MARSAD_SERVE_SHARED_CACHE") or None)


def serve(db: str, host: str = "127.0.0.1", port: int = 8765, token: str | None = None, workers: int = 1,
          cache_mb: float = DEFAULT_CACHE_MB) -> int:
    """Run the server until interrupted; returns an exit status for the CLI.

    One process serves most uses; `workers` > 1 starts that many processes on the same port, because a
    single Python process runs one request's Python code at a time whatever the thread pool size (each
    with its own listening socket where the system allows it, `marsad.api.reuse_port`). Each
    process has its own response cache of `cache_mb` megabytes, and the processes share a second level
    (`marsad.api.shared_cache`) in a temporary file that is removed when the server stops."""
    import uvicorn

    if workers > 1 and reuse_port.supported() and not reuse_port.port_free(host, port):
        print(f"marsad: {host}:{port} is already in use; pick another with --port", file=sys.stderr)
        return 1
    try:
        app = create_app(db, token, cache_mb)
    except (FileNotFoundError, OSError, RuntimeError) as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    where = f"http://{host}:{port}/"
    print(f"marsad: serving {db} on {where} (API docs at {where}docs; ingestion "
          f"{'enabled' if token else 'disabled'}; {workers} worker(s); response cache "
          f"{f'{cache_mb:g} MB' if cache_mb > 0 else 'off'})", file=sys.stderr)
    opts: dict[str, Any] = {"host": host, "port": port, "log_level": "warning", "server_header": False,
                            "limit_concurrency": 256, "timeout_keep_alive": 30}
    if workers > 1:
        app.state.backend.close()
        os.environ["MARSAD_SERVE_DB"] = db
        os.environ["MARSAD_SERVE_TOKEN"] = token or ""
        os.environ["MARSAD_SERVE_CACHE_MB"] = str(cache_mb)
        shm = Path("/dev/shm")
        tmp = tempfile.mkdtemp(prefix="marsad-cache-", dir=shm if shm.is_dir() and os.access(shm, os.W_OK) else None)
        os.environ["MARSAD_SERVE_SHARED_CACHE"] = str(Path(tmp) / "responses.db")
        try:
            if reuse_port.supported():
                return reuse_port.run(workers, opts)
            uvicorn.run("marsad.api.server:_app_from_env", factory=True, workers=workers, **opts)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    else:
        uvicorn.run(app, **opts)
    return 0
