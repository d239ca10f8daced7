"""Offset-preserving sentence and token segmentation for Arabic news text.

Later stages (NER, quotes, events) need spans that point back into the original article, so nothing
here rewrites text: every unit is a (start, end) pair into the string it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A token is a run of letters/digits (Arabic, Latin, with internal diacritics and tatweel), a number with
# separators (1,500 / 3.5 / ٣٫٥), or one punctuation mark. Tokens are capped at 200 characters so a
# 10,000-character "word" cannot make later per-token work quadratic.
_TOKEN = re.compile(
    r"\d+(?:[.,٫٬]\d+)*"
    r"|[^\W\d_](?:[^\W_]|[\u064b-\u065f\u0670\u0640])*"
    r"|\S",
)
_MAX_TOKEN = 200
_SPAN = re.Match.span
_LONG_RUN = re.compile(r"\S{" + str(_MAX_TOKEN + 1) + "}")  # a run of non-space longer than any token
# Public for stages that only need offsets and would rather not build Token objects on a hot path.
TOKEN_PATTERN = _TOKEN
# Sentence ends: . ! ? ؟ … and line breaks; a full stop inside a number or after a single-letter
# abbreviation does not end a sentence.
_END = re.compile(r"(?<!\d)(?<!\b\w)[.!?؟…]+[»\"”’')\]]*|\n+")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] with offsets into `text`."""
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        while e - s > _MAX_TOKEN:
            out.append(Token(s, s + _MAX_TOKEN, text[s : s + _MAX_TOKEN]))
            s += _MAX_TOKEN
        out.append(Token(s, e, text[s:e]))
    return out


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each token of text[start:end]: `tokens` without building a frozen `Token` per word,
    which was most of segmenting an article for the entity stage."""
    end = len(text) if end is None else end
    out = list(map(_SPAN, _TOKEN.finditer(text, start, end)))
    # a token holds no space, so a text without a long run of non-space holds no long token
    if end - start > _MAX_TOKEN and _LONG_RUN.search(text, start, end) and any(e - s > _MAX_TOKEN for s, e in out):
        capped: list[tuple[int, int]] = []
        for s, e in out:
            while e - s > _MAX_TOKEN:
                capped.append((s, s + _MAX_TOKEN))
                s += _MAX_TOKEN
            capped.append((s, e))
        return capped
    return out


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order; ends are exclusive."""
    pos = 0
    n = len(text)
    for m in _END.finditer(text):
        yield from _trimmed(text, pos, m.end() if m.group(0)[0] != "\n" else m.start())
        pos = m.end()
    if pos < n:
        yield from _trimmed(text, pos, n)


def _trimmed(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e
