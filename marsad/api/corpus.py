"""A late-bound bridge to cross-document analysis (`marsad.corpus`).

Stories, claims, contradictions and timelines come from `marsad.corpus`, which may be absent or older
than this server. Its functions are looked up on each call (cheaply, after the first import) so the
endpoints answer 503 with a reason instead of the whole server failing to start, and only keyword
arguments the installed function accepts are passed on.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger("marsad.api")
_MODULES = ("marsad.corpus", "marsad.corpus.analysis", "marsad.corpus.stories", "marsad.corpus.claims",
            "marsad.corpus.timeline", "marsad.corpus.api")


class CorpusUnavailable(RuntimeError):
    """Cross-document analysis is not installed (or not run on this store); the message says which."""


def find(name: str) -> Callable[..., Any]:
    """The `marsad.corpus` function called `name`, from the package or one of its modules."""
    for mod_name in _MODULES:
        try:
            mod = importlib.import_module(mod_name)
        except ModuleNotFoundError as exc:
            if exc.name and mod_name.startswith(exc.name):
                continue
            raise
        except Exception as exc:  # a half-written module must not take the server down
            log.warning("cannot import %s: %s", mod_name, exc)
            continue
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn
    raise CorpusUnavailable(
        f"cross-document analysis ({name}) is not available in this marsad installation yet (marsad.corpus.{name})"
    )


def call(name: str, store: Any, *args: Any, **kwargs: Any) -> Any:
    """Call `marsad.corpus.<name>(store, *args, **kwargs)`, dropping keyword arguments it does not take."""
    fn = find(name)
    try:
        params = inspect.signature(fn).parameters
        if not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
            kwargs = {k: v for k, v in kwargs.items() if k in params}
    except (TypeError, ValueError):
        pass
    return fn(store, *args, **kwargs)


def check_store(store: Any) -> str | None:
    """Raise CorpusUnavailable when the store has no analysis tables; return a note when it has never
    been analysed (the listings are then empty for a reason the client should be told)."""
    from marsad.store.queries import has_table

    if not has_table(store.conn, "corpus_docs"):
        raise CorpusUnavailable("this store was created before cross-document analysis existed; open it once "
                                "read-write with this marsad version and run the analysis (marsad.corpus.analyse)")
    if store.conn.execute("SELECT 1 FROM corpus_docs LIMIT 1").fetchone() is None:
        return "cross-document analysis has not been run on this store yet (marsad.corpus.analyse)"
    return None


def page(name: str, store: Any, limit: int, offset: int, **kwargs: Any) -> list[Any]:
    """One page of a corpus listing: asks for `offset + limit` items (when the function takes a limit)
    and slices, since the corpus functions need not support offsets."""
    fn = find(name)
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        params = {}  # type: ignore[assignment]
    if "offset" in params:
        items = call(name, store, limit=limit, offset=offset, **kwargs)
        return list(items)[:limit]
    items = call(name, store, limit=offset + limit, **kwargs)
    return list(items)[offset:offset + limit]
