"""`marsad watch`: follow feeds, directories and lists of them, ingesting what is new every round.

`sources` expands the arguments, `fetch` does HTTP (conditional GET, politeness, retries), `items` turns
a source into keyed items, `state` keeps what was seen in the store, `round` ingests one round,
`followup` runs the cross-document pass and alerts after it, `report` says what happened and `loop`
repeats rounds until stopped. The command line is `marsad.cli.watch`.
"""

from __future__ import annotations

from marsad.watch.fetch import Fetcher, FetchError
from marsad.watch.loop import parse_every, run_rounds, stop_on_signals
from marsad.watch.report import RoundReport
from marsad.watch.round import Settings, Watcher

__all__ = ["FetchError", "Fetcher", "RoundReport", "Settings", "Watcher", "parse_every", "run_rounds",
           "stop_on_signals"]
