"""Hostile stored values on the web pages (issue 20): non-web URLs as links, bidi controls in titles."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from marsad.document import Document

URLS = ["javascript:alert(document.domain)", "JavaScript:alert(1)", " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "https://news.example/ok"]
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """A store whose articles carry hostile URLs and titles with every bidi control, and an app over it."""
    from marsad.api.server import create_app
    from marsad.store import open_store

    db = tmp_path_factory.mktemp("hostile") / "h.db"
    ids = {}
    with open_store(db) as st:
        for i, url in enumerate(URLS):
            title = f"عنوان{BIDI[i % len(BIDI)]} مقلوب {i}\u202e"
            doc = Document(text=f"{title}\n\nقال الوزير إن الاتفاق مع سوريا سيستمر.", title=title, url=url,
                           source=f"h{i}.txt")
            st.add(doc)
            ids[url] = doc.id
    with TestClient(create_app(str(db)), base_url="http://localhost") as c:
        yield c, ids


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_only_web_urls_become_links(hostile: tuple[TestClient, dict[str, str]]) -> None:
    """Issue 20.11: a stored `javascript:` or `data:` URL became the document's "original link" on the
    document and search pages (only the Content-Security-Policy kept it from running)."""
    c, ids = hostile
    pages = [c.get(f"/documents/{doc_id}").text for doc_id in ids.values()]
    pages.append(c.get("/search", params={"q": "سوريا"}).text)
    for html in pages:
        for link in _links(html):
            assert re.match(r"^(https?://|/|\?|#)", link.strip()), link
    assert "https://news.example/ok" in _links(c.get(f"/documents/{ids['https://news.example/ok']}").text)
    assert "https://news.example/ok" in _links(pages[-1])
    # the JSON API still reports the stored value as it is: it is data there, not a link
    assert c.get(f"/api/documents/{ids[URLS[0]]}").json()["document"]["url"] == URLS[0]


def test_bidi_controls_never_reach_a_page(hostile: tuple[TestClient, dict[str, str]]) -> None:
    """Issue 20.12: bidi overrides in a title reordered the page around it (an unclosed U+202E runs on
    into the next field)."""
    c, ids = hostile
    paths = [f"/documents/{doc_id}" for doc_id in ids.values()]
    paths += ["/search?q=سوريا", "/documents", "/"]
    for path in paths:
        html = c.get(path).text
        assert "مقلوب" in html, path
        assert not set(html) & set(BIDI), path
