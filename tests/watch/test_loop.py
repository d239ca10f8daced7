"""Periods and the round loop."""

from __future__ import annotations

import threading

import pytest

from marsad.watch import RoundReport, parse_every, run_rounds


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("15m", 900), ("1h", 3600), ("30", 30), ("1.5m", 90)])
def test_periods(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "15 minutes", "0s", "-1m"])
def test_bad_periods(text: str) -> None:
    with pytest.raises(ValueError):
        parse_every(text)


def test_rounds_repeat_until_stopped_and_once_runs_one() -> None:
    stop = threading.Event()
    ran: list[int] = []

    def one(n: int) -> RoundReport:
        ran.append(n)
        if n == 3:
            stop.set()
        return RoundReport(n)

    last = run_rounds(one, every=0.01, once=False, stop=stop)
    assert ran == [1, 2, 3] and last is not None and last.number == 3
    ran.clear()
    assert run_rounds(one, every=1.0, once=True, stop=threading.Event()) is not None and ran == [1]
