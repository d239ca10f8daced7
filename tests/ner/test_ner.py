"""Fast checks of the shipped NER model and the CLI contract (no shared data needed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from marsad.cli.ner import run_ner
from marsad.ner.bio import entities
from marsad.ner.features import clitic_candidates, normalize, stem_of
from marsad.ner.tagger import get_tagger

SENT = "وقال الرئيس الأمريكي جورج بوش في واشنطن إن الأمم المتحدة يجب أن تتحرك .".split()


def _spans(tokens: list[str], tags: list[str]) -> set[tuple[str, str]]:
    return {(t, " ".join(tokens[s:e])) for t, s, e in entities(tags)}


def test_obvious_entities() -> None:
    tags = get_tagger().tag(SENT)
    assert len(tags) == len(SENT)
    spans = _spans(SENT, tags)
    assert ("PERS", "جورج بوش") in spans
    assert ("LOC", "واشنطن") in spans
    assert ("ORG", "الأمم المتحدة") in spans
    assert tags[-1] == "O"


def test_tag_sentences_and_empty() -> None:
    tagger = get_tagger()
    assert tagger.tag([]) == []
    out = tagger.tag_sentences([SENT, ["في"], []])
    assert [len(x) for x in out] == [len(SENT), 1, 0]
    assert all(t in {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}
               for sent in out for t in sent)


def test_pathological_tokens_do_not_crash() -> None:
    tagger = get_tagger()
    long_tok = "ب" * 10_000
    assert len(tagger.tag(["في", long_tok, "x" * 10_000, "."])) == 4
    assert len(tagger.tag("The quick brown fox , 123 !".split())) == 7
    assert len(tagger.tag(["", " ", "\u200f", "😀", "\x00"])) == 5
    assert len(tagger.tag(["في"] * 1000)) == 1000  # longer than one decoding window


def test_normalisation_and_clitics() -> None:
    assert normalize("أَحْمَد") == "احمد"
    assert normalize("مدرسة") == "مدرسه"
    assert stem_of(normalize("والعراق")) == ("w+al", "عراق")
    assert ("b", "غداد") in clitic_candidates("بغداد")
    assert clitic_candidates("لبنان")[0] == ("", "لبنان")


def test_cli_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("قال O\nجورج B-PERS\nبوش I-PERS\n\n\nفي\tO\nواشنطن\n.\n", encoding="utf-8")
    buf = io.StringIO()
    assert run_ner(str(src), out=buf) == 0
    lines = buf.getvalue().split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert [ln.split("\t")[0] for ln in lines] == ["قال", "جورج", "بوش", "", "في", "واشنطن", "."]
    assert lines[3] == ""
    assert all(len(ln.split("\t")) == 2 for ln in lines if ln)
    assert lines[1].endswith("\tB-PERS")  # the model's own tag, the input's second column is ignored
    assert capsys.readouterr().err == ""


def test_cli_second_column_ignored(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("زار\nالملك\nعبدالله\nعمان\n", encoding="utf-8")
    b.write_text("زار B-LOC\nالملك I-ORG\nعبدالله O\nعمان O\n", encoding="utf-8")
    out_a, out_b = io.StringIO(), io.StringIO()
    assert run_ner(str(a), out=out_a) == 0
    assert run_ner(str(b), out=out_b) == 0
    assert out_a.getvalue() == out_b.getvalue()


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, "no such file"), (b"\x00\x01\x02binary", "binary"), (b"", "empty"), (b"\n\n  \n", "empty"),
     (b"\xff\xfe\xfa bad", "UTF-8")],
)
def test_cli_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None,
                       problem: str) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    buf = io.StringIO()
    assert run_ner(str(path), out=buf) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert str(path) in err and problem in err
    assert buf.getvalue() == ""


def test_cli_no_arabic(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("Hello\nworld\n!\n\n42\n", encoding="utf-8")
    buf = io.StringIO()
    assert run_ner(str(path), out=buf) == 0
    assert [ln.split("\t")[0] for ln in buf.getvalue().splitlines()] == ["Hello", "world", "!", "", "42"]


def test_normalize_many_is_normalize_word_by_word() -> None:
    from marsad.ner.features import normalize_many

    words = ["أَحْمَد", "مدرسة", "ΟΔΟΣ", "x" * 50, "", "a\nb", "ـتطويل"]
    assert normalize_many(words) == [normalize(w) for w in words]
    assert normalize_many(words[:5]) == [normalize(w) for w in words[:5]]
    assert normalize_many([]) == []


def test_word_core_context_features_are_sorted() -> None:
    from marsad.ner.features import FeatureExtractor, Gazetteer, Resources

    res = Resources(clusters={"عراق": ("1", "10", "101", "1011")}, gazetteer=Gazetteer(),
                    word_lists={"first": frozenset({"احمد"}), "sv:PERS": frozenset({"احمد"}),
                                "sfirst": frozenset({"احمد"})})
    fx = FeatureExtractor(res)
    for word in ("والعراق", "أحمد", "وزارة", "123", "abc", "الرئيس"):
        keep = fx.word_core(word)[1]
        assert keep == sorted(set(keep))
    assert fx.word_cores(["أحمد", "والعراق"]) == [fx.word_core("أحمد"), fx.word_core("والعراق")]
