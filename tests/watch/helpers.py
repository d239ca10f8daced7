"""Helpers of the watch tests, and the local web site the `site` fixture serves (127.0.0.1, a random port,
a thread): feeds and article pages that change between rounds, go down, answer 304/500/garbage, redirect in
a loop. No test touches the internet.

`site.route(path, body, ...)` sets what a path serves; `site.requests` records what was asked (path and
headers), so a test can check that a second round sent the validators it was given.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from marsad.store import open_store
from marsad.watch import Fetcher, Settings, Watcher

NONE = ("entities", "dates", "quotes", "events")  # annotation off: these tests are about reading sources

_PLACES = ["القاهرة", "عمان", "بيروت", "تونس", "الرباط", "الخرطوم", "بغداد", "دمشق", "الرياض", "الدوحة",
           "مسقط", "صنعاء", "طرابلس", "الجزائر", "نواكشوط", "المنامة"]


def arabic(n: int, words: int = 40) -> str:
    """A distinct Arabic article body of about `words` words (n picks the city and the figures)."""
    city = _PLACES[n % len(_PLACES)]
    sentence = (f"أعلنت وزارة الصحة في {city} يوم الأحد أن عدد المصابين بلغ {n + 3} حالة جديدة، وقال المتحدث "
                f"باسم الوزارة إن الفرق الطبية تواصل عملها في المستشفيات والمراكز الصحية في المدينة منذ الصباح. ")
    out = sentence
    while len(out.split()) < words:
        out += (f"وأضاف المسؤول أن الحكومة في {city} خصصت مبالغ إضافية لدعم القطاع الصحي وشراء المعدات اللازمة "
                f"للمستشفيات خلال الأسابيع المقبلة، مؤكدا أن الوضع تحت السيطرة. ")
    return out.strip()


def rss(items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 feed of `items` (keys: guid, title, link, description, content)."""
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
             "<title>أخبار</title><link>http://news.test/</link><description>test</description>"]
    for it in items:
        parts.append("<item>")
        for tag in ("guid", "title", "link", "description"):
            if it.get(tag):
                parts.append(f"<{tag}>{escape(it[tag])}</{tag}>")
        if it.get("content"):
            parts.append(f"<content:encoded>{escape(it['content'])}</content:encoded>")
        parts.append("<pubDate>Sun, 07 Jan 2024 10:00:00 GMT</pubDate></item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


def article_page(n: int, words: int = 150) -> bytes:
    """An HTML news page whose article body is `arabic(n, words)`, with site chrome around it."""
    body = arabic(n, words)
    paras = "".join(f"<p>{escape(s.strip())}.</p>" for s in body.split(".") if s.strip())
    return (f'<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر {n}</title></head><body>'
            f'<nav><a href="/">الرئيسية</a> <a href="/x">سياسة</a></nav><article><h1>خبر رقم {n}</h1>{paras}'
            f"</article><footer>جميع الحقوق محفوظة</footer></body></html>").encode()


NOT_ARTICLE = ('<!doctype html><html><head><meta charset="utf-8"><title>الرئيسية</title></head><body><nav>'
               '<a href="/a">سياسة</a> <a href="/b">اقتصاد</a> <a href="/c">رياضة</a></nav></body></html>').encode()


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False  # close the connection without answering (the network dropped)
    delay: float = 0.0


@dataclass
class Site:
    """What the server serves; tests change it between rounds."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    on_request: Callable[[str], None] | None = None
    base: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: bytes = b"", **kw: Any) -> Route:
        self.routes[path] = Route(body, **kw)
        return self.routes[path]

    def feed(self, path: str, items: list[dict[str, str]], *, version: int = 1) -> Route:
        """A feed with validators (an ETag and a Last-Modified that change with `version`)."""
        return self.route(path, rss(items), etag=f'"v{version}"',
                          last_modified=formatdate(1_700_000_000 + version * 60, usegmt=True))

    def asked(self, path: str) -> list[dict[str, str]]:
        """The headers of every request for `path`, in order."""
        with self.lock:
            return [h for p, h in self.requests if p == path]


class Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        site = self.site
        with site.lock:
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        if site.on_request:
            site.on_request(self.path)
        r = site.routes.get(self.path)
        if r is None:
            return self._send(404, b"not found", "text/plain")
        if r.delay:
            time.sleep(r.delay)
        if r.drop:
            self.close_connection = True
            return
        fresh = (r.etag and self.headers.get("If-None-Match") == r.etag) or (
            r.last_modified and not r.etag and self.headers.get("If-Modified-Since") == r.last_modified)
        if fresh and r.status == 200:
            return self._send(304, b"", None, r)
        self._send(r.status, r.body, r.content_type, r)

    def _send(self, status: int, body: bytes, ctype: str | None, r: Route | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if r is not None:
            if r.etag:
                self.send_header("ETag", r.etag)
            if r.last_modified:
                self.send_header("Last-Modified", r.last_modified)
            for k, v in r.headers.items():
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def fast_fetcher(stop: threading.Event | None = None, **kw: Any) -> Fetcher:
    """A fetcher with no politeness wait and tiny backoffs, so retries cost milliseconds."""
    opts: dict[str, Any] = {"delay": 0.0, "timeout": 5.0, "retries": 2, "backoff": 0.01}
    opts.update(kw)
    return Fetcher(sleep=(stop or threading.Event()).wait, **opts)


def make_watcher(db: str, *, stop: threading.Event | None = None, messages: list[str] | None = None,
                 pipeline: Any = None, **settings: Any) -> Watcher:
    """A watcher on `db` with annotation off (or `pipeline`), collecting its stderr lines in `messages`."""
    from marsad.annotate.pipeline import Pipeline

    stop = stop or threading.Event()
    log = messages.append if messages is not None else (lambda m: None)
    make = (lambda: pipeline) if pipeline is not None else (lambda: Pipeline(disable=NONE))
    return Watcher(db, make, fast_fetcher(stop), stop, log, Settings(**settings))


def count(db: str, sql: str, params: tuple[Any, ...] = ()) -> int:
    with open_store(db) as store:
        return int(store.conn.execute(sql, params).fetchone()[0])


def rows(db: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with open_store(db) as store:
        return [tuple(r) for r in store.conn.execute(sql, params).fetchall()]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
