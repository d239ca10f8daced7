"""BIO tag sequences: making a tagger's output valid, and reading entity spans out of it.

The runtime tagger repairs what the CRF emits; training and evaluation read gold and predicted spans
the same way, so both live here rather than on either side.
"""

from __future__ import annotations

from collections.abc import Sequence

#: The tags the shipped models may emit; anything else is read as O.
VALID_TAGS = frozenset({"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"})


def repair(tags: Sequence[str]) -> list[str]:
    """Make the output valid BIO: an I- that does not continue its type becomes B-."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t not in VALID_TAGS:
            t = "O"
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def entities(tags: list[str]) -> list[tuple[str, int, int]]:
    """(type, start, end) spans from BIO tags, conlleval-style (a stray I- starts an entity)."""
    out: list[tuple[str, int, int]] = []
    cur: str | None = None
    start = 0
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O":  # most tags: only closes the open entity
            if cur is not None:
                out.append((cur, start, i))
                cur = None
            continue
        bio, _, typ = tag.partition("-")
        if cur is not None and (bio != "I" or typ != cur):
            out.append((cur, start, i))
            cur = None
        if bio == "B" or (bio == "I" and cur is None):
            cur, start = typ, i
    return out
