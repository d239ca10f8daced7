"""What two JSONL exports of stores that should agree differ in, short enough to read in a CI log (a
plain `==` on the export bytes prints megabytes of bytes and names nothing)."""

from __future__ import annotations

import json

import pytest


def export_diff(a: list[bytes], b: list[bytes]) -> str:
    """The documents and fields in which two exports differ, short enough to read in a CI log."""
    da = {d["id"]: d for d in map(json.loads, a)}
    db = {d["id"]: d for d in map(json.loads, b)}
    out = [f"only in one store: {sorted(set(da) ^ set(db))}"] if set(da) != set(db) else []
    for i in sorted(set(da) & set(db)):
        for key in sorted(set(da[i]) | set(db[i])):
            x, y = da[i].get(key), db[i].get(key)
            if x == y:
                continue
            if isinstance(x, list) and isinstance(y, list):
                k = next((k for k, (u, v) in enumerate(zip(x, y, strict=False)) if u != v), min(len(x), len(y)))
                out.append(f"{i} {key}[{k}] of {len(x)}/{len(y)}: {json.dumps(x[k:k + 1], ensure_ascii=False)[:400]}"
                           f" != {json.dumps(y[k:k + 1], ensure_ascii=False)[:400]}")
            else:
                out.append(f"{i} {key}: {json.dumps(x, ensure_ascii=False)[:400]} != {json.dumps(y, ensure_ascii=False)[:400]}")
    return "\n".join(out)


def assert_same_export(got: bytes, want: bytes) -> None:
    """Fail with `export_diff` rather than a dump of both exports' bytes."""
    if got != want:
        pytest.fail(export_diff(got.splitlines(), want.splitlines()) or "the exports differ in line order only",
                    pytrace=False)
