"""Issue 20.1: deeply nested JSON is refused record by record, in bounded memory, and the records around it are read.

ijson built prefix strings as long as the depth for every level (memory grew with the square of the depth:
a 400 KB file of brackets took 22.8 GB), and a deep JSONL line raised RecursionError, which ended the file.
Each test runs ingest in a child under a memory cap, so a regression fails instead of exhausting the machine.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest

from marsad.ingest import jsonscan
from tests.ingest.helpers import BODY, BODY2, run_capped

DEEP = 200_000
MSG = "JSON nested deeper than 64 levels"


def record(i: int) -> dict[str, str]:
    return {"id": f"r{i}", "title": f"خبر رقم {i}", "text": f"{BODY}\n{BODY2}"}


def test_bracket_bomb_file(tmp_path: Path) -> None:
    f = tmp_path / "bomb.json"
    f.write_text("[" * DEEP + "]" * DEEP)
    [err] = run_capped([f]).errors
    assert err["source"] == f"{f}[0]" and err["message"].startswith(MSG)


def test_deep_item_of_an_array_in_a_zip(tmp_path: Path) -> None:
    z = tmp_path / "a.zip"
    deep = '{"text": ' + "[" * DEEP + "]" * DEEP + "}"
    records = [json.dumps(record(0), ensure_ascii=False), deep, json.dumps(record(2), ensure_ascii=False)]
    body = "[" + ", ".join(records) + "]"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dump.json", body)
    out = run_capped([z])
    assert [d["source"] for d in out.docs] == [f"{z}:dump.json[0]", f"{z}:dump.json[2]"]
    [err] = out.errors
    assert err["source"] == f"{z}:dump.json[1]" and err["message"].startswith(MSG)


def test_deep_jsonl_line_does_not_end_the_file(tmp_path: Path) -> None:
    for name in ("in.jsonl", "in.txt"):  # .txt: the format is sniffed from the (deep) first lines
        f = tmp_path / name
        lines = [json.dumps(record(1), ensure_ascii=False), '{"text": ' + "[" * DEEP + "]" * DEEP + "}",
                 json.dumps(record(3), ensure_ascii=False), '{"a": ' + '{"b": ' * 70 + "1" + "}" * 71]
        f.write_text("\n".join(lines), encoding="utf-8")
        out = run_capped([f])
        assert [d["source"] for d in out.docs] == [f"{f}:1", f"{f}:3"]
        assert [(e["source"], e["message"]) for e in out.errors] == [
            (f"{f}:2", f"line 2: {MSG}; the rest of the file was read"),
            (f"{f}:4", f"line 4: {MSG}; the rest of the file was read"),
        ]


def test_deep_single_object_and_shallow_ones_still_read(tmp_path: Path) -> None:
    f = tmp_path / "one.json"
    f.write_text('{"text": "' + BODY + '", "x": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")
    [err] = run_capped([f]).errors
    assert err["source"] == str(f) and err["message"].startswith(MSG)
    ok = tmp_path / "ok.json"  # 60 levels, brackets inside strings and escaped quotes do not count
    ok.write_text(json.dumps({"text": BODY + ' "[[[{{{" \\', "x": json.loads("[" * 60 + "]" * 60),
                              "y": "[" * 100}), encoding="utf-8")
    [doc] = run_capped([ok]).docs
    assert doc["text"].startswith(BODY)


def _value(rng: random.Random, depth: int = 0) -> object:
    r = rng.random()
    if depth < 4 and r < 0.2:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if depth < 4 and r < 0.4:
        return {_string(rng): _value(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    return _string(rng) if r < 0.7 else rng.choice([1, 2.5, None, True, -3])


def _string(rng: random.Random) -> str:
    return "".join(rng.choice('ab"\\[]{},\n عربي') for _ in range(rng.randint(0, 8)))


def _depth(v: object) -> int:
    if isinstance(v, list | dict):
        return 1 + max((_depth(x) for x in (v if isinstance(v, list) else v.values())), default=0)
    return 0


def test_scanner_agrees_with_json_at_every_chunk_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    for _ in range(400):
        items = [_value(rng) for _ in range(rng.randint(0, 5))]
        text = json.dumps(items, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1]))
        monkeypatch.setattr(jsonscan, "_CHUNK", rng.randint(1, 20))  # quotes and escapes split across reads
        assert [json.loads(x) for x in jsonscan.array_items(io.BytesIO(text.encode()), 10**9)] == items
        with pytest.raises(jsonscan.BrokenArray):
            list(jsonscan.array_items(io.BytesIO(text[: rng.randint(0, len(text) - 1)].encode()), 10**9))
        for x in items:
            for limit in range(4):
                assert jsonscan.too_deep(json.dumps(x), limit) == (_depth(x) > limit)
