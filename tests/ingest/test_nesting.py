"""Issue 20.1: deeply nested JSON is refused record by record, in bounded memory, and the records around it are read.

ijson built prefix strings as long as the depth for every level (memory grew with the square of the depth:
a 400 KB file of brackets took 22.8 GB), and a deep JSONL line raised RecursionError, which ended the file.
Each test runs ingest in a child under a memory cap, so a regression fails instead of exhausting the machine.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

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
