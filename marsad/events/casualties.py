"""Dead and injured counts from one sentence of Arabic news.

Counts are read only where the wording ties a number to killing or wounding: `مقتل 35 مدنياً`,
`سقوط 4 قتلى`, `ارتفع عدد القتلى إلى 50`, `لقي 3 أشخاص مصرعهم`, `إصابة 12 آخرين`, `20 جريحاً`, `مقتل جنديين`.
Digits (ASCII or Arabic-Indic, `1,500`), number words one to ten, tens and `مئة`, and `N آلاف` are read;
a singular victim noun after a killing word counts 1 and a dual counts 2.

Vague quantities (`عشرات`, `العشرات`, `مئات`, `العديد`, `عدد من`) give None, not a guessed lower bound:
event datasets are summed, and an invented 20 for "dozens" would enter every total as if reported.
Consumers who want ACLED-style minimums can apply them downstream where the choice is visible.
"""

from __future__ import annotations

import re

from marsad.text.normalize import normalize

__all__ = ["casualties", "casualties_at"]

_WORDS = {
    "واحد": 1, "واحدا": 1, "اثنين": 2, "اثنان": 2, "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4,
    "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "تسعه": 9,
    "تسع": 9, "عشره": 10, "عشر": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30,
    "اربعين": 40, "اربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70,
    "سبعون": 70, "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90, "مئه": 100, "مائه": 100,
}
_NUM = r"(?P<n>\d+(?:[,.]\d{3})*(?!\d)(?![,.]\d)|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")(?P<k>\s+(?:الاف|الف))?"
_QUAL = r"(?:(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|ما\s+لا\s+يقل\s+عن|ما\s+يزيد\s+عن|ما\s+يزيد\s+علي|ما\s+يقارب|اقل\s+من)\s+)?"
_KILL = r"(?:^|[\s،,(])[وفبل]?(?:مقتل|قتل|استشهاد|مصرع|وفاه|سقوط|اعدام|ذبح|بمقتل)"
#: Nouns a count of the dead or hurt names (normalised spelling); `victims` reads them too.
DEAD_NOUNS = ("قتيل", "قتيلا", "قتلي", "شهيد", "شهيدا", "شهداء", "ضحيه", "ضحايا")
HURT_NOUNS = ("جريح", "جريحا", "جرحي", "مصاب", "مصابا", "مصابين", "مصابون", "اصابات", "اصابه")
_DEAD_NOUN = "(?:" + "|".join(DEAD_NOUNS) + ")"
_HURT = r"(?:^|[\s،,(])[وفبل]?(?:اصابه|جرح|اصيب|اصيبت|اصابت)"
_HURT_NOUN = "(?:" + "|".join(HURT_NOUNS) + ")"
_VICTIM1 = r"(?:شخص|جندي|مدني|طفل|امراه|رجل|ضابط|شرطي|مواطن|عنصر|مسلح|فلسطيني|مقيم|عسكري|مقاتل|صحفي|متظاهر|رجل\s+امن)"
_VICTIM2 = r"(?:شخصين|جنديين|طفلين|رجلين|ضابطين|شرطيين|عنصرين|مواطنين\s+اثنين|امراتين|صحفيين\s+اثنين)"

_DEAD = [
    re.compile(_KILL + r"\s+" + _QUAL + _NUM + r"(?!\s*(?:%|في\s+المئه|بالمئه))"),
    re.compile(r"(?:^|\s)و?" + _QUAL + _NUM + r"\s+(?:\S+\s+)?" + _DEAD_NOUN + r"(?:\s|$|[،,.])"),
    re.compile(r"(?:عدد|حصيله)\s+(?:ال)?(?:قتلي|ضحايا|شهداء|وفيات|الوفيات)(?:\s+\S+){0,3}?\s+(?:الي|ب)\s*" + _QUAL + _NUM),
    re.compile(r"لقي\s+" + _QUAL + _NUM + r"\s+(?:\S+\s+){0,2}(?:مصرع|حتف)"),
]
_DEAD_ONE = re.compile(_KILL + r"\s+(?:ال)?" + _VICTIM1 + r"(?:\s|$|[،,.])")
_DEAD_TWO = re.compile(_KILL + r"\s+(?:ال)?" + _VICTIM2)
_HURT_RX = [
    re.compile(_HURT + r"\s+" + _QUAL + _NUM + r"(?!\s*(?:%|في\s+المئه|بالمئه))"),
    re.compile(r"(?:^|\s)و?" + _QUAL + _NUM + r"\s+(?:\S+\s+)?" + _HURT_NOUN + r"(?:\s|$|[،,.])"),
    re.compile(r"(?:عدد)\s+(?:ال)?(?:جرحي|مصابين|اصابات)(?:\s+\S+){0,3}?\s+(?:الي|ب)\s*" + _QUAL + _NUM),
]
_HURT_ONE = re.compile(_HURT + r"\s+(?:ال)?" + _VICTIM1 + r"(?:\s|$|[،,.])")
_HURT_TWO = re.compile(_HURT + r"\s+(?:ال)?" + _VICTIM2)
_MAX = 1_000_000


def _value(m: re.Match[str]) -> int | None:
    raw = m.group("n")
    n = _WORDS.get(raw)
    if n is None:
        try:
            n = int(raw.replace(",", "").replace(".", ""))
        except ValueError:
            return None
    if m.group("k"):
        n *= 1000
    return n if 0 < n < _MAX else None


def _first(rxs: list[re.Pattern[str]], one: re.Pattern[str], two: re.Pattern[str], s: str) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None  # (position, value): the first stated count in the sentence
    for rx in rxs:
        for m in rx.finditer(s):
            v = _value(m)
            if v is not None and (best is None or m.start() < best[0]):
                best = (m.start(), v)
                break
    for rx, v in ((two, 2), (one, 1)):
        m = rx.search(s)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), v)
    return best


def casualties(sentence: str) -> tuple[int | None, int | None]:
    """(dead, injured) stated in `sentence` (original spelling), None where no count is given."""
    d, _, h, _ = casualties_at(sentence)
    return d, h


def casualties_at(sentence: str) -> tuple[int | None, int, int | None, int]:
    """(dead, where, injured, where): counts with the approximate character position of their phrase
    (positions in the normalised sentence; -1 when absent), so a count can go to the nearest event."""
    if len(sentence) > 5000:
        sentence = sentence[:5000]
    s = normalize(sentence)
    dead = hurt = None
    if any(w in s for w in ("قتل", "قتي", "شهيد", "شهدا", "مصرع", "حتف", "ضحي", "ضحا", "وفا", "اعدام", "ذبح")):
        dead = _first(_DEAD, _DEAD_ONE, _DEAD_TWO, s)
    if any(w in s for w in ("جرح", "جري", "اصاب", "اصيب", "مصاب")):
        hurt = _first(_HURT_RX, _HURT_ONE, _HURT_TWO, s)
    return (dead[1] if dead else None, dead[0] if dead else -1, hurt[1] if hurt else None,
            hurt[0] if hurt else -1)
