"""End-to-end command-line behaviour on the bundled sample articles."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def marsad(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "marsad.cli", *map(str, args)], capture_output=True, text=True,
                          input=stdin, cwd=ROOT)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "m.db"
    p = marsad("ingest", EXAMPLES, "--db", path)
    assert p.returncode == 0, p.stderr
    assert "stored 5," in p.stdout
    return path


def test_ingest_twice_is_idempotent(db):
    p = marsad("ingest", EXAMPLES, "--db", db)
    assert p.returncode == 0
    assert "stored 0, new versions 0, unchanged 5, failed 0" in p.stdout


def test_search_show_stats(db):
    p = marsad("search", "الجيش", "--db", db, "--format", "json")
    assert p.returncode == 0, p.stderr
    hits = json.loads(p.stdout)
    assert hits and all(h["id"] and h["snippet"] for h in hits)
    doc_id = hits[0]["id"]
    p = marsad("show", doc_id[:8], "--db", db, "--format", "json")
    assert p.returncode == 0
    assert json.loads(p.stdout)["id"] == doc_id
    p = marsad("stats", "--db", db)
    assert p.returncode == 0 and "documents: 5" in p.stdout


def test_search_filters_and_errors(db):
    p = marsad("search", "داعش", "--db", db, "--from", "2020-01-01", "--format", "json")
    assert p.returncode == 0
    assert all(h["published"] >= "2020-01-01" for h in json.loads(p.stdout))
    p = marsad("search", '"غير مغلق', "--db", db)
    assert p.returncode == 2 and "marsad:" in p.stderr and "Traceback" not in p.stderr
    p = marsad("search", "x", "--db", Path(db).with_name("missing.db"))
    assert p.returncode == 1 and "missing.db" in p.stderr


def test_bad_inputs_one_line_each_and_batch_goes_on(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.bin").write_bytes(bytes(range(256)) * 20)
    (bad / "english.txt").write_text("The Russian army said on Thursday it had completed its mission.\n" * 5)
    (bad / "trunc.jsonl").write_text('{"id": "a", "text": "قال الجيش الروسي إنه أنجز مهمته في سوريا"}\n{"id": "b", "te')
    shutil.copy(EXAMPLES / "000_4c35df86c5ac5e7a.txt", bad / "good.txt")
    db = tmp_path / "b.db"
    p = marsad("ingest", bad, "--db", db)
    assert p.returncode == 1
    lines = [ln for ln in p.stderr.splitlines() if ln.startswith("marsad:")]
    for name in ("empty.txt", "binary.bin", "english.txt", "trunc.jsonl"):
        assert sum(name in ln for ln in lines) == 1, (name, p.stderr)
    assert "stored 2," in p.stdout and "failed 4" in p.stdout
    assert "Traceback" not in p.stderr


def test_stdin_ingest(tmp_path):
    text = (EXAMPLES / "003_c72096eb67cb6f3b.txt").read_text()
    p = marsad("ingest", "-", "--db", tmp_path / "s.db", stdin=text)
    assert p.returncode == 0, p.stderr
    assert "stored 1," in p.stdout


def test_annotate_contract_json(tmp_path):
    p = marsad("annotate", EXAMPLES / "001_e851b5796ff80f73.txt", "--format", "json", "--published", "2017-12-07")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert set(out) >= {"document", "entities", "quotes", "events", "dates"}
    d = out["document"]
    assert d["published"] == "2017-12-07"
    assert d["text"].splitlines()[0] == d["title"]


def test_annotate_contract_jsonl(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in [
        {"id": "x1", "text": "قال الجيش الروسي الخميس إنه أنجز مهمته في سوريا", "published": "2017-12-07"},
        {"id": "x2", "text": "أعلنت روسيا أنها ستساعد دمشق", "title": "روسيا تساعد"},
    ]) + "\n")
    p = marsad("annotate", f, "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    rows = [json.loads(ln) for ln in p.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["x1", "x2"]
    assert rows[0]["document"]["published"] == "2017-12-07"


def test_annotate_bad_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    p = marsad("annotate", f, "--format", "json")
    assert p.returncode != 0 and "empty.txt" in p.stderr and p.stdout == ""


def test_help_everywhere():
    for cmd in ([], ["ingest"], ["search"], ["show"], ["stats"], ["annotate"]):
        p = marsad(*cmd, "--help")
        assert p.returncode == 0 and "usage:" in p.stdout


def test_quotes_events_export(db, tmp_path):
    p = marsad("quotes", "--db", db, "--format", "json", "--limit", "500")
    assert p.returncode == 0, p.stderr
    quotes = json.loads(p.stdout)
    assert quotes and all(q["content"] and q["cue"]["class"] for q in quotes)
    p = marsad("quotes", "--db", db, "--class", "deny", "--format", "json")
    assert all(q["cue"]["class"] == "deny" for q in json.loads(p.stdout))
    p = marsad("events", "--db", db, "--type", "assault", "--format", "json")
    assert p.returncode == 0, p.stderr
    events = json.loads(p.stdout)
    assert events and all(v["type"] == "ASSAULT" for v in events)
    out = tmp_path / "e.geojson"
    p = marsad("export", "--db", db, "--format", "geojson", "-o", out)
    assert p.returncode == 0, p.stderr
    assert json.loads(out.read_text())["type"] == "FeatureCollection"
    a = marsad("export", "--db", db, "--format", "jsonl").stdout
    b = marsad("export", "--db", db, "--format", "jsonl").stdout
    assert a == b and len(a.splitlines()) == 5


def test_events_by_actor_and_place(db, tmp_path):
    import shutil
    import sqlite3

    from marsad.store import open_store, queries

    def involved(path, **kw):
        with open_store(path, readonly=True) as s:
            return [(v["document"], v["type"], v["trigger"], [a["id"] for a in v["actor"]],
                     v["location"] and v["location"]["id"]) for v in queries.events(s.conn, limit=500, **kw)]

    everything = involved(db)
    actor = next(a for *_, acts, _ in everything for a in acts)
    place = next(loc for *_, loc in everything if loc)
    by_actor, by_place = involved(db, actor=actor), involved(db, location=place)
    assert by_actor == [v for v in everything if actor in v[3]] != []
    assert by_place == [v for v in everything if v[4] == place] != []
    assert involved(db, actor="لا يوجد كيان بهذا الاسم") == []
    # a store from before the entity → event index answers the same from a pass over the events
    old = tmp_path / "old.db"
    shutil.copy(db, old)
    with sqlite3.connect(old) as c:
        c.executescript("DROP TABLE event_entities;")
    assert involved(old, actor=actor) == by_actor and involved(old, location=place) == by_place


def test_listings_say_when_the_store_is_not_analysed(db, tmp_path):
    store = tmp_path / "a.db"
    shutil.copy(db, store)
    # never analysed: nothing on stdout, one line on stderr saying how to run the pass, exit 1
    for args in (["claims", "--contradictions"], ["claims", "--contradictions", "--format", "json"], ["claims"],
                 ["stories", "--format", "json"]):
        p = marsad(*args, "--db", store)
        assert p.returncode == 1 and p.stdout == "", args
        assert p.stderr.count("\n") == 1 and f"marsad analyse --db {store}" in p.stderr, p.stderr
        assert "has not run" in p.stderr
    assert marsad("analyse", "--db", store).returncode == 0
    p = marsad("claims", "--contradictions", "--format", "json", "--db", store)
    assert p.returncode == 0 and p.stderr == "" and json.loads(p.stdout)
    # a document stored since the last pass: the listing is given, with a line saying what it lacks
    text = "وقال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في جنيف بحضور جميع الأطراف المعنية."
    assert marsad("ingest", "-", "--db", store, stdin=text).returncode == 0
    p = marsad("stories", "--db", store)
    assert p.returncode == 0 and p.stdout and "1 documents stored since" in p.stderr
    assert "exit 1" in marsad("claims", "--help").stdout
