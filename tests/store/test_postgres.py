"""What only the PostgreSQL backend has to get right: shared schema, concurrent writers and analyses,
migrations racing on a fresh database, read-only sessions, unreachable servers.

The store contract itself (search, versions, kill -9 mid-run) runs on both backends in test_sqlite.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from marsad.document import Document, Entity, Span
from marsad.store import SqliteStore, open_store
from marsad.store.migrations import MIGRATIONS
from marsad.store.pg_connection import StoreConnectionError

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


def test_same_tables_and_columns_as_sqlite(pg_url: str, tmp_path: Path) -> None:
    """Every SQLite table exists on PostgreSQL with the same columns in the same order; PostgreSQL adds
    only explicit rowids (placed last) and the tsvector that replaces the FTS5 table."""
    with open_store(tmp_path / "s.db") as lite, open_store(pg_url) as pg:
        tables = [r[0] for r in lite.conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'documents_fts%' ORDER BY name")]
        assert len(tables) == 22  # 18, then watch_sources, watch_items, alert_rules, alerts (migration 9)
        for t in tables:
            lite_cols = [r[1] for r in lite.conn.execute(f"PRAGMA table_info({t})")]
            pg_cols = [r[0] for r in pg.conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name=? AND table_schema=current_schema()"
                " ORDER BY ordinal_position", (t,))]
            extra = pg_cols[len(lite_cols):]
            assert pg_cols[:len(lite_cols)] == lite_cols and extra in ([], ["rowid"]), t
        assert [r[0] for r in pg.conn.execute("SELECT version FROM schema_migrations ORDER BY 1")] == \
            list(range(1, len(MIGRATIONS) + 1))


def _docs(n: int, tag: str = "") -> list[Document]:
    """Articles sharing entity records (so concurrent writers upsert the same rows), some of them
    second versions of others (same URL, changed text)."""
    out = []
    for i in range(n):
        body = f"قال وزير الخارجية الروسي في دمشق إن المحادثات رقم {i % 40} مستمرة {tag if i >= 40 else ''}"
        ents = [Entity(id=f"Q{k}", name=f"كيان {k}", type="GPE", mentions=[Span(0, 3, "قال")]) for k in (i % 7, 7 - i % 5)]
        out.append(Document(text=f"خبر {i % 40}\n{body}", title=f"خبر {i % 40}", url=f"http://x/{i % 40}",
                            outlet="a.com", published="2017-12-07", entities=ents))
    return out


WRITER = textwrap.dedent("""
    import json
    import sys
    from tests.store.test_postgres import _docs
    from marsad.store import open_store
    url, order = sys.argv[1], sys.argv[2]
    docs = _docs(80, tag="نسخة ثانية")
    if order == "reverse":
        docs.reverse()
    counts = {}
    with open_store(url) as s:
        print("ready", flush=True)
        sys.stdin.readline()  # start together
        for d in docs:
            status = s.add(d)
            counts[status] = counts.get(status, 0) + 1
    print(json.dumps(counts))
""")


def test_concurrent_writers_no_duplicates_no_errors(pg_url: str) -> None:
    """Two processes ingest the same 80 articles (40 of them new versions of the other 40) in opposite
    orders at once: nothing fails, every text is stored once, every article has one latest version."""
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, pg_url, order], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for order in ("forward", "reverse")]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    results = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
    counts = [json.loads(out.strip().splitlines()[-1]) for out, _ in results]
    stored = sum(c.get("stored", 0) + c.get("new-version", 0) for c in counts)
    assert stored == 80 and sum(sum(c.values()) for c in counts) == 160
    with open_store(pg_url) as s:
        one = lambda sql: s.conn.execute(sql).fetchone()[0]  # noqa: E731
        assert one("SELECT count(*) FROM documents") == 80
        assert one("SELECT count(DISTINCT content_hash) FROM documents") == 80
        assert one("SELECT count(*) FROM documents WHERE is_latest=1") == 40
        assert one("SELECT count(*) FROM documents_fts") == 80
        assert one("SELECT count(*) FROM entities") == 8
        assert one("SELECT count(*) FROM mentions") == 160
        # versions of one article are numbered 1, 2 whoever wrote them, and the later number is the latest
        assert [tuple(r) for r in s.conn.execute("SELECT DISTINCT version FROM documents WHERE is_latest=1")] == [(2,)]
        # a re-run finds everything already there
        assert {s.add(d) for d in _docs(80, tag="نسخة ثانية")} == {"unchanged"}
        assert one("SELECT count(*) FROM documents") == 80


def test_concurrent_first_open_migrates_once(pg_url: str) -> None:
    """Processes opening a fresh database at the same moment all succeed; each step runs once."""
    code = "import sys; from marsad.store import open_store; open_store(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, pg_url], stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with open_store(pg_url) as s:
        assert [r[0] for r in s.conn.execute("SELECT version FROM schema_migrations ORDER BY 1")] == \
            list(range(1, len(MIGRATIONS) + 1))


def test_readonly_session_refuses_writes(pg_url: str) -> None:
    with open_store(pg_url) as s:
        s.add(Document(text="عنوان\nنص", title="عنوان", url="a"))
    ro = open_store(pg_url, readonly=True)
    try:
        assert ro.stats()["documents"] == 1 and not isinstance(ro, SqliteStore)
        with pytest.raises(Exception, match="read-only"):
            ro.add(Document(text="عنوان\nنص آخر", title="عنوان", url="b"))
    finally:
        ro.close()


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    url = "postgresql://marsad:s3cret@127.0.0.1:1/nowhere"
    with pytest.raises(StoreConnectionError) as exc:
        open_store(url)
    assert "s3cret" not in str(exc.value) and "127.0.0.1:1" in str(exc.value)
    p = subprocess.run([sys.executable, "-m", "marsad.cli", "stats", "--db", url], capture_output=True, text=True,
                       cwd=ROOT)
    assert p.returncode == 1 and "Traceback" not in p.stderr and "cannot connect" in p.stderr
    assert "s3cret" not in p.stderr


def test_concurrent_analyses_place_each_document_once(pg_url: str) -> None:
    """Two analysis runs started together on one PostgreSQL store (while a writer adds more): every
    document is analysed exactly once, whichever run gets it."""
    from marsad.corpus import analyse

    with open_store(pg_url) as s:
        for d in _docs(40):
            s.add(d)
    results: list[dict] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with open_store(pg_url) as s:
                results.append(analyse(s))
        except BaseException as exc:  # reported below
            errors.append(exc)

    def write() -> None:
        try:
            with open_store(pg_url) as s:
                for d in _docs(80, tag="لاحقا")[40:]:
                    s.add(d)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=f) for f in (run, run, write)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    with open_store(pg_url) as s:
        analysed_once = s.conn.execute("SELECT count(*), count(DISTINCT doc_rowid) FROM corpus_docs").fetchone()
        assert analysed_once[0] == analysed_once[1] == sum(r["documents"] for r in results) >= 40
        analyse(s)  # the rest (versions added during the runs) in a final pass
        assert s.conn.execute("SELECT count(*) FROM documents d WHERE d.is_latest=1 AND NOT EXISTS"
                              " (SELECT 1 FROM corpus_docs c WHERE c.doc_rowid=d.rowid)").fetchone()[0] == 0
