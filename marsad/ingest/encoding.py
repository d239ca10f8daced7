"""Byte → text for news files, with our own small heuristic instead of a general-purpose detector.

Arabic news files come in a handful of encodings only: UTF-8 (with or without BOM), UTF-16 from Windows
tools, and windows-1256 from older Arabic sites and Office exports. Checking those few cases explicitly is
faster and more predictable than statistical detection, and it lets us refuse binary files with a clear
message instead of producing mojibake.
"""

from __future__ import annotations

import codecs
import re

from marsad.ingest.errors import warn

# With a BOM we name the codecs that read and drop it themselves ("utf-16", not "utf-16-le"); the explicit
# "-le"/"-be" names are kept for BOM-less UTF-16, so a codec name alone says whether there is a BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of formats people drop into a news folder by mistake (zip is handled as an archive).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive; decompress it first"),
    (b"BZh", "bzip2 archive; decompress it first"),
    (b"\xfd7zXZ\x00", "xz archive; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive; extract it first"),
    (b"Rar!", "RAR archive; extract it first"),
    (b"\xd0\xcf\x11\xe0", "old Office document; save it as text or HTML"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3", "SQLite database"),
    (b"RIFF", "audio/video file"),
    (b"OggS", "audio file"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "video file"),
    (b"\x00\x00\x00\x20ftyp", "video file"),
)
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_REPLACEMENT = "\ufffd".encode()
_UTF8_SHARE = 10


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark announces, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte looks like the high byte of ASCII or Arabic text.

    ASCII in UTF-16 has a NUL high byte and Arabic (U+06xx) a 0x06 one, so in real UTF-16 text one byte
    parity is dominated by 0x00/0x06 while the other almost never is NUL.
    """
    n = len(head) - (len(head) % 2)
    if n < 4:
        return None
    even, odd = head[0:n:2], head[1:n:2]
    half = n // 2
    for high, low, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        hi_share = (high.count(0) + high.count(6)) / half
        if hi_share >= 0.7 and high.count(0) + low.count(0) > 0 and low.count(0) <= half * 0.02:
            return name
    return None


def binary_reason(head: bytes) -> str | None:
    """Why `head` (the first bytes of a file) is not text, or None when it may be text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if bom_encoding(head):
        return None
    if b"\x00" in head:
        return None if _utf16_without_bom(head) else "contains NUL bytes"
    if len(_CONTROL.findall(head[:65536])) > max(8, len(head[:65536]) // 100):
        return "many control bytes"
    return None


def _valid_utf8_prefix(data: bytes, final: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=final)
    except UnicodeDecodeError:
        return False
    return True


def _replacements(data: bytes, text: str) -> int:
    """How many U+FFFD a lenient UTF-8 decode of `data` into `text` put in (not those already in the data)."""
    return text.count("\ufffd") - data.count(_REPLACEMENT)


def _mostly_utf8(data: bytes) -> bool:
    """True when `data` is UTF-8 but for a few bad bytes (at least `_UTF8_SHARE` valid non-ASCII characters
    for each bad sequence). In windows-1256 Arabic a letter byte is never followed by a continuation byte
    unless punctuation such as «،» or «؟» follows it, so real windows-1256 text stays far below that share.
    """
    text = data.decode("utf-8", errors="replace")
    bad = _replacements(data, text)
    good = len(_NON_ASCII.findall(text)) - bad
    return good >= _UTF8_SHARE * max(bad, 1)


def _looks_cp1256_arabic(data: bytes) -> bool:
    """True when the non-ASCII bytes decode as windows-1256 to mostly Arabic letters."""
    high = bytes(b for b in data[:65536] if b >= 0x80)
    if not high:
        return False
    s = high.decode("cp1256", errors="replace")
    letters = len(_LETTER.findall(s))
    return letters > 0 and len(_ARABIC.findall(s)) / letters >= 0.6


def detect(head: bytes, *, complete: bool) -> str:
    """Codec name for data starting with `head` (`complete` when head is the whole file).

    Raises ValueError when it is none of the encodings we accept.
    """
    bom = bom_encoding(head)
    if bom:
        return bom
    if b"\x00" in head:
        name = _utf16_without_bom(head)
        if name:
            return name
        raise ValueError("binary file (contains NUL bytes; not text, HTML, JSON, zip or feed)")
    if _valid_utf8_prefix(head, final=complete) or _mostly_utf8(head):
        return "utf-8"
    if _looks_cp1256_arabic(head):
        return "cp1256"
    raise ValueError("not UTF-8, UTF-16 or windows-1256 Arabic text; re-save the file as UTF-8")


def decode(data: bytes, source: str) -> str:
    """Whole-file decode with our heuristic; ValueError with a message naming `source` on failure."""
    try:
        name = detect(data, complete=True)
    except ValueError as e:
        # A UTF-8 file whose very last character was cut off is still worth reading.
        if data and _valid_utf8_prefix(data, final=False):
            return data.decode("utf-8", errors="ignore")
        raise ValueError(f"{source}: {e}") from None
    if name == "utf-8":
        return decode_utf8(data, source)
    try:
        return data.decode(name)
    except UnicodeDecodeError as e:
        if name.startswith("utf-16") and len(data) % 2:
            return data[:-1].decode(name, errors="replace")
        raise ValueError(f"{source}: invalid {name} text at byte {e.start}; re-save the file as UTF-8") from None


def decode_utf8(data: bytes, source: str) -> str:
    """`data` as UTF-8, any invalid bytes replaced by U+FFFD with a warning naming `source`.

    A character cut in half at the very end (a truncated download) is dropped without a word, as before.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _valid_utf8_prefix(data, final=False):
        return data.decode("utf-8", errors="ignore")
    text = data.decode("utf-8", errors="replace")
    n = _replacements(data, text)
    warn(source, f"{n} invalid UTF-8 byte sequence{'' if n == 1 else 's'} replaced by U+FFFD")
    return text
