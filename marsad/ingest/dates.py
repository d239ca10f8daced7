"""Publication dates from Arabic text, for pages and files that carry no machine-readable date.

Arabic news writes dates with two month-name systems (Egyptian/Gulf يناير… and Levantine/Iraqi كانون
الثاني…), often both at once ("7 ديسمبر/كانون الأول 2017"), in Western or Arabic-Indic digits, or
numerically day-first (07/12/2017). A wrong publication date silently corrupts every relative date
resolved against it, so this parser only returns dates that exist in the calendar: "31 شباط 2017" is
refused, never rounded.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

from marsad.dates.lexicon import alternation
from marsad.dates.reckon import safe_date
from marsad.text.calendar import MONTH_VARIANTS, MONTHS, WEEKDAYS
from marsad.text.normalize import fold_letters

# every naming system the date-mention reader knows (marsad.text.calendar), keyed in shadow spelling: the
# text is matched after `fold_letters` (alef forms, ة, ى and Arabic-Indic digits unified, one for one)
_MONTH_NUMBER = {**MONTHS, **MONTH_VARIANTS}
_MONTH_RE = alternation(_MONTH_NUMBER)
_DATE = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?(?P<m>{_MONTH_RE})(?![\w])"
    rf"(?:\s*[/(\-]\s*(?P<m2>{_MONTH_RE})\s*\)?)?"
    r"\s*[,،]?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<y>\d{4})(?!\d)"
    r"|(?<!\d)(?P<iy>\d{4})[/\-.](?P<im>\d{1,2})[/\-.](?P<id>\d{1,2})(?!\d)"
    r"|(?<![\d/\-.])(?P<nd>\d{1,2})[/\-.](?P<nm>\d{1,2})[/\-.](?P<ny>\d{4})(?!\d)"
)


def _valid(y: int, m: int, d: int) -> str | None:
    if not 1900 <= y <= 2100:
        return None
    day = safe_date(y, m, d)
    return day.isoformat() if day else None


def find_published_date(text: str) -> str | None:
    """The first real calendar date written in `text` as ISO YYYY-MM-DD, or None.

    Understands "7 ديسمبر 2017", "22 كانون الأول 2017", "السبت 7 ديسمبر/كانون الأول 2017",
    "2017/12/07", "07-12-2017" (day first, as Arabic sources write it) and Arabic-Indic digits.
    Dates that do not exist ("31 شباط 2017") are skipped; a day and month without a year are not a date.
    """
    for m in _DATE.finditer(fold_letters(text)):
        if m.group("d"):
            month = _MONTH_NUMBER.get(re.sub(r"\s+", " ", m.group("m")))
            value = _valid(int(m.group("y")), month or 0, int(m.group("d")))
        elif m.group("iy"):
            value = _valid(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        else:
            d, mo, y = int(m.group("nd")), int(m.group("nm")), int(m.group("ny"))
            if mo > 12 >= d:  # written month-first, as some English-language CMS templates do
                d, mo = mo, d
            value = _valid(y, mo, d)
        if value:
            return value
    return None


_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: object) -> str | None:
    """ISO date from a metadata field: ISO timestamps, RFC 822 (feeds), or any form `find_published_date` reads."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO_PREFIX.match(value)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if value[:3].isascii() and value[:3].isalpha():
        try:
            return _valid(*parsedate_to_datetime(value).timetuple()[:3])
        except (TypeError, ValueError, IndexError):
            pass
    return find_published_date(value)


_WEEKDAYS = re.compile(rf"(?:ال)?(?:{alternation(w[2:] for w in WEEKDAYS)})")  # with or without ال
_TIME_WORDS = frozenset(fold_letters(w) for w in (
    "الساعة الموافق بتوقيت مكة المكرمة غرينتش جرينتش توقيت صباحا مساء ص م هـ ه GMT UTC AM PM am pm".split()))
_WORD = re.compile(r"[^\W\d_]+")


def date_line(line: str) -> str | None:
    """ISO date when `line` is nothing but a date stamp ("الخميس 7 ديسمبر 2017 - 10:30 م"), else None.

    Scraped pages put the publication timestamp on a line of its own near the title; recognising it lets
    the plain-text reader take the date and drop the line without touching sentences that mention dates.
    """
    if len(line) > 80:
        return None
    t = fold_letters(line)
    m = _DATE.search(t)
    if not m:
        return None
    rest = _WEEKDAYS.sub(" ", t[: m.start()] + " " + t[m.end() :])
    if any(w not in _TIME_WORDS for w in _WORD.findall(rest)):
        return None
    return find_published_date(t)
