"""Which character ranges a document's mentions already cover: later passes never overlap them."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from marsad.document import Entity

#: Mentions starting this many positions back are checked; a mention longer than all of them before it
#: is the only thing that could slip through, and mentions are short.
_LOOKBACK = 8


class TakenSpans:
    """The (start, end) spans of every mention of `entities`, for O(log n) overlap tests."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._spans = sorted((sp.start, sp.end) for e in entities for sp in e.mentions)
        self._starts = [s for s, _ in self._spans]

    def free(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps no mention."""
        k = bisect_right(self._starts, end - 1)
        return not any(ts < end and start < te for ts, te in self._spans[max(0, k - _LOOKBACK):k])
