"""The date grammar: number words, a fast alternation builder and every pattern, all in shadow spelling.

Every pattern is compiled once at import: the event stage must run at ~300 articles/s per core, which
rules out a general date parser (`dateparser.search` costs tens of milliseconds per article and misses
most Arabic news idioms). Patterns match the shadow text of `marsad.dates.shadow`, so letter variants and
diacritics are already gone. Month and weekday names come from `marsad.text.calendar`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from marsad.text.calendar import HIJRI_MONTHS, MONTHS, WEEKDAYS

__all__ = [
    "NOT_GENERAL_BEFORE", "NOT_TODAY_AFTER", "NOT_TODAY_BEFORE", "NOT_WEEKDAY_AFTER", "NOT_WEEKDAY_BEFORE",
    "NUMBER_WORDS", "RE_AGO", "RE_DMY", "RE_HIJRI", "RE_MONTH", "RE_MY", "RE_NUMERIC", "RE_RELDAY", "RE_RELMY",
    "RE_WEEKDAY", "RE_YEAR", "RE_YEAR_CHAIN", "alternation",
]

NUMBER_WORDS: dict[str, int] = {
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7,
    "سبع": 7, "ثمانيه": 8, "ثماني": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
}


def alternation(words: Iterable[str]) -> str:
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
_MONTH = rf"(?:{alternation(MONTHS)}){_E}"
# A month in one naming, optionally glossed in another: ديسمبر/كانون الأول, كانون الأول (ديسمبر), يونيو حزيران.
_MONTH_PAIR = rf"(?P<m1>{_MONTH})(?:(?:\s*/\s*|\s*\(\s*|\s+)(?P<m2>{_MONTH})(?:\s*\))?)?"
_YEAR = r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])(?:\s*م{_E})?".replace("{_E}", _E)
_YEAR_TAIL = rf"(?:\s*[،,]?\s*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?{_YEAR})"
_MOD_PAST = "الماضي|المنصرم|الفائت|الماضيه|المنصرمه|الفائته"
_MOD_NEXT = "المقبل|القادم|المقبله|القادمه"
_MOD_THIS = "الجاري|الحالي|الجاريه|الحاليه"
_MOD = rf"(?:\s+(?P<mod>{_MOD_PAST}|{_MOD_NEXT}|{_MOD_THIS}){_E})?"
_WEEKDAY = rf"(?:{alternation(WEEKDAYS)}){_E}"
_WD_PREFIX = rf"(?:(?:يوم\s+)?{_WEEKDAY}\s*[،,]?\s*)?"

RE_DMY = re.compile(
    rf"{_B}{_WD_PREFIX}(?:ال\s*)?(?P<d>[0-9]{{1,2}})(?![0-9])\s*(?:من\s+)?(?:شهر\s+)?{_MONTH_PAIR}{_YEAR_TAIL}?{_MOD}"
)
RE_MY = re.compile(rf"{_B}(?P<cue>شهر\s+)?{_MONTH_PAIR}{_YEAR_TAIL}")
_MONTH_CUES = "في|خلال|منذ|حتي|بحلول|مطلع|بدايه|نهايه|اواخر|اوائل|منتصف|اول|شهر|الشهر|قبل|بعد|من|الي"
RE_MONTH = re.compile(rf"(?:(?P<cue>(?<!\w)[وفبل]?(?:{_MONTH_CUES})\s+)|{_B}){_MONTH_PAIR}{_MOD}")
RE_NUMERIC = re.compile(
    r"(?<![0-9/.\-])(?P<a>[0-9]{1,4})(?P<sep>[/\-.])(?P<b>[0-9]{1,2})(?P=sep)(?P<c>[0-9]{1,4})(?![0-9]|[/.\-][0-9])"
    rf"(?P<h>\s*ه{_E})?"
)
_HMONTH = rf"(?P<hm>{alternation(HIJRI_MONTHS)}){_E}"
RE_HIJRI = re.compile(
    rf"{_B}{_WD_PREFIX}(?P<d>[0-9]{{1,2}})(?![0-9])\s*(?:من\s+)?(?:شهر\s+)?{_HMONTH}"
    rf"(?:\s*[،,]?\s*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<y>1[34][0-9]{{2}})(?![0-9])(?:\s*ه{_E})?)?"
)
RE_WEEKDAY = re.compile(
    rf"{_B}(?:(?P<pre>اليوم|امس|غدا|يوم\s+غد|غد|يوم)\s*[(]?\s*)?(?P<wd>{_WEEKDAY})(?:\s*[)])?"
    rf"(?:\s+(?P<mod>{_MOD_PAST}|{_MOD_NEXT}){_E})?"
)
RE_RELDAY = re.compile(
    rf"{_B}(?:(?P<m2>اول\s+(?:من\s+)?امس|امس\s+الاول|الليله\s+قبل\s+الماضيه|بعد\s+غد)"
    rf"|(?P<m1>امس|البارحه|الليله\s+الماضيه)|(?P<p1>غدا|يوم\s+غد)|(?P<today>اليوم)){_E}"
)
RE_RELMY = re.compile(
    rf"{_B}(?:(?P<pre>مطلع|بدايه|بدايات|نهايه|اواخر|اوائل|منتصف|ختام|مستهل)\s+)?"
    rf"(?:(?P<u>الشهر|العام|السنه)(?:\s+(?P<mod>(?:قبل\s+)?(?:{_MOD_PAST})|{_MOD_NEXT}|{_MOD_THIS}){_E})?"
    rf"|(?P<this>هذا\s+(?P<u2>الشهر|العام)|هذه\s+السنه)){_E}(?!\s*(?:19|20)[0-9]{{2}}(?![0-9]))"
)
RE_AGO = re.compile(
    rf"{_B}(?P<kw>قبل|منذ)\s+(?:(?P<n>[0-9]{{1,3}})\s+|(?P<w>{alternation(NUMBER_WORDS)})\s+)?"
    r"(?P<u>يوم|يوما|يومين|ايام|اسبوع|اسبوعا|اسبوعين|اسابيع|شهر|شهرا|شهرين|اشهر|شهور|عام|عاما|عامين"
    rf"|اعوام|سنه|سنتين|سنوات){_E}(?!\s*[0-9])"
)
# A 4-digit number followed by a counted noun is a quantity, not a year (في 2000 منزل).
_COUNTED = alternation({
    "شخص", "منزل", "دولار", "ريال", "جنيه", "يورو", "طن", "متر", "كيلو", "مواطن", "عامل", "قتيل", "جريح", "لاجي",
    "طالب", "وحده", "مليون", "الف", "مليار", "سايح", "جندي", "عنصر", "مقاتل", "حاله", "سياره", "برميل", "اسره",
    "عايله", "موظف", "مشارك", "زاير", "حاج", "معتمر", "مريض", "منشاه",
})
_YEAR_NOM = "عام|العام|عامي|سنه|السنه|سنتي|نهايه|مطلع|بدايه|اواخر|اوائل|منتصف|ختام|مستهل"
_YEAR_PREP = "في|منذ|حتي|بحلول|خلال|بين|من|الي|قبل|بعد|موسم"
RE_YEAR = re.compile(
    rf"(?:(?<!\w)[وفبل]?(?P<prep>{_YEAR_PREP})\s+(?:(?P<nom2>عام|العام|سنه)\s+)?|{_B}(?P<nom>{_YEAR_NOM})\s+(?:(?:عام|العام|سنه)\s+)?)"
    rf"(?P<y>(?:19|20)[0-9]{{2}})(?![0-9])(?![/.\-][0-9])(?!\s+(?:{_COUNTED}){_E})(?:\s*م{_E})?"
)
RE_YEAR_CHAIN = re.compile(r"\s*(?:و\s*|-\s*|(?:الي|حتي)\s+)(?:(?:عام|العام)\s+)?(?P<y>(?:19|20)[0-9]{2})(?![0-9])")

# Context that turns a match into a non-date.
NOT_TODAY_BEFORE = re.compile(
    r"(?:(?<!\w)[وفبل]?(?:عين|صحيفه|جريده|ذلك|نفس|ذات|طوال|مدار|خلال|في|هذا|اخر|منتصف|نهايه|بدايه)\s*|[«\"“'‘]\s*)$"
)
NOT_TODAY_AFTER = re.compile(r"^\s*(?:[»\"”'’]|ال(?!احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)\w|نفسه|ذاته)")
NOT_WEEKDAY_AFTER = {
    "الاثنين": re.compile(r"\s+(?:الاخرين|الاخريين|الاخرين|منهم|منهما|معا|الاخر|كليهما)"),
    "الاحد": re.compile(r"\s+(?:عشر|الصمد)"),
}
NOT_WEEKDAY_BEFORE = re.compile(r"(?:كلا|الواحد|الله)\s+$")
NOT_GENERAL_BEFORE = re.compile(
    r"(?:الامين|المدير|المدعي|النائب|الراي|القطاع|المفتش|المراقب|المنسق|القائد|الحق|الصالح|الامن|النظام|"
    r"الاداء|المال|الذوق|الشان|المؤتمر|الصعيد)\s+$"
)

