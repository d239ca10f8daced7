"""Spans a tagger marks that are not named entities of the record: God in formulas, peoples and sects.

The annotation guide indexes named persons, bodies and places. Two kinds of words look like names to a
tagger trained on news and are not:

* «الله» alone, the word God of religious formulas (حفظه الله، بتوفيق من الله، والله): inside a name it is
  part of a longer span (عبد الله، حزب الله، رحيم الله) and untouched here;
* a people, an ethnic group or a sect in the plural (المقاتلين التركمان، العرب والأرمن، اللبنانيين): like a
  nationality adjective it describes, it names no one (a body named after a people keeps its whole name:
  «الحزب الديمقراطي الكردستاني», and the generic-agent pass still reads «المسلحين الأرمن» as a group).
"""

from __future__ import annotations

from marsad.kb.countries import country_of_adjective
from marsad.text.normalize import normalize, strip_proclitics

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
