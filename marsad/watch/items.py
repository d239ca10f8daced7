"""A source's items this round: what is there to read, each under the key it is remembered by.

Keys (`watch_items.item_key`) are what "seen" means:
* a feed item: its guid/id, else its link, else a hash of its title and summary (an item with none of
  these is only known by its wording);
* a file: its path (relative to the watched directory) + size + modification time in ns, so a file that
  is rewritten is new and read again (the store makes the changed text a new version of the article).

Reading a source may fail as a whole (`SourceDown`: unreachable, HTTP 500, not a feed); an item's own
problems (not Arabic, empty) are the item's outcome and do not stop the others.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.document import Document
from marsad.ingest import IngestError, iter_documents, walk
from marsad.ingest.errors import too_big
from marsad.ingest.feed import entry_document, feed_host
from marsad.ingest.sniff import FEED, HEAD_SIZE, sniff
from marsad.watch.fetch import Fetcher, FetchError
from marsad.watch.sources import DIRECTORY, FEED_URL, Source
from marsad.watch.state import SourceState


class SourceDown(Exception):
    """The source could not be read this round (its one-line reason); nothing of it is marked seen."""


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to ingest. `read` gives its documents (a file may hold several: JSONL, zip); a feed item
    (`from_feed`, not yet checked for language) has its article URL in `link`, followed when the item
    holds only a summary."""

    key: str | None  # None: a problem to report (an unreadable subdirectory), never marked seen
    label: str
    read: Callable[[], Iterator[Document | IngestError]]
    link: str | None = None
    from_feed: bool = False


@dataclass(frozen=True, slots=True)
class Batch:
    """What a source offered this round: its items, and the validators to store once all are handled
    (for a feed file, its size:mtime in the etag column). `unchanged` when a conditional GET said 304."""

    items: list[Item]
    etag: str | None = None
    last_modified: str | None = None
    unchanged: bool = False


def read_source(source: Source, state: SourceState, fetcher: Fetcher, max_mb: float) -> Batch:
    """The items `source` offers now; raises SourceDown when it cannot be read at all."""
    if source.kind == FEED_URL:
        try:
            resp = fetcher.get(source.name, etag=state.etag, last_modified=state.last_modified)
        except FetchError as exc:
            raise SourceDown(str(exc)) from None
        if resp.not_modified:
            return Batch([], state.etag, state.last_modified, unchanged=True)
        return Batch(feed_items(resp.body, source.name), resp.etag, resp.last_modified)
    if source.kind == DIRECTORY:
        return Batch(directory_items(source.name, max_mb))
    return _file_source(source.name, state, max_mb)


def _file_source(path: str, state: SourceState, max_mb: float) -> Batch:
    """A feed file item by item (skipped whole while its size and mtime are unchanged); any other file
    as one item."""
    try:
        st = os.stat(path)
        with open(path, "rb") as f:
            head = f.read(HEAD_SIZE)
    except OSError as exc:
        raise SourceDown(f"cannot read the file ({exc.strerror or exc})") from None
    fmt, _, _ = sniff(head, complete=len(head) < HEAD_SIZE, name=path)
    if fmt != FEED:
        return Batch([_file_item(path, os.path.basename(path), st, max_mb)])
    stamp = f"{st.st_size}:{st.st_mtime_ns}"
    if state.etag == stamp:
        return Batch([], stamp, unchanged=True)
    if st.st_size > max_mb * 1_000_000:
        raise SourceDown(too_big("feed", st.st_size, max_mb))
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise SourceDown(f"cannot read the file ({exc.strerror or exc})") from None
    return Batch(feed_items(data, path), stamp)


def feed_items(data: bytes, name: str) -> list[Item]:
    """Every item of a feed document; a document with no items that does not parse is not a feed."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        if parsed.get("bozo") or not parsed.get("version"):
            detail = f" ({str(problem).splitlines()[0]})" if problem and str(problem).strip() else ""
            raise SourceDown(f"not a feed, or a malformed one{detail}")
        return []  # a well-formed feed that is empty for now
    outlet = feed_host(parsed)
    items = []
    for i, entry in enumerate(entries, 1):
        link = entry.get("link") or None
        doc = entry_document(entry, link or f"{name}#{i}", outlet)
        items.append(Item(entry_key(entry), link or f"{name}#{i}", _one(doc), link, from_feed=True))
    return items


def entry_key(entry: Any) -> str:
    """A feed entry's key: guid/id, else link, else a hash of its title and summary."""
    for field in ("id", "link"):
        value = (entry.get(field) or "").strip()
        if value:
            return f"{field}:{value}"
    wording = f"{entry.get('title') or ''}\x00{entry.get('summary') or ''}"
    return "sha256:" + hashlib.sha256(wording.encode("utf-8")).hexdigest()


def directory_items(root: str, max_mb: float) -> list[Item]:
    """Every file under `root` (walked as `marsad ingest` walks it), each keyed by path, size and mtime."""
    if not os.path.isdir(root):
        raise SourceDown("no such directory")
    items = []
    for path in walk(root):
        if isinstance(path, IngestError):
            items.append(Item(None, path.source, _one(path)))
            continue
        try:
            st = os.stat(path)
        except OSError:  # removed since the walk listed it
            continue
        items.append(_file_item(path, os.path.relpath(path, root), st, max_mb))
    return items


def _file_item(path: str, rel: str, st: os.stat_result, max_mb: float) -> Item:
    return Item(f"{rel}|{st.st_size}|{st.st_mtime_ns}", path, lambda: iter_documents([path], max_mb=max_mb))


def _one(doc: Document | IngestError) -> Callable[[], Iterator[Document | IngestError]]:
    return lambda: iter([doc])
