"""The SQLite→PostgreSQL statement translation (no server needed)."""

from __future__ import annotations

import pytest

from marsad.store.dialect import is_postgres_url, redact_url
from marsad.store.pg_sql import translate


@pytest.mark.parametrize(("sql", "pg"), [
    ("SELECT id FROM d WHERE id=? AND x LIKE ? ESCAPE '\\'", "SELECT id FROM d WHERE id=%s AND x ILIKE %s ESCAPE '\\'"),
    # literals and quoted identifiers are left alone, except that psycopg needs % doubled everywhere
    ("SELECT coalesce(outlet,'?'), '50%', \"end\" FROM t", "SELECT coalesce(outlet,'?'), '50%%', \"end\" FROM t"),
    ("SELECT substr(t, max(1, s - ?), 3), max(x), min(a, b) FROM t",
     "SELECT substr(t, greatest(1, s - %s), 3), max(x), least(a, b) FROM t"),
    # NULLs sort as on SQLite (first ascending, last descending); ids are never NULL and keep index order
    ("SELECT a FROM t ORDER BY published DESC, rowid DESC LIMIT ? OFFSET ?",
     "SELECT a FROM t ORDER BY published DESC NULLS LAST, rowid DESC LIMIT %s OFFSET %s"),
    ("SELECT a FROM t ORDER BY coalesce(q.date, d.published) DESC, d.id, q.idx",
     "SELECT a FROM t ORDER BY coalesce(q.date, d.published) DESC NULLS LAST, d.id, q.idx"),
    ("SELECT * FROM (SELECT b FROM t ORDER BY b) s ORDER BY 2 DESC, 1",
     "SELECT * FROM (SELECT b FROM t ORDER BY b NULLS FIRST) s ORDER BY 2 DESC NULLS LAST, 1 NULLS FIRST"),
    ("SELECT * FROM c ORDER BY (SELECT count(*) FROM p WHERE p.c = c.id) DESC, size DESC, id",
     "SELECT * FROM c ORDER BY (SELECT count(*) FROM p WHERE p.c = c.id) DESC NULLS LAST, size DESC NULLS LAST, id"),
    ("SELECT a FROM t ORDER BY a NULLS LAST", "SELECT a FROM t ORDER BY a NULLS LAST"),
])
def test_translate(sql: str, pg: str) -> None:
    assert translate(sql) == pg


def test_urls() -> None:
    assert is_postgres_url("postgresql://u@h:5432/db") and is_postgres_url("postgres://h/db")
    assert not is_postgres_url("marsad.db") and not is_postgres_url("sqlite:///x.db")
    assert redact_url("postgresql://u:pw@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert redact_url("postgresql://u@h/db") == "postgresql://u@h/db"
