"""PostgreSQL full-text search against the SQLite FTS5 reference: same terms, same errors, same hits.

The syntax and tokenizer checks need no server (they compare the translator with an in-memory FTS5
table); the result checks store one set of articles in both backends and compare what queries find.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.document import Document
from marsad.store import SearchSyntaxError, open_store
from marsad.store.pg_search import MAX_POS, to_tsquery, tsvector_literal
from marsad.store.search import to_fts_query
from marsad.text.normalize import shadow_terms

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# Words (with proclitics, hamza and taa-marbuta variants, an empty one, a glued pair), operators, brackets.
QUERY_PARTS = ["دمشق", "ودمشق", "الجيش", "بالجيش", "الاسلامية", "الإسلاميّة", "حلب", "روسيا", "الروسي",
               "قال", "قا*", "دم*", "؟", "x_y", '"الجيش الروسي"', '"عن دمشق"', '"؟"', '"غير', "(", ")", "(",
               ")", "OR", "AND", "NOT", "OR", "NOT", "*", '""']
queries = st.lists(st.sampled_from(QUERY_PARTS), min_size=1, max_size=7).map(" ".join)


def _fts5() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    c.execute("CREATE VIRTUAL TABLE f USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0')")
    return c


def _fts5_rejects(conn: sqlite3.Connection, query: str) -> bool:
    try:
        match, _ = to_fts_query(query)
        conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (match,)).fetchall()
    except (SearchSyntaxError, sqlite3.OperationalError):
        return True
    return False


def _pg_rejects(query: str) -> bool:
    try:
        to_tsquery(query)
    except SearchSyntaxError:
        return True
    return False


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(queries)
def test_query_errors_match_fts5(q: str) -> None:
    """A query is refused on PostgreSQL exactly when FTS5 refuses it (same SearchSyntaxError)."""
    assert _pg_rejects(q) == _fts5_rejects(_fts5(), q), q


@pytest.mark.parametrize("q", ["(a) b", "a (b)", "NOT a", "a OR NOT b", "a AND AND b", "a ( )", "(NOT a)"])
def test_fts5_grammar_errors(q: str) -> None:
    # to_fts_query lets these through; FTS5's parser refuses them, and so must the tsquery translator
    assert _fts5_rejects(_fts5(), q)
    with pytest.raises(SearchSyntaxError):
        to_tsquery(q)


def _lexemes(literal: str) -> set[str]:
    return {m.group(1).replace("''", "'") for m in re.finditer(r"'((?:[^']|'')*)':", literal)}


def test_index_terms_match_fts5_vocabulary() -> None:
    """The tsvector holds exactly the terms FTS5 indexes from the shadow column, article by article."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(body, tokenize='unicode61 remove_diacritics 0')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'row')")
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts.append("الدولة الإسلاميّة وروسيا؛ فبالجيش، للجيش — 3.5 example.com covid-19 café Straße ١٢٣")
    assert len(texts) > 5
    for t in texts:
        conn.execute("DELETE FROM f")
        conn.execute("INSERT INTO f (rowid, body) VALUES (1, ?)", (shadow_terms(t),))
        assert _lexemes(tsvector_literal(None, t)) == {r[0] for r in conn.execute("SELECT term FROM v")}


def test_tsvector_limits() -> None:
    """Run-on tokens are left out (PostgreSQL refuses lexemes over 2 KB) and positions stop at the cap."""
    lit = tsvector_literal("عنوان", "ا" * 3000 + " " + " ".join(f"w{i}" for i in range(20000)) + " كلمة" * 300)
    assert "ا" * 3000 not in lit
    assert f":{MAX_POS}" in lit and f":{MAX_POS + 1}" not in lit
    assert "'عنوان':1A" in lit and "'w0':4 " in lit  # body positions start after a gap
    assert re.search(r"'كلمه':((\d+,){255}\d+)( |$)", lit)  # 256 positions kept per lexeme


# -- against a server -----------------------------------------------------------------------------------
DOCS = [
    ("انسحب والجيش من المدينة بعد معارك في دمشق", "أ"),
    ("التقى الوزير بالجيش في دمشق وحلب", "ب"),
    ("الدولة الإسلاميّة تعلن السيطرة على حلب", "ج"),
    ("قال الجيش الروسي إنه أنجز مهمته في سوريا", "الجيش الروسي"),
    ("قال مسؤول عن دمشق إن روسيا لن تنسحب", "د"),
    ("خبر عن ودمشق والمدينة", "هـ"),
    ("#دمشق_اليوم x_y مع حلب", "و"),
]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, pg_server) -> Iterator[tuple]:  # type: ignore[no-untyped-def]
    url = pg_server.create_db("search")
    lite = open_store(tmp_path_factory.mktemp("search") / "s.db")
    pg = open_store(url)
    for i, (text, title) in enumerate(DOCS):
        for s in (lite, pg):
            s.add(Document(text=f"{title}\n{text}", title=title, url=f"u{i}", published=f"2017-01-0{i + 1}",
                           outlet="a.com" if i % 2 else "b.com"))
    lite.commit()
    yield lite, pg
    lite.close()
    pg.close()
    pg_server.drop_db(url)


def _ids(store, q: str) -> set[str] | str:  # type: ignore[no-untyped-def]
    try:
        return {h.id for h in store.search(q, limit=100)}
    except SearchSyntaxError:
        return "error"


@pytest.mark.postgres
@pytest.mark.parametrize("q", ["الجيش", "والجيش", "الجَيش", "الاسلامية", "دمشق", "دمشق حلب", "دمشق OR روسيا",
                               "دمشق NOT حلب", "دم*", "(دمشق OR حلب) AND الجيش", '"الجيش الروسي"', '"عن دمشق"',
                               "اليوم", "x", "؟", "دمشق ؟", "؟ OR حلب", "حلب AND ؟", "قال NOT (روسيا OR سوريا)"])
def test_same_hits_as_sqlite(both, q: str) -> None:  # type: ignore[no-untyped-def]
    lite, pg = both
    assert _ids(pg, q) == _ids(lite, q)


@pytest.mark.postgres
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([p for p in QUERY_PARTS if not p.startswith('"')]), min_size=1, max_size=6)
       .map(" ".join))
def test_same_hits_as_sqlite_generated(both, q: str) -> None:  # type: ignore[no-untyped-def]
    """Any boolean combination of words, prefixes and brackets finds the same documents (multi-word
    phrases are left out: FTS5 approximates them with NEAR, PostgreSQL matches them exactly)."""
    lite, pg = both
    assert _ids(pg, q) == _ids(lite, q), q


@pytest.mark.postgres
def test_phrase_exact_snippet_original_and_title_first(both) -> None:  # type: ignore[no-untyped-def]
    lite, pg = both
    hits = pg.search('"عن دمشق"')
    assert {h.title for h in hits} == {"د", "هـ"}  # "عن ودمشق" matches: the stem shares the word's position
    assert not pg.search('"دمشق عن"')  # ...but order matters: a phrase is exact
    hit = pg.search("الجيش")[0]
    assert hit.title == "الجيش الروسي"  # title words rank above body words
    first = pg.search("المدينة والجيش")[0]
    s, e = first.snippet.highlights[0]
    assert first.snippet.text[s:e] in ("والجيش", "المدينة")  # cut from the original text, not the shadow
    kw = {"outlet": "a.com", "date_from": "2017-01-02", "date_to": "2017-01-05"}
    assert {h.id for h in pg.search("دمشق", **kw)} == {h.id for h in lite.search("دمشق", **kw)} != set()
