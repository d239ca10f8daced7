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


def test_clean_tags_takes_out_a_dated_month_and_a_leading_rank() -> None:
    from marsad.ner.training.silver import clean_tags

    toks = ["وصل", "الكولونيل", "ماركو", "بيتي", "في", "5", "نيسان"]
    tags = ["O", "B-PERS", "I-PERS", "I-PERS", "O", "O", "B-ORG"]
    assert clean_tags(toks, tags) == ["O", "O", "B-PERS", "I-PERS", "O", "O", "O"]
    doubled = ["منذ", "أيار", "(", "مايو", ")"]  # two calendars side by side: a month, not a name
    assert clean_tags(doubled, ["O", "B-PERS", "O", "B-ORG", "O"]) == ["O"] * 5
    # an undated month-like word, an indefinite title heading a construct, and a lone title stay as tagged
    car = ["اشترى", "سيارة", "نيسان", "جديدة"]
    assert clean_tags(car, ["O", "O", "B-ORG", "O"]) == ["O", "O", "B-ORG", "O"]
    gov = ["استقبل", "أمير", "منطقة", "تبوك"]
    assert clean_tags(gov, ["O", "B-PERS", "I-PERS", "I-PERS"]) == ["O", "B-PERS", "I-PERS", "I-PERS"]
    assert clean_tags(["قال", "العقيد"], ["O", "B-PERS"]) == ["O", "O"]


def test_non_name_list_holds_frequent_words_the_teacher_never_puts_in_a_name(tmp_path: Path) -> None:
    from marsad.ner.training.silver import O_MIN_COUNT, silver_lexicons

    src = tmp_path / "teacher.tsv.gz"
    para = (["غادر", "سامي", "نور", "البلدة", "أمس"], ["O", "B-PERS", "I-PERS", "O", "O"])
    write_silver(src, [(0.9, para)] * O_MIN_COUNT)
    rows = silver_lexicons(src, 0.5, kinds=("sv:O",))
    assert ("sv:O", "غادر") in rows and ("sv:O", "بلده") in rows
    assert all(kind == "sv:O" for kind, _ in rows)
    assert not any(w in ("سامي", "نور") for _, w in rows)
