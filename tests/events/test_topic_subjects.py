"""Subjects that stand away from their verb: a party described by a relative clause or a parenthesis
that closes right before the verb (أن الحركة التي تنشط في الإقليم هاجمت القافلة), a body's people after
في (قيادات في الحركة اعتقلت), and a person named by a descriptor after من قبل (من قبل نائبه X).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_genitives import _typed
from tests.events.test_roles import _events

PARTIES = {
    "حركة الفجر": ("m:fajr", "ORG", None, None, None),
    "الحركة": ("m:haraka", "ORG", None, None, None),
    "جبهة الساحل": ("m:sahil", "ORG", None, None, None),
    "سامر حداد": ("m:haddad", "PER", None, None, None),
    "الإقليم": ("m:iqlim", "LOC", None, None, None),
}


def test_a_party_whose_relative_clause_closes_before_the_verb_is_its_subject() -> None:
    for text in ("وأكد البيان أن حركة الفجر التي تنشط في الإقليم هاجمت القافلة.",
                 "وأكد البيان أن حركة الفجر، التي تسيطر على الإقليم منذ عامين، هاجمت القافلة.",
                 "وأكد البيان أن حركة الفجر، وهي أكبر جماعة مسلحة، هاجمت القافلة."):
        assert _typed(_events(text, PARTIES), "ASSAULT").actor == ["m:fajr"], text


def test_a_verb_inside_the_relative_clause_is_not_the_main_verb() -> None:
    # «قالت إنها هاجمت»: the attack is told inside the relative clause, through its complementizer
    ev = _typed(_events("وقال المتحدث إن حركة الفجر التي قالت إنها هاجمت القافلة تكذب.", PARTIES), "ASSAULT")
    assert ev.actor != ["m:sahil"]


def test_an_object_with_a_relative_clause_is_not_the_next_verbs_subject() -> None:
    # the party is the object of an earlier verb, so it is no topic of what follows its relative clause
    ev = _typed(_events("ودعمت جبهة الساحل حركة الفجر التي تنشط في الإقليم وهاجمت القافلة.", PARTIES), "ASSAULT")
    assert ev.actor != ["m:fajr"]


def test_the_leaders_of_a_body_after_fi_act_for_it() -> None:
    ev = _typed(_events("وقالت مصادر إن قيادات في حركة الفجر اعتقلت ثلاثة صحفيين.", PARTIES), "COERCE")
    assert ev.actor == ["m:fajr"]


def test_armed_men_in_a_place_do_not_act_for_the_place() -> None:
    ev = _typed(_events("وهاجم مسلحون في الإقليم حاجزا للجيش.", PARTIES), "ASSAULT")
    assert ev.actor != ["m:iqlim"]


def test_a_person_after_min_qibal_and_a_descriptor_is_the_agent() -> None:
    ev = _typed(_events("وتم اعتقال الصحفي من قبل نائبه سامر حداد في المدينة.", PARTIES), "COERCE")
    assert ev.actor == ["m:haddad"]
