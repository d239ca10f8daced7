"""Cross-document analysis: near-duplicates, stories, merged events, claims and contradictions.

`analyse(store)` is incremental and idempotent (it records which documents it has seen); the query
functions read what it stored. See `analysis.py` for the method (one module a pass in `passes/`),
`progress.py` for following a run, and `stance.py` for the stance model.
"""

from __future__ import annotations

from marsad.corpus.analysis import analyse
from marsad.corpus.queries import claims, contradictions, duplicates, merged_events, stories, timeline

__all__ = ["analyse", "claims", "contradictions", "duplicates", "merged_events", "stories", "timeline"]
