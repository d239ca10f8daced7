"""The error record readers yield instead of raising, so one bad file never stops a corpus run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IngestError:
    """A source (file, archive member, JSONL line, feed item) that could not become a `Document`.

    `source` names it the way a user can find it again ("a.zip:b.json", "f.jsonl:17", "<stdin>");
    `message` is one line that says what is wrong and, where there is one, what to do about it.
    """

    source: str
    message: str
