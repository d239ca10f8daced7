"""Hostile input at the command line (issue 20): damaged or unusable stores, passwords in store URLs,
terminal escapes in stored text and archive member names, and documents that take too long to annotate."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from marsad.document import Document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
NO_ANNOTATION = ["--disable", "entities", "--disable", "dates", "--disable", "quotes", "--disable", "events"]


def marsad(*args: object, timeout: float = 120, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, sys.executable, "-m", "marsad.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout)


def one_line(p: subprocess.CompletedProcess[str]) -> str:
    """The single `marsad:` line a failed command must print instead of a traceback."""
    assert "Traceback" not in p.stderr, p.stderr[-2000:]
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("marsad: "), p.stderr
    return lines[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_store(path: Path | str, n: int = 30, title: str = "خبر") -> str:
    """A store of `n` generated articles (stored without annotation)."""
    from marsad.store import open_store

    with open_store(path) as st:
        for i in range(n):
            st.add(Document(text=f"{title} {i}\n\nقال الوزير إن الاتفاق مع سوريا سيستمر {i} مرة.", title=f"{title} {i}",
                            source=f"gen{i}.txt", url=f"https://example.com/{i}"))
    return str(path)


def _damaged(kind: str, tmp: Path) -> Path:
    path = tmp / f"{kind}.db"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "garbled":
        path.write_bytes(os.urandom(8192))
    else:
        make_store(path, 200)
        if kind == "truncated":
            os.truncate(path, path.stat().st_size // 2 // 4096 * 4096)
        elif kind == "pages":  # every page but the header page overwritten
            size = path.stat().st_size
            with open(path, "r+b") as f:
                f.seek(4096)
                f.write(os.urandom(size - 4096))
        elif kind == "table":
            with sqlite3.connect(path) as c:
                c.execute("DROP TABLE quotes")
    return path


@pytest.mark.parametrize("kind", ["empty", "garbled", "truncated", "pages", "table"])
def test_a_damaged_store_gives_one_line(kind: str, tmp_path: Path) -> None:
    """Issue 20.9: `stats`, `search` and `serve` printed tracebacks on an empty, truncated or garbled store,
    and `serve` on a store with a table missing started and answered 500 everywhere."""
    db = _damaged(kind, tmp_path)
    commands = [["stats"], ["serve", "--port", _free_port()]] + ([["search", "سوريا"]] if kind != "table" else [])
    for args in commands:
        p = marsad(*args, "--db", db, timeout=60)
        line = one_line(p)
        assert p.returncode == 1 and line.startswith(f"marsad: {db}: "), (args, line)
    expected = {
        "empty": f"marsad: {db}: no marsad store in this file; run `marsad ingest` first",
        "garbled": f"marsad: {db}: the store is damaged or not a marsad store (file is not a database)",
        "truncated": f"marsad: {db}: the store is damaged or not a marsad store (database disk image is malformed)",
    }
    if kind in expected:
        assert one_line(marsad("stats", "--db", db)) == expected[kind]
    if kind == "table":
        assert one_line(marsad("serve", "--db", db, "--port", _free_port())) == (
            f"marsad: {db}: not a complete marsad store (no quotes table)")
        assert one_line(marsad("quotes", "--db", db)) == (
            f"marsad: {db}: the store could not be read (no such table: quotes); it may be damaged")


@pytest.mark.parametrize("where", ["missing/dir", "/proc/marsad-test"])
def test_a_store_that_cannot_be_created_gives_one_line(where: str, tmp_path: Path) -> None:
    """Issue 20.9: a new store in a directory that does not exist or cannot be written: a traceback."""
    db = (tmp_path / where if not where.startswith("/") else Path(where)) / "new.db"
    p = marsad("ingest", *NO_ANNOTATION, "--db", db, EXAMPLES / "001_e851b5796ff80f73.txt")
    assert p.returncode == 1
    assert one_line(p) == (f"marsad: {db}: cannot create or write the store (unable to open database file); "
                           "check that its directory exists and is writable")


def _without_privileges() -> tuple[str, ...]:
    """A prefix that makes the command obey file permissions: root ignores them unless it drops the
    capabilities that let it (setpriv); other users obey them anyway."""
    if os.geteuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: cannot make a directory read-only to ourselves")
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search")


def test_a_read_only_store_without_wal_files_is_read(tmp_path: Path) -> None:
    """Issue 20.9: a WAL store in a read-only directory, without its -wal/-shm files (as copied or
    unpacked), failed with 'attempt to write a readonly database'. It is opened immutable now."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = make_store(folder / "s.db", 12)
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    folder.chmod(0o555)
    try:
        p = marsad("stats", "--db", db, "--format", "json", prefix=_without_privileges())
        assert p.returncode == 0, p.stderr
        assert json.loads(p.stdout)["documents"] == 12
        p = marsad("search", "سوريا", "--db", db, prefix=_without_privileges())
        assert p.returncode == 0 and len([ln for ln in p.stdout.splitlines() if not ln.startswith(" ")]) == 10
    finally:
        folder.chmod(0o755)


