"""The annotation pipeline: named components, each `Document -> Document`, run in order.

As in spaCy, a component does one job, is registered by name, and can be disabled without touching the
others. Components are built once per process (models load here, never per document).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from marsad.document import Document

Component = Callable[[Document], Document]
_FACTORIES: dict[str, Callable[[], Component]] = {}
# The order data flows through: quotes read entities (speakers) and dates; events read all three.
DEFAULT_ORDER = ["entities", "dates", "quotes", "events"]
#: The modules whose @register decorators define the built-in components of DEFAULT_ORDER.
_BUILTIN = ("marsad.annotate.entities", "marsad.annotate.dates", "marsad.annotate.quotes",
            "marsad.annotate.events")


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
    """The components named (default: all built-ins, in DEFAULT_ORDER), minus the disabled ones."""

    def __init__(self, names: Iterable[str] | None = None, disable: Iterable[str] = ()) -> None:
        _load_builtin()
        skip = set(disable)
        chosen = [n for n in (names if names is not None else DEFAULT_ORDER) if n not in skip]
        unknown = [n for n in chosen if n not in _FACTORIES]
        if unknown:
            raise ValueError(f"unknown pipeline component(s): {', '.join(unknown)}; known: {', '.join(available())}")
        self.names = chosen
        self.components = [_FACTORIES[n]() for n in self.names]

    def __call__(self, doc: Document) -> Document:
        for component in self.components:
            doc = component(doc)
        return doc


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
