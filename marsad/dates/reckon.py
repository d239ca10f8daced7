"""Calendar arithmetic: which occurrence of a day, month or weekday a news text means.

News is written on or just after the day it reports, so an unmarked date is read as the latest such date
on or before publication, except for a short look-ahead (announced deadlines: `حتى 17 سبتمبر`). Hijri
dates with a day are converted with the Umm al-Qura calendar (`hijridate`, optional: without it they are
skipped).
"""

from __future__ import annotations

from datetime import date, timedelta

try:  # optional: exact Umm al-Qura conversion; Hijri expressions are skipped without it
    from hijridate import Gregorian as _HGregorian
    from hijridate import Hijri as _Hijri
except ImportError:  # pragma: no cover - depends on the environment
    _Hijri = None
    _HGregorian = None

HIJRI_AVAILABLE = _Hijri is not None

__all__ = [
    "FUTURE_WINDOW_DAYS", "FUTURE_WINDOW_MONTHS", "HIJRI_AVAILABLE", "direction_of", "hijri_to_date", "hijri_year",
    "iso_day", "month_add", "pick_month", "pick_weekday", "pick_year", "safe_date", "valid_day",
]

# How far after publication an unmarked `25 أيار` may lie before we read it as last year's (deadlines and
# scheduled events are announced a few weeks ahead; past events dominate beyond that).
FUTURE_WINDOW_DAYS = 60
# Same for a bare month name, in months.
FUTURE_WINDOW_MONTHS = 2


def month_add(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def valid_day(m: int, d: int) -> bool:
    """Whether day d exists in month m in some year (29 شباط does, 30 شباط does not)."""
    return 1 <= d <= (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)


def pick_year(pub: date, m: int, d: int, direction: str | None) -> date | None:
    """The occurrence of day d of month m that a news text published on `pub` most likely means."""
    cands = [c for c in (safe_date(pub.year + k, m, d) for k in (-1, 0, 1)) if c is not None]
    if direction == "past":
        past = [c for c in cands if c < pub]
        return max(past) if past else None
    if direction == "next":
        fut = [c for c in cands if c > pub]
        return min(fut) if fut else None
    near_future = [c for c in cands if pub < c <= pub + timedelta(days=FUTURE_WINDOW_DAYS)]
    if near_future:
        return min(near_future)
    past = [c for c in cands if c <= pub]
    return max(past) if past else None


def pick_month(pub: date, m: int, direction: str | None) -> tuple[int, int]:
    """Year of a bare month name: this month's year, else nearest with a short look-ahead."""
    delta = (m - pub.month) % 12  # 0..11 months ahead
    if direction == "past":
        ahead = delta - 12
    elif direction == "next":
        ahead = delta if delta > 0 else 12
    else:
        ahead = delta if delta <= FUTURE_WINDOW_MONTHS else delta - 12
    return month_add(pub.year, pub.month, ahead)


def pick_weekday(pub: date, wd: int, direction: str | None) -> date:
    """Latest `wd` on or before pub (None), strictly before ("past") or strictly after ("next")."""
    back = (pub.weekday() - wd) % 7
    if direction == "next":
        return pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    if direction == "past" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def direction_of(mod: str | None) -> str | None:
    if not mod:
        return None
    if mod.startswith(("الماضي", "المنصرم", "الفائت", "قبل")):
        return "past"
    if mod.startswith(("المقبل", "القادم")):
        return "next"
    return "this"


def hijri_to_date(hy: int, hm: int, hd: int) -> date | None:
    if _Hijri is None:
        return None
    try:
        g = _Hijri(hy, hm, hd).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def hijri_year(pub: date) -> int | None:
    """The Hijri year `pub` falls in (None without `hijridate` or outside its range)."""
    if _HGregorian is None:
        return None
    try:
        return _HGregorian(pub.year, pub.month, pub.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def iso_day(d: date) -> str:
    return d.isoformat()

