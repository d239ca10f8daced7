"""The same rules raise the same alerts on SQLite and PostgreSQL (the SQL is written once)."""

from __future__ import annotations

from typing import Any

from marsad.alerts import add_rule, check, evaluate, remove_rule
from marsad.store.queries.alerts import alert_rules, alerts


def _summary(new: list[dict[str, Any]]) -> list[tuple[str, str | None, str]]:
    return sorted((a["kind"], a["doc_id"], a["summary"]) for a in new)


def test_rules_and_alerts_on_both_backends(store_url: str, example_docs: list[Any], tmp_path: Any) -> None:
    from marsad.store import open_store
    from tests.alerts.conftest import fill

    ref = fill(tmp_path / "ref.db", example_docs, analyse=True)
    fill(store_url, example_docs, analyse=True)
    results = []
    for url in (ref, store_url):
        with open_store(url) as store:
            ids = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid")]
            made = [add_rule(store, entity="داعش"), add_rule(store, entity="روسيا", event_type="ASSAULT", place="الرقة"),
                    add_rule(store, query='"الجيش الروسي" OR موسكو'), add_rule(store, contradiction="لافروف")]
            new = evaluate(store, ids)
            assert new and evaluate(store, ids) == [] and check(store) == []
            assert {a["rule_id"] for a in new} >= {made[0]["id"], made[2]["id"], made[3]["id"]}
            assert remove_rule(store, made[0]["id"])
            assert [r["id"] for r in alert_rules(store.conn)] == [r["id"] for r in made[1:]]
            listed = alerts(store.conn, limit=500)
            assert len(listed) == len(new)
            assert alerts(store.conn, entity="Q7803", limit=500) == [a for a in listed if a["rule_id"] == made[3]["id"]]
            results.append(_summary(new))
    assert results[0] == results[1]
