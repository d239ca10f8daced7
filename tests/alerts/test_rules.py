"""Watchlist rules: names resolved to entities when the rule is made, clear refusals, removal."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.alerts import RuleError, add_rule, list_rules, remove_rule

ISIS = "Q2429253"


@pytest.mark.parametrize("name", ["داعش", ISIS, "Islamic State (ISIS)", "تنظيم الدولة الإسلامية"])
def test_an_entity_by_spelling_id_or_english_name(store: Any, name: str) -> None:
    rule = add_rule(store, entity=name)
    assert rule["kind"] == "entity"
    assert ISIS in rule["entity"]
    assert rule["entity_label"]
    assert rule["active"] and rule["id"] >= 1


def test_event_and_place_rules(store: Any) -> None:
    r = add_rule(store, entity="روسيا", event_type="assault", place="الرقة")
    assert (r["kind"], r["event_type"], r["place"], r["entity"]) == ("event", "ASSAULT", ["Q283368"], ["Q159"])
    r = add_rule(store, event_type="ASSAULT")  # every event of a type, whoever is involved
    assert r["kind"] == "event" and r["entity"] == [] and r["place"] == []


def test_query_and_contradiction_rules(store: Any) -> None:
    assert add_rule(store, query='"الجيش الروسي" OR موسكو')["query"] == '"الجيش الروسي" OR موسكو'
    r = add_rule(store, contradiction="لافروف", webhook="https://hooks.example/a?token=x")
    assert r["kind"] == "contradiction" and r["entity"] == ["Q7803"] and r["webhook"].startswith("https://")


@pytest.mark.parametrize(("kw", "message"), [
    ({"entity": "لا أحد بهذا الاسم"}, "no entity known as"),
    ({"entity": "   "}, "no entity given"),
    ({"entity": ISIS, "place": "مكان مجهول تماما"}, "no place known as"),
    ({"contradiction": "nobody-at-all"}, "no entity known as"),
    ({"entity": ISIS, "event_type": "PARTY"}, "unknown PLOVER type"),
    ({"query": "الجيش ("}, "unbalanced"),
    ({"query": "  "}, "empty --query"),
    ({"entity": ISIS, "webhook": "ftp://x.example/"}, r"not an http\(s\) URL"),
    ({}, "give one of"),
    ({"entity": ISIS, "query": "سوريا"}, "give one of"),
])
def test_refusals_are_one_clear_line(store: Any, kw: dict[str, Any], message: str) -> None:
    with pytest.raises(RuleError, match=message) as info:
        add_rule(store, **kw)
    assert "\n" not in str(info.value)
    assert list_rules(store) == []  # nothing half-made


def test_remove_deactivates_and_ids_are_not_reused(store: Any) -> None:
    a = add_rule(store, entity=ISIS)
    b = add_rule(store, entity="روسيا")
    assert remove_rule(store, b["id"])
    assert not remove_rule(store, b["id"])  # already removed
    assert not remove_rule(store, 999)
    assert [r["id"] for r in list_rules(store)] == [a["id"]]
    assert [r["id"] for r in list_rules(store, active_only=False)] == [a["id"], b["id"]]
    c = add_rule(store, entity="سوريا")
    assert c["id"] > b["id"]
