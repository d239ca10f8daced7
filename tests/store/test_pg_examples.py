"""The bundled example articles through every interface, on a SQLite file and a PostgreSQL database side by
side: the CLI with a postgresql:// URL, exports, cross-document analysis and the API must give the same
answers on both (ids come from content, so the two stores agree without sharing anything)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.store import open_store
from tests.export_diff import export_diff

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
LOCAL = "http://localhost"  # a Host the server accepts without --allowed-host
EXAMPLES = ROOT / "examples"
STANCE_PAIRS = 20  # bounds the stance model's work in the default run; the slow test runs it in full


def marsad_parallel(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Run several `marsad` commands at once (each pays the interpreter's start-up; two cores halve it)."""
    procs = [subprocess.Popen([sys.executable, "-m", "marsad.cli", *map(str, c)], cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands]
    out = []
    for c, p in zip(commands, procs, strict=True):
        stdout, stderr = p.communicate(timeout=600)
        out.append(subprocess.CompletedProcess(c, p.returncode, stdout, stderr))
    return out


@pytest.fixture(scope="module")
def dbs(pg_server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(sqlite path, postgresql URL), both filled by `marsad ingest examples/` running concurrently."""
    url = pg_server.create_db("examples")
    lite = str(tmp_path_factory.mktemp("examples") / "ex.db")
    for p in marsad_parallel(["ingest", EXAMPLES, "--db", lite], ["ingest", EXAMPLES, "--db", url]):
        assert p.returncode == 0, p.stderr
        assert "stored 5, new versions 0, unchanged 0, failed 0" in p.stdout, p.stdout
    yield lite, url
    pg_server.drop_db(url)


def test_cli_commands_take_a_postgresql_url(dbs: tuple[str, str]) -> None:
    lite, url = dbs
    cmds = [["search", "الجيش", "--format", "json", "--limit", "50"], ["quotes", "--format", "json"],
            ["events", "--format", "json"], ["stats", "--format", "json"], ["stats"]]
    runs = marsad_parallel(*[[*c, "--db", db] for db in (lite, url) for c in cmds])
    assert all(p.returncode == 0 for p in runs), [p.stderr for p in runs]
    on_lite, on_pg = runs[:len(cmds)], runs[len(cmds):]
    hits = {h["id"]: h for h in json.loads(on_pg[0].stdout)}
    assert hits and hits.keys() == {h["id"] for h in json.loads(on_lite[0].stdout)}
    for h in json.loads(on_lite[0].stdout):  # same snippet and highlights, only the score differs
        assert (hits[h["id"]]["snippet"], hits[h["id"]]["highlights"]) == (h["snippet"], h["highlights"])
    assert json.loads(on_pg[1].stdout) == json.loads(on_lite[1].stdout) != []
    assert json.loads(on_pg[2].stdout) == json.loads(on_lite[2].stdout) != []
    pg_stats, lite_stats = json.loads(on_pg[3].stdout), json.loads(on_lite[3].stdout)
    assert pg_stats == lite_stats and pg_stats["documents"] == 5
    assert "documents: 5" in on_pg[4].stdout and f"store: {url}" in on_pg[4].stdout
    doc_id = next(iter(hits))
    shown = marsad_parallel(["show", doc_id[:8], "--db", url, "--format", "json"],
                            ["show", doc_id[:8], "--db", lite, "--format", "json"],
                            ["search", '"غير مغلق', "--db", url], ["ingest", EXAMPLES, "--db", url, "--quiet"])
    assert shown[0].returncode == 0 and json.loads(shown[0].stdout) == json.loads(shown[1].stdout)
    assert shown[2].returncode == 2 and "marsad:" in shown[2].stderr and "Traceback" not in shown[2].stderr
    assert "stored 0, new versions 0, unchanged 5, failed 0" in shown[3].stdout  # a re-run changes nothing


def test_exports_byte_identical(dbs: tuple[str, str], tmp_path: Path) -> None:
    """`marsad export --format jsonl` of both stores gives the same lines; every other format the same bytes."""
    from marsad.export import FORMATS, export

    lite, url = dbs
    outs = [tmp_path / "lite.jsonl", tmp_path / "pg.jsonl"]
    runs = marsad_parallel(["export", "--format", "jsonl", "--db", lite, "-o", outs[0]],
                           ["export", "--format", "jsonl", "--db", url, "-o", outs[1]])
    assert all(p.returncode == 0 for p in runs), [p.stderr for p in runs]
    lines = [sorted(p.read_bytes().splitlines()) for p in outs]
    assert len(lines[0]) == 5
    if lines[0] != lines[1]:
        pytest.fail(export_diff(lines[0], lines[1]), pytrace=False)
    with open_store(lite, readonly=True) as a, open_store(url, readonly=True) as b:
        for fmt in FORMATS:
            bufs = [io.StringIO(), io.StringIO()]
            export(a.iter_documents(), fmt, bufs[0])
            export(b.iter_documents(), fmt, bufs[1])
            assert bufs[0].getvalue() == bufs[1].getvalue(), fmt


def _analysis(store) -> dict:  # type: ignore[no-untyped-def]
    from marsad.corpus import claims, contradictions, duplicates, merged_events, stories, timeline

    return {
        "claims": claims(store, limit=None, min_size=1),
        "contradictions": contradictions(store, limit=None),
        "stories": stories(store, limit=None, min_size=1),
        "duplicates": duplicates(store, limit=None),
        "merged_events": merged_events(store, limit=None),
        "timeline": [timeline(store, e, limit=None) for e in ("روسيا", "داعش", "سوريا")],
    }


def test_analysis_same_results(dbs: tuple[str, str]) -> None:
    """`analyse` on PostgreSQL, run incrementally (the one dated article first, then the four undated
    ones placed into what the first run built), gives what it gives on SQLite."""
    from marsad.corpus import analyse

    lite, url = dbs
    results = []
    for db in (lite, url):
        with open_store(db) as s:
            first = analyse(s, since="2017-01-01", max_stance_pairs=STANCE_PAIRS)
            rest = analyse(s, max_stance_pairs=STANCE_PAIRS)
            again = analyse(s, max_stance_pairs=STANCE_PAIRS)
            assert (first["documents"], rest["documents"], again["documents"]) == (1, 4, 0)
            for st in (first, rest):
                st.pop("seconds")
            results.append((first, rest, _analysis(s)))
    assert results[0] == results[1]
    analysis = results[1][2]
    assert analysis["contradictions"] and analysis["merged_events"] and analysis["stories"] and analysis["claims"]
    # the CLI reads the analysed PostgreSQL store like the SQLite one
    runs = marsad_parallel(*[["claims", "--contradictions", "--format", "json", "--limit", "0", "--db", db]
                             for db in (lite, url)])
    assert runs[1].returncode == 0, runs[1].stderr
    assert json.loads(runs[1].stdout) == json.loads(runs[0].stdout) == analysis["contradictions"]


def test_api_on_postgresql(dbs: tuple[str, str]) -> None:
    """The server over a PostgreSQL URL: search and an entity page answer 200, and the JSON API answers
    exactly what it answers over the SQLite store."""
    from fastapi.testclient import TestClient

    from marsad.api.server import create_app

    lite, url = dbs
    with TestClient(create_app(url), raise_server_exceptions=False, base_url=LOCAL) as pg, \
            TestClient(create_app(lite), raise_server_exceptions=False, base_url=LOCAL) as sq:
        r = pg.get("/api/search", params={"q": "الجيش"})
        assert r.status_code == 200 and r.json()["items"]
        assert {h["id"] for h in r.json()["items"]} == {h["id"] for h in sq.get("/api/search", params={"q": "الجيش"}).json()["items"]}
        assert pg.get("/api/search", params={"q": '"غير مغلق'}).status_code == 400
        ent = pg.get("/api/entities", params={"limit": 1}).json()["items"][0]["id"]
        assert pg.get(f"/entities/{ent}").status_code == 200
        assert pg.get("/search", params={"q": "الجيش"}).status_code == 200
        doc = r.json()["items"][0]["id"]
        for path in ["/api/stats", "/api/outlets", "/api/documents", f"/api/documents/{doc}", "/api/entities",
                     f"/api/entities/{ent}", f"/api/entities/{ent}/aliases", f"/api/entities/{ent}/mentions",
                     f"/api/entities/{ent}/quotes", f"/api/entities/{ent}/events", f"/api/entities/{ent}/activity",
                     "/api/quotes", "/api/events", "/api/events.geojson", "/api/events/places", "/api/stories",
                     "/api/stories/1", "/api/claims", "/api/contradictions", "/api/timeline?entity=روسيا",
                     "/api/entities?q=روسيا", "/api/quotes?speaker=الجيش", "/api/events?type=ASSAULT"]:
            a, b = pg.get(path), sq.get(path)
            assert a.status_code == b.status_code == 200, (path, a.status_code, a.text[:300])
            assert a.json() == b.json(), path


@pytest.mark.slow
def test_full_analysis_cli_same_results(pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The unbounded `marsad analyse` (every stance pair labelled) on fresh stores of both kinds."""
    url = pg_server.create_db("full")
    lite = str(tmp_path / "full.db")
    try:
        for p in marsad_parallel(["ingest", EXAMPLES, "--db", lite], ["ingest", EXAMPLES, "--db", url]):
            assert p.returncode == 0, p.stderr
        for p in marsad_parallel(["analyse", "--db", lite, "--format", "json"],
                                 ["analyse", "--db", url, "--format", "json"]):
            assert p.returncode == 0, p.stderr
        runs = marsad_parallel(*[[cmd, "--format", "json", "--limit", "0", "--db", db, *extra]
                                 for db in (lite, url)
                                 for cmd, extra in (("claims", ["--contradictions"]), ("claims", []), ("stories", []))])
        assert all(p.returncode == 0 for p in runs), [p.stderr for p in runs]
        assert [json.loads(p.stdout) for p in runs[:3]] == [json.loads(p.stdout) for p in runs[3:]]
        assert json.loads(runs[3].stdout)
    finally:
        pg_server.drop_db(url)


def test_events_by_actor_agree_across_backends(dbs: tuple[str, str]) -> None:
    lite, url = dbs
    actor = next(a["id"] for v in json.loads(marsad_parallel(["events", "--format", "json", "--db", lite])[0].stdout)
                 for a in v["actor"])
    runs = marsad_parallel(*[["events", "--actor", actor, "--format", "json", "--db", db] for db in (lite, url)])
    assert all(p.returncode == 0 for p in runs), [p.stderr for p in runs]
    assert json.loads(runs[0].stdout) == json.loads(runs[1].stdout) != []
