"""Gender and number from Arabic morphology."""

from __future__ import annotations

from marsad.kb.agreement import gender, is_human_plural, name_gender, number, verb_agreement


def test_taa_marbuta_and_exceptions() -> None:
    assert gender(["المتحدثة", "باسم"]) == "f"
    assert gender(["الوزارة"]) == "f"
    assert gender(["الخليفة"]) == "m"
    assert name_gender(["أسامة", "نور"]) == "m"
    assert name_gender(["طارق", "رحمة"]) == "m"  # no ة on the given name: the surname does not count
    assert name_gender(["سلوى", "طاهر"]) == "f"
    assert name_gender(["فاطمة", "سليم"]) == "f"
    assert name_gender(["مريم", "خوري"]) == "f"
    assert name_gender(["إيلينا", "سميرنوفا"]) == "f"  # a feminine Slavic surname
    # a theophoric given name ends in God's name, not in ة
    assert name_gender(["عبدربه", "سالم"]) == "m" and name_gender(["عبدالله", "ناصر"]) == "m"
    assert name_gender(["نصرالله", "حمدان"]) == "m"


def test_plurals_and_verb_agreement() -> None:
    assert number(["المحتجون"]) == "pl" and gender(["المحتجون"]) == "m"
    assert is_human_plural("للمسعفين") and is_human_plural("خبراء")
    assert not is_human_plural("فلسطين") and not is_human_plural("حسين")
    assert number(["الاتفاقات"]) == "pl" and gender(["الاتفاقات"]) == "f"
    assert verb_agreement(["مصادر", "مطلعة"]) == ("f", "sg")  # non-human plural: feminine singular verb
    assert verb_agreement(["شهود", "عيان"]) == ("m", "pl")
    assert verb_agreement(["كندا"], "GPE") == ("f", "sg")
    assert verb_agreement(["الحزب"]) == ("m", "sg")
