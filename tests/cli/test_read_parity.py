"""The command line and the API read one store the same way: for the same filters (actor, place, type,
dates, outlet, speaker) `marsad … --format json` and `/api/…` give the same rows, on both backends.

They once ran two copies of the read queries, and a name meant an entity in one and nothing in the
other (`marsad events --actor داعش` listed 6 events, `/api/events?actor=داعش` none).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import BACKENDS

ROOT = Path(__file__).resolve().parents[2]
LOCAL = "http://localhost"  # a Host the server accepts without --allowed-host
EXAMPLES = ROOT / "examples"
LIMIT = 200  # the API's largest page; the example store holds fewer rows of every kind

# (command, CLI options, API path, API parameters, whether rows are expected)
CASES: list[tuple[str, dict[str, str], str, dict[str, str], bool]] = [
    ("events", {"--actor": "داعش"}, "/api/events", {"actor": "داعش"}, True),  # a spelling, not the name
    ("events", {"--actor": "Q2429253"}, "/api/events", {"actor": "Q2429253"}, True),  # an entity id
    ("events", {"--where": "سوريا"}, "/api/events", {"location": "سوريا"}, True),
    ("events", {"--where": "الرقة"}, "/api/events", {"location": "الرقة"}, True),
    ("events", {"--where": "Syria"}, "/api/events", {"location": "Syria"}, True),  # the English name
    ("events", {"--type": "assault"}, "/api/events", {"type": "ASSAULT"}, True),
    ("events", {"--type": "ASSAULT", "--where": "سوريا"}, "/api/events", {"type": "ASSAULT", "location": "سوريا"},
     True),
    ("events", {"--from": "2017-12-01", "--to": "2017-12-31"}, "/api/events", {"from": "2017-12-01",
                                                                               "to": "2017-12-31"}, True),
    ("events", {"--actor": "لا يوجد كيان بهذا الاسم"}, "/api/events", {"actor": "لا يوجد كيان بهذا الاسم"}, False),
    ("events", {}, "/api/events", {}, True),
    ("quotes", {"--speaker": "لافروف"}, "/api/quotes", {"speaker": "لافروف"}, True),
    ("quotes", {"--class": "say", "--from": "2017-12-07", "--to": "2017-12-07"}, "/api/quotes",
     {"cue_class": "say", "from": "2017-12-07", "to": "2017-12-07"}, True),
    ("quotes", {}, "/api/quotes", {}, True),
]
SEARCH = ({"--outlet": "middle-east-online.com", "--from": "2017-12-01", "--to": "2017-12-31"},
          {"outlet": "middle-east-online.com", "from": "2017-12-01", "to": "2017-12-31"})


def _marsad(*commands: list[str]) -> list[str]:
    """Run `marsad` commands two at a time (each pays the interpreter's start-up); their stdout."""
    out: list[str] = []
    for i in range(0, len(commands), 2):
        procs = [subprocess.Popen([sys.executable, "-m", "marsad.cli", *map(str, c)], cwd=ROOT, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands[i:i + 2]]
        for p in procs:
            stdout, stderr = p.communicate(timeout=600)
            assert p.returncode == 0, stderr
            out.append(stdout)
    return out


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example articles stored by `marsad ingest`, in a SQLite file or a PostgreSQL database."""
    server = request.getfixturevalue("pg_server") if request.param == "postgres" else None
    url = server.create_db("parity") if server else str(tmp_path_factory.mktemp("parity") / "p.db")
    p = subprocess.run([sys.executable, "-m", "marsad.cli", "ingest", str(EXAMPLES), "--db", url], cwd=ROOT,
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0 and "stored 5," in p.stdout, p.stderr
    yield url
    if server:
        server.drop_db(url)


@pytest.fixture(scope="module")
def api(db: str) -> Iterator[TestClient]:
    from marsad.api.server import create_app

    with TestClient(create_app(db, cache_mb=0), base_url=LOCAL) as client:
        yield client


def _api_rows(api: TestClient, path: str, params: dict[str, str]) -> list[dict[str, Any]]:
    r = api.get(path, params={**params, "limit": str(LIMIT)})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["next"] is None  # one page holds them all, so the lists compare whole
    return body["items"]


def test_quotes_and_events_give_the_same_rows(db: str, api: TestClient) -> None:
    outs = _marsad(*[[cmd, *(x for kv in opts.items() for x in kv), "--limit", LIMIT, "--format", "json", "--db", db]
                     for cmd, opts, *_ in CASES])
    for (cmd, opts, path, params, expected), out in zip(CASES, outs, strict=True):
        rows = json.loads(out)
        assert rows == _api_rows(api, path, params), (cmd, opts)
        assert bool(rows) == expected, (cmd, opts)


def test_filtered_events_are_those_the_filter_names(db: str, api: TestClient) -> None:
    every = _api_rows(api, "/api/events", {})
    syria = _api_rows(api, "/api/events", {"location": "سوريا"})
    assert syria == [v for v in every if v["location"] and v["location"]["id"] == "Q858"] != []
    isis = _api_rows(api, "/api/events", {"actor": "داعش"})
    assert isis == [v for v in every if "Q2429253" in [a["id"] for a in v["actor"]]] != []
    dated = _api_rows(api, "/api/events", {"from": "2017-12-01", "to": "2017-12-31"})
    assert dated and all("2017-12-01" <= (v["date"] or v["published"]) <= "2017-12-31" for v in dated)


def test_search_with_outlet_and_dates_finds_the_same_documents(db: str, api: TestClient) -> None:
    cli_opts, api_params = SEARCH
    (out,) = _marsad(["search", "سوريا", *(x for kv in cli_opts.items() for x in kv), "--limit", "50",
                      "--format", "json", "--db", db])
    hits = json.loads(out)
    items = _api_rows(api, "/api/search", {"q": "سوريا", **api_params})
    assert hits and [h["id"] for h in hits] == [i["id"] for i in items]
    for h, i in zip(hits, items, strict=True):
        assert (h["title"], h["outlet"], h["published"], h["snippet"], h["highlights"], round(h["score"], 4)) == (
            i["title"], i["outlet"], i["published"], i["snippet"], i["highlights"], i["score"])
    assert all(h["outlet"] == "middle-east-online.com" for h in hits)
