"""Issue 20.6 and 20.7: odd things in an input tree are reported, one line each, and never hang or vanish.

A FIFO in an input directory made ingest wait forever; zip members named `../x` and unreadable
subdirectories were skipped without a word. FIFO tests run ingest in a child with a timeout.
"""

from __future__ import annotations

import os
import socket
import threading
import zipfile
from pathlib import Path

import pytest

from marsad.ingest import iter_documents
from tests.ingest.helpers import BODY, BODY2, docs, errors, run, run_capped

ARTICLE = f"خبر عن سوريا\n\n{BODY}\n\n{BODY2}\n"


def test_fifo_socket_and_device_in_a_directory_are_skipped(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(d / "b.fifo")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(d / "c.sock"))
    (d / "d.dev").symlink_to("/dev/zero")
    (d / "e.txt").write_text(ARTICLE, encoding="utf-8")
    try:
        out = run_capped([d], timeout=10)
    finally:
        sock.close()
    assert [x["source"] for x in out.docs] == [str(d / "a.txt"), str(d / "e.txt")]
    assert [(x["source"], x["message"]) for x in out.errors] == [
        (str(d / "b.fifo"), "not a regular file (a FIFO); skipped"),
        (str(d / "c.sock"), "not a regular file (a socket); skipped"),
        (str(d / "d.dev"), "not a regular file (a device); skipped"),
    ]


def test_a_fifo_named_on_the_command_line_is_read_like_stdin(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = ARTICLE.encode() + b"\n" + b" " * 70_000 + ARTICLE.encode()  # longer than the sniffed head

    def feed() -> None:
        with open(fifo, "wb") as f:
            f.write(data)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    out = run_capped([fifo], timeout=10)
    writer.join(5)
    [doc] = out.docs
    assert doc["source"] == str(fifo) and doc["size"] > len(ARTICLE) * 2 - 10


def test_zip_members_pointing_outside_are_reported(tmp_path: Path) -> None:
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("../outside.txt", ARTICLE)
        zf.writestr("a/../../b.txt", ARTICLE)
        zf.writestr("c\\..\\..\\d.txt", ARTICLE)
        zf.writestr("ok.txt", ARTICLE)
        zf.writestr(".hidden.txt", ARTICLE)  # hidden files stay quietly skipped
    items = run([z])
    assert [d.source for d in docs(items)] == [f"{z}:ok.txt"]
    msg = "member name leads outside the archive (..); skipped"
    assert [(e.source, e.message) for e in errors(items)] == [
        (f"{z}:../outside.txt", msg), (f"{z}:a/../../b.txt", msg), (f"{z}:c\\..\\..\\d.txt", msg)]
    assert not (tmp_path / "outside.txt").exists() and not (tmp_path / "b.txt").exists()


def test_unreadable_directories_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for sub in ("a", "b", "b/c"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(ARTICLE, encoding="utf-8")
    real = os.scandir

    def scandir(path: str = ".") -> os.ScandirIterator[str]:  # root may read anything: refuse one directory
        if Path(path) == tmp_path / "b":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(iter_documents([str(tmp_path)]))
    assert [d.source for d in docs(items)] == [str(tmp_path / "a" / "x.txt")]
    assert [(e.source, e.message) for e in errors(items)] == [
        (str(tmp_path / "b"), "cannot read the directory (Permission denied); skipped")]
