"""Every input format through `iter_documents`, with fixtures built in tmp_path."""

from __future__ import annotations

import io
import json
import sys
import types
import zipfile
from pathlib import Path

import pytest

from marsad.ingest import IngestError, iter_documents
from tests.ingest.helpers import BODY, BODY2, EXAMPLES, docs, errors, one_doc, one_error, run

TITLE = "روسيا تتعهد بمساعدة دمشق ضد التنظيم"


def snn_record(i: int, **over: str) -> dict[str, str]:
    rec = {
        "source": "aawsat",
        "url": f"http://aawsat.com/home/article/41082{i}/خبر",
        "date_extracted": "2015-07-21 02:51:32",
        "title": f"{TITLE} {i}",
        "author": "لندن: رنيم حنوش",
        "content": f"{BODY}\n\n {BODY2}\n\n ...المزيد",
    }
    rec.update(over)
    return rec


# --- JSON family ----------------------------------------------------------------------------------------


def test_saudinewsnet_zip(tmp_path: Path) -> None:
    records = [snn_record(i) for i in range(3)] + [snn_record(9, content=" ")]
    z = tmp_path / "2015-07-21.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("2015-07-21.json", json.dumps(records, ensure_ascii=False, indent=4))
    items = run([z])
    ds = docs(items)
    assert len(ds) == 3
    d = ds[0]
    assert d.title == f"{TITLE} 0"
    assert d.text.split("\n")[0] == d.title
    assert d.text.endswith(BODY2)  # "...المزيد" (read more) is gone
    assert "\n\n" in d.text  # paragraphs as in the source, leading spaces stripped
    assert d.published == "2015-07-21"
    assert d.outlet == "aawsat.com"
    assert d.author == "لندن: رنيم حنوش"
    assert d.url.startswith("http://aawsat.com/")
    assert d.source == f"{z}:2015-07-21.json[0]"
    assert d.language == "ar"
    [err] = errors(items)
    assert err.source == f"{z}:2015-07-21.json[3]" and "empty" in err.message


def test_json_array_and_single_object(tmp_path: Path) -> None:
    arr = tmp_path / "a.json"
    arr.write_text(json.dumps([{"text": BODY, "title": TITLE, "published": "2017-12-07"}, {"id": 3}]), "utf-8")
    items = run([arr])
    assert [type(x).__name__ for x in items] == ["Document", "IngestError"]
    assert items[0].published == "2017-12-07" and items[0].title == TITLE
    assert "text" in items[1].message
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "x1", "text": BODY, "outlet": "https://www.alarabiya.net/"}, indent=2), "utf-8")
    d = one_doc(one)
    assert d.external_id == "x1" and d.outlet == "alarabiya.net"


