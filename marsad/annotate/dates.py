"""Arabic date expressions: find them, resolve them against the publication date, give a precision.

Why a regex grammar and not `dateparser`: the event stage must run at ~300 articles/s per core, and
`dateparser.search` costs tens of milliseconds per article and misses most Arabic news idioms
(`الأحد المقبل`, `ديسمبر/كانون الأول`, `نهاية العام الجاري`). Here every pattern is compiled once at import
and matched against a *shadow* of the text in which spelling variants that never change a date's meaning
are unified (أ/إ/آ→ا, ة→ه, ى→ي, Arabic-Indic digits→ASCII) and diacritics/tatweel are dropped (`غداً`,
`بـ22`). Shadow offsets are mapped back, so every `DateRef` points into the original text exactly.

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

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta

from marsad.annotate.pipeline import register
from marsad.document import DateRef, Document
from marsad.text.calendar import AMBIGUOUS_MONTHS, HIJRI_MONTHS, MONTHS, WEEKDAYS
from marsad.text.normalize import fold_letters

try:  # optional: exact Umm al-Qura conversion; Hijri expressions are skipped without it
    from hijridate import Gregorian as _HGregorian
    from hijridate import Hijri as _Hijri
except ImportError:  # pragma: no cover - depends on the environment
    _Hijri = None
    _HGregorian = None

__all__ = ["FUTURE_WINDOW_DAYS", "find_dates", "resolve_sentence_date"]

# How far after publication an unmarked `25 أيار` may lie before we read it as last year's (deadlines and
# scheduled events are announced a few weeks ahead; past events dominate beyond that).
FUTURE_WINDOW_DAYS = 60
# Same for a bare month name, in months.
FUTURE_WINDOW_MONTHS = 2

# ---------------------------------------------------------------------------------------------------
# Shadow text: length-preserving letter/digit unification + removal of marks, with an offset map.

_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")


class _Shadow:
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


# ---------------------------------------------------------------------------------------------------
# Lexicon (all in shadow spelling).

_MONTHS = MONTHS
_AMBIGUOUS_MONTHS = AMBIGUOUS_MONTHS
_HIJRI_MONTHS = HIJRI_MONTHS
_WEEKDAYS = WEEKDAYS

_NUMBER_WORDS: dict[str, int] = {
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7,
    "سبع": 7, "ثمانيه": 8, "ثماني": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
}


def _alt(words: Iterable[str]) -> str:
    """A trie-shaped alternation of `words` (spaces match any whitespace run).

    Python's `re` tries the branches of `a|b|c` one after another at every position; factoring common
    prefixes (`ا(?:مس|حد|...)`) lets a position fail after one character, which is most of the speed.
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append((r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]))
        if not alts:
            return ""
        if end:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


# Start of an expression: a word start, optionally after the proclitics و/ف and ب/ل (وفي, بـ22, والأحد).
_B = r"(?:(?<![\w])|(?<=(?<![\w])[وفبل])|(?<=(?<![\w])[وف][بل]))"
_E = r"(?!\w)"
_MONTH = rf"(?:{_alt(_MONTHS)}){_E}"
# A month in one naming, optionally glossed in another: ديسمبر/كانون الأول, كانون الأول (ديسمبر), يونيو حزيران.
_MONTH_PAIR = rf"(?P<m1>{_MONTH})(?:(?:\s*/\s*|\s*\(\s*|\s+)(?P<m2>{_MONTH})(?:\s*\))?)?"
_YEAR = r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])(?:\s*م{_E})?".replace("{_E}", _E)
_YEAR_TAIL = rf"(?:\s*[،,]?\s*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?{_YEAR})"
_MOD_PAST = "الماضي|المنصرم|الفائت|الماضيه|المنصرمه|الفائته"
_MOD_NEXT = "المقبل|القادم|المقبله|القادمه"
_MOD_THIS = "الجاري|الحالي|الجاريه|الحاليه"
_MOD = rf"(?:\s+(?P<mod>{_MOD_PAST}|{_MOD_NEXT}|{_MOD_THIS}){_E})?"
_WEEKDAY = rf"(?:{_alt(_WEEKDAYS)}){_E}"
_WD_PREFIX = rf"(?:(?:يوم\s+)?{_WEEKDAY}\s*[،,]?\s*)?"

