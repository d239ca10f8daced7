"""The silver paths of `marsad.ner.training.train`: what the student trains on is written back unchanged."""

from __future__ import annotations

from pathlib import Path

from marsad.ner.training.silver import read_silver
from marsad.ner.training.train import silver_rows, silver_sentences, write_silver


def test_picked_paragraphs_round_trip_and_all_o_paragraphs_are_skipped(tmp_path: Path) -> None:
    src = tmp_path / "teacher.tsv.gz"
    rows = [(0.95, (["زار", "سامي", "نور", "المدينة"], ["O", "B-PERS", "I-PERS", "O"])),
            (0.99, (["وكان", "الجو", "باردا"], ["O", "O", "O"])),
            (0.30, (["قال", "رامي"], ["O", "B-PERS"]))]
    write_silver(src, rows)
    picked = silver_sentences(src, 0.5, 1000)
    assert picked == [rows[0]]  # the all-O paragraph teaches nothing, the unsure one is below 0.5
    out = tmp_path / "student.tsv.gz"
    write_silver(out, picked)
    assert list(read_silver(out)) == picked
    first = out.read_bytes()
    write_silver(out, picked)
    assert out.read_bytes() == first  # no timestamp in the gzip header: a rebuild is byte-identical


def test_silver_rows_keeps_only_the_silver_lists(tmp_path: Path) -> None:
    path = tmp_path / "wordlists.tsv"
    path.write_text("first\tسامي\nsv:PERS\tرامي\nsfirst\tنور\n", encoding="utf-8")
    assert silver_rows(path) == [("sv:PERS", "رامي"), ("sfirst", "نور")]
    assert silver_rows(tmp_path / "missing.tsv") == []
