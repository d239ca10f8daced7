"""The annotation pipeline: named components, each `Document -> Document`, run in order.

As in spaCy, a component does one job, is registered by name, and can be disabled without touching the
others. Components are built once per process (models load here, never per document).

A document has a time budget (`budget_s`, default `DEFAULT_BUDGET_S`). It is checked between components,
never inside one: when the components run so far have used it up, the rest are skipped and the document
comes back with what was finished, plus a warning that says which components did not run. A text built to
be slow (one word repeated for megabytes) then costs a bounded time instead of stalling a whole ingest.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from marsad.document import Document

Component = Callable[[Document], Document]
_FACTORIES: dict[str, Callable[[], Component]] = {}
# The order data flows through: quotes read entities (speakers) and dates; events read all three.
DEFAULT_ORDER = ["entities", "dates", "quotes", "events"]
#: The modules whose @register decorators define the built-in components of DEFAULT_ORDER.
_BUILTIN = ("marsad.annotate.entities", "marsad.annotate.dates", "marsad.annotate.quotes",
            "marsad.annotate.events")
#: Seconds one document may take before the components not yet run are skipped (None: no limit).
#: Generous: an ordinary article takes tens of milliseconds, a 20 MB one a few seconds a component.
DEFAULT_BUDGET_S = 60.0

log = logging.getLogger("marsad.annotate")


def register(name: str) -> Callable[[Callable[[], Component]], Callable[[], Component]]:
    """Register a component factory under `name`."""

    def deco(factory: Callable[[], Component]) -> Callable[[], Component]:
        _FACTORIES[name] = factory
        return factory

    return deco


def available() -> list[str]:
    """The built-in component names, in the order they run (what `--disable` accepts)."""
    _load_builtin()
    return [n for n in DEFAULT_ORDER if n in _FACTORIES]


class Pipeline:
    """The components named (default: all built-ins, in DEFAULT_ORDER), minus the disabled ones, within a
    time budget of `budget_s` seconds a document (None or 0: no limit)."""

    def __init__(self, names: Iterable[str] | None = None, disable: Iterable[str] = (),
                 budget_s: float | None = DEFAULT_BUDGET_S) -> None:
        _load_builtin()
        skip = set(disable)
        chosen = [n for n in (names if names is not None else DEFAULT_ORDER) if n not in skip]
        unknown = [n for n in chosen if n not in _FACTORIES]
        if unknown:
            raise ValueError(f"unknown pipeline component(s): {', '.join(unknown)}; known: {', '.join(available())}")
        self.names = chosen
        self.components = [_FACTORIES[n]() for n in self.names]
        self.budget_s = budget_s or None

    def run(self, doc: Document) -> tuple[Document, str | None]:
        """Annotate `doc`; returns it with a warning line when the time budget cut annotation short."""
        start = time.monotonic()
        for i, component in enumerate(self.components):
            if i and self.budget_s is not None and time.monotonic() - start > self.budget_s:
                return doc, budget_warning(self.budget_s, time.monotonic() - start, self.names[:i], self.names[i:])
            doc = component(doc)
        return doc, None

    def __call__(self, doc: Document) -> Document:
        """Annotate `doc`; a budget warning goes to the `marsad.annotate` log (front-ends that show it to
        the user call `run`)."""
        doc, warning = self.run(doc)
        if warning:
            log.warning("%s: %s", doc.source or "document", warning)
        return doc


def budget_warning(budget_s: float, spent_s: float, done: list[str], skipped: list[str]) -> str:
    """The one line for a document whose annotation the time budget cut short."""
    return (f"time budget of {budget_s:g} s used up after {', '.join(done)} ({spent_s:.1f} s); "
            f"{', '.join(skipped)} not run (raise --time-budget to annotate it fully)")


_loaded = False


def _load_builtin() -> None:
    """Import the component modules so their @register decorators run (once)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import importlib

    for mod in _BUILTIN:
        importlib.import_module(mod)
