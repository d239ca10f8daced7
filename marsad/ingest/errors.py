"""The error record readers yield instead of raising, so one bad file never stops a corpus run."""

from __future__ import annotations

import sys
from dataclasses import dataclass

MB = 1_000_000


@dataclass(frozen=True, slots=True)
class IngestError:
    """A source (file, archive member, JSONL line, feed item) that could not become a `Document`.

    `source` names it the way a user can find it again ("a.zip:b.json", "f.jsonl:17", "<stdin>");
    `message` is one line that says what is wrong and, where there is one, what to do about it.
    """

    source: str
    message: str


def too_big(what: str, size: float, max_mb: float) -> str:
    """The one message for anything over `--max-mb`, whatever format it came in."""
    return f"{what} is {size / MB:.1f} MB, over the {max_mb:g} MB limit for one article; split it or pass --max-mb"


def warn(source: str, message: str) -> None:
    """Report something that was read anyway but not as written (replaced bytes).

    Printed straight to stderr in the `marsad: SOURCE: ...` shape of the error lines: the document is still
    yielded, so there is no error record to carry it, and every caller shows ingest's lines on stderr.
    """
    print(f"marsad: {source}: warning: {message}", file=sys.stderr)
