"""Format detection from the first bytes of a source, and a stream that keeps those bytes.

Files arrive with wrong or missing extensions (stdin has none, archive members are named by whoever built
the archive), so the format is read from the content; the extension only breaks ties the content leaves
open (a one-line .jsonl file). Sniffing must not consume a stream that cannot seek (stdin, a zip member),
so the head is kept and replayed in front of the rest by `Replay`.
"""

from __future__ import annotations

import io
import json
import re
from typing import BinaryIO

from marsad.ingest.encoding import binary_reason, detect

HEAD_SIZE = 65536

ZIP = "zip"
BINARY = "binary"
EMPTY = "empty"
UNDECODABLE = "undecodable"
JSON = "json"  # one object: one article
JSONL = "jsonl"
JSON_ARRAY = "json-array"
FEED = "feed"
HTML = "html"
TEXT = "text"

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|section|main|meta|title|table|h[1-6])[\s>/]", re.IGNORECASE)
_MARKUP_START = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<", re.DOTALL)


class Replay(io.RawIOBase):
    """A read-only stream that returns `head` first, then the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._pos = 0
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        left = len(self._head) - self._pos
        if left > 0:
            n = min(left, len(buffer))
            buffer[:n] = self._head[self._pos : self._pos + n]
            self._pos += n
            return n
        data = self._stream.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


def replay(head: bytes, stream: BinaryIO) -> io.BufferedReader:
    """Buffered stream over head + rest; iterating it yields lines, `read()` returns bytes."""
    return io.BufferedReader(Replay(head, stream), buffer_size=1 << 16)


def _first_json_lines(text: str) -> tuple[bool, bool]:
    """(first line is a complete JSON value, a later non-blank line starts another object)."""
    lines = text.split("\n")
    if len(lines) < 2:
        return False, False
    first_ok = True
    try:
        json.loads(lines[0])
    except (ValueError, RecursionError):  # a line nested too deep for `json` is no record either
        first_ok = False
    later = next((ln.strip() for ln in lines[1:] if ln.strip()), "")
    second_ok = False
    if later.startswith("{"):
        try:
            json.loads(later)
            second_ok = True
        except (ValueError, RecursionError):
            second_ok = False
    return first_ok, second_ok or (first_ok and bool(later))


def sniff(head: bytes, *, complete: bool, name: str = "") -> tuple[str, str | None, str | None]:
    """(format, encoding, detail) of a source whose first bytes are `head`.

    `complete` says `head` is the whole source. `detail` explains BINARY and UNDECODABLE results.
    """
    if head.startswith(_ZIP_MAGIC):
        return ZIP, None, None
    reason = binary_reason(head)
    if reason:
        return BINARY, None, reason
    try:
        encoding = detect(head, complete=complete)
    except ValueError as e:
        return UNDECODABLE, None, str(e)
    text = head.decode(encoding, errors="ignore")
    stripped = text.lstrip("\ufeff \t\r\n\u00a0")
    if not stripped.strip():
        return (EMPTY, encoding, None) if complete else (TEXT, encoding, None)
    lower = name.lower()
    c = stripped[0]
    if c == "[":
        return JSON_ARRAY, encoding, None
    if c == "{":
        if lower.endswith((".jsonl", ".ndjson", ".jsonlines")):
            return JSONL, encoding, None
        _, more = _first_json_lines(stripped)
        return (JSONL if more else JSON), encoding, None
    if _MARKUP_START.match(stripped):
        window = stripped[:4096]
        if _FEED.search(window):
            return FEED, encoding, None
        return HTML, encoding, None
    if _HTML.search(stripped[:2048]) and re.search(r"<(?:!doctype\s+html|html)[\s>]", stripped[:2048], re.I):
        return HTML, encoding, None
    return TEXT, encoding, None
