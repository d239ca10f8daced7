"""`marsad annotate`: annotate one article, or a JSONL batch, and print the annotations without storing."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from marsad.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_budget,
    add_disable,
    add_format,
    err,
    iso_date,
)


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("annotate", help="annotate one article (or a JSONL batch) and print JSON",
                        description="Annotate without storing. --format json: one article in, one JSON object "
                        "out. --format jsonl: one {id, text, published?, title?, url?, outlet?} object a line "
                        "in, one annotation a line out with the id echoed.")
    sp.add_argument("file", help="article file (.txt, .html, .json) or JSONL; - for stdin")
    sp.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD", help="publication date to resolve against")
    add_format(sp, ("json", "jsonl"))
    add_disable(sp)
    sp.add_argument("--max-mb", type=float, default=20.0, help="size limit for one-article files (default 20)")
    add_budget(sp)
    sp.set_defaults(func=cmd_annotate)


def cmd_annotate(a: argparse.Namespace) -> int:
    from marsad.annotate.pipeline import Pipeline
    from marsad.ingest import IngestError, iter_documents

    pipeline = Pipeline(disable=a.disable or (), budget_s=a.time_budget)
    failed = 0

    def docs() -> Iterator[Any]:
        nonlocal failed
        for item in iter_documents([a.file], max_mb=a.max_mb):
            if isinstance(item, IngestError):
                failed += 1
                err(f"{item.source}: {item.message}")
                continue
            if a.published:
                item.published = a.published
            try:
                doc, warning = pipeline.run(item)
            except Exception as exc:  # a component bug on one article must not lose the rest of a batch
                failed += 1
                err(f"{item.source}: could not annotate: {type(exc).__name__}: {exc}")
                continue
            if warning:
                err(f"{doc.source}: warning: {warning}")
            yield doc

    if a.format == "jsonl":
        for doc in docs():
            sys.stdout.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        return EXIT_FAILED if failed else EXIT_OK
    it = docs()
    first = next(it, None)
    if first is None:
        return EXIT_FAILED
    if next(it, None) is not None:
        err(f"{a.file}: holds more than one article; use --format jsonl")
        return EXIT_USAGE
    print(json.dumps(first.to_json(), ensure_ascii=False, indent=1))
    return EXIT_FAILED if failed else EXIT_OK
