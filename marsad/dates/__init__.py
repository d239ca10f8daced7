"""Arabic date expressions: find them, resolve them against the publication date, give a precision.

A regex grammar (`lexicon`) matched against a shadow of the text (`shadow`: letter variants folded,
diacritics and tatweel dropped, offsets mapped back), only in windows around trigger words (`regions`).
Readers turn matches into candidates (`absolute`: dates that name their day, month or year; `relative`:
weekdays, yesterday/tomorrow, this/last month or year, N units ago), calendar arithmetic picks which
occurrence a news text means (`reckon`), and `find` settles overlaps longest-first.

Resolution policy (news is written on or just after the day it reports; see README of eval/dates):

* bare weekday (`الأحد`, `يوم الخميس`, `اليوم الأربعاء`): the latest such day on or before publication;
  `الماضي/المنصرم/الفائت` or `أمس <weekday>`: strictly before; `المقبل/القادم` or `غدا <weekday>`: strictly
  after.
* day + month without a year: the latest such date on or before publication, unless it falls within
  `FUTURE_WINDOW_DAYS` after publication (announced deadlines: `حتى 17 سبتمبر`); `المقبل`/`الماضي` force
  the direction. A bare month name (`في مايو`, `يونيو الماضي`) works the same way at month precision
  with a two-month look-ahead.
* `اليوم` is a date only as an adverb: not in `اليوم الوطني`, `اليوم نفسه`, `في اليوم`, `عين اليوم`
  (an outlet name) or inside quotes (`«اليوم»`, a newspaper).
* `قبل/منذ N أيام|أسابيع` → day precision (a week is rendered as pub − 7N days, day precision);
  `قبل/منذ N أشهر` → month precision; `قبل N أعوام` → year precision. `منذ N سنوات` is not resolved: it is
  a duration far more often than a point. Vague plurals (`منذ أشهر`, `قبل أيام`) and weeks as such
  (`الأسبوع الماضي`) are not resolved: the output has no week precision and a guess would be wrong.
* impossible dates (`31 شباط`, `30 رمضان` in a 29-day month) produce nothing, and also block shorter
  readings of the same words (no month-precision `شباط 2017` out of `31 شباط 2017`).
* Hijri dates with a day (`15 رمضان 1436`, `15/9/1436هـ`) are converted with the Umm al-Qura calendar
  (`hijridate`, optional: without it Hijri dates are skipped). Hijri months or years alone are not
  converted: they straddle Gregorian months/years, so no exact value exists.

Without a publication date only absolute expressions (explicit year) are resolved.
"""

from __future__ import annotations

from marsad.dates.find import find_dates, parse_published, resolve_sentence_date
from marsad.dates.reckon import FUTURE_WINDOW_DAYS

__all__ = ["FUTURE_WINDOW_DAYS", "find_dates", "parse_published", "resolve_sentence_date"]