def test_jsonl_with_truncated_last_line(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    good = [json.dumps({"id": f"a{i}", "text": f"{TITLE}\n{BODY}", "published": "2017-12-07"}, ensure_ascii=False)
            for i in range(3)]
    f.write_text("\n".join(good) + '\n{"id": "a3", "text": "قال الوزي', encoding="utf-8")
    items = run([f])
    ds = docs(items)
    assert [d.external_id for d in ds] == ["a0", "a1", "a2"]
    assert ds[0].title == TITLE and ds[0].published == "2017-12-07"
    assert ds[1].source == f"{f}:2"
    [err] = errors(items)
    assert err.source == f"{f}:4"
    assert err.message.startswith("line 4: truncated JSON (unterminated string)")
    assert "rest of the file was read" in err.message


def test_jsonl_bad_middle_line_and_annotate_contract(tmp_path: Path) -> None:
    f = tmp_path / "data.txt"  # content decides the format, not the extension
    rows = [
        {"id": 1, "text": BODY, "title": TITLE, "url": "https://www.okaz.com.sa/news/1"},
        "not json at all",
        {"id": 2, "text": "Russia said on Sunday it would help Damascus against the group in Syria."},
        {"id": 3, "text": BODY2, "outlet": "sabq"},
    ]
    f.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    items = run([f])
    assert [getattr(x, "external_id", None) for x in items] == ["1", None, None, "3"]
    assert items[0].outlet == "okaz.com.sa"
    assert items[1].source == f"{f}:2" and "invalid JSON" in items[1].message
    assert items[2].source == f"{f}:3" and "no Arabic text (language looks like 'en')" in items[2].message
    assert items[3].outlet == "sabq.org"


def test_truncated_json_array(tmp_path: Path) -> None:
    f = tmp_path / "dump.json"
    full = json.dumps([snn_record(i) for i in range(3)], ensure_ascii=False)
    f.write_text(full[: full.rfind('"content"') + 20], encoding="utf-8")
    items = run([f])
    assert len(docs(items)) == 2
    [err] = errors(items)
    assert "after 2 items" in err.message


# --- HTML -----------------------------------------------------------------------------------------------

NAV = "".join(f'<li><a href="/s{i}">قسم {i}</a></li>' for i in range(12))


def page(head: str = "", date_line: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">{head}
<title>{TITLE}</title></head><body><header><nav><ul>{NAV}</ul></nav></header>
<main><article><h1>{TITLE}</h1><div class="meta">{date_line}</div>
<p>موسكو – {BODY}</p><p>{BODY2}</p><p>{BODY} {BODY2}</p></article></main>
<aside><h3>أخبار متعلقة</h3><ul><li><a href="/x">خبر آخر</a></li></ul></aside>
<footer>جميع الحقوق محفوظة © 2024</footer></body></html>"""


def test_html_with_machine_readable_date(tmp_path: Path) -> None:
    f = tmp_path / "a.html"
    meta = ('<meta property="article:published_time" content="2018-02-11T10:00:00Z">'
            '<link rel="canonical" href="https://middle-east-online.com/news/1">')
    f.write_text(page(meta), encoding="utf-8")
    d = one_doc(f)
    assert d.published == "2018-02-11"
    assert d.title == TITLE and d.text.startswith(TITLE + "\n")
    assert d.url == "https://middle-east-online.com/news/1" and d.outlet == "middle-east-online.com"
    assert d.dateline == "موسكو"
    assert "قسم 3" not in d.text and "جميع الحقوق" not in d.text


def test_html_arabic_date_fallback(tmp_path: Path) -> None:
    f = tmp_path / "page.txt"  # wrong extension: sniffed as HTML from the content
    f.write_text(page(date_line="السبت 7 ديسمبر/كانون الأول 2017"), encoding="utf-8")
    d = one_doc(f)
    assert d.published == "2017-12-07"  # not the copyright year
    assert BODY2 in d.text


def test_html_without_article(tmp_path: Path) -> None:
    nav = tmp_path / "nav.html"
    nav.write_text(f"<html><head><title>الرئيسية</title></head><body><nav><ul>{NAV * 4}</ul></nav></body></html>",
                   encoding="utf-8")
    err404 = tmp_path / "404.html"
    err404.write_text(f"<html><body><nav><ul>{NAV}</ul></nav><h1>الصفحة غير موجودة</h1></body></html>", "utf-8")
    for f in (nav, err404):
        assert one_error(f).message == "no article text found in the HTML page"


# --- feeds ----------------------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>أخبار</title><link>https://www.example-news.com/</link><description>x</description>
<item><title>{TITLE}</title><link>https://www.example-news.com/a/1</link>
<pubDate>Thu, 07 Dec 2017 10:00:00 GMT</pubDate>
<description><![CDATA[<p>{BODY}</p><p>{BODY2}</p>]]></description></item>
<item><title>English item</title><link>https://www.example-news.com/a/2</link>
<description>Russia said on Sunday that it would help the Syrian government.</description></item>
<item><title>عنوان فقط</title><link>https://www.example-news.com/a/3</link><description></description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار</title><id>urn:x</id><updated>2017-12-08T00:00:00Z</updated>
<entry><title>{TITLE}</title><link href="https://news.example.org/b/1"/><id>urn:1</id>
<published>2017-12-08T09:00:00Z</published><updated>2017-12-09T09:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;{BODY2}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_feed(tmp_path: Path) -> None:
    f = tmp_path / "feed.xml"
    f.write_text(RSS, encoding="utf-8")
    items = run([f])
    assert len(items) == 3
    d = items[0]
    assert d.title == TITLE and d.published == "2017-12-07"
    assert d.url == "https://www.example-news.com/a/1" and d.outlet == "example-news.com"
    assert d.text == f"{TITLE}\n{BODY}\n{BODY2}"
    assert d.source == f"{f}#1"
    assert "no Arabic text" in items[1].message and items[1].source == f"{f}#2"
    assert isinstance(items[2], IngestError)


def test_atom_feed(tmp_path: Path) -> None:
    f = tmp_path / "atom"
    f.write_text(ATOM, encoding="utf-8")
    d = one_doc(f)
    assert d.published == "2017-12-08" and d.url == "https://news.example.org/b/1"
    assert d.text.endswith(BODY2) and "<p>" not in d.text


# --- encodings, junk, limits ----------------------------------------------------------------------------

ARTICLE = f"{TITLE}\n\nموسكو - {BODY}\n\n{BODY2}\n"


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: b"\xff\xfe" + s.encode("utf-16-le"),
        lambda s: b"\xfe\xff" + s.encode("utf-16-be"),
        lambda s: s.encode("utf-16-le"),  # no BOM: recognised from the byte pattern
        lambda s: s.encode("utf-16-be"),
        lambda s: s.encode("cp1256"),
    ],
    ids=["utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1256"],
)
def test_encodings(tmp_path: Path, encode: types.FunctionType) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(encode(ARTICLE))
    d = one_doc(f)
    assert d.title == TITLE
    assert d.dateline == "موسكو"
    assert d.text == f"{TITLE}\n\nموسكو - {BODY}\n\n{BODY2}"


def test_cp1256_json_lines(tmp_path: Path) -> None:
    f = tmp_path / "old.jsonl"
    f.write_bytes("\n".join(json.dumps({"id": i, "text": ARTICLE}, ensure_ascii=False) for i in range(2)).encode("cp1256"))
    assert [d.external_id for d in docs(run([f]))] == ["0", "1"]


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.txt").write_bytes(b" \n\t\r\n  \n")
    assert [e.message for e in errors(run([tmp_path]))] == ["empty file", "empty file"]


def test_binary_files(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "c.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(100))
    errs = run([tmp_path])
    assert len(errs) == 3
    for e in errs:
        assert isinstance(e, IngestError) and e.message.startswith("binary file ("), e


def test_not_arabic(tmp_path: Path) -> None:
    f = tmp_path / "en.txt"
    f.write_text("Russia will help Syria\n\nMoscow - Russia said on Sunday it would help Damascus.\n", "utf-8")
    e = one_error(f)
    assert e.message == "no Arabic text (language looks like 'en'); marsad reads Arabic news"


def test_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(ARTICLE * 200, encoding="utf-8")  # ~70 KB
    e = one_error(f, max_mb=0.05)
    assert e.message == "file is 0.1 MB, over the 0.05 MB limit for one article; split it or pass --max-mb"
    assert isinstance(one_doc(f), object)  # under the default limit it reads
    jl = tmp_path / "many.jsonl"  # the limit is per record: a large file of small records reads
    jl.write_text("\n".join(json.dumps({"id": i, "text": ARTICLE}) for i in range(200)), "utf-8")
    assert len(docs(run([jl], max_mb=0.05))) == 200


def test_directories_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b" / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b" / "deep" / "y.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    items = run([tmp_path])
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs(items)] == [
        "a.txt", "b/z.txt", "b/deep/y.txt"]
    assert run([tmp_path / "missing.txt"])[0].message == "no such file or directory"


def test_seed_examples_directory() -> None:
    items = run([EXAMPLES])
    assert len(docs(items)) == 5 and not errors(items)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, ARTICLE.encode("utf-8"))
    [d] = list(iter_documents(["-"]))
    assert d.source == "<stdin>" and d.title == TITLE


def test_stdin_jsonl_and_zip(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "\n".join(json.dumps({"id": i, "text": ARTICLE}) for i in range(3)).encode())
    assert [d.source for d in iter_documents(["-"])] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", ARTICLE)
        zf.writestr("b/c.json", json.dumps({"text": ARTICLE}))
    _stdin(monkeypatch, buf.getvalue())
    assert [d.source for d in iter_documents(["-"])] == ["<stdin>:a.txt", "<stdin>:b/c.json"]


def test_zip_of_mixed_members(tmp_path: Path) -> None:
    z = tmp_path / "mixed.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("feed.rss", RSS)
        zf.writestr("page.html", page(date_line="22 كانون الأول 2017"))
        zf.writestr("empty.txt", "")
        zf.writestr("__MACOSX/._page.html", b"\x00\x05\x16\x07")
    items = run([z])
    assert [x.source for x in items] == [f"{z}:feed.rss#1", f"{z}:feed.rss#2", f"{z}:feed.rss#3", f"{z}:page.html",
                                          f"{z}:empty.txt"]
    assert items[3].published == "2017-12-22"
    assert items[4].message == "empty file"


def test_damaged_zip(tmp_path: Path) -> None:
    z = tmp_path / "bad.zip"
    z.write_bytes(b"PK\x03\x04" + bytes(50))
    assert "zip" in one_error(z).message


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1256"])
def test_streamed_json_in_other_encodings(tmp_path: Path, codec: str) -> None:
    recs = [snn_record(i) for i in range(2)]
    (tmp_path / "a.json").write_bytes(json.dumps(recs, ensure_ascii=False).encode(codec))
    (tmp_path / "b.jsonl").write_bytes("\n".join(json.dumps(r, ensure_ascii=False) for r in recs).encode(codec))
    items = run([tmp_path])
    assert [d.source.removeprefix(str(tmp_path)) for d in docs(items)] == [
        "/a.json[0]", "/a.json[1]", "/b.jsonl:1", "/b.jsonl:2"]
    assert all(d.title.startswith(TITLE) and d.outlet == "aawsat.com" for d in docs(items))
