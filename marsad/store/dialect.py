"""What differs between the SQLite and PostgreSQL stores, for code that only holds a connection.

Most SQL in marsad is written once, in SQLite's dialect, and runs unchanged on both backends (the
PostgreSQL connection wrapper translates placeholders and a few SQLite habits, see `pg_sql`). What cannot
be translated statement by statement — catalog lookups, and how a writer shuts out other writers — is
asked of the connection's dialect here. A plain `sqlite3.Connection` has no `dialect` attribute, so code
written before the PostgreSQL backend keeps working and gets the SQLite answers.
"""

from __future__ import annotations

import re
import zlib
from typing import Any
from urllib.parse import urlsplit, urlunsplit

PG_SCHEMES = ("postgresql://", "postgres://")
# Advisory-lock class ids (first key of pg_advisory_xact_lock(int, int)); the second key names the lock.
LOCK_CLASS_WRITE = 0x6D617273  # "mars": exclusive writers (analysis runs, migrations)
LOCK_CLASS_DOC = 0x6D617274  # per doc_key: one writer at a time decides a document's version


def is_postgres_url(url: object) -> bool:
    """Whether a `--db` value names a PostgreSQL database rather than a SQLite file."""
    return str(url).startswith(PG_SCHEMES)


def redact_url(url: str) -> str:
    """A URL fit for messages and logs: any password (`user:PASSWORD@host`, `?password=...`) replaced by ***."""
    if not is_postgres_url(url):
        return url
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:  # not a URL urlsplit can take apart: show nothing after the scheme's user part
        return url.split("://", 1)[0] + "://***"
    netloc = parts.netloc
    if password is not None:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.split(':', 1)[0]}:***@{host}"
    query = re.sub(r"(?i)(^|&)(password=)[^&]*", r"\1\2***", parts.query)
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def lock_key(name: str) -> int:
    """A stable signed 32-bit key for a lock name (crc32: same in every process, unlike hash())."""
    k = zlib.crc32(name.encode("utf-8"))
    return k - (1 << 32) if k >= (1 << 31) else k


class Dialect:
    """The SQLite behaviour; `PostgresDialect` overrides what PostgreSQL does differently."""

    name = "sqlite"

    def has_table(self, conn: Any, table: str) -> bool:
        """Whether the store has a table (stores made by older marsad versions lack the corpus tables)."""
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone() is not None

    def has_column(self, conn: Any, table: str, column: str) -> bool:
        """Whether a table has a column (a read-only server may face a store from before a migration)."""
        return conn.execute("SELECT 1 FROM pragma_table_info(?) WHERE name=?", (table, column)).fetchone() is not None

    def begin_write(self, conn: Any, lock: str) -> None:
        """Start a transaction that no other writer of the same `lock` can run alongside.

        SQLite has one writer per file anyway: BEGIN IMMEDIATE takes the write lock up front, so a second
        writer waits (busy timeout) instead of failing half-way through.
        """
        conn.execute("BEGIN IMMEDIATE")


class PostgresDialect(Dialect):
    name = "postgresql"

    def has_table(self, conn: Any, table: str) -> bool:
        # to_regclass follows search_path, so a store kept in a non-default schema is found too
        return bool(conn.execute("SELECT to_regclass(?) IS NOT NULL", (table,)).fetchone()[0])

    def has_column(self, conn: Any, table: str, column: str) -> bool:
        return conn.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_name=? AND column_name=?"
            " AND table_schema = ANY(current_schemas(false))", (table, column)).fetchone() is not None

    def begin_write(self, conn: Any, lock: str) -> None:
        """BEGIN plus a transaction-scoped advisory lock named `lock`.

        PostgreSQL lets many writers in at once; two analysis runs must not both place the same new
        documents, so runs of one kind queue on an advisory lock that is released at COMMIT/ROLLBACK.
        Ingest writers do not take it, so they keep writing while an analysis runs.
        """
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(?, ?)", (LOCK_CLASS_WRITE, lock_key(lock)))


SQLITE = Dialect()
POSTGRES = PostgresDialect()


def dialect_of(conn: Any) -> Dialect:
    """The dialect of a store connection (a bare sqlite3 connection is SQLite)."""
    return getattr(conn, "dialect", SQLITE)
