"""The Arabic web interface in a real (headless) browser: layout direction, highlights, chart, map, pairs.

Screenshots go to test-artifacts/screenshots/ for a person to look at; assertions check what can be
checked mechanically (direction, elements present, nothing requested from another host).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _rtl(page: Any) -> None:
    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


def test_search_with_highlighted_snippets(page: Any, shots: Path) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("/")
    _rtl(page)
    page.fill(".search-big input[name=q]", "الجيش الروسي")
    page.click(".search-big button")
    page.wait_for_url("**/search?**")
    hits = page.locator("ol.hits li.hit")
    assert hits.count() >= 1
    assert page.locator(".snippet mark").count() >= 1
    # the search box sits on the right of the page, as RTL layout puts the start of a line
    box = page.locator("form.filters label.grow").bounding_box()
    assert box and box["x"] + box["width"] > 640
    page.screenshot(path=str(shots / "search.png"), full_page=True)
    assert all(u.startswith(page.url.split("/search")[0]) for u in requests), "a request left the server"


def test_article_highlights_and_legend(page: Any, shots: Path) -> None:
    page.goto("/search?q=لافروف")
    page.locator("ol.hits li.hit h2 a").first.click()
    page.wait_for_url("**/documents/**")
    _rtl(page)
    assert page.locator(".legend").is_visible()
    for sel in (".body a.ent", ".body .quote", ".body .cue", ".body .event"):
        assert page.locator(sel).count() > 0, sel
    assert page.locator(".body a.ent").first.is_visible()
    # the text is the original article: highlighting added markup, never characters
    text = page.locator(".body").inner_text()
    assert "لافروف" in text
    assert page.locator(".side ol.compact li").count() > 0
    page.screenshot(path=str(shots / "article.png"))


def test_entity_page_timeline_chart(page: Any, shots: Path) -> None:
    # from the dated article (the documents list puts it first), open its most mentioned entity
    page.goto("/documents")
    page.locator("table.table tbody tr a").first.click()
    page.wait_for_url("**/documents/**")
    page.locator(".side a.chip").first.click()
    page.wait_for_url("**/entities/**")
    _rtl(page)
    chart = page.locator("svg#timeline-chart")
    assert chart.is_visible()
    assert page.locator("svg#timeline-chart g.bar rect.s-mentions").count() >= 1
    page.locator("svg#timeline-chart g.bar").first.hover()
    assert page.locator(".chart-readout").inner_text().strip() != ""  # the JS enhancement ran
    page.screenshot(path=str(shots / "entity.png"), full_page=True)


def test_events_map(page: Any, shots: Path) -> None:
    page.goto("/map")
    _rtl(page)
    svg = page.locator("svg#event-map")
    assert svg.is_visible()
    assert page.locator("svg#event-map path.country").count() > 20
    assert page.locator("svg#event-map a.point circle").count() >= 1
    names = page.locator("svg#event-map path.country title").evaluate_all("els => els.map(e => e.textContent)")
    assert "Syria" in names
    assert page.locator(".map-tools button").count() == 3
    page.screenshot(path=str(shots / "map.png"), full_page=True)
    page.click(".map-tools button >> nth=0")  # zoom in: the viewBox shrinks
    assert page.locator("svg#event-map").get_attribute("viewBox") != f"0 0 {svg.get_attribute('data-width')} {svg.get_attribute('data-height')}"


def test_contradictions_side_by_side(page: Any, shots: Path) -> None:
    page.goto("/contradictions")
    _rtl(page)
    pairs = page.locator("ol.pairs li.pair")
    if pairs.count() == 0:
        pytest.fail("no contradictions on the example store: " + page.locator("main").inner_text()[:300])
    first = pairs.first
    a, b = first.locator(".side-q").nth(0).bounding_box(), first.locator(".side-q").nth(1).bounding_box()
    assert a and b and a["x"] > b["x"], "the first side should be on the right in an RTL page"
    assert first.locator("dl dd").count() == 6  # speaker, outlet, date for each side
    why = first.locator(".reason bdi").inner_text().strip()  # why the pair is listed, in Arabic
    assert why and not re.search("[A-Za-z]", why), why
    codes = {r.get_attribute("data-reason") for r in page.locator("li.pair .reason").all()}
    assert codes >= {"denial", "ended_persists"}, codes  # the machine-readable code rides along
    assert page.locator(".notice.analysis-pending").count() == 0  # the example store is analysed
    page.screenshot(path=str(shots / "contradictions.png"), full_page=False)


def test_works_without_javascript(browser: Any, base_url: str, shots: Path) -> None:
    ctx = browser.new_context(base_url=base_url, java_script_enabled=False, locale="ar")
    pg = ctx.new_page()
    pg.goto("/map?view=mena")
    assert pg.locator("svg#event-map path.country").count() > 20
    pg.goto("/search?q=داعش")
    assert pg.locator("ol.hits li.hit").count() >= 1
    pg.screenshot(path=str(shots / "search-nojs.png"))
    ctx.close()


def test_alerts_page_links_to_evidence(page: Any, store_db: Path, shots: Path) -> None:
    from marsad.alerts import add_rule, evaluate
    from marsad.store import open_store

    with open_store(store_db) as store:
        if not store.conn.execute("SELECT count(*) FROM alert_rules").fetchone()[0]:
            add_rule(store, contradiction="لافروف")
            add_rule(store, entity="داعش")
            add_rule(store, query='"الجيش الروسي"')
            evaluate(store, [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid")])
    page.goto("/alerts")
    _rtl(page)
    items = page.locator("ol.alerts li.alert-item")
    assert items.count() == 20
    assert page.locator("header nav a[aria-current=page]").inner_text() == "التنبيهات"
    page.screenshot(path=str(shots / "alerts.png"), full_page=False)
    page.goto("/alerts?kind=contradiction")
    pair = page.locator("li.alert-item .pair").first
    a, b = pair.locator(".side-q").nth(0).bounding_box(), pair.locator(".side-q").nth(1).bounding_box()
    assert a and b and a["x"] > b["x"], "the first side should be on the right in an RTL page"
    page.screenshot(path=str(shots / "alerts-contradictions.png"), full_page=False)
    page.goto("/alerts?kind=event")
    page.locator("li.alert-item a.doc").first.click()
    page.wait_for_url("**/documents/**#v*")
    assert page.locator(".body .event").count() > 0
