"""Every endpoint of the JSON API on the example store: shapes, filters, pagination, errors."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from marsad.api.highlight import highlight

ARTICLE = ("وزير الخارجية يعلن اتفاقاً جديداً\n\nقال وزير الخارجية الأردني أيمن الصفدي يوم الأحد في عمّان إن "
           "الاتفاق مع سوريا سيفتح المعابر الحدودية. وأضاف أن \"التعاون سيستمر\" بين البلدين.")


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/documents", "/api/documents/{doc_id}", "/api/entities/{entity_id}",
                 "/api/quotes", "/api/events", "/api/events.geojson", "/api/stories", "/api/claims",
                 "/api/contradictions", "/api/timeline"):
        assert path in spec["paths"], path
    html = client.get("/docs").text
    assert "/openapi.json" in html
    assert "cdn" not in html.lower() and "https://" not in html.replace("https://fastapi", "")


def test_stats_and_outlets(client: TestClient) -> None:
    s = client.get("/api/stats").json()
    assert s["documents"] == 5 and s["entities"] > 0 and s["quotes"] > 0 and s["events"] > 0
    out = client.get("/api/outlets").json()
    assert out["items"][0]["outlet"] == "middle-east-online.com"


def test_documents_list_pagination(client: TestClient) -> None:
    r = client.get("/api/documents", params={"limit": 2}).json()
    assert len(r["items"]) == 2 and r["next"]
    r2 = client.get(r["next"]).json()
    assert r2["offset"] == 2 and {d["id"] for d in r2["items"]}.isdisjoint({d["id"] for d in r["items"]})
    last = client.get("/api/documents", params={"limit": 2, "offset": 4}).json()
    assert len(last["items"]) == 1 and last["next"] is None
    assert client.get("/api/documents", params={"outlet": "middle-east-online.com"}).json()["items"][0]["published"]


@pytest.mark.parametrize("params", [{"limit": 201}, {"limit": 0}, {"offset": -1}, {"limit": "x"},
                                    {"from": "2017-13-01"}, {"to": "yesterday"}])
def test_pagination_and_validation_limits(client: TestClient, params: dict) -> None:
    r = client.get("/api/documents", params=params)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail and all(d["msg"] for d in detail)


def test_document_with_annotations(client: TestClient) -> None:
    doc_id = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
    d = client.get(f"/api/documents/{doc_id}").json()
    assert d["id"] == doc_id and d["entities"] and d["document"]["text"]
    text = d["document"]["text"]
    for e in d["entities"]:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    assert client.get(f"/api/documents/{doc_id[:6]}").json()["id"] == doc_id  # unique prefix
    assert client.get("/api/documents/ffffffffffffffff").status_code == 404
    assert client.get("/api/documents/not-an-id").status_code == 404


def test_search(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "الجيش الروسي"}).json()
    assert r["items"] and r["query"] == "الجيش الروسي"
    hit = r["items"][0]
    s, e = hit["highlights"][0]
    assert hit["snippet"][s:e]
    only = client.get("/api/search", params={"q": "سوريا", "outlet": "middle-east-online.com"}).json()["items"]
    assert only and all(h["outlet"] == "middle-east-online.com" for h in only)
    assert client.get("/api/search", params={"q": "سوريا", "from": "2018-01-01"}).json()["items"] == []
    assert client.get("/api/search", params={"q": "سوريا", "to": "2017"}).json()["items"]


@pytest.mark.parametrize("q", ["(", "سوريا)", '"غير منتهية', "OR", "AND سوريا", "سوريا NOT", "***", "\"\""])
def test_malformed_search_is_400(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 400, r.text
    assert "query" in r.json()["detail"]


def test_search_requires_q(client: TestClient) -> None:
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 422


def test_entities(client: TestClient) -> None:
    ents = client.get("/api/entities", params={"limit": 5}).json()["items"]
    assert len(ents) == 5 and ents[0]["n_mentions"] >= ents[-1]["n_mentions"]
    found = client.get("/api/entities", params={"q": "لافروف"}).json()["items"]
    assert found and found[0]["type"] == "PER"
    eid = found[0]["id"]
    per = client.get("/api/entities", params={"type": "PER"}).json()["items"]
    assert per and all(e["type"] == "PER" for e in per)
    assert client.get("/api/entities", params={"type": "PERSON"}).status_code == 422
    prof = client.get(f"/api/entities/{eid}").json()
    assert prof["counts"]["mentions"] > 0 and prof["aliases"]
    aliases = client.get(f"/api/entities/{eid}/aliases").json()["items"]
    assert len({a["text"] for a in aliases}) == len(aliases)
    mentions = client.get(f"/api/entities/{eid}/mentions").json()["items"]
    assert mentions and "لافروف" in mentions[0]["context"]["text"]
    quotes = client.get(f"/api/entities/{eid}/quotes").json()["items"]
    assert quotes and all(q["speaker"]["entity"] == eid for q in quotes)
    events = client.get(f"/api/entities/{eid}/events").json()["items"]
    assert all(eid in [a["id"] for a in v["actor"] + v["recipient"]] + [(v["location"] or {}).get("id")]
               for v in events)
    assert client.get(f"/api/entities/{eid}/activity").json()["entity"] == eid
    for sub in ("", "/aliases", "/mentions", "/quotes", "/events", "/activity"):
        assert client.get(f"/api/entities/nope:0{sub}").status_code == 404


def test_quotes_filters(client: TestClient) -> None:
    allq = client.get("/api/quotes", params={"limit": 200}).json()["items"]
    assert allq
    says = client.get("/api/quotes", params={"cue_class": "say"}).json()["items"]
    assert says and all(q["cue"]["class"] == "say" for q in says)
    by = client.get("/api/quotes", params={"speaker": "لافروف"}).json()["items"]
    assert by and all("لافروف" in (q["speaker"]["text"] or "") + (q["speaker"]["name"] or "") for q in by)
    assert client.get("/api/quotes", params={"cue_class": "shout"}).status_code == 422
    dated = client.get("/api/quotes", params={"from": "2017-12-01", "to": "2017-12-31"}).json()["items"]
    assert all("2017-12" <= (q["date"] or q["published"]) <= "2017-12-31" for q in dated)


def test_events_filters_and_geojson(client: TestClient) -> None:
    evs = client.get("/api/events", params={"type": "ASSAULT"}).json()["items"]
    assert evs and all(v["type"] == "ASSAULT" for v in evs)
    assert client.get("/api/events", params={"type": "BOMB"}).status_code == 422
    where = client.get("/api/events", params={"location": "سوريا"}).json()["items"]
    assert where and all(v["location"]["name"] == "سوريا" for v in where)
    assert client.get("/api/events", params={"actor": "لا أحد بهذا الاسم"}).json()["items"] == []
    r = client.get("/api/events.geojson")
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["features"]
    lon, lat = fc["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    places = client.get("/api/events/places").json()["items"]
    assert places and places[0]["events"] >= places[-1]["events"]


def test_corpus_endpoints_before_analysis(client: TestClient) -> None:
    for path in ("/api/stories", "/api/claims", "/api/contradictions"):
        r = client.get(path)
        assert r.status_code == 200, r.text
        assert r.json()["items"] == [] and "not been run" in r.json()["note"]
        assert r.json()["analysis"] == {"analysed": False, "pending": 5}
    for path in ("/stories", "/claims", "/contradictions"):  # the pages say it in Arabic, not as an empty list
        page = client.get(path)
        assert page.status_code == 200 and "لم يُشغَّل التحليل عبر الوثائق" in page.text
        assert "marsad analyse --db" in page.text and 'class="empty"' not in page.text
        assert "not been run" not in page.text
    assert client.get("/api/stories/1").status_code == 404
    tl = client.get("/api/timeline", params={"entity": "لافروف"}).json()
    assert tl["items"] and tl["items"][0]["kind"] in {"mention", "quote", "event"}


def test_corpus_unavailable_is_503(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.api import corpus

    def missing(name: str):
        raise corpus.CorpusUnavailable(f"cross-document analysis ({name}) is not available")

    monkeypatch.setattr(corpus, "find", missing)
    # the response cache assumes the installed code does not change under a running server; this test does
    client.app.state.backend.cache.invalidate()
    for path in ("/api/stories", "/api/claims", "/api/contradictions", "/api/timeline?entity=x"):
        r = client.get(path)
        assert r.status_code == 503 and "not available" in r.json()["detail"]
    page = client.get("/contradictions")
    assert page.status_code == 503 and 'dir="rtl"' in page.text


def test_post_disabled_without_token_config(client: TestClient) -> None:
    r = client.post("/api/documents", json={"text": ARTICLE}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and "MARSAD_API_TOKEN" in r.json()["detail"]


def test_post_requires_right_token_and_stores(writable: TestClient) -> None:
    assert writable.post("/api/documents", json={"text": ARTICLE}).status_code == 401
    bad = writable.post("/api/documents", json={"text": ARTICLE}, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401 and bad.headers["www-authenticate"] == "Bearer"
    auth = {"Authorization": "Bearer s3cret-test-token"}
    r = writable.post("/api/documents", json={"text": ARTICLE, "published": "2024-03-03", "outlet": "example.org"},
                      headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "stored" and body["entities"] > 0
    hits = writable.get("/api/search", params={"q": "الصفدي"}).json()["items"]
    assert [h["id"] for h in hits] == [body["id"]]
    doc = writable.get(body["url"]).json()
    assert doc["document"]["outlet"] == "example.org" and doc["quotes"]
    again = writable.post("/api/documents", json={"text": ARTICLE, "published": "2024-03-03",
                                                  "outlet": "example.org"}, headers=auth)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": "x", "extra": 1}, {"text": ARTICLE, "published": "3/3/24"},
                                  {"text": ARTICLE, "url": "javascript:alert(1)"}, {"text": "An English article only."}])
def test_post_validation(writable: TestClient, body: dict) -> None:
    r = writable.post("/api/documents", json=body, headers={"Authorization": "Bearer s3cret-test-token"})
    assert r.status_code == 422, r.text
    assert r.json()["detail"]


def test_oversized_requests(writable: TestClient) -> None:
    auth = {"Authorization": "Bearer s3cret-test-token"}
    big = b'{"text": "' + b"a" * (6 * 1024 * 1024) + b'"}'
    r = writable.post("/api/documents", content=big, headers=auth | {"Content-Type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["detail"]

    def chunks():  # no Content-Length: counted as it streams
        yield b'{"text": "'
        for _ in range(7):
            yield b"a" * 1024 * 1024
        yield b'"}'

    r = writable.post("/api/documents", content=chunks(), headers=auth | {"Content-Type": "application/json"})
    assert r.status_code == 413
    r = writable.get("/api/search", params={"q": "س" * 3000})
    assert r.status_code == 414 and "too long" in r.json()["detail"]


def test_errors_never_leak_traces(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import queries

    def boom(*a, **k):
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(queries, "documents", boom)
    r = client.get("/api/documents")
    assert r.status_code == 500 and r.json() == {"detail": "internal server error"}
    page = client.get("/documents")
    assert page.status_code == 500 and "secret" not in page.text and "Traceback" not in page.text


def test_pages_and_json_twins(client: TestClient) -> None:
    doc_id = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
    for path in ("/", "/search?q=سوريا", "/documents", f"/documents/{doc_id}", "/entities", "/quotes", "/events",
                 "/map", "/map?view=world", "/stories", "/claims", "/contradictions", "/timeline?entity=لافروف"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert '<html lang="ar" dir="rtl">' in r.text
        assert 'rel="alternate" type="application/json"' in r.text or path == "/timeline"
    assert client.get("/documents/ffffffffffff").status_code == 404
    bad = client.get("/search", params={"q": "("})
    assert bad.status_code == 400 and "unbalanced" in bad.text
    tolerant = client.get("/search", params={"q": "سوريا", "from": "not-a-date", "outlet": ""})
    assert tolerant.status_code == 200 and "غير الصالحة" in tolerant.text


def test_user_text_is_escaped(client: TestClient) -> None:
    r = client.get("/search", params={"q": "<script>alert(1)</script>"})
    assert "<script>alert(1)" not in r.text and "&lt;script&gt;" in r.text


def test_highlight_slices_and_escapes() -> None:
    text = "قال <b>زيد</b> إن عمرو غادر"
    doc = {
        "entities": [{"id": "p:1", "name": "زيد", "type": "PER", "mentions": [{"start": 7, "end": 10}]},
                     {"id": "p:2", "name": "عمرو", "type": "PER", "mentions": [{"start": 18, "end": 22}]}],
        "quotes": [{"speaker": {"text": "زيد", "start": 7, "end": 10, "entity": "p:1"},
                    "cue": {"text": "قال", "start": 0, "end": 3, "class": "say"},
                    "content": {"text": "عمرو غادر", "start": 18, "end": 27}, "direct": False}],
        "events": [{"type": "RETREAT", "trigger": {"start": 23, "end": 27}, "negated": False}],
        "dates": [],
        "bogus": None,
    }
    doc["entities"].append({"id": "x", "name": "x", "type": "LOC", "mentions": [{"start": 500, "end": 900}]})
    html = str(highlight(text, doc))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert html.count('href="/entities/p:1"') == 1
    # overlap: the one element over «عمرو» carries both the quote's and the entity's classes
    assert re.search(r'class="[^"]*\bent-PER\b[^"]*\bquote\b[^"]*"[^>]*>عمرو<', html), html
    assert 'id="q0"' in html and 'id="v0"' in html
    plain = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">")
    assert plain == text


def test_nothing_loads_from_another_host(client: TestClient) -> None:
    from pathlib import Path

    import marsad.api.server as server

    for f in [*(server.WEB / "static").glob("*.*"), *(server.WEB / "templates").glob("*.html")]:
        if f.suffix in {".css", ".js", ".html"}:
            text = f.read_text(encoding="utf-8")
            assert "http://" not in text and "https://" not in text and "//cdn" not in text, f
    docs = client.get("/docs").text
    assert "/docs-assets/" in docs or "/openapi.json" in docs
    assert Path(server.WEB / "static" / "countries.geojson").stat().st_size < 300_000
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_list_pages_link_to_the_next_page(client) -> None:  # type: ignore[no-untyped-def]
    """The pager macro was shadowed by the `pager` context variable it is given, so no page had links."""
    first = client.get("/quotes").text
    assert 'rel="next"' in first and "?page=2" in first
    second = client.get("/quotes?page=2").text
    assert 'rel="prev"' in second
