"""`marsad export`: every latest document's annotations in one interchange format."""

from __future__ import annotations

import argparse
import sys

from marsad.cli.common import EXIT_OK, add_db


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("export", help="export the store: plover-json, acled-csv, geojson, jsonl, csv",
                        description="Write every latest document's annotations in one format. Output is "
                        "deterministic (sorted by content-derived id, no timestamps).")
    sp.add_argument("--format", required=True, choices=("plover-json", "acled-csv", "geojson", "jsonl", "csv"))
    sp.add_argument("--output", "-o", help="file to write (default stdout)")
    add_db(sp)
    sp.set_defaults(func=cmd_export)


def cmd_export(a: argparse.Namespace) -> int:
    from marsad.export import export
    from marsad.store import open_store

    out = open(a.output, "w", encoding="utf-8", newline="") if a.output else sys.stdout
    try:
        with open_store(a.db, readonly=True) as store:
            n = export(store.iter_documents(), a.format, out)
    finally:
        if a.output:
            out.close()
    print(f"marsad: wrote {n} records ({a.format}){' to ' + a.output if a.output else ''}", file=sys.stderr)
    return EXIT_OK