_RE_DMY = re.compile(
    rf"{_B}{_WD_PREFIX}(?:ال\s*)?(?P<d>[0-9]{{1,2}})(?![0-9])\s*(?:من\s+)?(?:شهر\s+)?{_MONTH_PAIR}{_YEAR_TAIL}?{_MOD}"
)
_RE_MY = re.compile(rf"{_B}(?P<cue>شهر\s+)?{_MONTH_PAIR}{_YEAR_TAIL}")
_MONTH_CUES = "في|خلال|منذ|حتي|بحلول|مطلع|بدايه|نهايه|اواخر|اوائل|منتصف|اول|شهر|الشهر|قبل|بعد|من|الي"
_RE_MONTH = re.compile(rf"(?:(?P<cue>(?<!\w)[وفبل]?(?:{_MONTH_CUES})\s+)|{_B}){_MONTH_PAIR}{_MOD}")
_RE_NUMERIC = re.compile(
    r"(?<![0-9/.\-])(?P<a>[0-9]{1,4})(?P<sep>[/\-.])(?P<b>[0-9]{1,2})(?P=sep)(?P<c>[0-9]{1,4})(?![0-9]|[/.\-][0-9])"
    rf"(?P<h>\s*ه{_E})?"
)
_HMONTH = rf"(?P<hm>{_alt(_HIJRI_MONTHS)}){_E}"
_RE_HIJRI = re.compile(
    rf"{_B}{_WD_PREFIX}(?P<d>[0-9]{{1,2}})(?![0-9])\s*(?:من\s+)?(?:شهر\s+)?{_HMONTH}"
    rf"(?:\s*[،,]?\s*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<y>1[34][0-9]{{2}})(?![0-9])(?:\s*ه{_E})?)?"
)
_RE_WEEKDAY = re.compile(
    rf"{_B}(?:(?P<pre>اليوم|امس|غدا|يوم\s+غد|غد|يوم)\s*[(]?\s*)?(?P<wd>{_WEEKDAY})(?:\s*[)])?"
    rf"(?:\s+(?P<mod>{_MOD_PAST}|{_MOD_NEXT}){_E})?"
)
_RE_RELDAY = re.compile(
    rf"{_B}(?:(?P<m2>اول\s+(?:من\s+)?امس|امس\s+الاول|الليله\s+قبل\s+الماضيه|بعد\s+غد)"
    rf"|(?P<m1>امس|البارحه|الليله\s+الماضيه)|(?P<p1>غدا|يوم\s+غد)|(?P<today>اليوم)){_E}"
)
_RE_RELMY = re.compile(
    rf"{_B}(?:(?P<pre>مطلع|بدايه|بدايات|نهايه|اواخر|اوائل|منتصف|ختام|مستهل)\s+)?"
    rf"(?:(?P<u>الشهر|العام|السنه)(?:\s+(?P<mod>(?:قبل\s+)?(?:{_MOD_PAST})|{_MOD_NEXT}|{_MOD_THIS}){_E})?"
    rf"|(?P<this>هذا\s+(?P<u2>الشهر|العام)|هذه\s+السنه)){_E}(?!\s*(?:19|20)[0-9]{{2}}(?![0-9]))"
)
_RE_AGO = re.compile(
    rf"{_B}(?P<kw>قبل|منذ)\s+(?:(?P<n>[0-9]{{1,3}})\s+|(?P<w>{_alt(_NUMBER_WORDS)})\s+)?"
    r"(?P<u>يوم|يوما|يومين|ايام|اسبوع|اسبوعا|اسبوعين|اسابيع|شهر|شهرا|شهرين|اشهر|شهور|عام|عاما|عامين"
    rf"|اعوام|سنه|سنتين|سنوات){_E}(?!\s*[0-9])"
)
# A 4-digit number followed by a counted noun is a quantity, not a year (في 2000 منزل).
_COUNTED = _alt({"شخص", "منزل", "دولار", "ريال", "جنيه", "يورو", "طن", "متر", "كيلو", "مواطن", "عامل", "قتيل",
                 "جريح", "لاجي", "طالب", "وحده", "مليون", "الف", "مليار", "سائح", "جندي", "عنصر", "مقاتل", "حاله",
                 "سياره", "برميل", "اسره", "عائله", "موظف", "مشارك", "زائر", "حاج", "معتمر", "مريض", "منشاه"})
