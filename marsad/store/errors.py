"""Why a store cannot be used, as one line for the user instead of a database driver's traceback."""

from __future__ import annotations

import sqlite3

from marsad.store.dialect import redact_url


class StoreError(RuntimeError):
    """A store that exists but cannot be used here: damaged, not a marsad store, or not writable.

    The message is one line that names the store (any password masked) and says what to check.
    """


def first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def store_error(where: str, exc: sqlite3.Error, *, writing: bool = False) -> StoreError:
    """The one-line error for a SQLite failure on the store at `where`.

    "unable to open" and "readonly" while writing mean the file or its directory cannot be written (or does
    not exist); any other database error while opening or reading means the file is not a (whole) store.
    """
    msg = first_line(exc)
    name = redact_url(where)
    if writing and ("unable to open" in msg or "readonly" in msg):
        return StoreError(f"{name}: cannot create or write the store ({msg}); check that its directory exists "
                          "and is writable")
    if isinstance(exc, sqlite3.OperationalError) and "locked" in msg:
        return StoreError(f"{name}: the store is busy ({msg}); another process is writing to it, try again")
    return StoreError(f"{name}: the store is damaged or not a marsad store ({msg})")
