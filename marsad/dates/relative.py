"""Readers of expressions relative to the publication day: weekdays, yesterday/today/tomorrow, this or
last month/year, and "N units ago".

* bare weekday (`الأحد`, `يوم الخميس`, `اليوم الأربعاء`): the latest such day on or before publication;
  `الماضي/المنصرم/الفائت` or `أمس <weekday>`: strictly before; `المقبل/القادم` or `غدا <weekday>`: strictly
  after.
* `اليوم` is a date only as an adverb: not in `اليوم الوطني`, `اليوم نفسه`, `في اليوم`, `عين اليوم`
  (an outlet name) or inside quotes (`«اليوم»`, a newspaper).
* `قبل/منذ N أيام|أسابيع` → day precision (a week is rendered as pub − 7N days); `قبل/منذ N أشهر` → month
  precision; `قبل N أعوام` → year precision. `منذ N سنوات` is a duration far more often than a point, and
  vague plurals (`منذ أشهر`, `قبل أيام`) would be guesses: neither is resolved.

All of them need a publication date.
"""

from __future__ import annotations

from datetime import date, timedelta

from marsad.dates.lexicon import (
    NOT_GENERAL_BEFORE,
    NOT_TODAY_AFTER,
    NOT_TODAY_BEFORE,
    NOT_WEEKDAY_AFTER,
    NOT_WEEKDAY_BEFORE,
    NUMBER_WORDS,
    RE_AGO,
    RE_RELDAY,
    RE_RELMY,
    RE_WEEKDAY,
)
from marsad.dates.reckon import direction_of, iso_day, month_add, pick_weekday
from marsad.dates.regions import Cand, Regions, scan
from marsad.text.calendar import WEEKDAYS

__all__ = ["read_relative"]


def read_relative(s: str, regions: dict[str, Regions], pub: date | None, out: list[Cand]) -> None:
    """Candidates of the relative readers, appended to `out` after the named-date ones."""
    if "weekday" in regions:
        _weekdays(s, regions["weekday"], pub, out)
    if "relday" in regions:
        _reldays(s, regions["relday"], pub, out)
    if "unit" in regions:
        _relmy(s, regions["unit"], pub, out)
    if "ago" in regions:
        _ago(s, regions["ago"], pub, out)


def _weekdays(s: str, regions: Regions, pub: date | None, out: list[Cand]) -> None:
    if pub is None:
        return
    for m in scan(RE_WEEKDAY, s, regions):
        wd_name = m.group("wd")
        after = NOT_WEEKDAY_AFTER.get(wd_name)
        if after is not None and after.match(s, m.end("wd")) and not m.group("pre"):
            continue
        if not m.group("pre") and NOT_WEEKDAY_BEFORE.search(s, max(0, m.start() - 12), m.start()):
            continue
        pre = m.group("pre")
        direction = direction_of(m.group("mod"))
        if direction is None and pre == "امس":
            direction = "past"
        elif direction is None and pre is not None and pre.startswith(("غد", "يوم غد")):
            direction = "next"
        d = pick_weekday(pub, WEEKDAYS[wd_name], direction if direction != "this" else None)
        out.append((m.start(), m.end(), iso_day(d), "day"))


def _reldays(s: str, regions: Regions, pub: date | None, out: list[Cand]) -> None:
    if pub is None:
        return
    for m in scan(RE_RELDAY, s, regions):
        if m.group("m2"):
            k = 2 if m.group("m2").startswith("بعد") else -2
        elif m.group("m1"):
            k = -1
        elif m.group("p1"):
            k = 1
        else:
            if NOT_TODAY_BEFORE.search(s, max(0, m.start() - 12), m.start()):
                continue
            if NOT_TODAY_AFTER.match(s[m.end():m.end() + 12]):
                continue
            k = 0
        out.append((m.start(), m.end(), iso_day(pub + timedelta(days=k)), "day"))


def _relmy(s: str, regions: Regions, pub: date | None, out: list[Cand]) -> None:
    if pub is None:
        return
    for m in scan(RE_RELMY, s, regions):
        if m.group("this"):
            unit = m.group("u2") or "السنه"
            k = 0
        else:
            unit = m.group("u")
            mod = m.group("mod")
            if not mod and not m.group("pre"):
                continue
            if not m.group("pre") and NOT_GENERAL_BEFORE.search(s, max(0, m.start() - 12), m.start()):
                continue
            direction = direction_of(mod)
            k = -1 if direction == "past" else 1 if direction == "next" else 0
            if mod and mod.startswith("قبل"):
                k = -2
        if unit == "الشهر":
            y, mo = month_add(pub.year, pub.month, k)
            out.append((m.start(), m.end(), f"{y:04d}-{mo:02d}", "month"))
        else:
            out.append((m.start(), m.end(), f"{pub.year + k:04d}", "year"))



_UNIT_DAYS = {"يوم": 1, "يوما": 1, "يومين": 2, "ايام": 1, "اسبوع": 7, "اسبوعا": 7, "اسبوعين": 14, "اسابيع": 7}
_UNIT_MONTHS = {"شهر": 1, "شهرا": 1, "شهرين": 2, "اشهر": 1, "شهور": 1}
_UNIT_YEARS = {"عام": 1, "عاما": 1, "عامين": 2, "اعوام": 1, "سنه": 1, "سنتين": 2, "سنوات": 1}
_DUAL_OR_SINGULAR = {"يوم", "يومين", "اسبوع", "اسبوعين", "شهر", "شهرين", "عام", "عامين", "سنه", "سنتين"}


def _ago(s: str, regions: Regions, pub: date | None, out: list[Cand]) -> None:
    if pub is None:
        return
    for m in scan(RE_AGO, s, regions):
        unit = m.group("u")
        if m.group("n"):
            n = int(m.group("n"))
        elif m.group("w"):
            n = NUMBER_WORDS[m.group("w")]
        elif unit in _DUAL_OR_SINGULAR:
            n = 1
        else:
            continue  # منذ أشهر, قبل أيام: vague
        if n <= 0:
            continue
        if unit in _UNIT_DAYS:
            out.append((m.start(), m.end(), iso_day(pub - timedelta(days=n * _UNIT_DAYS[unit])), "day"))
        elif unit in _UNIT_MONTHS:
            y, mo = month_add(pub.year, pub.month, -n * _UNIT_MONTHS[unit])
            out.append((m.start(), m.end(), f"{y:04d}-{mo:02d}", "month"))
        elif m.group("kw") == "قبل":
            out.append((m.start(), m.end(), f"{pub.year - n * _UNIT_YEARS[unit]:04d}", "year"))