_YEAR_NOM = "عام|العام|عامي|سنه|السنه|سنتي|نهايه|مطلع|بدايه|اواخر|اوائل|منتصف|ختام|مستهل"
_YEAR_PREP = "في|منذ|حتي|بحلول|خلال|بين|من|الي|قبل|بعد|موسم"
_RE_YEAR = re.compile(
    rf"(?:(?<!\w)[وفبل]?(?P<prep>{_YEAR_PREP})\s+(?:(?P<nom2>عام|العام|سنه)\s+)?|{_B}(?P<nom>{_YEAR_NOM})\s+(?:(?:عام|العام|سنه)\s+)?)"
    rf"(?P<y>(?:19|20)[0-9]{{2}})(?![0-9])(?![/.\-][0-9])(?!\s+(?:{_COUNTED}){_E})(?:\s*م{_E})?"
)
_RE_YEAR_CHAIN = re.compile(r"\s*(?:و\s*|-\s*|(?:الي|حتي)\s+)(?:(?:عام|العام)\s+)?(?P<y>(?:19|20)[0-9]{2})(?![0-9])")

# Context that turns a match into a non-date.
_NOT_TODAY_BEFORE = re.compile(
    r"(?:(?<!\w)[وفبل]?(?:عين|صحيفه|جريده|ذلك|نفس|ذات|طوال|مدار|خلال|في|هذا|اخر|منتصف|نهايه|بدايه)\s*|[«\"“'‘]\s*)$"
)
_NOT_TODAY_AFTER = re.compile(r"^\s*(?:[»\"”'’]|ال(?!احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)\w|نفسه|ذاته)")
_NOT_WEEKDAY_AFTER = {
    "الاثنين": re.compile(r"\s+(?:الاخرين|الاخريين|الاخرين|منهم|منهما|معا|الاخر|كليهما)"),
    "الاحد": re.compile(r"\s+(?:عشر|الصمد)"),
}
_NOT_WEEKDAY_BEFORE = re.compile(r"(?:كلا|الواحد|الله)\s+$")
_NOT_GENERAL_BEFORE = re.compile(
    r"(?:الامين|المدير|المدعي|النائب|الراي|القطاع|المفتش|المراقب|المنسق|القائد|الحق|الصالح|الامن|النظام|"
    r"الاداء|المال|الذوق|الشان|المؤتمر|الصعيد)\s+$"
)


# ---------------------------------------------------------------------------------------------------
# Calendar arithmetic.

