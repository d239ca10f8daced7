"""Progress of `analyse()`, pass by pass, for a front-end to show (it ran silent for minutes on 30K articles).

The analysis only calls `progress(stage, done, total)`; drawing is the caller's. `Ticker` keeps a pass's
per-item ticking cheap (at most ~100 calls a stage), and `Bars` is the tqdm callback `marsad analyse`
can hand in, in the style of the ingest bar (`marsad.cli.loading`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TextIO

#: `progress(stage, done, total)`: `done` of `total` items of `stage` (one of `STAGES`) are finished.
Progress = Callable[[str, int, int], None]

#: The stages in the order a run goes through them, each with the unit its counts are in.
STAGES: dict[str, str] = {
    "read": "docs",  # unanalysed documents: MinHash signatures and term counts
    "duplicates": "docs",
    "stories": "docs",
    "events": "records",  # the new documents' event records, merged into real-world events
    "claim candidates": "quotes",  # new quotes compared (sparse products) with the claim window's quotes
    "claims": "pairs",  # candidate quote pairs judged (relatedness, reasons to disagree)
    "stance": "pairs",  # pairs the stance model labels (one batch: the e5 encoder is the slow part)
}


class Ticker:
    """Counts one stage's items and passes the count on at about every hundredth of `total`, so a pass
    may tick for every item. Reports `(stage, 0, total)` at once and `(stage, total, total)` at `finish`."""

    def __init__(self, progress: Progress | None, stage: str, total: int) -> None:
        self.progress, self.stage, self.total, self.done = progress, stage, total, 0
        self._step = max(1, total // 100)
        self._next = self._step
        self._reported = 0
        if progress is not None:
            progress(stage, 0, total)

    def __call__(self, n: int = 1) -> None:
        self.done += n
        if self.progress is not None and self.done >= self._next and self.done < self.total:
            self._next = self.done + self._step
            self._reported = self.done
            self.progress(self.stage, self.done, self.total)

    def finish(self) -> None:
        """Report the stage complete (once: an empty stage was already complete when it started)."""
        if self.progress is not None and self._reported != self.total:
            self._reported = self.total
            self.progress(self.stage, self.total, self.total)


class Bars:
    """A `Progress` drawing one tqdm bar per stage (on stderr unless told), closed when its stage ends.

    Call `close()` when the run ends early (an exception) so a half-drawn bar is not left behind."""

    def __init__(self, file: TextIO | None = None, disable: bool = False) -> None:
        self.file, self.disable = file, disable
        self.stage: str | None = None
        self.bar: Any = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if stage != self.stage or self.bar is None:
            self.close()
            self.stage = stage
            self.bar = tqdm(desc=stage, total=total, unit=" " + STAGES.get(stage, "items"), disable=self.disable,
                            file=self.file or sys.stderr, mininterval=0.5)
        self.bar.update(done - self.bar.n)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        self.bar, self.stage = None, None
