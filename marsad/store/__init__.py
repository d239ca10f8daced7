"""Stores: SQLite by default (one file, WAL, FTS5 over normalised shadow text)."""

from __future__ import annotations

from pathlib import Path

from marsad.store.search import SearchSyntaxError
from marsad.store.sqlite import SearchHit, SqliteStore

DEFAULT_DB = "marsad.db"


def open_store(url: str | Path = DEFAULT_DB, *, readonly: bool = False, batch_size: int = 200) -> SqliteStore:
    """Open (creating and migrating if needed) the store at a path."""
    u = str(url)
    if u.startswith(("postgres://", "postgresql://")):
        raise NotImplementedError("the PostgreSQL backend is not built yet; use a SQLite file path")
    return SqliteStore(u.removeprefix("sqlite:///"), readonly=readonly, batch_size=batch_size)


__all__ = ["DEFAULT_DB", "SearchHit", "SearchSyntaxError", "SqliteStore", "open_store"]
