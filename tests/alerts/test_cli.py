"""`marsad alert add | list | remove | check` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    got = capsys.readouterr()
    return code, got.out, got.err


def test_add_list_remove(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "alert", "add", "--entity", "داعش", "--db", str(db))
    assert code == 0 and "تنظيم الدولة الإسلامية" in out
    code, out, _ = run(capsys, "alert", "add", "--entity", "روسيا", "--type", "assault", "--place", "Q283368",
                       "--webhook", "https://hooks.example/x", "--db", str(db), "--format", "json")
    rule = json.loads(out)
    assert code == 0 and rule["event_type"] == "ASSAULT" and rule["place"] == ["Q283368"]
    run(capsys, "alert", "add", "--query", '"الجيش الروسي"', "--db", str(db))
    run(capsys, "alert", "add", "--contradiction", "لافروف", "--db", str(db))
    code, out, _ = run(capsys, "alert", "list", "--db", str(db))
    assert code == 0 and len(out.strip().splitlines()) == 4 and "webhook" in out
    code, out, _ = run(capsys, "alert", "list", "--db", str(db), "--format", "json")
    assert [r["kind"] for r in json.loads(out)] == ["entity", "event", "query", "contradiction"]
    code, out, _ = run(capsys, "alert", "remove", str(rule["id"]), "--db", str(db))
    assert code == 0
    code, _, err = run(capsys, "alert", "remove", str(rule["id"]), "--db", str(db))
    assert code == 1 and "no active alert rule" in err
    code, out, _ = run(capsys, "alert", "list", "--db", str(db), "--format", "json")
    assert rule["id"] not in [r["id"] for r in json.loads(out)]


@pytest.mark.parametrize("argv", [
    ["--entity", "لا يوجد كيان بهذا الاسم"], ["--contradiction", "nobody"], ["--query", "("],
    ["--entity", "داعش", "--place", "nowhere-at-all"], ["--entity", "داعش", "--query", "x"], [],
])
def test_add_refuses_with_one_line_and_status_2(db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, "alert", "add", *argv, "--db", str(db))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("marsad: ")
    _, out, _ = run(capsys, "alert", "list", "--db", str(db), "--format", "json")
    assert json.loads(out) == []


def test_an_unknown_type_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["alert", "add", "--entity", "داعش", "--type", "PARTY", "--db", str(db)])
    assert info.value.code == 2
    capsys.readouterr()


def test_check_prints_json_lines_once(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "alert", "add", "--entity", "Q7803", "--db", str(db))
    code, out, err = run(capsys, "alert", "check", "--print", "--db", str(db))
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and lines and f"{len(lines)} new alerts" in err
    assert {x["kind"] for x in lines} <= {"event", "quote", "mention"}
    assert all(x["evidence"]["document"] == x["doc_id"] for x in lines)
    code, out, err = run(capsys, "alert", "check", "--print", "--db", str(db))
    assert code == 0 and out == "" and "0 new alerts" in err
    code, out, _ = run(capsys, "alert", "check", "--all", "--print", "--db", str(db))
    assert out == ""  # every document again, but each alert was raised already


def test_commands_on_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "alert", "list", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no such database" in err
    assert not (tmp_path / "none.db").exists()


def test_help_lists_alert(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "alert" in capsys.readouterr().out


