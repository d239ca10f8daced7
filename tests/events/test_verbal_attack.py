"""«هاجم» and «هجوم» aimed at a person, a civil body or a thing said or decided, with nothing of force in the
sentence, are criticism (ACCUSE), not an armed attack.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_roles import _events

PEOPLE = {
    "سامر حداد": ("m:haddad", "PER", None, None, None),
    "نبيل عيسى": ("m:issa", "PER", None, None, None),
}


def _types(text: str) -> list[str]:
    return [e.type for e in _events(text, PEOPLE)]


def test_an_attack_on_a_person_or_a_policy_in_words_is_criticism() -> None:
    evs = _events("وشن رئيس الوزراء سامر حداد هجوما شديدا على الرئيس نبيل عيسى بسبب تصريحاته الأخيرة.", PEOPLE)
    assert [e.type for e in evs] == ["ACCUSE"]
    assert evs[0].actor == ["m:haddad"] and evs[0].recipient == ["m:issa"]
    assert _types("وهاجم الوزير سامر حداد سياسة الحكومة في ملف الضرائب.") == ["ACCUSE"]


def test_anything_of_force_keeps_it_an_attack() -> None:
    assert "ASSAULT" in _types("وهاجم مسلحون منزل النائب نبيل عيسى ليلة أمس.")
    assert "ASSAULT" in _types("وقتل ثلاثة أشخاص في هجوم على موكب الرئيس نبيل عيسى.")


def test_a_person_named_after_the_noun_without_ala_is_no_target() -> None:
    # the attack is told again; the man named after it is the group's leader, not whom it hit
    assert "ACCUSE" not in _types("وقال الوزير إن الرجل قائد المجموعة المسؤولة عن الهجوم نبيل عيسى.")
