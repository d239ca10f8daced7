"""The HTTP server: a thin FastAPI layer over the store, serving the JSON API and the Arabic web pages.

The store is reached through a `Backend` (`marsad.api.backend`): read-only connections, and a writer for
`POST /api/documents` only when an API token is configured. Clients never see a stack trace: unexpected
errors are logged here and answered with a generic 500. Successful GET answers under /api are kept in a
bounded response cache until the store changes, and carry ETags for revalidation (`marsad.api.cache`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.api import pages, reuse_port, routes
from marsad.api.backend import DEFAULT_CACHE_MB, TOKEN_ENV, Backend
from marsad.api.cache import CacheMiddleware
from marsad.api.guard import HostCheck, uvicorn_http_options
from marsad.api.pages import WEB
from marsad.api.searchpool import DEFAULT_SEARCH, SearchLimits
from marsad.api.shared_cache import SharedCache
from marsad.store import redact_url

log = logging.getLogger("marsad.api")

MAX_BODY = 5 * 1024 * 1024  # bytes in one request body
MAX_QUERY = 4096  # bytes in one query string
SHARED_CACHE_FACTOR = 4  # the level shared by worker processes may hold this many times `cache_mb`
SETTINGS_ENV = "MARSAD_SERVE_SETTINGS"  # worker processes: the path of the file holding create_app's arguments

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


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
               shared_cache: str | None = None, *, allowed_hosts: Iterable[str] = (),
               search: SearchLimits = DEFAULT_SEARCH) -> FastAPI:
    """The application for the store at `db`. Ingestion (`POST /api/documents`) is enabled only when
    `token` is given; use `resolve_token()` to read it from the environment or a file. GET answers under
    /api are kept in a response cache of `cache_mb` megabytes (0: no cache, ETags only), backed by the
    file `shared_cache` when worker processes share one (`serve(workers=N)`). Requests must name
    localhost, an IP address or one of `allowed_hosts` in their Host header ("*": any); searches run on
    a bounded pool with a time limit (`search`)."""
    shared = None
    if shared_cache and cache_mb > 0:
        shared = SharedCache(shared_cache, int(cache_mb * 1024 * 1024) * SHARED_CACHE_FACTOR)
    backend = Backend(db, token, cache_mb, shared, search)

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

    app.add_middleware(HostCheck, allowed=tuple(allowed_hosts))
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
    """App factory for worker processes (`serve(workers=N)`): each process opens its own connections.

    Its arguments come from the file named by $MARSAD_SERVE_SETTINGS (readable by this user only, removed
    when the server stops), not from the environment: the token and a database password would otherwise
    sit in every worker's environment, where `ps e` and /proc/PID/environ show them."""
    settings = json.loads(Path(os.environ[SETTINGS_ENV]).read_text(encoding="utf-8"))
    return create_app(settings["db"], settings["token"], settings["cache_mb"], settings["shared_cache"],
                      allowed_hosts=settings["allowed_hosts"], search=SearchLimits(**settings["search"]))


def server_options(host: str, port: int) -> dict[str, Any]:
    """uvicorn's settings for `serve`: connection limits, keep-alive, and the request-head guard."""
    return {"host": host, "port": port, "log_level": "warning", "server_header": False,
            "limit_concurrency": 256, "timeout_keep_alive": 30, **uvicorn_http_options()}


def _write_settings(folder: str, settings: dict[str, Any]) -> Path:
    """`settings` as JSON in a new file only this user can read (the folder is mkdtemp's, also 0700)."""
    path = Path(folder) / "settings.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(settings, f)
    return path


def serve(db: str, host: str = "127.0.0.1", port: int = 8765, token: str | None = None, workers: int = 1,
          cache_mb: float = DEFAULT_CACHE_MB, *, allowed_hosts: Iterable[str] = (),
          search: SearchLimits = DEFAULT_SEARCH) -> int:
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
    allowed_hosts = list(allowed_hosts)
    try:
        app = create_app(db, token, cache_mb, allowed_hosts=allowed_hosts, search=search)
    except (FileNotFoundError, OSError, RuntimeError) as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    where = f"http://{host}:{port}/"
    print(f"marsad: serving {redact_url(db)} on {where} (API docs at {where}docs; ingestion "
          f"{'enabled' if token else 'disabled'}; {workers} worker(s); response cache "
          f"{f'{cache_mb:g} MB' if cache_mb > 0 else 'off'})", file=sys.stderr)
    opts = server_options(host, port)
    if workers > 1:
        app.state.backend.close()
        shm = Path("/dev/shm")
        tmp = tempfile.mkdtemp(prefix="marsad-cache-", dir=shm if shm.is_dir() and os.access(shm, os.W_OK) else None)
        settings = {"db": db, "token": token, "cache_mb": cache_mb, "allowed_hosts": allowed_hosts,
                    "shared_cache": str(Path(tmp) / "responses.db"),
                    "search": {"threads": search.threads, "queue": search.queue, "seconds": search.seconds}}
        os.environ[SETTINGS_ENV] = str(_write_settings(tmp, settings))
        os.environ.pop(TOKEN_ENV, None)  # read already; workers get the token from the settings file
        try:
            if reuse_port.supported():
                return reuse_port.run(workers, opts)
            uvicorn.run("marsad.api.server:_app_from_env", factory=True, workers=workers, **opts)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    else:
        uvicorn.run(app, **opts)
    return 0
