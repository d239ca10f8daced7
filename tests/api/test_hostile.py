"""Hostile clients (issue 20): slow or huge request heads, costly searches, foreign Host names, bodies sent
without a token, and what a document's record tells about the server's disk."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from .conftest import LOCAL, ROOT, TOKEN


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db: Path, **overrides: Any) -> Iterator[str]:
    """The app on uvicorn with `serve`'s own options (`overrides` replace some), in a background thread."""
    import uvicorn

    from marsad.api.server import create_app, server_options

    opts = server_options("127.0.0.1", _free_port()) | overrides
    server = uvicorn.Server(uvicorn.Config(create_app(str(db), cache_mb=0), lifespan="on", **opts))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{opts['port']}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _status(sock: socket.socket, timeout: float) -> int | None:
    """The status code of what the server wrote on `sock` (None: nothing came, the socket is still open)."""
    sock.settimeout(timeout)
    try:
        head = sock.recv(64)
    except TimeoutError:
        return None
    if not head:
        return 0  # closed without an answer
    return int(head.split()[1]) if head.startswith(b"HTTP/") else -1


def test_half_sent_requests_are_dropped_and_others_served(store_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20.4: a client holding more half-sent requests than the server's connection limit made every
    other request get 503 for as long as it held them. Now each is answered 408 and closed once its head
    is late, and the server takes requests again."""
    from marsad.api.guard import GuardedHttpToolsProtocol

    monkeypatch.setattr(GuardedHttpToolsProtocol, "header_timeout_s", 1.0)
    with live_server(store_db, limit_concurrency=20) as base:
        host, port = base.removeprefix("http://").split(":")
        held = []
        for _ in range(24):
            s = socket.create_connection((host, int(port)))
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")  # never finished
            held.append(s)
        started = time.monotonic()
        served = None
        while time.monotonic() - started < 8:
            try:
                r = httpx.get(f"{base}/api/stats", timeout=2)
                if r.status_code == 200:
                    served = time.monotonic() - started
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        codes = [_status(s, 3) for s in held]
        for s in held:
            s.close()
    assert served is not None and served < 5, "other clients were starved by half-sent requests"
    assert codes == [408] * len(held)


def test_huge_request_head_is_refused(store_db: Path) -> None:
    """Issue 20.4: a 50 MB header was read whole. Now the head is cut off past 64 KB: 431 and the
    connection closed (the client may see the close as a reset, if it was still sending)."""
    with live_server(store_db) as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port))) as s:
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\nX-Big: ")
            sent, status = 0, None
            try:
                while sent < 8_000_000 and status is None:
                    s.sendall(b"a" * 65536)
                    sent += 65536
                    status = _status(s, 0.01)
                if status is None:
                    status = _status(s, 2)
            except (BrokenPipeError, ConnectionResetError):
                status = 0  # closed on us while we were still sending
        assert status in (431, 0) and sent < 2_000_000, (status, sent)
        assert httpx.get(f"{base}/api/stats", timeout=10).status_code == 200


def _slow_search(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Every search takes `seconds` longer, as a costly query on a large store does."""
    from marsad.store.sqlite import SqliteStore

    original = SqliteStore.search

    def slow(self: SqliteStore, *args: Any, **kwargs: Any) -> Any:
        time.sleep(seconds)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SqliteStore, "search", slow)


