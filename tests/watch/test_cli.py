"""`marsad watch` as scripts, cron and systemd run it: exit statuses, the summary line, `--print`, stopping,
and `kill -9` in the middle of a round followed by a restart that neither loses nor duplicates anything."""

from __future__ import annotations

import importlib.machinery
import json
import os
import signal
import subprocess
import sys
import threading
import types
from pathlib import Path
from typing import Any

import pytest

import marsad
from marsad.cli import main
from marsad.store import open_store
from tests.watch.helpers import NONE, Site, arabic, article_page, count

ROOT = Path(__file__).resolve().parents[2]
OFF = [arg for name in NONE for arg in ("--disable", name)]


def marsad_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "marsad.cli", *args]


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(marsad_cmd(*args), cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def test_watch_dir_once_db_file_works_exactly_so(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(arabic(1), encoding="utf-8")
    (d / "b.txt").write_text(arabic(2), encoding="utf-8")
    db = str(tmp_path / "w.db")
    p = run("watch", str(d), "--once", "--db", db)
    assert p.returncode == 0, p.stderr
    assert "marsad: watch round 1: 1 source, 2 new, 0 failed; 0 alerts" in p.stderr
    assert p.stdout == ""
    p = run("watch", str(d), "--once", "--db", db)
    assert p.returncode == 0 and "0 new" in p.stderr
    assert count(db, "SELECT count(*) FROM documents") == 2


def test_watch_feed_url_once_db_file_works_exactly_so(site: Site, tmp_path: Path) -> None:
    site.feed("/rss", [{"guid": "1", "title": "خبر", "content": arabic(1, 150)}])
    db = str(tmp_path / "w.db")
    p = run("watch", site.url("/rss"), "--once", "--db", db)
    assert p.returncode == 0, p.stderr
    assert "1 new" in p.stderr
    assert count(db, "SELECT count(*) FROM corpus_docs") == 1  # the cross-document pass ran


def test_once_exits_1_when_a_source_is_down_and_2_on_usage_errors(site: Site, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    site.route("/rss", status=500)
    db = str(tmp_path / "w.db")
    assert main(["watch", site.url("/rss"), "--once", "--db", db, "--retries", "0", *OFF]) == 1
    assert "1 source down" in capsys.readouterr().err
    assert main(["watch", str(tmp_path), "--every", "soon", "--db", db]) == 2
    assert "not a period" in capsys.readouterr().err
    assert main(["watch", "ftp://x.test/rss", "--once", "--db", db]) == 1
    assert "only http:// and https://" in capsys.readouterr().err


@pytest.fixture
def fake_alerts(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A stand-in `marsad.alerts` with the agreed interface: evaluate(store, doc_ids) and deliver(alerts)."""
    seen: dict[str, Any] = {"evaluated": [], "delivered": []}

    def evaluate(store: Any, doc_ids: list[str]) -> list[dict[str, Any]]:
        seen["evaluated"].append(list(doc_ids))
        return [{"id": i + 1, "rule_id": 1, "kind": "entity", "summary": "ذكر «القاهرة»", "doc_id": d,
                 "evidence": {"doc_id": d}} for i, d in enumerate(doc_ids)]

    module = types.ModuleType("marsad.alerts")
    module.__spec__ = importlib.machinery.ModuleSpec("marsad.alerts", None)
    module.evaluate = evaluate  # type: ignore[attr-defined]
    module.deliver = seen["delivered"].extend  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "marsad.alerts", module)
    monkeypatch.setattr(marsad, "alerts", module, raising=False)
    return seen


def test_print_writes_each_new_alert_as_a_json_line(tmp_path: Path, fake_alerts: dict[str, Any],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(arabic(1), encoding="utf-8")
    (d / "b.txt").write_text(arabic(2), encoding="utf-8")
    db = str(tmp_path / "w.db")
    assert main(["watch", str(d), "--once", "--db", db, "--print", *OFF]) == 0
    out, errs = capsys.readouterr()
    lines = [json.loads(x) for x in out.splitlines()]
    assert [a["kind"] for a in lines] == ["entity", "entity"] and lines[0]["summary"] == "ذكر «القاهرة»"
    assert "; 2 alerts" in errs
    assert len(fake_alerts["evaluated"]) == 1 and len(fake_alerts["evaluated"][0]) == 2
    assert len(fake_alerts["delivered"]) == 2
    assert main(["watch", str(d), "--once", "--db", db, "--print", *OFF]) == 0
    assert capsys.readouterr().out == "" and len(fake_alerts["evaluated"]) == 1  # nothing new: not evaluated


def test_documents_of_a_round_stopped_before_its_alerts_are_evaluated_next_round(
        tmp_path: Path, fake_alerts: dict[str, Any]) -> None:
    from tests.watch.helpers import make_watcher

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(arabic(1), encoding="utf-8")
    (d / "b.txt").write_text(arabic(2), encoding="utf-8")
    db = str(tmp_path / "w.db")
    stop = threading.Event()

    class StopAfterOne:
        def run(self, doc: Any) -> tuple[Any, None]:
            stop.set()
            return doc, None

    r1 = make_watcher(db, stop=stop, pipeline=StopAfterOne()).round([str(d)], 1)
    assert r1.interrupted and r1.new == 1 and fake_alerts["evaluated"] == []
    r2 = make_watcher(db).round([str(d)], 2)
    assert r2.new == 1 and len(fake_alerts["evaluated"][0]) == 2  # the first round's document caught up
    assert len(r2.alerts) == 2


def test_kill_9_in_the_middle_of_a_round_then_restart_loses_and_duplicates_nothing(site: Site, tmp_path: Path) -> None:
    n_items = 6
    for n in range(1, n_items + 1):
        site.route(f"/a/{n}", article_page(n), content_type="text/html; charset=utf-8")
    site.feed("/rss", [{"guid": f"g{n}", "title": f"خبر {n}", "link": site.url(f"/a/{n}"),
                        "description": "ملخص"} for n in range(1, n_items + 1)])
    site.routes["/a/4"].delay = 3.0  # the watcher is waiting on this page when it is killed
    reached = threading.Event()
    site.on_request = lambda path: reached.set() if path == "/a/4" else None
    db = str(tmp_path / "w.db")
    args = ["watch", site.url("/rss"), "--once", "--db", db, "--delay", "0", *OFF]
    proc = subprocess.Popen(marsad_cmd(*args), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert reached.wait(60), "the watcher never asked for the fourth article"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert count(db, "SELECT count(*) FROM documents") == 3
    assert count(db, "SELECT count(*) FROM watch_items") == 3
    site.routes["/a/4"].delay = 0.0
    p = run(*args)
    assert p.returncode == 0, p.stderr
    assert "3 new" in p.stderr
    p = run(*args)
    assert p.returncode == 0 and "0 new" in p.stderr
    assert count(db, "SELECT count(*) FROM documents") == n_items
    assert count(db, "SELECT count(DISTINCT content_hash) FROM documents") == n_items
    assert count(db, "SELECT count(*) FROM watch_items WHERE status='stored'") == n_items


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 0), (signal.SIGINT, 130)])
def test_the_loop_stops_cleanly_on_sigterm_and_ctrl_c(tmp_path: Path, sig: int, status: int) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(arabic(1), encoding="utf-8")
    db = str(tmp_path / "w.db")
    proc = subprocess.Popen(marsad_cmd("watch", str(d), "--every", "1s", "--db", db, *OFF), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        lines = []
        for line in proc.stderr:  # two rounds: the second finds nothing new
            lines.append(line)
            if "watch round 2:" in line:
                break
        os.kill(proc.pid, sig)
        assert proc.wait(30) == status
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "1 new" in lines[0] and "0 new" in lines[-1]
    assert count(db, "SELECT count(*) FROM documents") == 1


def test_a_real_alert_rule_fires_once_across_rounds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("marsad.alerts")
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(arabic(0), encoding="utf-8")  # in Cairo (القاهرة)
    (d / "b.txt").write_text(arabic(1), encoding="utf-8")  # in Amman
    db = str(tmp_path / "w.db")
    open_store(db).close()
    assert main(["alert", "add", "--query", "القاهرة", "--db", db]) == 0
    capsys.readouterr()
    assert main(["watch", str(d), "--once", "--db", db, "--print", *OFF]) == 0
    first = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(first) == 1 and first[0]["doc_id"]
    (d / "c.txt").write_text(arabic(2), encoding="utf-8")  # in Beirut: no new alert, the old one not again
    assert main(["watch", str(d), "--once", "--db", db, "--print", *OFF]) == 0
    assert capsys.readouterr().out == ""
