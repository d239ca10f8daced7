"""Trigger windows: where in a text a date expression can start, so the full grammar runs only there.

Every expression has a digit, a month or weekday name, or a relative word within a few characters of its
start. One scan for those and the grammar confined to windows around them makes an article without dates
cost one regex pass instead of ten.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from marsad.dates.lexicon import alternation
from marsad.text.calendar import MONTHS, WEEKDAYS

__all__ = ["Cand", "Regions", "scan", "trigger_regions", "union"]

# A candidate is (start, end, value, precision) in shadow offsets; value None marks an impossible date
# whose words must not be re-read as something else.
Cand = tuple[int, int, str | None, str]
Regions = list[tuple[int, int]]

# Trigger words by kind (3.5 ms -> well under 1 ms per article against running every pattern everywhere).
_TRIGGER_KINDS: dict[str, str] = {
    **{k: "month" for k in MONTHS if k not in ("اب", "ماي")},  # those two only count beside a trigger
    **{w: "weekday" for w in WEEKDAYS},
    **dict.fromkeys(("امس", "البارحه", "غد", "اليوم", "الليله"), "relday"),
    **dict.fromkeys(("شهر", "عام", "سنه"), "unit"),
    **dict.fromkeys(("قبل", "منذ"), "ago"),
}
_TRIGGER = re.compile("[0-9]+|" + alternation(_TRIGGER_KINDS))
_BEFORE, _AFTER = 20, 48  # window around a trigger; longer than any expression's reach from it


def trigger_regions(s: str) -> dict[str, Regions]:
    """Merged windows of `s` around date triggers, per kind of trigger."""
    out: dict[str, Regions] = {}
    n = len(s)
    for m in _TRIGGER.finditer(s):
        t = m.group()
        kind = "digit" if t[0] <= "9" else _TRIGGER_KINDS[re.sub(r"\s+", " ", t)]
        lo, hi = max(0, m.start() - _BEFORE), min(n, m.end() + _AFTER)
        rs = out.setdefault(kind, [])
        if rs and lo <= rs[-1][1]:
            if hi > rs[-1][1]:
                rs[-1] = (rs[-1][0], hi)
        else:
            rs.append((lo, hi))
    return out


def union(*lists: Regions | None) -> Regions:
    """Merged union of window lists."""
    allr = sorted(r for rs in lists if rs for r in rs)
    out: Regions = []
    for lo, hi in allr:
        if out and lo <= out[-1][1]:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def scan(rx: re.Pattern[str], s: str, regions: Regions) -> Iterator[re.Match[str]]:
    """Matches of `rx` inside the trigger windows (lookbehinds still see the text before a window)."""
    for lo, hi in regions:
        yield from rx.finditer(s, lo, hi)

