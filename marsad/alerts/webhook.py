"""Webhook delivery of alerts: JSON POSTs from one background daemon thread, never blocking the caller.

`deliver(alerts)` puts each alert whose rule has a webhook on a bounded queue and returns at once; a
full queue drops the alert's POST with a one-line warning (the alert itself is in the store, with
`delivered` 0) rather than slow the watch loop. The worker POSTs each alert as JSON with a timeout,
retries network errors, 5xx, 408 and 429 with exponential backoff, then marks the alert `delivered` in
the store it came from (its own short connection: the caller's is never touched from this thread).
A delivery that fails for good is logged as one line on stderr.
"""

from __future__ import annotations

import json
import queue
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

QUEUE_SIZE = 1000
TIMEOUT = 10.0  # seconds for one POST
ATTEMPTS = 4
BACKOFF = 1.0  # seconds before the first retry; doubled for each further one
_RETRY_STATUS = {408, 429}


class Alert(dict):
    """An alert as `evaluate` returns it: a plain dict (what is printed and POSTed) that also knows, as
    attributes, its rule's webhook and the store it lives in."""

    def __init__(self, data: dict[str, Any], *, webhook: str | None = None, db: str | None = None) -> None:
        super().__init__(data)
        self.webhook = webhook
        self.db = db


_lock = threading.Lock()
_queue: queue.Queue[tuple[dict[str, Any], str, str | None]] | None = None
_thread: threading.Thread | None = None


def _where(url: str) -> str:
    """A webhook URL fit for a log line: scheme and host only (paths and queries often hold tokens)."""
    try:
        p = urlsplit(url)
        return f"{p.scheme}://{p.hostname or '?'}{':' + str(p.port) if p.port else ''}/…"
    except ValueError:
        return "(unparsable URL)"


def _log(msg: str) -> None:
    print(f"marsad: {msg}", file=sys.stderr, flush=True)


def _started() -> queue.Queue[tuple[dict[str, Any], str, str | None]]:
    global _queue, _thread
    with _lock:
        if _queue is None:
            _queue = queue.Queue(maxsize=QUEUE_SIZE)
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_work, args=(_queue,), name="marsad-webhooks", daemon=True)
            _thread.start()
        return _queue


def deliver(alerts: Iterable[dict[str, Any]], *, db: str | None = None) -> int:
    """Queue the webhook POST of every alert whose rule has a webhook; returns how many were queued.

    Returns at once. `db` names the store to mark delivery in, for alerts that do not carry it."""
    n = 0
    for a in alerts:
        url = getattr(a, "webhook", None)
        if not url:
            continue
        q = _started()
        try:
            q.put_nowait((dict(a), url, getattr(a, "db", None) or db))
            n += 1
        except queue.Full:
            _log(f"alert {a.get('id')}: webhook queue full ({QUEUE_SIZE}); not posted to {_where(url)}")
    return n


def wait(timeout: float) -> bool:
    """Wait until every queued POST is done (delivered or given up); False if `timeout` ran out first."""
    q = _queue
    if q is None:
        return True
    end = time.monotonic() + timeout
    while q.unfinished_tasks:
        if time.monotonic() >= end:
            return False
        time.sleep(0.02)
    return True


def pending() -> int:
    """POSTs queued or in progress."""
    return _queue.unfinished_tasks if _queue is not None else 0


def _work(q: queue.Queue[tuple[dict[str, Any], str, str | None]]) -> None:
    while True:
        alert, url, db = q.get()
        try:
            if _post(alert, url) and db and alert.get("id") is not None:
                _mark(db, int(alert["id"]))
        except Exception as exc:  # one bad alert must never end the worker
            _log(f"alert {alert.get('id')}: webhook delivery failed: {type(exc).__name__}: {exc}")
        finally:
            q.task_done()


def _post(alert: dict[str, Any], url: str) -> bool:
    """POST one alert, with retries; True when the endpoint accepted it (2xx)."""
    body = json.dumps(alert, ensure_ascii=False).encode("utf-8")
    why = ""
    for attempt in range(ATTEMPTS):
        if attempt:
            time.sleep(BACKOFF * 2 ** (attempt - 1))
        req = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8", "User-Agent": "marsad-alerts"})
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:  # noqa: S310 (http(s) only: rules check)
                resp.read(65536)
                return True
        except urllib.error.HTTPError as exc:
            why = f"HTTP {exc.code}"
            if exc.code < 500 and exc.code not in _RETRY_STATUS:
                break
        except (OSError, ValueError) as exc:  # refused, timed out, DNS, a URL urllib cannot use
            why = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"
    _log(f"alert {alert.get('id')}: webhook {_where(url)} failed ({why}); giving up")
    return False


def _mark(db: str, alert_id: int) -> None:
    from marsad.store import open_store

    with open_store(db, create=False) as store:
        store.conn.execute("UPDATE alerts SET delivered=1 WHERE id=?", (alert_id,))
        store.commit()
