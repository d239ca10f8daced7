"""Stores: SQLite by default (one file, WAL, FTS5 over normalised shadow text), or a shared PostgreSQL
database (`postgresql://user@host:port/dbname`: same schema, tsvector search, many concurrent writers)."""

from __future__ import annotations

from pathlib import Path

from marsad.store.base import SearchHit, Store
from marsad.store.dialect import is_postgres_url, redact_url
from marsad.store.errors import StoreError
from marsad.store.search import SearchSyntaxError
from marsad.store.sqlite import SqliteStore

DEFAULT_DB = "marsad.db"


def open_store(
    url: str | Path = DEFAULT_DB, *, readonly: bool = False, create: bool = True, batch_size: int = 200
) -> Store:
    """Open (creating and migrating if needed) the store at a SQLite path or a postgresql:// URL.

    `readonly` opens without migrating and refuses writes; `create=False` opens read-write (so an older
    schema is migrated) but raises FileNotFoundError when there is no store there yet. A PostgreSQL
    server that cannot be reached raises `StoreConnectionError` (a ConnectionError).
    """
    u = str(url)
    if is_postgres_url(u):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(u, readonly=readonly, create=create, batch_size=batch_size)
    path = u.removeprefix("sqlite:///")
    if not create and not readonly and not Path(path).exists():
        raise FileNotFoundError(f"{path}: no such database; run `marsad ingest` first")
    return SqliteStore(path, readonly=readonly, batch_size=batch_size)


__all__ = ["DEFAULT_DB", "SearchHit", "SearchSyntaxError", "SqliteStore", "Store", "StoreError", "open_store",
           "redact_url"]
