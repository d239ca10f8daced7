"""Issue 20.5 and 20.8: stray bytes and NUL characters neither garble an article nor split the backends.

One invalid byte in a UTF-8 article used to flip the whole file to windows-1256 (the title stored as
mojibake, exit 0, search finding nothing). Mostly-valid UTF-8 is UTF-8: the bad bytes become U+FFFD and a
warning line names the file. NUL characters were stored by SQLite and refused by PostgreSQL.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from marsad.ingest.encoding import decode
from tests.ingest.helpers import BODY, BODY2, docs, errors, one_doc, run

TITLE = "روسيا تتعهد بمساعدة دمشق ضد التنظيم"
ARTICLE = f"{TITLE}\n\nموسكو - {BODY}\n\n{BODY2}\n"


def with_bad_byte(text: str) -> bytes:
    data = text.encode("utf-8")
    cut = data.index(BODY2.encode())  # between two characters, inside the article
    return data[:cut] + b"\xff" + data[cut:]


def test_one_bad_byte_in_a_utf8_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(with_bad_byte(ARTICLE))
    d = one_doc(f)
    assert d.title == TITLE and "\ufffd" in d.text and BODY2 in d.text
    assert capsys.readouterr().err == f"marsad: {f}: warning: 1 invalid UTF-8 byte sequence replaced by U+FFFD\n"


def test_bad_bytes_in_html_zip_member_and_streamed_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = (f'<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1><p>{BODY}</p><p>{BODY2}</p>'
            f"<p>{BODY} {BODY2}</p></article></body></html>")
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("page.html", with_bad_byte(page))
        zf.writestr("a.jsonl", with_bad_byte("\n".join(json.dumps({"id": i, "text": ARTICLE}, ensure_ascii=False)
                                                       for i in range(2))))
        zf.writestr("b.json", with_bad_byte(json.dumps([{"title": TITLE, "text": f"{BODY}\n{BODY2}"}],
                                                       ensure_ascii=False)))
    items = run([z])
    assert not errors(items)
    assert [d.title for d in docs(items)] == [TITLE, TITLE, TITLE, TITLE]
    assert sum("\ufffd" in d.text for d in docs(items)) == 3
    err = capsys.readouterr().err.splitlines()
    assert err == [f"marsad: {z}:page.html: warning: 1 invalid UTF-8 byte sequence replaced by U+FFFD",
                   f"marsad: {z}:a.jsonl:1: warning: 1 invalid UTF-8 byte sequence replaced by U+FFFD",
                   f"marsad: {z}:b.json[0]: warning: 1 invalid UTF-8 byte sequence replaced by U+FFFD"]


def test_windows_1256_is_still_windows_1256(capsys: pytest.CaptureFixture[str]) -> None:
    # Arabic commas and question marks after a letter happen to form valid UTF-8 pairs in windows-1256
    s = f"{TITLE}\n" + "قال الوزير، هل هذا صحيح؟ نعم، " * 200
    assert decode(s.encode("cp1256"), "x") == s
    assert decode(s.encode("utf-8") + b"\xff", "x") == s + "\ufffd"
    assert decode(s.encode("utf-8")[:-1], "x") == s[:-1]  # a cut last character is dropped without a word
    assert capsys.readouterr().err == "marsad: x: warning: 1 invalid UTF-8 byte sequence replaced by U+FFFD\n"


NUL_RECORD = {"id": "n\u00001", "title": f"{TITLE}\u0000", "author": "لندن:\u0000 رنيم", "outlet": "sab\u0000q",
              "url": "https://www.okaz.com.sa/\u0000news/1", "published": "2017-12-07",
              "text": f"{BODY}\u0000\n\n{BODY2}\x00"}


def test_nul_characters_are_stripped(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps(NUL_RECORD), encoding="utf-8")
    d = one_doc(f)
    fields = (d.text, d.title, d.author, d.outlet, d.url, d.external_id, d.published, d.source)
    assert not any("\x00" in (x or "") for x in fields)
    assert (d.title, d.external_id, d.author, d.url) == (TITLE, "n1", "لندن: رنيم", "https://www.okaz.com.sa/news/1")
    assert d.text == f"{TITLE}\n\n{BODY}\n\n{BODY2}"
    u16 = tmp_path / "b.txt"  # UTF-16 is the one text encoding where a NUL character is not refused as binary
    u16.write_bytes(f"{TITLE}\n\n{BODY}\x00\n\n{BODY2}\n".encode("utf-16"))
    assert "\x00" not in one_doc(u16).text


def test_nul_characters_store_alike_on_both_backends(tmp_path: Path, store_url: str) -> None:
    from marsad.store import open_store  # the store reads what ingest gives it: both backends agree

    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps(NUL_RECORD), encoding="utf-8")
    d = one_doc(f)
    with open_store(store_url) as store:
        store.add(d)
        store.commit()
        [row] = list(store.iter_documents())
    assert row["document"]["title"] == TITLE and row["document"]["text"] == d.text
