"""What the read queries share: catalog checks, the store's generation, and the filter builders.

Every query in this package takes a store's open connection (a `sqlite3.Connection` with `sqlite3.Row`
rows, or the PostgreSQL store's `PgConnection`, which runs the same SQL), never writes, and binds every
user value as an SQL parameter.
"""

from __future__ import annotations

import sqlite3
import string
from typing import Any

from marsad.store.dialect import dialect_of

# SQLite's lower() and LIKE, and PostgreSQL's lower()/ILIKE on COLLATE "C" columns, fold ASCII letters only
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
IN_CHUNK = 500  # ids bound in one IN (...) list
# Which events involve an entity, from the pipe-joined actor and recipient lists (stores from before the
# event_entities index, and per-day counts, which group by date rather than read one page).
EVENT_INVOLVES = (
    "('|' || coalesce(v.actor,'') || '|' LIKE ? ESCAPE '\\' OR '|' || coalesce(v.recipient,'') || '|' LIKE ? ESCAPE '\\'"
    " OR v.location=?)"
)


def like_escape(s: str) -> str:
    """`s` as a literal inside a LIKE pattern (with ESCAPE '\\'), so `_` and `%` in ids match themselves."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def involves_params(entity_id: str) -> tuple[str, str, str]:
    """The parameters of `EVENT_INVOLVES` for one entity."""
    p = f"%|{like_escape(entity_id)}|%"
    return p, p, entity_id


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the store has a table (stores made by older marsad versions lack the corpus tables)."""
    return dialect_of(conn).has_table(conn, name)


def has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    """Whether a table has a column (stores from before a migration, opened read-only, lack it)."""
    return dialect_of(conn).has_column(conn, table, column)


def generation(conn: sqlite3.Connection) -> tuple[int, int]:
    """A value that changes whenever documents are added or analysed (O(1): two max-rowid lookups), so
    callers can cache aggregate answers until the store actually changes."""
    docs = conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
    analysed = 0
    if has_table(conn, "corpus_docs"):
        analysed = conn.execute("SELECT coalesce(max(doc_rowid), 0) FROM corpus_docs").fetchone()[0]
    return docs, analysed


def upper_bound(date_to: str) -> str:
    """A date, possibly partial, as an inclusive upper bound for ISO string comparison: `2017` and
    `2017-03` sort below every day of that year or month, so they are extended past all of them."""
    return date_to if len(date_to) >= 10 else date_to + "\uffff"


def date_range(expr: str, date_from: str | None, date_to: str | None) -> tuple[list[str], list[Any]]:
    """WHERE clauses (and their parameters) keeping rows whose date `expr` lies in [date_from, date_to].

    Dates are ISO strings, compared as strings; a partial upper bound (`2017`) includes the whole year."""
    where: list[str] = []
    params: list[Any] = []
    if date_from:
        where.append(f"{expr}>=?")
        params.append(date_from)
    if date_to:
        where.append(f"{expr}<=?")
        params.append(upper_bound(date_to))
    return where, params


def document_filters(outlet: str | None, date_from: str | None, date_to: str | None,
                     table: str = "d") -> tuple[list[str], list[Any]]:
    """WHERE clauses for the outlet and publication-date filters of document lists and full-text search;
    `table` is the alias of the documents table in the caller's SQL ("" for none)."""
    col = f"{table}." if table else ""
    where: list[str] = []
    params: list[Any] = []
    if outlet:
        where.append(f"{col}outlet=?")
        params.append(outlet)
    dates, dparams = date_range(f"{col}published", date_from, date_to)
    return where + dates, params + dparams
