"""One object per process, built on first use: models, lookups and the KB load once and are shared.

Loading is slow (a second or more) and the objects are read-only afterwards, so every caller of a
`get_*()` accessor must get the same instance, also when the first calls race in a thread pool.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class LazySingleton(Generic[T]):
    """A zero-argument callable that runs ``factory`` once and then returns its result.

    Double-checked locking: after the first build a call is one attribute read, no lock. A factory
    that raises caches nothing, so the next call tries again.
    """

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._built = False
        self._value: T | None = None
        functools.update_wrapper(self, factory)

    def __call__(self) -> T:
        if not self._built:
            with self._lock:
                if not self._built:
                    self._value = self._factory()
                    self._built = True
        return self._value  # type: ignore[return-value]


def lazy_singleton(factory: Callable[[], T]) -> LazySingleton[T]:
    """Decorate a zero-argument factory so that it builds its object once per process."""
    return LazySingleton(factory)