def _month_add(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _valid_day(m: int, d: int) -> bool:
    """Whether day d exists in month m in some year (29 شباط does, 30 شباط does not)."""
    return 1 <= d <= (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)


def _pick_year(pub: date, m: int, d: int, direction: str | None) -> date | None:
    """The occurrence of day d of month m that a news text published on `pub` most likely means."""
    cands = [c for c in (_safe_date(pub.year + k, m, d) for k in (-1, 0, 1)) if c is not None]
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


def _pick_month(pub: date, m: int, direction: str | None) -> tuple[int, int]:
    """Year of a bare month name: this month's year, else nearest with a short look-ahead."""
    delta = (m - pub.month) % 12  # 0..11 months ahead
    if direction == "past":
        ahead = delta - 12
    elif direction == "next":
        ahead = delta if delta > 0 else 12
    else:
        ahead = delta if delta <= FUTURE_WINDOW_MONTHS else delta - 12
    return _month_add(pub.year, pub.month, ahead)


def _weekday(pub: date, wd: int, direction: str | None) -> date:
    """Latest `wd` on or before pub (None), strictly before ("past") or strictly after ("next")."""
    back = (pub.weekday() - wd) % 7
    if direction == "next":
        return pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    if direction == "past" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _direction(mod: str | None) -> str | None:
    if not mod:
        return None
    if mod.startswith(("الماضي", "المنصرم", "الفائت", "قبل")):
        return "past"
    if mod.startswith(("المقبل", "القادم")):
        return "next"
    return "this"


def _hijri_to_date(hy: int, hm: int, hd: int) -> date | None:
    if _Hijri is None:
        return None
    try:
        g = _Hijri(hy, hm, hd).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def _iso_day(d: date) -> str:
    return d.isoformat()


# ---------------------------------------------------------------------------------------------------
# Candidate generation. A candidate is (start, end, value, precision) in shadow offsets; value None
# marks an impossible date whose words must not be re-read as something else.

_Cand = tuple[int, int, str | None, str]
_Regions = list[tuple[int, int]]

# Every expression has one of these within a few characters of its start (a digit, a month or weekday
# name, or a relative word). Scanning once for them and running the full grammar only in windows around
# them makes an article without dates cost one regex pass instead of ten (3.5 ms -> well under 1 ms).
_TRIGGER_KINDS: dict[str, str] = {
    **{k: "month" for k in _MONTHS if k not in ("اب", "ماي")},  # those two only count beside a trigger
    **{w: "weekday" for w in _WEEKDAYS},
    **dict.fromkeys(("امس", "البارحه", "غد", "اليوم", "الليله"), "relday"),
    **dict.fromkeys(("شهر", "عام", "سنه"), "unit"),
    **dict.fromkeys(("قبل", "منذ"), "ago"),
}
_TRIGGER = re.compile("[0-9]+|" + _alt(_TRIGGER_KINDS))
_BEFORE, _AFTER = 20, 48  # window around a trigger; longer than any expression's reach from it


def _regions(s: str) -> dict[str, _Regions]:
    """Merged windows of `s` around date triggers, per kind of trigger."""
    out: dict[str, _Regions] = {}
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


def _union(*lists: _Regions | None) -> _Regions:
    """Merged union of window lists."""
    allr = sorted(r for rs in lists if rs for r in rs)
    out: _Regions = []
    for lo, hi in allr:
        if out and lo <= out[-1][1]:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _scan(rx: re.Pattern[str], s: str, regions: _Regions) -> Iterator[re.Match[str]]:
    """Matches of `rx` inside the trigger windows (lookbehinds still see the text before a window)."""
    for lo, hi in regions:
        yield from rx.finditer(s, lo, hi)


def _month_of(m: re.Match[str]) -> int | None:
    """The month of a (possibly glossed) month group; None if the two names disagree."""
    m1 = _MONTHS[re.sub(r"\s+", " ", m.group("m1"))]
    if m.group("m2"):
        if _MONTHS[re.sub(r"\s+", " ", m.group("m2"))] != m1:
            return None
    return m1


def _dmy(s: str, regions: _Regions, pub: date | None, out: list[_Cand]) -> None:
    for m in _scan(_RE_DMY, s, regions):
        mon = _month_of(m)
        if mon is None:
            continue
        day = int(m.group("d"))
        start, end = m.span()
        if not _valid_day(mon, day):
            out.append((start, end, None, "day"))
            continue
        if m.group("y"):
            d = _safe_date(int(m.group("y")), mon, day)
            out.append((start, end, _iso_day(d) if d else None, "day"))
            continue
        if pub is None:
            continue
        direction = _direction(m.group("mod"))
        d = _pick_year(pub, mon, day, direction if direction != "this" else None)
        if d is not None:
            out.append((start, end, _iso_day(d), "day"))


def _my(s: str, regions: _Regions, out: list[_Cand]) -> None:
    for m in _scan(_RE_MY, s, regions):
        mon = _month_of(m)
        if mon is None:
            continue
        out.append((m.start(), m.end(), f"{int(m.group('y')):04d}-{mon:02d}", "month"))


def _month_alone(s: str, regions: _Regions, pub: date | None, out: list[_Cand]) -> None:
    if pub is None:
        return
    for m in _scan(_RE_MONTH, s, regions):
        mon = _month_of(m)
        if mon is None:
            continue
        name = re.sub(r"\s+", " ", m.group("m1"))
        cue = (m.group("cue") or "").strip()
        paired = m.group("m2") is not None
        mod = m.group("mod")
        if name in _AMBIGUOUS_MONTHS and not (paired or mod or cue.endswith("شهر")):
            continue
        if name in ("ماي", "اب") and not (paired or cue.endswith("شهر")):
            continue
        direction = _direction(mod)
        y, mo = _pick_month(pub, mon, direction if direction != "this" else None)
        if direction == "this":
            y = pub.year
        start = m.start("m1") if not cue.endswith("شهر") else m.start("cue") + (len(m.group("cue")) - len(m.group("cue").lstrip("وفبل")))
        out.append((start, m.end(), f"{y:04d}-{mo:02d}", "month"))


def _numeric(s: str, regions: _Regions, out: list[_Cand]) -> None:
    for m in _scan(_RE_NUMERIC, s, regions):
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
            if not (1 <= mo <= 12 and _valid_day(mo, d)):
                out.append((start, end, None, "day"))
                continue
            g = _safe_date(y, mo, d)
            out.append((start, end, _iso_day(g) if g else None, "day"))
        elif 1300 <= y <= 1500:
            g = _hijri_to_date(y, mo, d) if 1 <= mo <= 12 else None
            out.append((start, end, _iso_day(g) if g else None, "day"))


def _hijri(s: str, regions: _Regions, pub: date | None, out: list[_Cand]) -> None:
    if _Hijri is None:
        return
    for m in _scan(_RE_HIJRI, s, regions):
        hm = _HIJRI_MONTHS[re.sub(r"\s+", " ", m.group("hm"))]
        hd = int(m.group("d"))
        start, end = m.span()
        if not 1 <= hd <= 30:
            out.append((start, end, None, "day"))
            continue
        if m.group("y"):
            g = _hijri_to_date(int(m.group("y")), hm, hd)
            out.append((start, end, _iso_day(g) if g else None, "day"))
            continue
        if pub is None or _HGregorian is None:
            continue
        try:
            hy = _HGregorian(pub.year, pub.month, pub.day).to_hijri().year
        except (ValueError, OverflowError):
            continue
        cands = [g for g in (_hijri_to_date(hy + k, hm, hd) for k in (-1, 0, 1)) if g is not None]
        soon = [g for g in cands if pub < g <= pub + timedelta(days=FUTURE_WINDOW_DAYS)]
        past = [g for g in cands if g <= pub]
        pick = min(soon) if soon else (max(past) if past else None)
        if pick is not None:
            out.append((start, end, _iso_day(pick), "day"))


def _weekdays(s: str, regions: _Regions, pub: date | None, out: list[_Cand]) -> None:
    if pub is None:
        return
    for m in _scan(_RE_WEEKDAY, s, regions):
        wd_name = m.group("wd")
        after = _NOT_WEEKDAY_AFTER.get(wd_name)
        if after is not None and after.match(s, m.end("wd")) and not m.group("pre"):
            continue
        if not m.group("pre") and _NOT_WEEKDAY_BEFORE.search(s, max(0, m.start() - 12), m.start()):
            continue
        pre = m.group("pre")
        direction = _direction(m.group("mod"))
        if direction is None and pre == "امس":
            direction = "past"
        elif direction is None and pre is not None and pre.startswith(("غد", "يوم غد")):
            direction = "next"
        d = _weekday(pub, _WEEKDAYS[wd_name], direction if direction != "this" else None)
        out.append((m.start(), m.end(), _iso_day(d), "day"))


def _reldays(s: str, regions: _Regions, pub: date | None, out: list[_Cand]) -> None:
    if pub is None:
        return
    for m in _scan(_RE_RELDAY, s, regions):
        if m.group("m2"):
            k = 2 if m.group("m2").startswith("بعد") else -2
        elif m.group("m1"):
            k = -1
        elif m.group("p1"):
            k = 1
        else:
            if _NOT_TODAY_BEFORE.search(s, max(0, m.start() - 12), m.start()):
                continue
            if _NOT_TODAY_AFTER.match(s[m.end():m.end() + 12]):
                continue
            k = 0
        out.append((m.start(), m.end(), _iso_day(pub + timedelta(days=k)), "day"))


def _relmy(s: str, regions: _Regions, pub: date | None, out: list[_Cand]) -> None:
    if pub is None:
        return
    for m in _scan(_RE_RELMY, s, regions):
        if m.group("this"):
            unit = m.group("u2") or "السنه"
            k = 0
        else:
            unit = m.group("u")
            mod = m.group("mod")
            if not mod and not m.group("pre"):
                continue
            if not m.group("pre") and _NOT_GENERAL_BEFORE.search(s, max(0, m.start() - 12), m.start()):
                continue
            direction = _direction(mod)
            k = -1 if direction == "past" else 1 if direction == "next" else 0
            if mod and mod.startswith("قبل"):
                k = -2
        if unit == "الشهر":
            y, mo = _month_add(pub.year, pub.month, k)
            out.append((m.start(), m.end(), f"{y:04d}-{mo:02d}", "month"))
        else:
            out.append((m.start(), m.end(), f"{pub.year + k:04d}", "year"))


_UNIT_DAYS = {"يوم": 1, "يوما": 1, "يومين": 2, "ايام": 1, "اسبوع": 7, "اسبوعا": 7, "اسبوعين": 14, "اسابيع": 7}
_UNIT_MONTHS = {"شهر": 1, "شهرا": 1, "شهرين": 2, "اشهر": 1, "شهور": 1}
_UNIT_YEARS = {"عام": 1, "عاما": 1, "عامين": 2, "اعوام": 1, "سنه": 1, "سنتين": 2, "سنوات": 1}
_DUAL_OR_SINGULAR = {"يوم", "يومين", "اسبوع", "اسبوعين", "شهر", "شهرين", "عام", "عامين", "سنه", "سنتين"}


def _ago(s: str, regions: _Regions, pub: date | None, out: list[_Cand]) -> None:
    if pub is None:
        return
    for m in _scan(_RE_AGO, s, regions):
        unit = m.group("u")
        if m.group("n"):
            n = int(m.group("n"))
        elif m.group("w"):
            n = _NUMBER_WORDS[m.group("w")]
        elif unit in _DUAL_OR_SINGULAR:
            n = 1
        else:
            continue  # منذ أشهر, قبل أيام: vague
        if n <= 0:
            continue
        if unit in _UNIT_DAYS:
            out.append((m.start(), m.end(), _iso_day(pub - timedelta(days=n * _UNIT_DAYS[unit])), "day"))
        elif unit in _UNIT_MONTHS:
            y, mo = _month_add(pub.year, pub.month, -n * _UNIT_MONTHS[unit])
            out.append((m.start(), m.end(), f"{y:04d}-{mo:02d}", "month"))
        elif m.group("kw") == "قبل":
            out.append((m.start(), m.end(), f"{pub.year - n * _UNIT_YEARS[unit]:04d}", "year"))


def _years(s: str, regions: _Regions, out: list[_Cand]) -> None:
    for m in _scan(_RE_YEAR, s, regions):
        chain: list[re.Match[str]] = []
        pos = m.end()
        while (c := _RE_YEAR_CHAIN.match(s, pos)) is not None:
            chain.append(c)
            pos = c.end()
        prep = m.group("prep")
        if prep in ("من", "بين") and not chain:
            continue  # أكثر من 2000 شخص
        start = m.start("nom") if m.group("nom") else m.start("nom2") if m.group("nom2") else m.start("y")
        out.append((start, m.end(), m.group("y"), "year"))
        for c in chain:
            out.append((c.start("y"), c.end(), c.group("y"), "year"))


# ---------------------------------------------------------------------------------------------------
# Public API.

def _parse_pub(published: str | None) -> date | None:
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
    pub = _parse_pub(published)
    sh = _Shadow(text)
    s = sh.text
    cands: list[_Cand] = []
    regions = _regions(s)
    if not regions:
        return []
    digit, month, unit = regions.get("digit"), regions.get("month"), regions.get("unit")
    if digit:
        _dmy(s, digit, pub, cands)
        _hijri(s, digit, pub, cands)
        _numeric(s, digit, cands)
        _years(s, digit, cands)
    if month or digit:
        _my(s, _union(month, digit), cands)
    if month or unit:
        _month_alone(s, _union(month, unit), pub, cands)
    if "weekday" in regions:
        _weekdays(s, regions["weekday"], pub, cands)
    if "relday" in regions:
        _reldays(s, regions["relday"], pub, cands)
    if unit:
        _relmy(s, unit, pub, cands)
    if "ago" in regions:
        _ago(s, regions["ago"], pub, cands)
    if not cands:
        return []
    # Longest first; on equal length an impossible date (None) blocks, then the earlier pattern wins.
    order = sorted(range(len(cands)), key=lambda i: (cands[i][0] - cands[i][1], cands[i][2] is not None, i))
    taken: list[tuple[int, int]] = []
    kept: list[_Cand] = []
    for i in order:
        st, en, _, _ = cands[i]
        if any(st < e and s_ < en for s_, e in taken):
            continue
        taken.append((st, en))
        if cands[i][2] is not None:
            kept.append(cands[i])
    kept.sort()
    out: list[DateRef] = []
    for st, en, value, prec in kept:
        o_s, o_e = sh.span(st, en)
        out.append(DateRef(text=text[o_s:o_e], start=o_s, end=o_e, value=value or "", precision=prec))
    return out


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


@register("dates")
def build_dates() -> Callable[[Document], Document]:
    """Pipeline factory: fills `doc.dates`; nothing to load, so building is free."""

    def component(doc: Document) -> Document:
        doc.dates = find_dates(doc.text, doc.published)
        return doc

    return component
