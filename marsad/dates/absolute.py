"""Readers of expressions that name their date: day and month (with or without a year), month and
year, a bare month, numeric dates, Hijri dates and years.

A candidate with value None is an impossible date (`31 شباط`, `30 رمضان` in a 29-day month): it yields
nothing but blocks shorter readings of the same words (no month-precision `شباط 2017` out of
`31 شباط 2017`). Without a year, day and month are resolved against the publication date; without a
publication date only expressions with an explicit year are resolved.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from marsad.dates.lexicon import RE_DMY, RE_HIJRI, RE_MONTH, RE_MY, RE_NUMERIC, RE_YEAR, RE_YEAR_CHAIN
from marsad.dates.reckon import (
    FUTURE_WINDOW_DAYS,
    HIJRI_AVAILABLE,
    direction_of,
    hijri_to_date,
    hijri_year,
    iso_day,
    pick_month,
    pick_year,
    safe_date,
    valid_day,
)
from marsad.dates.regions import Cand, Regions, scan, union
from marsad.text.calendar import AMBIGUOUS_MONTHS, HIJRI_MONTHS, MONTHS

__all__ = ["read_absolute"]


def read_absolute(s: str, regions: dict[str, Regions], pub: date | None, out: list[Cand]) -> None:
    """Candidates of the named-date readers, appended to `out` in the order that settles ties."""
    digit, month, unit = regions.get("digit"), regions.get("month"), regions.get("unit")
    if digit:
        _dmy(s, digit, pub, out)
        _hijri(s, digit, pub, out)
        _numeric(s, digit, out)
        _years(s, digit, out)
    if month or digit:
        _my(s, union(month, digit), out)
    if month or unit:
        _month_alone(s, union(month, unit), pub, out)


def _month_of(m: re.Match[str]) -> int | None:
    """The month of a (possibly glossed) month group; None if the two names disagree."""
    m1 = MONTHS[re.sub(r"\s+", " ", m.group("m1"))]
    if m.group("m2"):
        if MONTHS[re.sub(r"\s+", " ", m.group("m2"))] != m1:
            return None
    return m1


def _dmy(s: str, regions: Regions, pub: date | None, out: list[Cand]) -> None:
    for m in scan(RE_DMY, s, regions):
        mon = _month_of(m)
        if mon is None:
            continue
        day = int(m.group("d"))
        start, end = m.span()
        if not valid_day(mon, day):
            out.append((start, end, None, "day"))
            continue
        if m.group("y"):
            d = safe_date(int(m.group("y")), mon, day)
            out.append((start, end, iso_day(d) if d else None, "day"))
            continue
        if pub is None:
            continue
        direction = direction_of(m.group("mod"))
        d = pick_year(pub, mon, day, direction if direction != "this" else None)
        if d is not None:
            out.append((start, end, iso_day(d), "day"))


def _my(s: str, regions: Regions, out: list[Cand]) -> None:
    for m in scan(RE_MY, s, regions):
        mon = _month_of(m)
        if mon is None:
            continue
        out.append((m.start(), m.end(), f"{int(m.group('y')):04d}-{mon:02d}", "month"))


def _month_alone(s: str, regions: Regions, pub: date | None, out: list[Cand]) -> None:
    if pub is None:
        return
    for m in scan(RE_MONTH, s, regions):
        mon = _month_of(m)
        if mon is None:
            continue
        name = re.sub(r"\s+", " ", m.group("m1"))
        cue = (m.group("cue") or "").strip()
        paired = m.group("m2") is not None
        mod = m.group("mod")
        if name in AMBIGUOUS_MONTHS and not (paired or mod or cue.endswith("شهر")):
            continue
        if name in ("ماي", "اب") and not (paired or cue.endswith("شهر")):
            continue
        direction = direction_of(mod)
        y, mo = pick_month(pub, mon, direction if direction != "this" else None)
        if direction == "this":
            y = pub.year
        start = m.start("m1") if not cue.endswith("شهر") else m.start("cue") + (len(m.group("cue")) - len(m.group("cue").lstrip("وفبل")))
        out.append((start, m.end(), f"{y:04d}-{mo:02d}", "month"))


def _numeric(s: str, regions: Regions, out: list[Cand]) -> None:
    for m in scan(RE_NUMERIC, s, regions):
        a, b, c = m.group("a"), int(m.group("b")), m.group("c")
        if len(a) == 4 and len(c) <= 2:
            y, mo, d = int(a), b, int(c)
        elif len(c) == 4 and len(a) <= 2:
            y, mo, d = int(c), b, int(a)
            if mo > 12 >= d:  # 12/22/2017: month first, as some agencies print it
                mo, d = d, mo
        else:
            continue
        start, end = m.span()
        if 1900 <= y <= 2100 and not m.group("h"):
            if not (1 <= mo <= 12 and valid_day(mo, d)):
                out.append((start, end, None, "day"))
                continue
            g = safe_date(y, mo, d)
            out.append((start, end, iso_day(g) if g else None, "day"))
        elif 1300 <= y <= 1500:
            g = hijri_to_date(y, mo, d) if 1 <= mo <= 12 else None
            out.append((start, end, iso_day(g) if g else None, "day"))


def _hijri(s: str, regions: Regions, pub: date | None, out: list[Cand]) -> None:
    if not HIJRI_AVAILABLE:
        return
    for m in scan(RE_HIJRI, s, regions):
        hm = HIJRI_MONTHS[re.sub(r"\s+", " ", m.group("hm"))]
        hd = int(m.group("d"))
        start, end = m.span()
        if not 1 <= hd <= 30:
            out.append((start, end, None, "day"))
            continue
        if m.group("y"):
            g = hijri_to_date(int(m.group("y")), hm, hd)
            out.append((start, end, iso_day(g) if g else None, "day"))
            continue
        if pub is None:
            continue
        hy = hijri_year(pub)
        if hy is None:
            continue
        cands = [g for g in (hijri_to_date(hy + k, hm, hd) for k in (-1, 0, 1)) if g is not None]
        soon = [g for g in cands if pub < g <= pub + timedelta(days=FUTURE_WINDOW_DAYS)]
        past = [g for g in cands if g <= pub]
        pick = min(soon) if soon else (max(past) if past else None)
        if pick is not None:
            out.append((start, end, iso_day(pick), "day"))


def _years(s: str, regions: Regions, out: list[Cand]) -> None:
    for m in scan(RE_YEAR, s, regions):
        chain: list[re.Match[str]] = []
        pos = m.end()
        while (c := RE_YEAR_CHAIN.match(s, pos)) is not None:
            chain.append(c)
            pos = c.end()
        prep = m.group("prep")
        if prep in ("من", "بين") and not chain:
            continue  # أكثر من 2000 شخص
        start = m.start("nom") if m.group("nom") else m.start("nom2") if m.group("nom2") else m.start("y")
        out.append((start, m.end(), m.group("y"), "year"))
        for c in chain:
            out.append((c.start("y"), c.end(), c.group("y"), "year"))

