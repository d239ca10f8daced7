"""`/api/alerts` (filters, paging, newest first), `/api/alerts/rules`, and the Alerts page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import LOCAL


@pytest.fixture(scope="module")
def alerted(tmp_path_factory: pytest.TempPathFactory, store_db: Path) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    """A copy of the example store with four rules evaluated over every document, and an app over it."""
    from marsad.alerts import add_rule, evaluate
    from marsad.api.server import create_app
    from marsad.store import open_store

    db = tmp_path_factory.mktemp("alerts-api") / "a.db"
    shutil.copy(store_db, db)
    with open_store(db) as store:
        rules = {"isis": add_rule(store, entity="داعش", webhook="https://hooks.example/secret-token"),
                 "assault": add_rule(store, entity="روسيا", event_type="ASSAULT"),
                 "query": add_rule(store, query='"الجيش الروسي"'),
                 "baghdad": add_rule(store, entity="Q1530")}
        ids = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid")]
        first = evaluate(store, ids[:2])
        later = evaluate(store, ids[2:])
    with TestClient(create_app(str(db)), raise_server_exceptions=False, base_url=LOCAL) as c:
        yield c, {"rules": rules, "first": first, "later": later, "total": len(first) + len(later)}


def test_alerts_newest_first_and_paged(alerted: tuple[TestClient, dict[str, Any]]) -> None:
    client, info = alerted
    r = client.get("/api/alerts", params={"limit": 200})
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= {"items", "next", "limit", "offset"} and body["next"] is None
    items = body["items"]
    assert len(items) == info["total"]
    keys = [(a["created_at"], a["id"]) for a in items]
    assert keys == sorted(keys, reverse=True)
    assert items[0]["id"] == max(a["id"] for a in info["later"])
    page1 = client.get("/api/alerts", params={"limit": 5}).json()
    assert len(page1["items"]) == 5 and page1["next"]
    page2 = client.get(page1["next"]).json()
    assert [a["id"] for a in page1["items"] + page2["items"]] == [a["id"] for a in items[:10]]
    a = items[0]
    assert set(a) >= {"id", "rule_id", "kind", "created_at", "doc_id", "published", "summary", "evidence", "rule"}
    assert "secret-token" not in r.text  # webhook addresses are never served


def test_alert_filters(alerted: tuple[TestClient, dict[str, Any]]) -> None:
    client, info = alerted
    rules = info["rules"]

    def get(**params: Any) -> list[dict[str, Any]]:
        r = client.get("/api/alerts", params={"limit": 200, **params})
        assert r.status_code == 200, r.text
        return r.json()["items"]

    assault = get(rule=rules["assault"]["id"])
    assert assault and {a["rule_id"] for a in assault} == {rules["assault"]["id"]}
    assert {a["evidence"]["event_type"] for a in assault} == {"ASSAULT"}
    docs = get(kind="document")
    assert docs and {a["kind"] for a in docs} == {"document"} and {a["rule_id"] for a in docs} == {rules["query"]["id"]}
    assert {a["rule_id"] for a in get(entity="Q2429253")} == {rules["isis"]["id"]}
    assert {a["rule_id"] for a in get(entity="داعش")} == {rules["isis"]["id"]}
    assert {a["rule_id"] for a in get(entity="روسيا")} == {rules["assault"]["id"]}
    assert get(entity="no-such-entity") == []
    today = info["first"][0]["created_at"][:10]
    assert len(get(**{"from": today, "to": today})) == info["total"]
    assert get(to="2000-01-01") == [] and get(**{"from": "2999"}) == []
    assert len(get(**{"from": today[:7]})) == info["total"]


@pytest.mark.parametrize("params", [{"kind": "nope"}, {"rule": "x"}, {"rule": 0}, {"from": "2020-13-01"},
                                    {"limit": 0}, {"limit": 500}])
def test_bad_filters_are_422(alerted: tuple[TestClient, dict[str, Any]], params: dict[str, Any]) -> None:
    assert alerted[0].get("/api/alerts", params=params).status_code == 422


def test_rules_endpoint_hides_webhooks(alerted: tuple[TestClient, dict[str, Any]]) -> None:
    client, info = alerted
    r = client.get("/api/alerts/rules")
    assert r.status_code == 200 and "secret-token" not in r.text
    items = r.json()["items"]
    assert [x["id"] for x in items] == [x["id"] for x in info["rules"].values()]
    assert items[0]["webhook"] is True and items[1]["webhook"] is False


def test_alerts_in_the_openapi_schema(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/alerts" in paths and "/api/alerts/rules" in paths
    names = {p["name"] for p in paths["/api/alerts"]["get"]["parameters"]}
    assert names >= {"rule", "kind", "entity", "from", "to", "limit", "offset"}


def test_a_store_without_alerts(client: TestClient) -> None:
    r = client.get("/api/alerts")
    assert r.status_code == 200 and r.json()["items"] == []
    page = client.get("/alerts")
    assert page.status_code == 200 and "marsad alert add" in page.text


def test_alerts_page(alerted: tuple[TestClient, dict[str, Any]]) -> None:
    client, info = alerted
    r = client.get("/alerts")
    assert r.status_code == 200
    html = r.text
    assert 'dir="rtl"' in html and "التنبيهات" in html
    assert html.count('class="alert-item') == 20  # one page
    newest = max(info["later"], key=lambda a: a["id"])
    assert f'id="alert-{newest["id"]}"' in html and f'/documents/{newest["doc_id"]}' in html
    assert 'href="/api/alerts"' in html and 'aria-current="page"' in html
    r = client.get("/alerts", params={"kind": "quote"})
    assert r.status_code == 200 and "<blockquote>" in r.text and "#q" in r.text
    r = client.get("/alerts", params={"kind": "event"})
    assert 'class="tag ev"' in r.text and "#v" in r.text
    r = client.get("/alerts", params={"kind": "document"})
    assert "<mark>" in r.text
    r = client.get("/alerts", params={"kind": "mention"})
    assert "إشارة في" in r.text
    r = client.get("/alerts", params={"rule": "abc", "kind": "zzz", "from": "bad"})
    assert r.status_code == 200 and r.text.count('class="notice"') == 3
    r = client.get("/alerts", params={"page": 2})
    assert r.status_code == 200 and 'rel="prev"' in r.text
