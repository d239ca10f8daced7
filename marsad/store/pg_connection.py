"""A psycopg connection that looks like the `sqlite3` connection the rest of marsad was written against.

Code all over marsad (store queries, API pages, cross-document analysis, tests) holds `store.conn` and
calls `execute(sql, params)` with `?` placeholders, iterates rows, and reads columns as `row[0]` or
`row["name"]`. `PgConnection` offers exactly that surface on top of psycopg 3 — statements go through
`pg_sql.translate`, rows support index and name access like `sqlite3.Row` — so that code runs unchanged
on PostgreSQL. The connection is in autocommit mode with explicit BEGIN/COMMIT, like the SQLite store's
`isolation_level=None`: a reader never sits "idle in transaction" holding a snapshot, and `in_transaction`
tells writers whether they opened one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from marsad.store.dialect import POSTGRES, Dialect, redact_url
from marsad.store.pg_sql import translate


class StoreConnectionError(ConnectionError):
    """The PostgreSQL server could not be reached or refused us; the message says which URL and why."""


class PgRow:
    """One result row: `row[0]`, `row["name"]` (case-insensitive), `dict(row)`, unpacking — as `sqlite3.Row`."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = tuple(values)
        self._index = index

    def __getitem__(self, key: int | str | slice) -> Any:
        if isinstance(key, str):
            try:
                return self._values[self._index[key.lower()]]
            except KeyError:
                raise IndexError(f"no column named {key!r}") from None
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PgRow):
            return self._values == other._values and self._index == other._index
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values)

    def __repr__(self) -> str:
        return f"PgRow({dict(zip(self._index, self._values, strict=False))!r})"


def _row_factory(cursor: Any) -> Any:
    """psycopg row factory: builds the name index once per result set, then wraps each tuple."""
    desc = cursor.description or []
    index: dict[str, int] = {}
    for i, col in enumerate(desc):
        index.setdefault(col.name.lower(), i)  # `SELECT rowid, *` names rowid twice; the first wins, as in SQLite

    def make(values: Sequence[Any]) -> PgRow:
        return PgRow(values, index)

    return make


class PgConnection:
    """The sqlite3-like face of one psycopg connection (see the module docstring)."""

    dialect: Dialect = POSTGRES
    row_factory: Any = None  # accepted and ignored: code that sets sqlite3.Row gets PgRow anyway

    def __init__(self, raw: Any, url: str) -> None:
        self.raw = raw
        self.url = url

    @classmethod
    def connect(cls, url: str, *, readonly: bool = False) -> PgConnection:
        """Open a connection to `url`; connection failures become StoreConnectionError (password redacted)."""
        import psycopg

        try:
            raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                  application_name="marsad", connect_timeout=30)
        except psycopg.OperationalError as exc:
            msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreConnectionError(f"{redact_url(url)}: cannot connect to PostgreSQL: {msg}") from None
        conn = cls(raw, url)
        enc = conn.execute("SHOW server_encoding").fetchone()[0]
        if enc.upper() not in ("UTF8", "UTF-8"):
            raw.close()
            raise StoreConnectionError(f"{redact_url(url)}: the database encoding is {enc}; marsad stores Arabic "
                                       "text and needs a UTF8 database (createdb -E UTF8 -T template0)")
        if readonly:
            conn.execute("SET default_transaction_read_only = on")
        return conn

    def execute(self, sql: str, params: Sequence[Any] | Iterable[Any] = ()) -> Any:
        """Run one statement (SQLite dialect, `?` placeholders); returns a cursor with every row fetched."""
        return self.raw.execute(translate(sql), tuple(params))

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> Any:
        """Run one statement for each parameter tuple (pipelined by psycopg: one round trip per batch)."""
        cur = self.raw.cursor()
        rows = [tuple(p) for p in seq]
        if rows:  # an empty batch would still cost a pipeline sync
            cur.executemany(translate(sql), rows)
        return cur

    def pipeline(self) -> Any:
        """A psycopg pipeline block: statements inside are sent without waiting for each other's results,
        so a document's dozen annotation inserts and its COMMIT cost one round trip, not a dozen."""
        return self.raw.pipeline()

    @property
    def in_transaction(self) -> bool:
        from psycopg import pq

        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def commit(self) -> None:
        if self.in_transaction:
            self.raw.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.raw.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()

    @property
    def closed(self) -> bool:
        return bool(self.raw.closed)
