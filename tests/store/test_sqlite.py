"""The store contract, run on both backends (`store_url` is a SQLite file, then a PostgreSQL database)."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from marsad.document import Cue, Document, Entity, Quote, Span
from marsad.store import SearchSyntaxError, SqliteStore, open_store
from marsad.store.migrations import MIGRATIONS


def doc(text, title="عنوان", url=None, outlet="example.com", published="2017-12-07"):
    return Document(text=f"{title}\n{text}", title=title, url=url, outlet=outlet, published=published,
                    language="ar", source="test")


def fts_count(store, word):
    """Rows in the full-text index matching one word (whatever version they belong to)."""
    if isinstance(store, SqliteStore):
        return store.conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?",
                                  (f'"{word}"',)).fetchone()[0]
    return store.conn.execute("SELECT count(*) FROM documents_fts WHERE tsv @@ CAST(? AS tsquery)",
                              (f"'{word}'",)).fetchone()[0]


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def test_wal_and_schema(store):
    if isinstance(store, SqliteStore):
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.stats()["schema_version"] == len(MIGRATIONS)


def test_idempotent_and_versions(store):
    a = doc("قال الجيش الروسي إنه أنجز مهمته", url="http://x/1")
    assert store.add(a) == "stored"
    assert store.add(a) == "unchanged"
    b = doc("قال الجيش الروسي إنه أنجز مهمته في سوريا", url="http://x/1")
    assert store.add(b) == "new-version"
    st = store.stats()
    assert st["documents"] == 1 and st["versions"] == 2
    assert store.get(b.id)["version"] == 2 and not store.get(a.id)["is_latest"]
    # search sees the latest version only
    assert [h.id for h in store.search("سوريا")] == [b.id]
    assert [h.id for h in store.search("مهمته")] == [b.id]
    assert [h.id for h in store.search("مهمته", date_from="1900")] == [b.id]  # the ranking with a join
    store._superseded_index = False  # as on a store from before migration 5, opened read-only
    assert [h.id for h in store.search("مهمته")] == [b.id]


def test_search_is_clitic_and_variant_tolerant(store):
    store.add(doc("انسحب والجيش من المدينة", title="أ", url="u1"))
    store.add(doc("التقى الوزير بالجيش في دمشق", title="ب", url="u2"))
    store.add(doc("الدولة الإسلاميّة تعلن", title="ج", url="u3"))
    assert len(store.search("الجيش")) == 2
    assert len(store.search("الجَيش")) == 2
    assert len(store.search("الاسلامية")) == 1
    assert len(store.search("الإسلامية الدولة")) == 1
    hit = store.search("الجيش")[0]
    assert "«" not in hit.snippet.text
    s, e = hit.snippet.highlights[0]
    assert hit.snippet.text[s:e] in ("والجيش", "بالجيش")


def test_search_filters(store):
    store.add(doc("خبر عن دمشق", url="a", outlet="one.com", published="2017-01-05"))
    store.add(doc("خبر آخر عن دمشق", url="b", outlet="two.com", published="2018-03-01"))
    assert len(store.search("دمشق")) == 2
    assert len(store.search("دمشق", outlet="two.com")) == 1
    assert len(store.search("دمشق", date_from="2018-01-01")) == 1
    assert len(store.search("دمشق", date_to="2017-12-31")) == 1
    assert len(store.search("دمشق OR حلب")) == 2
    assert len(store.search("دمشق NOT آخر")) == 1
    assert len(store.search('"عن دمشق"')) == 2


@pytest.mark.parametrize("q", ['"غير مغلق', "(دمشق", "دمشق)", "OR", "...", "دمشق AND"])
def test_malformed_queries_raise_clear_error(store, q):
    store.add(doc("خبر عن دمشق", url="a"))
    with pytest.raises(SearchSyntaxError):
        store.search(q)


def test_reopen_keeps_data_and_migrates_once(store_url):
    with open_store(store_url) as s:
        s.add(doc("نص", url="a"))
    with open_store(store_url) as s:
        assert s.stats()["documents"] == 1
        assert s.stats()["schema_version"] == len(MIGRATIONS)


def test_readonly_missing_db(store_url):
    # a SQLite path that does not exist, or a PostgreSQL database without a marsad schema in it
    with pytest.raises(FileNotFoundError):
        open_store(store_url, readonly=True)
    with pytest.raises(FileNotFoundError):
        open_store(store_url, create=False)


@pytest.mark.parametrize("batch", [1, 200])
def test_kill_9_mid_run_then_rerun_completes(store_url, batch):
    """A writer killed with SIGKILL leaves only whole documents; re-running stores exactly the rest."""
    db = store_url
    # PostgreSQL commits every document (~2 ms each): fewer suffice for the kill to land mid-run
    total = 1000 if db.startswith("postgresql://") else 3000
    script = textwrap.dedent(f"""
        import sys
        from marsad.document import Document, Entity, Quote, Span
        from marsad.store import open_store
        s = open_store({str(db)!r}, batch_size={batch})
        for i in range({total}):
            s.add(Document(text=f"عنوان {{i}}\\nنص الخبر رقم {{i}} " * 20, title=f"عنوان {{i}}", url=f"u{{i}}"))
            if i == 200:
                s.commit() if {batch} > 1 else None
                print("ready", flush=True)
        s.close()
    """)
    p = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ready"
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    with open_store(db) as s:
        n = s.stats()["documents"]
        assert n >= (201 if batch == 1 else 200)  # everything committed before the kill survives
        if isinstance(s, SqliteStore):
            assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert fts_count(s, "نص") == n  # every stored document is searchable: no half-written rows
        # and every stored document has its annotations' parent rows: nothing dangles
        assert s.conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == n
    subprocess.run([sys.executable, "-c", script], check=True, capture_output=True)
    with open_store(db) as s:
        assert s.stats()["documents"] == total
        assert s.stats()["versions"] == total


def test_document_failure_rolls_back_alone(store_url: str) -> None:
    """A document whose annotations cannot be stored leaves no trace (not even its entity records) and the
    next one is stored; on both backends, batched (SQLite) or one transaction each (PostgreSQL)."""
    bad = Document(text="عنوان\nقال الوزير شيئا", title="عنوان", url="bad",
                   entities=[Entity(id="Q_only_bad", name="وزير", type="PER", mentions=[Span(6, 11, "الوزير")])],
                   quotes=[Quote(speaker=None, cue=Cue(0, 3, None, "say"),  # type: ignore[arg-type]
                                 content=Span(12, 16, "شيئا"), direct=False)])
    good = Document(text="عنوان\nخبر سليم", title="عنوان", url="good")
    with open_store(store_url) as s:
        s.add(Document(text="قبل\nخبر قبله", title="قبل", url="before"))
        with pytest.raises(Exception, match="(?i)null"):  # NOT NULL cue text, caught by either database
            s.add(bad)
        assert s.add(good) == "stored"
        s.commit()
    with open_store(store_url) as s:
        assert s.stats()["documents"] == 2
        assert s.conn.execute("SELECT count(*) FROM entities WHERE id='Q_only_bad'").fetchone()[0] == 0
        assert s.get(bad.id) is None and s.get(good.id) is not None
        assert not s.search("شيئا")


def test_a_large_load_ends_with_one_index_segment(tmp_path, monkeypatch):
    import marsad.store.sqlite as sq

    monkeypatch.setattr(sq, "OPTIMIZE_MIN_DOCS", 5)
    with SqliteStore(tmp_path / "s.db", batch_size=1) as s:  # a commit per document: a segment per document
        for i in range(8):
            s.add(doc(f"خبر رقم {i} عن الجيش", url=f"u{i}"))
        before = s.conn.execute("SELECT count(*) FROM documents_fts_data").fetchone()[0]
        s.after_bulk_load(8)
        after = s.conn.execute("SELECT count(*) FROM documents_fts_data").fetchone()[0]
        assert after < before
        assert len(s.search("الجيش", limit=20)) == 8
        s.after_bulk_load(2)  # a small load leaves the index alone
