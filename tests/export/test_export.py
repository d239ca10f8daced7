"""Export formats: each parses as what it claims to be, and output is deterministic.

Stored-document dicts are built in code in the shape `SqliteStore.iter_documents()` yields.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from marsad.export import FORMATS, export

TEXT_A = "أدانت موسكو غارات التحالف على الرقة التي أدت إلى مقتل 35 مدنيا."


def _docs() -> list[dict[str, Any]]:
    a = {
        "id": "bbbb000000000001",
        "version": 1,
        "is_latest": True,
        "source": "a.txt",
        "ingested_at": "2024-01-01T00:00:00",  # must never reach an export
        "document": {"title": "t", "published": "2017-06-01", "outlet": "example.com", "dateline": None,
                     "url": "https://example.com/a", "language": "ar", "text": TEXT_A},
        "entities": [
            {"id": "gn:524901", "name": "موسكو", "name_en": "Moscow", "type": "GPE", "wikidata": None,
             "country": "RUS", "sector": None, "lat": 55.75, "lon": 37.62,
             "mentions": [{"start": 6, "end": 11, "text": "موسكو"}]},
            {"id": "m:coalition", "name": "التحالف الدولي", "name_en": None, "type": "ORG", "wikidata": None,
             "country": None, "sector": "MIL", "lat": None, "lon": None,
             "mentions": [{"start": 18, "end": 25, "text": "التحالف"}]},
            {"id": "Q283368", "name": "الرقة", "name_en": "Raqqa", "type": "GPE", "wikidata": "Q283368",
             "country": "SYR", "sector": None, "lat": 35.95, "lon": 39.01,
             "mentions": [{"start": 29, "end": 34, "text": "الرقة"}]},
        ],
        "quotes": [],
        "events": [
            {"type": "ACCUSE", "mode": "disapprove", "actor": ["gn:524901"], "recipient": ["m:coalition"],
             "location": None, "date": "2017-06-01", "date_precision": "day", "dead": None, "injured": None,
             "negated": False, "hypothetical": False, "future": False, "source": None,
             "trigger": {"text": "أدانت", "start": 0, "end": 5}, "sentence": {"start": 0, "end": len(TEXT_A)},
             "confidence": 0.9},
            {"type": "ASSAULT", "mode": "aerial", "actor": ["m:coalition"], "recipient": [],
             "location": "Q283368", "date": "2017-06-01", "date_precision": "day", "dead": 35, "injured": None,
             "negated": False, "hypothetical": False, "future": False, "source": None,
             "trigger": {"text": "غارات", "start": 12, "end": 17}, "sentence": {"start": 0, "end": len(TEXT_A)},
             "confidence": 0.8},
        ],
        "dates": [],
    }
    b = {
        "id": "aaaa000000000002",
        "version": 1,
        "is_latest": True,
        "source": "b.txt",
        "document": {"title": "u", "published": "2017-06-02", "outlet": "example.org", "dateline": None,
                     "url": None, "language": "ar", "text": "لم تقصف الطائرات حلب, \"quoted\"."},
        "entities": [],
        "quotes": [],
        "events": [
            {"type": "ASSAULT", "mode": "aerial", "actor": [], "recipient": [], "location": None,
             "date": "2017-06-02", "date_precision": "day", "dead": None, "injured": None, "negated": True,
             "hypothetical": False, "future": False, "source": None,
             "trigger": {"text": "تقصف", "start": 3, "end": 7}, "sentence": {"start": 0, "end": 31},
             "confidence": 0.5},
        ],
        "dates": [],
    }
    return [a, b]


def _run(fmt: str, docs: list[dict[str, Any]]) -> tuple[int, str]:
    buf = io.StringIO()
    n = export(docs, fmt, buf)
    return n, buf.getvalue()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_deterministic_and_order_independent(fmt: str) -> None:
    n1, out1 = _run(fmt, _docs())
    n2, out2 = _run(fmt, list(reversed(_docs())))
    assert (n1, out1) == (n2, out2)
    assert "2024-01-01T00:00:00" not in out1


def test_plover_json_records() -> None:
    n, out = _run("plover-json", _docs())
    recs = json.loads(out)
    assert n == len(recs) == 3
    assault = next(r for r in recs if r["event_type"] == "ASSAULT" and r["dead"] == 35)
    assert assault["mode"] == "aerial"
    assert assault["actor"][0]["sector"] == "MIL"
    assert assault["location"]["lat"] == 35.95 and assault["location"]["lon"] == 39.01
    assert assault["source_document"] == "bbbb000000000001" and assault["url"] == "https://example.com/a"
    assert assault["text"] == TEXT_A
    accuse = next(r for r in recs if r["event_type"] == "ACCUSE")
    assert accuse["actor"][0]["country"] == "RUS"


def test_acled_csv_skips_negated_and_verbal_events() -> None:
    n, out = _run("acled-csv", _docs())
    rows = list(csv.DictReader(io.StringIO(out)))
    assert n == len(rows) == 1
    r = rows[0]
    assert r["event_type"] == "Explosions/Remote violence" and r["sub_event_type"] == "Air/drone strike"
    assert r["fatalities"] == "35" and r["country"] == "SYR" and r["location"] == "الرقة"
    assert r["actor1"] == "التحالف الدولي" and r["event_date"] == "2017-06-01" and r["year"] == "2017"


def test_geojson_features_have_coordinates() -> None:
    n, out = _run("geojson", _docs())
    fc = json.loads(out)
    assert fc["type"] == "FeatureCollection" and n == len(fc["features"]) == 1
    f = fc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [39.01, 35.95]}
    assert f["properties"]["event_type"] == "ASSAULT"


def test_jsonl_one_sorted_object_per_document_in_id_order() -> None:
    n, out = _run("jsonl", _docs())
    lines = out.splitlines()
    assert n == len(lines) == 2
    objs = [json.loads(x) for x in lines]
    assert [o["id"] for o in objs] == ["aaaa000000000002", "bbbb000000000001"]
    assert all(line == json.dumps(o, ensure_ascii=False, sort_keys=True) for line, o in zip(lines, objs, strict=True))
    assert "ingested_at" not in objs[1]


def test_csv_one_row_per_event_survives_quotes_and_commas() -> None:
    n, out = _run("csv", _docs())
    rows = list(csv.DictReader(io.StringIO(out)))
    assert n == len(rows) == 3
    neg = next(r for r in rows if r["document_id"] == "aaaa000000000002")
    assert neg["negated"] == "1" and '"quoted"' in neg["sentence"]


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError):
        export(_docs(), "xml", io.StringIO())
