"""Zip archives (SaudiNewsNet ships as one zip per day): members are read one at a time, as streams.

Each member goes back through the same format sniffing as a file on disk, so a zip of HTML pages, of
JSONL or of JSON arrays all work, and a member is named "archive.zip:member" in documents and errors.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from marsad.document import Document
from marsad.ingest.errors import IngestError

Reader = Callable[..., Iterator[Document | IngestError]]

_OFFICE = ("word/document.xml", "xl/workbook.xml", "ppt/presentation.xml", "content.xml")


def _skip(info: zipfile.ZipInfo) -> bool:
    """Directories, hidden files and macOS resource forks are not articles."""
    if info.is_dir() or info.filename.startswith("__MACOSX/"):
        return True
    return any(part.startswith(".") for part in info.filename.split("/") if part)


def _outside(info: zipfile.ZipInfo) -> bool:
    """A name with a ".." part ("../x", "a/../../b", or with Windows separators) would leave the folder
    it was unpacked into. Nothing is ever unpacked here, but such a member is hostile or broken: report it."""
    return ".." in re.split(r"[/\\]", info.filename)


def read_zip(file: BinaryIO, name: str, read_member: Reader, *, max_mb: float) -> Iterator[Document | IngestError]:
    """Every document in every member of the zip `file`; `read_member` is the dispatcher for one stream."""
    try:
        zf = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        yield IngestError(name, f"damaged zip archive ({e}); re-download or re-create it")
        return
    with zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        if any(n in names for n in _OFFICE):
            yield IngestError(name, "Office document (docx/xlsx/pptx/odt), not a news archive; save it as text or HTML")
            return
        members = [i for i in infos if _outside(i) or not _skip(i)]
        if not members:
            yield IngestError(name, "zip archive holds no files")
            return
        for info in members:
            member = f"{name}:{info.filename}"
            if _outside(info):
                yield IngestError(member, "member name leads outside the archive (..); skipped")
                continue
            if info.flag_bits & 0x1:
                yield IngestError(member, "encrypted zip member; extract it with its password first")
                continue
            try:
                with zf.open(info) as stream:
                    yield from read_member(member, stream, size=info.file_size, max_mb=max_mb, nested=True)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as e:
                yield IngestError(member, f"damaged zip member ({e}); the other members were read")
