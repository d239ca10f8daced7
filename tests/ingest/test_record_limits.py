"""Issue 20.2: `--max-mb` holds for every record of every format, and what ingest holds at once is bounded.

A 20 MB record inside a 20 KB zip used to be stored (71 s, 1.6 GB) where the same text as a .txt file is
refused; a long JSONL line, a zipped feed and a zip inside a zip were read whole. Big records are written
straight into a zip (they compress to almost nothing) and ingest runs in a child under a memory cap.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from marsad.ingest import iter_documents
from tests.ingest.helpers import BODY, BODY2, run_capped

WORD = "السلام "  # 13 bytes in UTF-8


def record(i: int, text: str = f"{BODY}\n{BODY2}") -> str:
    return json.dumps({"id": f"r{i}", "title": f"خبر رقم {i}", "text": text}, ensure_ascii=False)


def write_big(zf: zipfile.ZipFile, name: str, before: str, mb: int, after: str) -> None:
    """A member holding `before`, about `mb` MB of one repeated word, then `after`, written in pieces."""
    with zf.open(name, "w") as out:
        out.write(before.encode())
        piece = (WORD * 80_000).encode()  # ~1 MB
        for _ in range(mb):
            out.write(piece)
        out.write(after.encode())


def limit_message(what: str, mb: float, max_mb: float) -> str:
    return f"{what} is {mb:.1f} MB, over the {max_mb:g} MB limit for one article; split it or pass --max-mb"


def test_big_record_in_a_zipped_json_array(tmp_path: Path) -> None:
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        write_big(zf, "dump.json", f'[{record(0)}, {{"text": "', 30, f'"}}, {record(2)}]')
    out = run_capped([z], max_mb=2, mem_mb=400)
    assert [d["source"] for d in out.docs] == [f"{z}:dump.json[0]", f"{z}:dump.json[2]"]
    [err] = out.errors
    assert err["source"] == f"{z}:dump.json[1]"
    assert err["message"] == limit_message("record", 31.2, 2) + "; the other items were read"


def test_long_jsonl_line_is_refused_without_being_held(tmp_path: Path) -> None:
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        write_big(zf, "in.jsonl", f'{record(1)}\n{{"text": "', 100, f'"}}\n{record(3)}\n')
    out = run_capped([z], mem_mb=300)  # the default limit, 20 MB; 100 MB would not fit in 300 MB as text
    assert [d["source"] for d in out.docs] == [f"{z}:in.jsonl:1", f"{z}:in.jsonl:3"]
    [err] = out.errors
    assert err["source"] == f"{z}:in.jsonl:2"
    assert err["message"] == "line 2: " + limit_message("record", 104.0, 20) + "; the rest of the file was read"


def test_feed_in_a_zip_is_capped(tmp_path: Path) -> None:
    z = tmp_path / "a.zip"
    item = f"<item><title>خبر</title><description>{BODY} {BODY2}</description></item>"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        write_big(zf, "big.rss", f'<?xml version="1.0"?><rss version="2.0"><channel>{item}<item><description>', 30,
                  "</description></item></channel></rss>")
        zf.writestr("small.rss", f'<?xml version="1.0"?><rss version="2.0"><channel>{item}</channel></rss>')
    out = run_capped([z], max_mb=2, mem_mb=400)
    assert [d["source"] for d in out.docs] == [f"{z}:small.rss#1"]
    [err] = out.errors
    assert err["source"] == f"{z}:big.rss" and err["message"] == limit_message("feed", 31.2, 2)


def test_zip_inside_a_zip_is_capped_and_not_held(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_STORED) as zf:  # stored: the inner zip itself is big
        zf.writestr("a.txt", f"خبر\n\n{BODY}\n{BODY2}")
        zf.writestr("pad.txt", (WORD * 80_000 * 3).encode())
    small = io.BytesIO()
    with zipfile.ZipFile(small, "w") as zf:
        zf.writestr("b.txt", f"خبر\n\n{BODY}\n{BODY2}")
    z = tmp_path / "outer.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("inner.zip", inner.getvalue())
        zf.writestr("small.zip", small.getvalue())
    out = run_capped([z], max_mb=0.05, mem_mb=400)  # inner archives: up to 50 times the limit (2.5 MB)
    assert [d["source"] for d in out.docs] == [f"{z}:small.zip:b.txt"]
    [err] = out.errors
    assert err["source"] == f"{z}:inner.zip"
    assert err["message"].startswith("archive inside an archive is 3.1 MB, over the 2.5 MB limit")
    out = run_capped([z], max_mb=1, mem_mb=400)
    assert [d["source"] for d in out.docs] == [f"{z}:inner.zip:a.txt", f"{z}:small.zip:b.txt"]
    assert [e["source"] for e in out.errors] == [f"{z}:inner.zip:pad.txt"]


def test_stdin_zip_is_spooled(monkeypatch: pytest.MonkeyPatch) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", f"خبر\n\n{BODY}\n{BODY2}")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(buf.getvalue()))))
    assert [d.source for d in iter_documents(["-"])] == ["<stdin>:a.txt"]
