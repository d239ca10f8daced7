"""Ingestion: files, directories, archives, feeds and stdin → cleaned Arabic `Document`s.

`iter_documents` is the one entry point. It streams: JSON arrays, JSON Lines, zip members and feeds are read
record by record, so memory stays flat however large the corpus. Every problem (a binary file, a bad JSONL
line, an English page) is yielded as an `IngestError` in place of the document it would have been, so a
caller can report it and carry on.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from marsad.document import Document
from marsad.ingest import sniff as _sniff
from marsad.ingest.archive import read_zip
from marsad.ingest.encoding import decode
from marsad.ingest.errors import MB as _MB
from marsad.ingest.errors import IngestError, too_big
from marsad.ingest.feed import read_feed
from marsad.ingest.html import read_html
from marsad.ingest.jsonfmt import read_json, read_json_array, read_jsonl
from marsad.ingest.plaintext import read_text
from marsad.text import detect_language

__all__ = ["IngestError", "check_document", "iter_documents", "walk"]

STDIN = "<stdin>"
# A zip inside a zip may hold many articles, so it gets more room than one article, but not unbounded room.
_NESTED_ARCHIVE = 50
# Characters the language guess looks at: the title and first paragraphs decide, and a quarter of the
# default sample makes the guess 4x cheaper, which matters at thousands of documents a second.
_LANGUAGE_SAMPLE = 1000


def iter_documents(paths: Iterable[str], *, max_mb: float = 20.0) -> Iterator[Document | IngestError]:
    """Documents (or errors) from files, directories (recursive, sorted, hidden skipped) and "-" (stdin).

    `max_mb` caps every article, whatever holds it (a file, a zip member, a JSON array item, a JSONL line,
    a feed); archives inside archives and pipes are copied to a spooled temporary file, not held.
    """
    for path in paths:
        if path == "-":
            yield from _checked(read_stream(STDIN, sys.stdin.buffer, size=None, max_mb=max_mb))
        elif os.path.isdir(path):
            for file in walk(path):
                if isinstance(file, IngestError):
                    yield file
                else:
                    yield from _checked(_read_file(file, max_mb, found=True))
        elif os.path.exists(path):
            yield from _checked(_read_file(path, max_mb, found=False))
        else:
            yield IngestError(path, "no such file or directory")


def walk(root: str) -> Iterator[str | IngestError]:
    """Files under `root`, depth first in name order, hidden names skipped; a directory that cannot be
    listed is an error, not silently missing. Links to directories are not followed (as `os.walk`).

    A stack rather than recursion, so a hostile tree thousands of levels deep cannot exhaust the stack.
    """
    stack = [root]
    while stack:
        top = stack.pop()
        try:
            with os.scandir(top) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as e:
            yield IngestError(top, f"cannot read the directory ({e.strerror or e}); skipped")
            continue
        dirs = []
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.path)
            elif not (entry.is_symlink() and os.path.isdir(entry.path)):
                yield entry.path
        stack.extend(reversed(dirs))


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "another kind of file"


def _read_file(path: str, max_mb: float, *, found: bool) -> Iterator[Document | IngestError]:
    """One file. A FIFO, socket or device `found` in a directory is skipped: opening a FIFO waits for a
    writer forever. Named on the command line, a FIFO is read like stdin (`<(cmd)` gives one)."""
    try:
        kind = _kind(os.stat(path).st_mode)
        if kind and found:
            yield IngestError(path, f"not a regular file ({kind}); skipped")
            return
        # without waiting for a writer, in case a FIFO took the file's place since the stat
        nonblocking = getattr(os, "O_NONBLOCK", 0) if found else 0
        fd = os.open(path, os.O_RDONLY | nonblocking)
    except OSError as e:
        yield IngestError(path, f"cannot open the file ({e.strerror})")
        return
    with open(fd, "rb") as f:  # closed once the reader is done
        st = os.fstat(fd)
        if _kind(st.st_mode) and found:
            yield IngestError(path, f"not a regular file ({_kind(st.st_mode)}); skipped")
            return
        if nonblocking:
            os.set_blocking(fd, True)
        size = st.st_size if stat.S_ISREG(st.st_mode) else None
        yield from read_stream(path, f, size=size, max_mb=max_mb)


def read_stream(
    name: str, stream: BinaryIO, *, size: int | None, max_mb: float, nested: bool = False
) -> Iterator[Document | IngestError]:
    """Sniff one byte stream and read it with the matching reader (also used for zip members: `nested`)."""
    try:
        head = stream.read(_sniff.HEAD_SIZE)
        complete = len(head) < _sniff.HEAD_SIZE or (size is not None and size <= len(head))
        fmt, encoding, detail = _sniff.sniff(head, complete=complete, name=name)
        if fmt == _sniff.EMPTY:
            yield IngestError(name, "empty file")
        elif fmt == _sniff.BINARY:
            yield IngestError(name, f"binary file ({detail}; not text, HTML, JSON, zip or feed)")
        elif fmt == _sniff.UNDECODABLE:
            yield IngestError(name, detail or "cannot decode the file")
        elif fmt == _sniff.ZIP:
            yield from _read_archive(name, head, stream, size=size, max_mb=max_mb, nested=nested)
        elif fmt == _sniff.JSONL:
            yield from read_jsonl(_sniff.replay(head, stream), name, encoding or "utf-8", max_mb=max_mb)
        elif fmt == _sniff.JSON_ARRAY:
            yield from read_json_array(_sniff.replay(head, stream), name, encoding or "utf-8", max_mb=max_mb)
        elif fmt == _sniff.FEED:
            data = _read_capped(head, stream, int(max_mb * _MB))
            if len(data) > max_mb * _MB:
                yield IngestError(name, too_big("feed", size if size is not None else len(data), max_mb))
            else:
                yield from read_feed(data, name)
        else:
            yield from _read_single(name, fmt, head, stream, size=size, max_mb=max_mb)
    except Exception as e:  # a reader bug or an odd file must not end a corpus run: report it and go on
        yield IngestError(name, f"could not read it ({type(e).__name__}: {e})")


def _read_capped(head: bytes, stream: BinaryIO, limit: int) -> bytes:
    """`head` and the rest of `stream`, but no more than `limit` + 1 bytes in all (so "over" is visible)."""
    return head + stream.read(max(0, limit + 1 - len(head)))


def _read_archive(
    name: str, head: bytes, stream: BinaryIO, *, size: int | None, max_mb: float, nested: bool
) -> Iterator[Document | IngestError]:
    """A zip from a file as it is; from a pipe or another zip through a spooled copy (zip needs to seek).

    The copy stays in memory up to `max_mb` and goes to a temporary file beyond; a zip inside a zip may be
    at most `_NESTED_ARCHIVE` times `max_mb`, so a small archive cannot unpack into an unbounded one.
    """
    if isinstance(stream, io.BufferedReader) and stream.seekable():  # a real file: no copy
        stream.seek(0)
        yield from read_zip(stream, name, read_stream, max_mb=max_mb)
        return
    cap = int(_NESTED_ARCHIVE * max_mb * _MB) if nested else None
    too_big_msg = (f"archive inside an archive is {{:.1f}} MB, over the {_NESTED_ARCHIVE * max_mb:g} MB limit "
                   f"({_NESTED_ARCHIVE} times --max-mb); extract it first or pass --max-mb")
    if cap is not None and size is not None and size > cap:
        yield IngestError(name, too_big_msg.format(size / _MB))
        return
    with tempfile.SpooledTemporaryFile(max_size=int(max_mb * _MB)) as copy:
        copy.write(head)
        copied = len(head)
        while chunk := stream.read(1 << 20):
            copied += len(chunk)
            if cap is not None and copied > cap:
                yield IngestError(name, too_big_msg.format(copied / _MB))
                return
            copy.write(chunk)
        copy.seek(0)
        yield from read_zip(copy, name, read_stream, max_mb=max_mb)  # type: ignore[arg-type]


def _read_single(
    name: str, fmt: str, head: bytes, stream: BinaryIO, *, size: int | None, max_mb: float
) -> Iterator[Document | IngestError]:
    """Single-article formats: read whole (within `max_mb`), decode, parse."""
    limit = int(max_mb * _MB)
    if size is not None and size > limit:
        yield IngestError(name, too_big("file", size, max_mb))
        return
    data = _read_capped(head, stream, limit)
    if len(data) > limit:
        yield IngestError(name, too_big("file", size if size is not None else len(data), max_mb))
        return
    try:
        text = decode(data, name)
    except ValueError as e:
        yield IngestError(name, str(e).removeprefix(f"{name}: "))
        return
    if fmt == _sniff.HTML:
        yield read_html(text, name)
    elif fmt == _sniff.JSON:
        yield from read_json(text, name)
    else:
        yield read_text(text, name)


def _checked(items: Iterator[Document | IngestError]) -> Iterator[Document | IngestError]:
    """Refuse empty and non-Arabic documents; fill in `language`."""
    for item in items:
        yield item if isinstance(item, IngestError) else check_document(item)


def check_document(doc: Document) -> Document | IngestError:
    """`doc` with `language` filled in, or the error that refuses it (no text, not Arabic): the check every
    document read here passes, public for readers outside this package (`marsad watch`'s feed items)."""
    if not doc.text.strip() or doc.text == doc.title:
        what = "besides the title" if doc.text.strip() else "left after removing boilerplate"
        return IngestError(doc.source or "?", f"no article text {what}")
    lang = detect_language(doc.text, sample=_LANGUAGE_SAMPLE)
    if lang != "ar":
        return IngestError(doc.source or "?", f"no Arabic text (language looks like '{lang}'); marsad reads Arabic news")
    doc.language = lang
    return doc
