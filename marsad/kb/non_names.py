"""Spans a tagger marks that are not named entities of the record: God in formulas, peoples and sects.

The annotation guide indexes named persons, bodies and places. Two kinds of words look like names to a
tagger trained on news and are not:

* «الله» alone, the word God of religious formulas (حفظه الله، بتوفيق من الله، والله): inside a name it is
  part of a longer span (عبد الله، حزب الله، رحيم الله) and untouched here;
* a month of a date (أبريل (نيسان) الماضي، حزيران 2015): «نيسان» is also a carmaker to a tagger, «14 آذار»
  a Lebanese alliance, so only a month glossing another month or followed by a year or «الماضي/المقبل» goes;
* a people, an ethnic group or a sect in the plural (المقاتلين التركمان، العرب والأرمن، اللبنانيين): like a
  nationality adjective it describes, it names no one (a body named after a people keeps its whole name:
  «الحزب الديمقراطي الكردستاني», and the generic-agent pass still reads «المسلحين الأرمن» as a group).
"""

from __future__ import annotations

import re

from marsad.kb.countries import country_of_adjective
from marsad.text.calendar import MONTH_VARIANTS, MONTHS
from marsad.text.normalize import normalize, strip_proclitics

_AFTER_MONTH = frozenset({"الماضي", "المقبل", "الجاري", "الحالي", "المنصرم", "القادم"})
_WORD = re.compile(r"\S+")

DIVINE = frozenset({"الله", "لله", "والله", "بالله", "فالله", "تالله", "ولله", "اللة", "اللّه"})
#: Peoples, ethnic groups and sects named by a broken or irregular plural (the regular nisba plurals,
#: السوريين/الإسرائيليون, are read from the nationality-adjective table).
PEOPLES = frozenset(normalize(w) for w in (
    "الأكراد", "الكرد", "الأتراك", "العرب", "التركمان", "الأمازيغ", "الأرمن", "الروس", "الأفغان", "الشيعة",
    "السنة", "الدروز", "الأقباط", "البشتون", "الطاجيك", "الهزارة", "البلوش", "اليهود", "الإيزيديين",
    "الإيزيديون", "الأيزيديين", "العلويين", "العلويون", "المسيحيين", "المسيحيون", "المسلمين", "المسلمون",
    "الأعراب", "البدو", "الأجانب", "الأوروبيين", "الأوروبيون", "الغربيين"))


def not_a_name(span: str) -> bool:
    """Whether a tagged span is God in a formula or a people in the plural (see the module docstring)."""
    s = span.strip()
    if s in DIVINE:
        return True
    if " " in s:
        return False
    w = strip_proclitics(normalize(s))
    if w in PEOPLES:
        return True
    return w.endswith(("يين", "يون")) and country_of_adjective(w) is not None


def month_of_a_date(text: str, start: int, end: int) -> bool:
    """Whether the span is a month written as part of a date (see the module docstring)."""
    month = normalize(text[start:end].strip())
    if month not in MONTHS and month not in MONTH_VARIANTS:
        return False
    before = text[max(0, start - 20):start].rstrip()
    if before.endswith("("):
        prev = _WORD.findall(before[:-1])
        if prev and normalize(prev[-1].strip("()،,")) in MONTHS:
            return True  # أبريل (نيسان): a gloss of the month before it
    nxt = _WORD.findall(text[end:end + 20])
    if not nxt:
        return False
    word = normalize(nxt[0].strip(")،,.«»"))
    return word in _AFTER_MONTH or (len(word) == 4 and word.isdigit())
