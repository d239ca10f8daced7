"""A party right before its verb is the verb's subject (SVO), in reported clauses and in headlines; what
follows the verb is then its object (events/clauses.adjacent_subject).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_genitives import PARTIES, _typed
from tests.events.test_roles import _events

WITH_LIBYA = {**PARTIES, "ليبيا": ("Q1016", "GPE", "LBY", "country", None)}
WITH_IRAN = {**PARTIES, "إيران": ("Q794", "GPE", "IRN", "country", None)}


def test_a_party_before_the_verb_is_its_subject_and_the_genitive_after_is_hit() -> None:
    ev = _typed(_events("وأوضح البيان أن الجيش الليبي قصف مواقع حركة الشباب قرب الحدود.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:lby_army"] and ev.recipient == ["m:shabab"]


def test_a_headline_in_subject_verb_order() -> None:
    ev = _typed(_events("جبهة النصرة تدعم حزب التحرير في الانتخابات\nأعلنت الجبهة أمس موقفها.", PARTIES), "SUPPORT")
    assert ev.actor == ["m:nusra"] and ev.recipient == ["m:tahrir"]


def test_negation_or_kana_may_stand_between() -> None:
    ev = _typed(_events("وقال المتحدث إن حركة الشباب لم تهاجم مواقع الجيش الليبي أمس.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:shabab"]
    ev = _typed(_events("وذكر شهود أن جبهة النصرة كانت تقصف مقرات حزب التحرير طوال الليل.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:nusra"] and ev.recipient == ["m:tahrir"]


def test_a_violent_verb_with_no_object_after_it_is_passive() -> None:
    # قُتل is written like قَتل: with nothing to kill after it, the party before was killed
    ev = _typed(_events("وكانت تقارير ذكرت أن حسن الراشد قتل إلا أن حزب التحرير نفى ذلك.", PARTIES), "ASSAULT")
    assert "m:hassan" not in ev.actor


def test_a_noun_spelt_like_a_verb_keeps_the_subject_of_its_clause() -> None:
    # استقالة reads like a verb with its object pronoun (استقاله); the noun's own genitive resigns
    evs = _events("في المقابل، استبعد رئيس الحزب النائب حسن الراشد استقالة الحكومة، مرجحا حلا قريبا.", PARTIES)
    assert all("m:hassan" not in e.actor for e in evs if e.trigger.text == "استقالة")


def test_after_fi_a_country_is_a_place_not_a_nationality() -> None:
    # «سورية» is also the feminine of «سوري»; after في it is the country, which did not fight
    evs = _events("وحذر التقرير من تزايد عدد الشبان الذين سافروا للقتال في سورية مع الفصائل هناك.", PARTIES)
    assert all(not e.actor for e in evs if e.type == "ASSAULT")


def test_the_nationality_of_armed_means_names_who_fights_with_them() -> None:
    evs = _events("وقصفت المدفعية الثقيلة الليبية أمس مواقع لحركة الشباب، وقالت ليبيا إنها ترد على هجوم.", WITH_LIBYA)
    ev = evs[0]
    assert ev.type == "ASSAULT" and ev.actor == ["Q1016"] and ev.recipient == ["m:shabab"]
    ev = _typed(_events("وشنت مقاتلات ليبية غارات على تجمعات لجبهة النصرة، بحسب ليبيا.", WITH_LIBYA), "ASSAULT")
    assert ev.actor == ["Q1016"] and ev.recipient == ["m:nusra"]
    # a person after a killing verb may be its passive subject: the victim, whose nationality names no killer
    evs = _events("وقتل الشاب الليبي في القصف أمس، بحسب ليبيا.", WITH_LIBYA)
    assert all(e.actor != ["Q1016"] for e in evs)


def test_the_accused_is_who_supports() -> None:
    # اتهم X Y بدعم Z: the ب of the charge, not «بدعم X» (with X's support)
    ev = _typed(_events("واتهمت حركة الشباب إيران بدعم جبهة النصرة بالسلاح.", WITH_IRAN), "SUPPORT")
    assert ev.actor == ["Q794"] and ev.recipient == ["m:nusra"]


def test_relative_ma_is_no_negation() -> None:
    evs = _events("وتتهم جبهة النصرة حزب التحرير بقصف مواقعها، وهو ما ينفيه الحزب.", WITH_LIBYA)
    assert all(not e.negated for e in evs)


def test_shooting_down_aircraft_is_an_attack_and_other_droppings_are_not() -> None:
    ev = _typed(_events("وأعلن الجيش الليبي أنه أسقط طائرة مسيرة قرب الحدود.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:lby_army"]
    assert not _events("وأسقطت المحكمة التهم عن حسن الراشد أمس.", PARTIES)
