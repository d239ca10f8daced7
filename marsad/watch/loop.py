"""Rounds every `--every`, until told to stop: the long-running side of `marsad watch`.

Stopping is cooperative: SIGTERM (systemd, docker stop) and Ctrl-C set a flag that the round checks
between documents, so the document being stored is finished and the watch exits cleanly; the sleep
between rounds wakes at once. A second Ctrl-C interrupts at once (the store keeps every document whole
either way, see `state`).

A round that fails as a whole (the store cannot be opened: a PostgreSQL server restarting, a full disk)
is reported and the watch tries again next round, rather than ending a daemon over a passing problem.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from marsad.watch.report import RoundReport

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr)?\s*$", re.IGNORECASE)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600}
MIN_EVERY_S = 1.0


def parse_every(text: str) -> float:
    """Seconds from `90s`, `15m`, `1h` or a bare number of seconds; ValueError otherwise."""
    m = _EVERY.match(text)
    if not m:
        raise ValueError(f"not a period: {text!r} (use e.g. 90s, 15m or 1h)")
    seconds = float(m.group(1)) * _UNIT[(m.group(2) or "s").lower()]
    if seconds < MIN_EVERY_S:
        raise ValueError(f"a period of {text!r} is too short (at least {MIN_EVERY_S:g}s)")
    return seconds


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[dict[str, int]]:
    """Within the block, SIGTERM and the first SIGINT set `stop` (the second SIGINT raises
    KeyboardInterrupt as usual); yields a dict whose "signal" says which one stopped us."""
    got: dict[str, int] = {}
    if threading.current_thread() is not threading.main_thread():  # signals can only be caught there
        yield got
        return

    def handler(signum: int, frame: Any) -> None:
        if signum == signal.SIGINT and stop.is_set():
            raise KeyboardInterrupt
        got.setdefault("signal", signum)
        stop.set()

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield got
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def run_rounds(one_round: Callable[[int], RoundReport | None], *, every: float, once: bool,
               stop: threading.Event) -> RoundReport | None:
    """Run `one_round(n)` for n = 1, 2, … every `every` seconds (measured start to start) until `stop`;
    with `once`, just round 1. Returns the last round's report (None: it failed as a whole, or none ran)."""
    import time

    last: RoundReport | None = None
    n = 0
    while not stop.is_set():
        n += 1
        started = time.monotonic()
        last = one_round(n)
        if once:
            break
        stop.wait(max(0.0, every - (time.monotonic() - started)))
    return last
