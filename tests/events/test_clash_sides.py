"""The two sides of a clash and the land of an invasion: a side that lost men in a clash is one of its two
sides (civilians killed in it are not), the sides named after «بين» when the clash noun is the subject of a
verb of taking place, and the country after a noun of invading is the land invaded unless a لـ-object or a
second country follows it.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_genitives import _typed
from tests.events.test_roles import _events

PARTIES = {
    "الجيش": ("m:army", "ORG", None, None, "MIL"),
    "حركة الفجر": ("m:fajr", "ORG", None, None, None),
    "المسلحين": ("m:ins", "MISC", None, None, "INS"),
    "العراق": ("m:irq", "GPE", "IRQ", "country", None),
    "إيران": ("m:irn", "GPE", "IRN", "country", None),
    "لبنان": ("m:lbn", "GPE", "LBN", "country", None),
    "إسرائيل": ("m:isr", "GPE", "ISR", "country", None),
}


def test_a_side_that_lost_men_in_a_clash_is_one_of_its_sides() -> None:
    ev = _typed(_events("ودارت اشتباكات عنيفة مع الجيش قتل خلالها العشرات من عناصر حركة الفجر.", PARTIES),
                "ASSAULT")
    assert ev.actor == ["m:fajr"] and ev.recipient == ["m:army"]
    ev = _typed(_events("واندلعت مواجهات عنيفة في المدينة سقط فيها عشرون قتيلا في صفوف المسلحين.", PARTIES),
                "ASSAULT")
    assert ev.actor == ["m:ins"]


def test_whom_an_air_strike_killed_stays_its_recipient() -> None:
    ev = _typed(_events("وشن الجيش غارات على المدينة أوقعت عشرين قتيلا في صفوف حركة الفجر.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:army"] and ev.recipient == ["m:fajr"]


def test_the_sides_after_bayna_when_the_clash_is_a_verbs_subject() -> None:
    ev = _typed(_events("ودارت أمس معارك ضارية في عدة أحياء من المدينة بين الجيش وحركة الفجر.", PARTIES),
                "ASSAULT")
    assert ev.actor == ["m:army"] and ev.recipient == ["m:fajr"]


def test_the_country_after_a_noun_of_invading_is_the_land_invaded() -> None:
    ev = _typed(_events("ويرى الكاتب أن غزو العراق عام 2003 غير وجه المنطقة.", PARTIES), "ASSAULT")
    assert ev.actor == [] and ev.recipient == ["m:irq"]
    ev = _typed(_events("وكانت الحرب قد بدأت مع غزو العراق لإيران عام 1980.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:irq"] and ev.recipient == ["m:irn"]
    ev = _typed(_events("وقال إن اجتياح إسرائيل لبنان عام 1982 لم يحقق أهدافه.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:isr"] and ev.recipient == ["m:lbn"]
