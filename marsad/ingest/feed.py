"""RSS/Atom feeds: one document per item, from the item's title, link, date and content or summary.

Feeds are how many Arabic outlets publish, and an item often carries only a teaser in HTML; it is still
a dated, sourced news statement. Items are independent: one without Arabic text or without any text is
reported and the others go on.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Iterator
from typing import Any

import feedparser

from marsad.document import Document
from marsad.ingest.dates import iso_date
from marsad.ingest.errors import IngestError
from marsad.ingest.html import html_to_text
from marsad.ingest.outlets import host
from marsad.ingest.plaintext import build_document


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return _dt.datetime.fromtimestamp(calendar.timegm(t), tz=_dt.UTC).date().isoformat()
            except (OverflowError, ValueError, TypeError):
                pass
    for key in ("published", "updated", "created", "dc_date"):
        value = iso_date(entry.get(key))
        if value:
            return value
    return None


def _entry_body(entry: Any) -> str:
    """The fullest text an item offers: content:encoded / Atom content, else the summary."""
    best = ""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    if len(summary) > len(best):
        best = summary
    return html_to_text(best)


def read_feed(data: bytes, source: str) -> Iterator[Document | IngestError]:
    """Every item of an RSS or Atom document (`data` is the raw file; feedparser reads its encoding)."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({str(problem).splitlines()[0]})" if problem else ""
        yield IngestError(source, f"feed has no items{detail}")
        return
    feed_outlet = feed_host(parsed)
    for i, entry in enumerate(entries, 1):
        yield entry_document(entry, f"{source}#{i}", feed_outlet)


def feed_host(parsed: Any) -> str | None:
    """The outlet a parsed feed names in its own link (items without a link are credited to it)."""
    return host(parsed.feed.get("link")) if parsed.get("feed") else None


def entry_document(entry: Any, source: str, feed_outlet: str | None) -> Document | IngestError:
    """One feedparser entry as a document named `source`, or the error saying why it holds no text.

    Public so that `marsad watch`, which keys items by their guid or link, reads them exactly as ingest does."""
    body = _entry_body(entry)
    title = html_to_text(entry.get("title") or "").strip() or None
    if not body.strip():
        return IngestError(source, "feed item has no text besides its title" if title else "feed item is empty")
    link = entry.get("link") or None
    return build_document(
        body,
        source=source,
        title=title,
        published=_entry_date(entry),
        outlet=host(link) or feed_outlet,
        url=link,
        author=entry.get("author") or None,
    )
