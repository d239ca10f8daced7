"""Export stored annotations for the tools conflict researchers already use.

`export(docs, fmt, out)` takes stored-document dicts (the shape `SqliteStore.iter_documents()` yields:
`{"id", "document": {...}, "entities", "quotes", "events", "dates", "source", ...}`) and writes one format
to a text stream, returning the number of records written:

* `plover-json` — a JSON array of PLOVER event records (event_type, mode, context, actor/recipient with
  country and sector, date, location with coordinates, sentence text, source document, url);
* `acled-csv` — ACLED-like rows for the event types ACLED covers (violence, protest, strategic
  developments), skipping negated and hypothetical events, which ACLED never records;
* `geojson` — a FeatureCollection of events whose location has coordinates;
* `jsonl` — one annotation object per document;
* `csv` — one row per event, every event (flags as columns).

Output is deterministic: documents are written in id order whatever order they arrive in, keys are
sorted, and nothing time-dependent (export time, ingestion timestamps) is written, so the same store
content always gives byte-identical files that diff cleanly between releases.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TextIO

from marsad.export.formats import write_acled_csv, write_csv, write_geojson, write_jsonl, write_plover_json

__all__ = ["FORMATS", "export"]

Writer = Callable[[list[dict[str, Any]], TextIO], int]

FORMATS: dict[str, Writer] = {
    "plover-json": write_plover_json,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "jsonl": write_jsonl,
    "csv": write_csv,
}


def export(docs: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write `docs` to `out` in format `fmt`; return the number of records (events, rows, features or
    documents) written. Raises ValueError for an unknown format."""
    writer = FORMATS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    ordered = sorted(docs, key=lambda d: str(d.get("id") or ""))
    return writer(ordered, out)
