"""The matching copy of a text ("shadow") and the map from its offsets back to the original's.

Date patterns are written once, in shadow spelling: letter variants that never change a date's meaning are
unified by `marsad.text.normalize.fold_letters` (one character for one), and diacritics, tatweel and
direction marks are dropped (`غداً`, `بـ22`). Dropping changes offsets, so the shadow keeps the runs it cut
and maps every match back: each `DateRef` points into the original text exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from marsad.text.normalize import fold_letters

__all__ = ["Shadow"]

# Shadow text: length-preserving letter/digit unification + removal of marks, with an offset map.

_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")


class Shadow:
    """The matching copy of a text and the map from its offsets back to the original's."""

    __slots__ = ("text", "_orig", "_starts", "_origs")

    def __init__(self, text: str) -> None:
        # Runs of kept characters: shadow offset where each run starts, and its original offset.
        starts: list[int] = [0]
        origs: list[int] = [0]
        parts: list[str] = []
        pos = 0
        shadow_len = 0
        for m in _DROP.finditer(text):
            parts.append(text[pos:m.start()])
            shadow_len += m.start() - pos
            pos = m.end()
            starts.append(shadow_len)
            origs.append(pos)
        parts.append(text[pos:])
        t = "".join(parts)
        t = fold_letters(t)  # letters and digits, one character for one
        if "\u00a0" in t:
            t = t.replace("\u00a0", " ")
        self.text = t
        self._orig = text
        self._starts = starts
        self._origs = origs

    def orig(self, i: int) -> int:
        """Original offset of shadow offset `i` (a character position)."""
        k = bisect_right(self._starts, i) - 1
        return self._origs[k] + (i - self._starts[k])

    def span(self, s: int, e: int) -> tuple[int, int]:
        """Original end-exclusive span of shadow span [s, e), with the last letter's marks (الأحدِ)."""
        end = self.orig(e - 1) + 1
        m = _DROP.match(self._orig, end)
        return self.orig(s), (m.end() if m else end)

