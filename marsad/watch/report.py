"""What one round did, and the one line that says it on stderr.

The line is meant for logs (journald, cron mail): counts first, then what went wrong, each down source
with its reason, e.g. `watch round 3: 2 sources, 14 new, 0 failed, 1 source down (http://…: HTTP 500);
3 alerts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_LISTED = 3  # down sources named in the line; the rest are counted


@dataclass
class RoundReport:
    """Counts of a round: sources looked at, documents stored (`new`, their ids in `doc_ids`), items
    already held (`unchanged`), items that failed, items left for next round (`pending`), sources that
    could not be read (`down`, with reasons), the pass's figures, the new alerts, other errors."""

    number: int
    sources: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    pending: int = 0
    down: list[tuple[str, str]] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    analysed: dict[str, Any] | None = None
    alerts: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        """Whether every source could be read and the pass and alerts ran (item failures do not count:
        a feed carrying an English item is not a broken source)."""
        return not self.down and not self.errors

    def line(self) -> str:
        parts = [f"{self.sources} source{'s' if self.sources != 1 else ''}", f"{self.new} new",
                 f"{self.failed} failed"]
        if self.unchanged:
            parts.append(f"{self.unchanged} already stored")
        if self.pending:
            parts.append(f"{self.pending} pending")
        if self.down:
            listed = "; ".join(f"{name}: {why}" for name, why in self.down[:MAX_LISTED])
            more = f"; and {len(self.down) - MAX_LISTED} more" if len(self.down) > MAX_LISTED else ""
            parts.append(f"{len(self.down)} source{'s' if len(self.down) != 1 else ''} down ({listed}{more})")
        tail = [f"{len(self.alerts)} alert{'s' if len(self.alerts) != 1 else ''}"]
        tail += self.errors
        if self.interrupted:
            tail.append("stopped before the end of the round")
        return f"watch round {self.number}: {', '.join(parts)}; {'; '.join(tail)}"
