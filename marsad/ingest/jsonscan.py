"""Structure of JSON bytes without parsing them: nesting depth, and the items of a top-level array.

Parsers keep per-level state (ijson built a path string as long as the depth at every level, so memory grew
with the square of the depth; `json` recurses), which makes a file of brackets a memory or stack bomb. News
records are flat objects, so anything nested deeper than `MAX_DEPTH` is refused before a parser sees it.
Scanning only looks at quotes, brackets and commas (a string is skipped in one search), so it keeps
nothing per level and costs little next to parsing.

`array_items` splits a (possibly huge) top-level array into the raw bytes of each item, holding at most one
item and refusing an item over the size limit or too deep without holding it; `json.loads` then parses each
item. A broken array (cut off, a stray closing bracket) raises `BrokenArray` after the items before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

MAX_DEPTH = 64
DEEP = f"JSON nested deeper than {MAX_DEPTH} levels"

_CHUNK = 1 << 16
_OPEN = frozenset(b"[{")
_QUOTE, _COMMA, _OPEN_ARRAY, _CLOSE_ARRAY, _CLOSE_OBJECT, _BACKSLASH = b'",[]}\\'  # byte values (ints)
_WHITESPACE = b" \t\r\n"
# The rest of a string after its opening quote: stops before the closing quote.
_STRING_REST_B = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*', re.DOTALL)
_STRING_REST_S = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*', re.DOTALL)
_BRACKET_B = re.compile(rb'["\[\]{}]')
_BRACKET_S = re.compile(r'["\[\]{}]')
_STRUCTURE = re.compile(rb'["\[\]{},]')


def too_deep(data: bytes | str, limit: int = MAX_DEPTH) -> bool:
    """True when `data` (one JSON value) nests arrays/objects more than `limit` levels deep.

    Counting brackets first makes the common case (a flat record) two C-level scans.
    """
    if isinstance(data, str):
        bracket, rest, quote, opens = _BRACKET_S, _STRING_REST_S, '"', ("[", "{")
    else:
        bracket, rest, quote, opens = _BRACKET_B, _STRING_REST_B, b'"', (b"[", b"{")
    if data.count(opens[0]) + data.count(opens[1]) <= limit:  # type: ignore[arg-type]
        return False
    depth = 0
    pos = 0
    while m := bracket.search(data, pos):
        c = m.group()
        if c == quote:
            pos = rest.match(data, m.end()).end() + 1  # type: ignore[union-attr]
        elif c in opens:
            depth += 1
            if depth > limit:
                return True
            pos = m.end()
        else:
            depth -= 1
            pos = m.end()
    return False


def _string_end(data: bytes, i: int) -> tuple[int, bool]:
    """(index of the quote closing the string that runs from `i`, or -1; whether the data ends in an open
    escape). `bytes.find` runs at memory speed, and an escaped quote (odd run of backslashes) is rare."""
    while True:
        j = data.find(b'"', i)
        end = len(data) if j < 0 else j
        k = end
        while k > i and data[k - 1] == _BACKSLASH:
            k -= 1
        odd = (end - k) % 2 == 1
        if j < 0:
            return -1, odd
        if not odd:
            return j, False
        i = j + 1


class BrokenArray(ValueError):
    """The array is cut off or malformed at the structural level; `str(e)` says how."""


@dataclass(frozen=True, slots=True)
class Refused:
    """An item that was skipped without being held: `deep` (nested too deep) or over the size limit."""

    deep: bool
    size: int


def array_items(stream: BinaryIO, limit: int, max_depth: int = MAX_DEPTH) -> Iterator[bytes | Refused]:
    """The raw UTF-8 bytes of each item of the top-level JSON array in `stream`, or `Refused` for an item
    over `limit` bytes or nested more than `max_depth` levels inside the array.

    Kept whole: one byte-level state machine over the stream; split up, its state (depth, string,
    escape, item start) would have to travel through every call on the hot path.

    A state machine over chunks (in a string, after a backslash, depth), so no item is ever held beyond
    `limit` and nothing is kept per nesting level; it is one function because splitting it would mean
    passing all of that state around.
    """
    depth = 0  # 1 inside the top-level array
    in_string = escaped = False
    parts: list[bytes] = []
    size = 0
    refused_deep = closed = False
    while data := stream.read(_CHUNK):
        n = len(data)
        i = 0
        start = 0  # where the current item's bytes begin in `data`
        while i < n:
            if in_string:
                if escaped:
                    escaped = False
                    i += 1
                    continue
                j, escaped = _string_end(data, i)
                if j < 0:  # the string goes on in the next chunk
                    i = n
                else:
                    in_string = False
                    i = j + 1
                continue
            if depth == 0:  # before the array or after it: only whitespace besides the "["
                k = i
                while k < n and data[k] in _WHITESPACE:
                    k += 1
                if k == n:
                    i = n
                    continue
                if closed or data[k] != _OPEN_ARRAY:
                    raise BrokenArray("data after the end of the array" if closed else "not a JSON array")
                depth = 1
                i = start = k + 1
                continue
            m = _STRUCTURE.search(data, i)
            if m is None:
                i = n
                continue
            c = data[m.start()]
            i = m.end()
            if c == _QUOTE:
                in_string = True
            elif c in _OPEN:
                depth += 1
                if depth > max_depth + 1 and not refused_deep:
                    refused_deep = True
            elif depth > 1 and c != _COMMA:
                depth -= 1
            elif depth == 1 and (c == _COMMA or c == _CLOSE_ARRAY):
                size += m.start() - start
                if not refused_deep and size <= limit:
                    parts.append(data[start : m.start()])
                item = b"".join(parts)
                if refused_deep or size > limit:
                    yield Refused(refused_deep, size)
                elif item.strip():
                    yield item
                elif c == _COMMA or size:  # "[," or "[1,,2]" or "[1, ]"
                    raise BrokenArray("an empty item")
                parts, size, refused_deep = [], 0, False
                start = i
                if c == _CLOSE_ARRAY:
                    depth = 0
                    closed = True
            elif depth == 1 and c == _CLOSE_OBJECT:
                raise BrokenArray("a '}' closes the array")
        if depth >= 1:  # the current item goes on in the next chunk
            size += n - start
            if not refused_deep and size <= limit:
                parts.append(data[start:] if start else data)
            else:
                parts = []
    if not closed:
        raise BrokenArray("the file ends inside the array")
