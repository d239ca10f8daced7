"""Finding the dates of a text: every reader's candidates, overlaps settled, offsets mapped back.

Without a publication date only absolute expressions (explicit year) are resolved.
"""

from __future__ import annotations

from datetime import date

from marsad.dates.absolute import read_absolute
from marsad.dates.regions import Cand, trigger_regions
from marsad.dates.relative import read_relative
from marsad.dates.shadow import Shadow
from marsad.document import DateRef

__all__ = ["find_dates", "parse_published", "resolve_sentence_date"]


def parse_published(published: str | None) -> date | None:
    """The day of an ISO publication timestamp, or None when there is none or it is not a date."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_dates(text: str, published: str | None) -> list[DateRef]:
    """Every date expression in `text`, resolved against `published` (ISO date, or None).

    Overlapping readings are settled longest-first (`السبت 22 ديسمبر 2017` over `السبت`), so each span
    of text yields at most one date. Pure and allocation-light: all patterns are module-level.
    """
    if not text:
        return []
    pub = parse_published(published)
    sh = Shadow(text)
    s = sh.text
    cands: list[Cand] = []
    regions = trigger_regions(s)
    if not regions:
        return []
    read_absolute(s, regions, pub, cands)
    read_relative(s, regions, pub, cands)
    if not cands:
        return []
    out: list[DateRef] = []
    for st, en, value, prec in _settle(cands):
        o_s, o_e = sh.span(st, en)
        out.append(DateRef(text=text[o_s:o_e], start=o_s, end=o_e, value=value or "", precision=prec))
    return out


def _settle(cands: list[Cand]) -> list[Cand]:
    """The candidates that survive overlap resolution, in text order, impossible dates dropped.

    Longest first; on equal length an impossible date (None) blocks, then the earlier pattern wins.
    """
    order = sorted(range(len(cands)), key=lambda i: (cands[i][0] - cands[i][1], cands[i][2] is not None, i))
    taken: list[tuple[int, int]] = []
    kept: list[Cand] = []
    for i in order:
        st, en, _, _ = cands[i]
        if any(st < e and s_ < en for s_, e in taken):
            continue
        taken.append((st, en))
        if cands[i][2] is not None:
            kept.append(cands[i])
    kept.sort()
    return kept


_RANK = {"day": 3, "month": 2, "year": 1}


def resolve_sentence_date(dates: list[DateRef], start: int, end: int) -> DateRef | None:
    """The most specific date expression lying within [start, end): day over month over year, and on a
    tie the first in reading order (the main clause usually states the event's date first)."""
    best: DateRef | None = None
    for d in dates:
        if d.start >= start and d.end <= end:
            if best is None or _RANK.get(d.precision, 0) > _RANK.get(best.precision, 0):
                best = d
    return best
