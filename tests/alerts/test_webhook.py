"""Webhook delivery: JSON POSTs from a background thread, retried after a 5xx, never blocking the caller,
marked delivered in the store; a hopeless endpoint is one line on stderr."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from marsad.alerts import add_rule, deliver, evaluate, wait
from marsad.alerts import webhook as W


class Hook:
    """A local endpoint: records every POST body; answers from `statuses` in turn (then 200)."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.statuses: list[int] = []
        self.delay = 0.0
        self.lock = threading.Lock()
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                time.sleep(hook.delay)
                with hook.lock:
                    status = hook.statuses.pop(0) if hook.statuses else 200
                    hook.bodies.append({"status": status, "type": self.headers["Content-Type"],
                                        "json": json.loads(body)})
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook?token=s3cret"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch) -> Iterator[Hook]:
    monkeypatch.setattr(W, "BACKOFF", 0.05)
    monkeypatch.setattr(W, "TIMEOUT", 5.0)
    h = Hook()
    yield h
    assert wait(10)
    h.close()


def _ids(store: Any) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid")]


def _delivered(store: Any) -> dict[int, int]:
    return {r[0]: r[1] for r in store.conn.execute("SELECT id, delivered FROM alerts")}


def test_posts_json_retries_after_500_and_marks_delivered(store: Any, hook: Hook) -> None:
    add_rule(store, contradiction="لافروف", webhook=hook.url)
    add_rule(store, entity="روسيا")  # no webhook: nothing posted for it
    hook.statuses = [500]
    new = evaluate(store, _ids(store))
    posted = [a for a in new if a["kind"] == "contradiction"]
    assert posted and len(posted) < len(new)
    assert deliver(new) == len(posted)
    assert wait(10)
    assert [b["status"] for b in hook.bodies] == [500] + [200] * len(posted)  # the first try was retried
    assert hook.bodies[0]["json"] == hook.bodies[1]["json"]
    got = [b["json"] for b in hook.bodies[1:]]
    assert [g["id"] for g in got] == [a["id"] for a in posted]
    assert got[0]["evidence"]["type"] == "contradiction" and got[0]["summary"] == posted[0]["summary"]
    assert "webhook" not in got[0] and "s3cret" not in json.dumps(got)
    assert hook.bodies[0]["type"].startswith("application/json")
    done = _delivered(store)
    assert all(done[a["id"]] == 1 for a in posted)
    assert all(done[a["id"]] == 0 for a in new if a not in posted)


def test_delivery_never_blocks_the_caller(store: Any, hook: Hook) -> None:
    add_rule(store, entity="داعش", webhook=hook.url)
    hook.delay = 0.3  # a slow endpoint: every POST takes 0.3 s
    t0 = time.monotonic()
    new = evaluate(store, _ids(store))
    queued = deliver(new)
    elapsed = time.monotonic() - t0
    assert queued == len(new) >= 5
    assert elapsed < 0.3 * 2, elapsed  # evaluate + deliver returned long before the POSTs could finish
    assert len(hook.bodies) < len(new)
    hook.delay = 0.0
    assert wait(30)
    assert len(hook.bodies) == len(new)


def test_a_failing_endpoint_is_one_line_and_stays_undelivered(store: Any, hook: Hook,
                                                              capfd: pytest.CaptureFixture[str]) -> None:
    add_rule(store, contradiction="لافروف", webhook=hook.url)
    hook.statuses = [503] * 50
    new = evaluate(store, _ids(store))
    deliver(new[:1])
    assert wait(10)
    assert len(hook.bodies) == W.ATTEMPTS
    err = capfd.readouterr().err
    lines = [x for x in err.splitlines() if "webhook" in x]
    assert len(lines) == 1 and "HTTP 503" in lines[0] and "giving up" in lines[0]
    assert "s3cret" not in err  # the URL's path and query (often a token) stay out of logs
    assert _delivered(store)[new[0]["id"]] == 0


def test_a_client_error_is_not_retried(store: Any, hook: Hook) -> None:
    add_rule(store, contradiction="لافروف", webhook=hook.url)
    hook.statuses = [404] * 5
    deliver(evaluate(store, _ids(store))[:1])
    assert wait(10)
    assert len(hook.bodies) == 1


def test_an_unreachable_endpoint_is_given_up(store: Any, monkeypatch: pytest.MonkeyPatch,
                                             capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(W, "BACKOFF", 0.01)
    monkeypatch.setattr(W, "TIMEOUT", 1.0)
    add_rule(store, contradiction="لافروف", webhook="http://127.0.0.1:9/nothing-listens")
    deliver(evaluate(store, _ids(store))[:1])
    assert wait(20)
    assert "giving up" in capfd.readouterr().err


def test_a_full_queue_drops_instead_of_blocking(store: Any, monkeypatch: pytest.MonkeyPatch,
                                                capfd: pytest.CaptureFixture[str]) -> None:
    import queue

    full: queue.Queue[Any] = queue.Queue(maxsize=1)
    full.put(None)
    monkeypatch.setattr(W, "_started", lambda: full)
    a = W.Alert({"id": 1}, webhook="http://127.0.0.1:9/x")
    t0 = time.monotonic()
    assert deliver([a]) == 0
    assert time.monotonic() - t0 < 0.5
    assert "queue full" in capfd.readouterr().err