def test_costly_searches_do_not_hold_up_other_requests(store_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20.4: searches ran on the event loop, so 200 costly ones made /api/stats wait 39 s. Now they
    run on a bounded pool: the rest of the API answers meanwhile and searches beyond the queue get 503."""
    from marsad.api.searchpool import SearchLimits
    from marsad.api.server import create_app

    _slow_search(monkeypatch, 0.5)
    app = create_app(str(store_db), cache_mb=0, search=SearchLimits(threads=1, queue=1, seconds=30))
    with TestClient(app, base_url=LOCAL) as c, ThreadPoolExecutor(8) as pool:
        assert c.get("/api/stats").status_code == 200  # warm
        searches = [pool.submit(c.get, "/api/search", params={"q": f"سوريا OR خبر{i}"}) for i in range(6)]
        time.sleep(0.2)
        t0 = time.monotonic()
        assert c.get("/api/stats").status_code == 200
        stats_wait = time.monotonic() - t0
        codes = sorted(f.result().status_code for f in searches)
    assert stats_wait < 0.4, f"/api/stats waited {stats_wait:.2f} s behind searches"
    assert codes.count(503) >= 3 and set(codes) <= {200, 503}
    busy = [f.result().json()["detail"] for f in searches if f.result().status_code == 503]
    assert busy[0] == "too many searches at once; try again in a moment"


@pytest.fixture(scope="module")
def big_stores(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Callable[[str], str]:
    """A store of 4000 generated articles sharing words, per backend, built on first use."""
    from marsad.document import Document
    from marsad.store import open_store

    made: dict[str, str] = {}
    words = [f"كلمة{chr(0x628 + i % 20)}{chr(0x628 + i // 20 % 20)}" for i in range(400)]

    def make(backend: str) -> str:
        if backend not in made:
            if backend == "postgres":
                url = request.getfixturevalue("pg_server").create_db("bigsearch")
            else:
                url = str(tmp_path_factory.mktemp("big") / "big.db")
            with open_store(url, batch_size=500) as st:
                for i in range(4000):
                    body = " ".join(words[(i * 7 + k * 13) % 400] for k in range(60))
                    st.add(Document(text=f"خبر رقم {i}\n\n{body}", title=f"خبر رقم {i}", source=f"gen{i}"))
            made[backend] = url
        return made[backend]

    return make


def test_a_search_past_its_time_limit_is_stopped(backend: str, big_stores: Callable[[str], str]) -> None:
    """Issue 20.4: a search had no time limit. Now SQLite's progress handler or PostgreSQL's
    statement_timeout stops it and the client gets 503 with the reason; the next search runs normally."""
    from marsad.api.searchpool import SearchLimits
    from marsad.api.server import create_app

    app = create_app(big_stores(backend), cache_mb=0, search=SearchLimits(threads=1, queue=0, seconds=0.001))
    with TestClient(app, base_url=LOCAL) as c:
        r = c.get("/api/search", params={"q": "كلمة* OR خبر OR رقم"})
        assert r.status_code == 503, r.text[:200]
        assert r.json()["detail"].startswith("the search took longer than 0.001 s and was stopped; narrow it")
        assert c.get("/api/stats").status_code == 200
    roomy = create_app(big_stores(backend), cache_mb=0, search=SearchLimits(threads=1, queue=0, seconds=60))
    with TestClient(roomy, base_url=LOCAL) as c:
        assert c.get("/api/search", params={"q": "كلمة* OR خبر OR رقم"}).json()["items"]


@pytest.mark.parametrize("host,ok", [("localhost", True), ("localhost:8765", True), ("127.0.0.1:8765", True),
                                     ("[::1]:8765", True), ("10.1.2.3", True), ("evil.example", False),
                                     ("evil.example:8765", False), ("127.0.0.1.nip.io", False)])
def test_host_header_is_checked(store_db: Path, host: str, ok: bool) -> None:
    """Issue 20.13: any Host was served, so a page on another site could rebind its DNS name to 127.0.0.1
    and read a local server. Only localhost, IP addresses and --allowed-host names are served now."""
    from marsad.api.server import create_app

    with TestClient(create_app(str(store_db)), base_url=LOCAL) as c:
        r = c.get("/api/stats", headers={"host": host})
        assert (r.status_code == 200) is ok
        if not ok:
            name = host.split(":")[0]
            assert r.status_code == 400
            assert r.json()["detail"] == (f"this server does not serve the host {name!r}; start it with "
                                          f"--allowed-host {name} to accept that name")
    with TestClient(create_app(str(store_db), allowed_hosts=["evil.example"]), base_url=LOCAL) as c:
        assert c.get("/api/stats", headers={"host": "evil.example:80"}).status_code == 200


@pytest.mark.parametrize("body", [b"{not json", b"[]" * 10, json.dumps({"text": ""}).encode(),
                                  json.dumps({"text": "x", "evil": 1}).encode()])
def test_token_is_checked_before_the_body(writable: TestClient, client: TestClient, body: bytes) -> None:
    """Issue 20.13: a POST body was parsed and validated (422, with details) before the token was looked
    at. Now a request without the right token is refused first, whatever its body."""
    headers = {"content-type": "application/json"}
    r = writable.post("/api/documents", content=body, headers=headers)
    assert r.status_code == 401 and r.json()["detail"].startswith("missing or wrong API token")
    r = writable.post("/api/documents", content=body, headers=headers | {"authorization": "Bearer wrong"})
    assert r.status_code == 401
    assert client.post("/api/documents", content=body, headers=headers).status_code == 403
    r = writable.post("/api/documents", content=body, headers=headers | {"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422  # with the token, the body's faults are reported as before


def test_document_source_shows_no_server_paths(client: TestClient) -> None:
    """Issue 20.13: `source` in /api/documents/{id} was the server's absolute file path."""
    ids = [d["id"] for d in client.get("/api/documents").json()["items"]]
    for doc_id in ids:
        source = client.get(f"/api/documents/{doc_id}").json()["source"]
        assert source and "/" not in source and str(ROOT) not in source
        assert source.endswith(".txt") or source.endswith(".html") or ":" in source
        assert str(ROOT) not in client.get(f"/documents/{doc_id}").text
