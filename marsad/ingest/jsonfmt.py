"""JSON inputs: one article object, JSON Lines, and (possibly huge) JSON arrays such as SaudiNewsNet.

Arrays are split item by item by `jsonscan` and JSONL is read line by line, each record within `--max-mb`,
so a multi-gigabyte dump never sits in memory. One broken record or line becomes an `IngestError` naming
it; the records around it are still read, because losing a whole corpus file to one truncated line is
worse than reporting it.
"""

from __future__ import annotations

import html as _html
import io
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from marsad.document import Document
from marsad.ingest.dates import iso_date
from marsad.ingest.encoding import decode_utf8
from marsad.ingest.errors import MB, IngestError, too_big
from marsad.ingest.jsonscan import DEEP, BrokenArray, Refused, array_items, too_deep
from marsad.ingest.outlets import host, outlet_name
from marsad.ingest.plaintext import build_document

_TEXT_FIELDS = ("text", "content", "body", "article")
_DATE_FIELDS = ("published", "date", "date_published", "published_at", "pubDate", "date_extracted")
_SPACE = re.compile(r"[\s\u00a0]+")
_LINE_CHUNK = 1 << 20


def _str(value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None


def _author(value: Any) -> str | None:
    s = _str(value)
    if s and "&" in s:
        s = _html.unescape(s)
    return _SPACE.sub(" ", s).strip() or None if s else None


def record_document(obj: Any, source: str) -> Document | IngestError:
    """A `Document` from one JSON record (SaudiNewsNet fields or the annotate contract fields)."""
    if not isinstance(obj, dict):
        return IngestError(source, f"expected a JSON object with a \"text\" field, found {type(obj).__name__}")
    field = next((f for f in _TEXT_FIELDS if isinstance(obj.get(f), str)), None)
    if field is None:
        return IngestError(source, 'no "text" or "content" field in the JSON object')
    text = obj[field]
    if not text.strip():
        return IngestError(source, f'empty "{field}" field; nothing to read')
    url = _str(obj.get("url")) or _str(obj.get("link"))
    published = None
    for f in _DATE_FIELDS:
        if obj.get(f):
            published = iso_date(obj[f])
            if published:
                break
    ident = obj.get("id")
    return build_document(
        text,
        source=source,
        title=_str(obj.get("title")),
        published=published,
        outlet=outlet_name(obj.get("outlet")) or host(url) or outlet_name(obj.get("source")),
        url=url,
        author=_author(obj.get("author")),
        external_id=None if ident is None else str(ident),
    )


def _describe(e: json.JSONDecodeError, line: str) -> str:
    what = e.msg.split(" starting at")[0]
    what = what[0].lower() + what[1:]
    # A string still open at the end of the line, or a value cut off there, means the line was truncated.
    if what.startswith("unterminated string") or e.pos >= len(line.rstrip()) - 1:
        return f"truncated JSON ({what})"
    return f"invalid JSON ({what} at column {e.colno})"


def read_json(text: str, source: str) -> Iterator[Document | IngestError]:
    """A whole (size-checked) JSON file: one object, or a small array."""
    if too_deep(text):
        yield IngestError(source, f"{DEEP}; news records are flat objects")
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        yield IngestError(source, f"{_describe(e, text)} at line {e.lineno}; fix the JSON or export it again")
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield record_document(item, f"{source}[{i}]")
    else:
        yield record_document(value, source)


class _Utf8Recoder(io.RawIOBase):
    """Bytes in UTF-8 from a text stream in any codec: the array scanner and JSONL lines work on UTF-8."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while not self._pending:
            chunk = self._text.read(1 << 15)
            if not chunk:
                return 0
            self._pending = chunk.encode("utf-8", errors="replace")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def _utf8_stream(stream: BinaryIO, encoding: str) -> BinaryIO:
    """The stream as UTF-8 bytes without BOM: read as is when it already is, recoded otherwise."""
    if encoding == "utf-8":
        return stream
    if encoding == "utf-8-sig":
        stream.read(3)
        return stream
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace")
    return io.BufferedReader(_Utf8Recoder(text), buffer_size=1 << 16)


def _loads(raw: bytes, where: str) -> Any:
    """One JSON value from UTF-8 bytes; a few invalid bytes are replaced (with a warning), not fatal."""
    return json.loads(decode_utf8(raw, where))


def _skip_line(lines: BinaryIO, first: bytes) -> int:
    """Read past the rest of an over-long line without holding it; its length in bytes."""
    size = len(first)
    chunk = first
    while chunk and not chunk.endswith(b"\n"):
        chunk = lines.readline(_LINE_CHUNK)
        size += len(chunk)
    return size


def read_jsonl(stream: BinaryIO, source: str, encoding: str, *, max_mb: float) -> Iterator[Document | IngestError]:
    """One record per line; a bad line is reported as "file:LINE" and the rest of the file is read.

    Lines are read with a length limit, so one endless line costs at most `max_mb` of memory.
    """
    lines = _utf8_stream(stream, encoding)
    limit = int(max_mb * MB)
    n = 0
    while raw := lines.readline(limit + 1):
        n += 1
        where = f"{source}:{n}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = _skip_line(lines, raw)
            yield IngestError(where, f"line {n}: {too_big('record', size, max_mb)}; the rest of the file was read")
            continue
        if not raw.strip():
            continue
        if too_deep(raw):
            yield IngestError(where, f"line {n}: {DEEP}; the rest of the file was read")
            continue
        try:
            obj = _loads(raw, where)
        except json.JSONDecodeError as e:
            line = raw.decode("utf-8", errors="replace")
            yield IngestError(where, f"line {n}: {_describe(e, line)}; the rest of the file was read")
            continue
        yield record_document(obj, where)


def read_json_array(
    stream: BinaryIO, source: str, encoding: str, *, max_mb: float
) -> Iterator[Document | IngestError]:
    """Stream a top-level JSON array item by item (SaudiNewsNet files are ~12 MB each, dumps can be GBs).

    `array_items` holds one item at a time, refusing one over `max_mb` or nested too deep; the items
    around a refused one are still read. A broken array ends with one error after the items before it.
    """
    count = 0
    try:
        for item in array_items(_utf8_stream(stream, encoding), int(max_mb * MB)):
            where = f"{source}[{count}]"
            count += 1
            if isinstance(item, Refused):
                what = DEEP if item.deep else too_big("record", item.size, max_mb)
                yield IngestError(where, f"{what}; the other items were read")
                continue
            try:
                obj = _loads(item, where)
            except json.JSONDecodeError as e:
                count -= 1
                raise BrokenArray(f"{_describe(e, item.decode('utf-8', 'replace'))} in item {count}") from None
            yield record_document(obj, where)
    except BrokenArray as e:
        yield IngestError(
            source,
            f"truncated or invalid JSON array after {count} items ({e}); the items before it were read",
        )
