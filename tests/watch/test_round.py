"""Rounds against the local site: nothing lost, nothing twice, whatever the sources do between rounds."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tests.watch.helpers import (
    NOT_ARTICLE,
    Site,
    arabic,
    article_page,
    count,
    make_watcher,
    rows,
)


def item(n: int, *, link: str | None = None, full: bool = True, guid: bool = True) -> dict[str, str]:
    """A feed item: a full article in content:encoded, or (full=False) a one-line summary."""
    it = {"title": f"خبر رقم {n}", "description": "ملخص قصير للخبر " + str(n)}
    if guid:
        it["guid"] = f"urn:item:{n}"
    if link:
        it["link"] = link
    if full:
        it["content"] = arabic(n, 150)
    return it


def docs(db: str) -> int:
    return count(db, "SELECT count(*) FROM documents")


def test_feed_items_are_ingested_once_and_validators_are_sent_back(site: Site, store_url: str) -> None:
    site.feed("/rss", [item(1), item(2)], version=1)
    w = make_watcher(store_url)
    r1 = w.round([site.url("/rss")], 1)
    assert (r1.new, r1.failed, r1.down) == (2, 0, [])
    r2 = w.round([site.url("/rss")], 2)
    assert (r2.new, r2.down) == (0, [])
    second = site.asked("/rss")[1]
    assert second["if-none-match"] == '"v1"'
    assert second["if-modified-since"] == site.routes["/rss"].last_modified
    assert rows(store_url, "SELECT status, etag FROM watch_sources") == [("not-modified", '"v1"')]
    site.feed("/rss", [item(3), item(1), item(2)], version=2)  # a new item on top
    r3 = w.round([site.url("/rss")], 3)
    assert (r3.new, r3.unchanged) == (1, 0)
    assert docs(store_url) == 3
    assert count(store_url, "SELECT count(*) FROM watch_items WHERE status='stored'") == 3
    assert "watch round 3: 1 source, 1 new, 0 failed; 0 alerts" == r3.line()


def test_a_summary_is_followed_to_its_article_and_a_non_article_keeps_the_summary(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    site.route("/a/1", article_page(1), content_type="text/html; charset=utf-8")
    site.route("/home", NOT_ARTICLE, content_type="text/html; charset=utf-8")
    short = {"guid": "g2", "title": "خبر الصفحة الرئيسية", "link": site.url("/home"),
             "description": arabic(2, 30)}
    site.feed("/rss", [item(1, link=site.url("/a/1"), full=False), short])
    messages: list[str] = []
    r = make_watcher(db, messages=messages).round([site.url("/rss")], 1)
    assert (r.new, r.failed) == (2, 0)
    texts = dict(rows(db, "SELECT url, text FROM documents"))
    assert len(texts[site.url("/a/1")].split()) > 100  # the article, not the one-line summary
    assert arabic(2, 30)[:40] in texts[site.url("/home")]  # the item's own text
    assert any("keeping the feed item's own text" in m for m in messages)


def test_a_source_that_is_down_is_recorded_retried_and_read_when_back(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    site.route("/rss", b"oops", status=500, content_type="text/plain")
    w = make_watcher(db)
    r1 = w.round([site.url("/rss")], 1)
    assert r1.down == [(site.url("/rss"), "HTTP 500")] and not r1.ok
    assert len(site.asked("/rss")) == 3  # the first try and two retries
    assert "1 source down (http://127.0.0.1" in r1.line() and "HTTP 500)" in r1.line()
    r2 = w.round([site.url("/rss")], 2)
    assert rows(db, "SELECT status, error, failures FROM watch_sources") == [("down", "HTTP 500", 2)]
    assert count(db, "SELECT count(*) FROM watch_items") == 0 and r2.new == 0
    site.feed("/rss", [item(1), item(2)])
    r3 = w.round([site.url("/rss")], 3)
    assert r3.new == 2 and r3.ok
    assert rows(db, "SELECT status, error, failures FROM watch_sources") == [("ok", None, 0)]


def test_garbage_a_redirect_loop_and_a_dropped_connection_are_one_line_each(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    site.route("/garbage", bytes(range(256)) * 4, content_type="application/octet-stream")
    site.route("/html", NOT_ARTICLE, content_type="text/html")
    site.route("/loop1", status=302, headers={"Location": "/loop2"})
    site.route("/loop2", status=302, headers={"Location": "/loop1"})
    site.route("/drop", drop=True)
    site.feed("/ok", [item(1)])
    urls = [site.url(p) for p in ("/garbage", "/html", "/loop1", "/drop", "/ok")]
    r = make_watcher(db).round(urls, 1)
    why = dict(r.down)
    assert why[urls[0]].startswith("not a feed")
    assert why[urls[1]].startswith("not a feed")
    assert why[urls[2]].startswith("redirect loop")
    assert why[urls[3]].startswith("connection lost") or why[urls[3]].startswith("cannot connect")
    assert r.new == 1 and len(r.down) == 4
    assert "4 sources down" in r.line() and "and 1 more" in r.line()


def test_an_unreachable_article_page_leaves_its_item_pending_until_it_is_back(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    site.route("/a/1", status=503, content_type="text/plain")
    site.feed("/rss", [item(1, link=site.url("/a/1"), full=False), item(2)])
    w = make_watcher(db)
    r1 = w.round([site.url("/rss")], 1)
    assert (r1.new, r1.pending) == (1, 1)
    assert rows(db, "SELECT etag FROM watch_sources") == [(None,)]  # so the next round fetches the feed whole
    site.route("/a/1", article_page(1), content_type="text/html; charset=utf-8")
    r2 = w.round([site.url("/rss")], 2)
    assert "if-none-match" not in site.asked("/rss")[1]
    assert (r2.new, r2.pending) == (1, 0)
    assert docs(db) == 2
    assert rows(db, "SELECT status FROM watch_items ORDER BY item_key") == [("stored",), ("stored",)]


def test_a_pending_item_that_waited_too_long_is_stored_from_the_feed(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    site.route("/a/1", status=503)
    site.feed("/rss", [item(1, link=site.url("/a/1"), full=False)])
    make_watcher(db).round([site.url("/rss")], 1)
    r = make_watcher(db, pending_give_up_s=0).round([site.url("/rss")], 2)
    assert (r.new, r.pending) == (1, 0)
    [(text,)] = rows(db, "SELECT text FROM documents")
    assert "ملخص قصير للخبر 1" in text


def test_items_that_are_not_arabic_are_failed_once_and_not_retried(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    english = {"guid": "en", "title": "News", "content": "The minister said on Sunday that talks will go on. " * 20}
    site.feed("/rss", [english, item(1)], version=1)
    messages: list[str] = []
    w = make_watcher(db, messages=messages)
    r1 = w.round([site.url("/rss")], 1)
    assert (r1.new, r1.failed) == (1, 1)
    assert any("no Arabic text" in m for m in messages)
    site.feed("/rss", [english, item(1), item(2)], version=2)
    r2 = w.round([site.url("/rss")], 2)
    assert (r2.new, r2.failed) == (1, 0)
    assert rows(db, "SELECT item_key, status FROM watch_items WHERE status='failed'") == [("id:en", "failed")]


def test_items_without_guid_are_keyed_by_link_then_by_wording(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    site.feed("/rss", [item(1, guid=False, link="http://news.test/1"), item(2, guid=False)])
    make_watcher(db).round([site.url("/rss")], 1)
    keys = sorted(k for (k,) in rows(db, "SELECT item_key FROM watch_items"))
    assert keys[0] == "link:http://news.test/1" and keys[1].startswith("sha256:")


def test_directories_read_new_and_changed_files(tmp_path: Path, store_url: str) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(arabic(1), encoding="utf-8")
    (d / "b.txt").write_text(arabic(2), encoding="utf-8")
    (d / "en.txt").write_text("Only English here, nothing for an Arabic reader at all. " * 5, encoding="utf-8")
    w = make_watcher(store_url)
    r1 = w.round([str(d)], 1)
    assert (r1.new, r1.failed) == (2, 1)
    (d / "c.txt").write_text(arabic(3), encoding="utf-8")
    (d / "a.txt").write_text(arabic(4), encoding="utf-8")  # changed: size and mtime differ
    r2 = w.round([str(d)], 2)
    assert (r2.new, r2.failed) == (2, 0)
    assert w.round([str(d)], 3).new == 0
    assert docs(store_url) == 4
    assert count(store_url, "SELECT count(*) FROM watch_items") == 5


def test_a_file_of_several_documents_is_marked_with_its_last(tmp_path: Path) -> None:
    import json

    db = str(tmp_path / "w.db")
    d = tmp_path / "in"
    d.mkdir()
    (d / "x.jsonl").write_text("\n".join(json.dumps({"title": f"خبر {n}", "text": arabic(n)}, ensure_ascii=False)
                                         for n in range(3)), encoding="utf-8")
    r = make_watcher(db).round([str(d)], 1)
    assert r.new == 3
    assert [s for (s,) in rows(db, "SELECT status FROM watch_items")] == ["stored"]


def test_a_feed_file_is_read_item_by_item_and_skipped_while_unchanged(tmp_path: Path) -> None:
    from tests.watch.helpers import rss

    db = str(tmp_path / "w.db")
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([item(1), item(2)]))
    w = make_watcher(db)
    assert w.round([str(feed)], 1).new == 2
    assert w.round([str(feed)], 2).new == 0
    feed.write_bytes(rss([item(1), item(2), item(3)]))
    assert w.round([str(feed)], 3).new == 1


def test_a_stop_finishes_the_current_document_and_the_next_round_takes_up_the_rest(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    site.feed("/rss", [item(n) for n in range(4)])
    stop = threading.Event()

    class StopAfterOne:
        def run(self, doc: Any) -> tuple[Any, None]:
            stop.set()  # as SIGTERM would, while the first document is being annotated
            return doc, None

    r1 = make_watcher(db, stop=stop, pipeline=StopAfterOne()).round([site.url("/rss")], 1)
    assert r1.interrupted and r1.new == 1 and "stopped before the end of the round" in r1.line()
    assert rows(db, "SELECT etag FROM watch_sources") == []  # validators not stored: next round reads it whole
    r2 = make_watcher(db).round([site.url("/rss")], 2)
    assert r2.new == 3 and docs(db) == 4


def test_list_files_and_missing_sources(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    site.feed("/rss", [item(1)])
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(arabic(5), encoding="utf-8")
    lst = tmp_path / "sources.list"
    lst.write_text(f"# what we follow\n{site.url('/rss')}\n\nin\nmissing-dir\n", encoding="utf-8")
    r = make_watcher(db).round([str(lst)], 1)
    assert r.new == 2 and r.sources == 3
    assert r.down == [(str(tmp_path / "missing-dir"), "no such file or directory")]
