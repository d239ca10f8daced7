"""`marsad.lazy.lazy_singleton`: one build per process, also when the first calls race."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from marsad.lazy import lazy_singleton


def test_builds_once_and_returns_the_same_object() -> None:
    calls: list[int] = []

    @lazy_singleton
    def get() -> object:
        """Doc kept."""
        calls.append(1)
        return object()

    assert get() is get()
    assert calls == [1]
    assert get.__doc__ == "Doc kept."
    assert get.__name__ == "get"


def test_racing_first_calls_build_once() -> None:
    calls: list[int] = []
    gate = threading.Barrier(8)

    @lazy_singleton
    def get() -> object:
        calls.append(1)
        time.sleep(0.05)  # a slow load: the other threads arrive while it runs
        return object()

    def first_call() -> object:
        gate.wait()
        return get()

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: first_call(), range(8)))
    assert calls == [1]
    assert all(r is results[0] for r in results)


def test_a_failed_build_is_retried() -> None:
    attempts: list[int] = []

    @lazy_singleton
    def get() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise FileNotFoundError("model missing")
        return "loaded"

    with pytest.raises(FileNotFoundError):
        get()
    assert get() == "loaded"
    assert get() == "loaded"
    assert len(attempts) == 2


def test_the_shared_accessors_use_it() -> None:
    from marsad.kb.store import get_kb
    from marsad.ner.encoder import get_encoder
    from marsad.ner.tagger import get_tagger

    for accessor in (get_kb, get_encoder, get_tagger):
        assert hasattr(accessor, "__wrapped__")
