"""Where the noun phrase that names a body ends (kb/orgchunk.chunk).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.kb.orgchunk import chunk
from marsad.text.normalize import normalize


def _name(text: str) -> str:
    words = [normalize(w) for w in text.split()]
    raw = text.split()
    last = chunk(words, [""] * len(words), 0)
    return " ".join(raw[:last + 1])


def test_after_an_adjective_a_noun_starts_another_phrase() -> None:
    # the verbal noun after the nisba is what the ministry announced, not part of its name
    assert _name("وزارة الخارجية الأردنية الإفراج عن المعتقلين") == "وزارة الخارجية الأردنية"
    assert _name("هيئة الرقابة المالية العمل المتواصل") == "هيئة الرقابة المالية"


def test_adjectives_of_a_name_go_on() -> None:
    assert _name("منظمة الأمم المتحدة للطفولة تحذر") == "منظمة الأمم المتحدة للطفولة"
    assert _name("الهيئة العامة للإحصاء أصدرت") == "الهيئة العامة للإحصاء"
    assert _name("وزارة الشؤون الاجتماعية والعمل قررت") == "وزارة الشؤون الاجتماعية والعمل"
    assert _name("المجلس الوطني الانتقالي الليبي قرر") == "المجلس الوطني الانتقالي الليبي"
    assert _name("حزب الضباط الأحرار أعلن") == "حزب الضباط الأحرار"