TERMINAL = "\x1b]0;pwned\x07\x1b[2J\x9b31m"


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    """Issue 20.12: `marsad show` printed a stored title's ESC]0;… ESC[2J to the terminal, and bidi
    overrides reordered the line. They are shown as \\u escapes now; JSON output keeps the value."""
    title = f"{TERMINAL}عنوان \u202eمقلوب\u2066 عادي"
    db = make_store(tmp_path / "s.db", 1, title=title)
    doc_id = json.loads(marsad("search", "سوريا", "--db", db, "--format", "json").stdout)[0]["id"]
    for args in (["show", doc_id], ["search", "سوريا"], ["show", f"{doc_id[:4]}\x1b[2J"]):
        p = marsad(*args, "--db", db)
        for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066"):
            assert bad not in p.stdout and bad not in p.stderr, (args, bad)
    assert "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31mعنوان \\u202eمقلوب\\u2066 عادي 0" in marsad("show", doc_id, "--db", db).stdout
    raw = marsad("show", doc_id, "--db", db, "--format", "json").stdout
    assert "\x1b" not in raw and "\u202e" not in raw and "\x9b" not in raw
    assert json.loads(raw)["document"]["title"] == f"{title} 0"
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(f"{TERMINAL}.txt", "only english words here, nothing else")
    p = marsad("ingest", *NO_ANNOTATION, "--db", tmp_path / "e.db", archive)
    assert p.returncode == 1 and "\x1b" not in p.stderr and "\x9b" not in p.stderr
    assert "evil.zip:\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m.txt: no Arabic text" in p.stderr


@pytest.mark.postgres
def test_postgres_password_is_masked(pg_url: str, tmp_path: Path) -> None:
    """Issue 20.10: the password of a postgresql:// URL was printed in the ingest summary, the `stats`
    header and the `serve` banner."""
    secret = "hunter2-not-for-eyes"
    url = pg_url.replace("://", f"://marsad_user:{secret}@", 1) if "@" not in pg_url else \
        pg_url.replace("@", f":{secret}@", 1)
    masked = url.replace(secret, "***")
    outputs = []
    p = marsad("ingest", *NO_ANNOTATION, "--db", url, EXAMPLES / "001_e851b5796ff80f73.txt")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith(f"{masked}: stored 1")
    outputs.append(p.stdout + p.stderr)
    p = marsad("stats", "--db", url)
    assert p.stdout.startswith(f"store: {masked} (schema")
    outputs.append(p.stdout + p.stderr)
    outputs.append(marsad("show", "ffffffff", "--db", url).stderr)
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", url, "--port", str(_free_port())],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        banner = proc.stderr.readline()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
    assert banner.startswith(f"marsad: serving {masked} on http://127.0.0.1:")
    outputs.append(banner)
    assert all(secret not in o for o in outputs), outputs


def test_time_budget_stores_what_was_finished(tmp_path: Path) -> None:
    """Issue 20.3: a document whose annotation takes too long held up the whole ingest. Past its time
    budget the components not yet run are skipped, the document is stored with what was finished, and a
    warning line says so."""
    article = EXAMPLES / "001_e851b5796ff80f73.txt"
    db = tmp_path / "b.db"
    p = marsad("ingest", "--db", db, "--time-budget", "0.000001", article, timeout=300)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith(f"{db}: stored 1,")
    warning = p.stderr.strip().splitlines()
    assert len(warning) == 1 and warning[0].startswith(f"marsad: {article}: warning: time budget of 1e-06 s used up "
                                                       "after entities (")
    assert warning[0].endswith("s); dates, quotes, events not run (raise --time-budget to annotate it fully)")
    stats = json.loads(marsad("stats", "--db", db, "--format", "json").stdout)
    assert stats["entities"] > 0 and stats["dates"] == stats["quotes"] == stats["events"] == 0
    p = marsad("annotate", article, "--time-budget", "0.000001", timeout=300)
    assert p.returncode == 0 and "warning: time budget of 1e-06 s used up after entities" in p.stderr
    assert json.loads(p.stdout)["entities"] and not json.loads(p.stdout)["quotes"]
    assert marsad("ingest", "--db", db, "--time-budget", "-1", article).returncode == 2


def test_pipeline_budget_is_checked_between_components() -> None:
    """The budget never interrupts a component; it stops the ones after it."""
    from marsad.annotate.pipeline import Pipeline, register

    ran: list[str] = []

    def component(name: str, seconds: float):  # type: ignore[no-untyped-def]
        def run(doc: Document) -> Document:
            time.sleep(seconds)
            ran.append(name)
            return doc
        return lambda: run

    register("h10_slow")(component("slow", 0.05))
    register("h10_next")(component("next", 0))
    doc = Document(text="نص", source="s.txt")
    out, warning = Pipeline(["h10_slow", "h10_next"], budget_s=0.01).run(doc)
    assert out is doc and ran == ["slow"]
    assert warning and warning.startswith("time budget of 0.01 s used up after h10_slow (")
    ran.clear()
    assert Pipeline(["h10_slow", "h10_next"], budget_s=None).run(doc)[1] is None and ran == ["slow", "next"]
    ran.clear()
    assert Pipeline(["h10_slow", "h10_next"], budget_s=5).run(doc)[1] is None and ran == ["slow", "next"]
