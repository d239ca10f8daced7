"""The export writers. Each takes documents already in id order and a text stream; see `marsad.export`."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

__all__ = ["write_acled_csv", "write_csv", "write_geojson", "write_jsonl", "write_plover_json"]

# Keys that could carry a wall-clock time in some store version; never exported (determinism).
_VOLATILE = frozenset({"ingested_at", "created_at", "updated_at", "exported_at", "timestamp"})
_PRECISION = {"settlement": 1, "region": 2, "country": 3}
_REMOTE = {"aerial": "Air/drone strike", "drone": "Air/drone strike",
           "heavy-weapons": "Shelling/artillery/missile attack", "explosives": "Remote explosive/landmine/IED",
           "suicide-attack": "Suicide bomb", "unconventional": "Chemical weapon"}
_CIVILIAN_MODES = {"abduct": "Abduction/forced disappearance", "sexual": "Sexual violence",
                   "targeted": "Attack", "beat": "Attack", "torture": "Attack", "primitive": "Attack"}
_ARMED = frozenset({"MIL", "REB", "IMG", "UAF", "COP", "SPY", "INS", "SEP"})


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


class _Doc:
    """Lookups for one stored document: entities by id, text slices."""

    def __init__(self, d: dict[str, Any]) -> None:
        self.d = d
        self.id = str(d.get("id") or "")
        self.meta = d.get("document") or {}
        self.text = self.meta.get("text") or ""
        self.ents = {e.get("id"): e for e in d.get("entities") or []}

    def name(self, eid: str | None) -> str:
        e = self.ents.get(eid) if eid else None
        return (e.get("name") or "") if e else (eid or "")

    def actor(self, eid: str) -> dict[str, Any]:
        e = self.ents.get(eid) or {}
        return {"entity": eid, "name": e.get("name") or eid, "name_en": e.get("name_en"),
                "country": e.get("country"), "sector": e.get("sector")}

    def place(self, eid: str | None) -> dict[str, Any] | None:
        if not eid:
            return None
        e = self.ents.get(eid) or {}
        return {"entity": eid, "name": e.get("name") or eid, "name_en": e.get("name_en"),
                "country": e.get("country"), "lat": e.get("lat"), "lon": e.get("lon"),
                "precision": e.get("precision")}

    def sentence(self, ev: dict[str, Any]) -> str:
        s = ev.get("sentence") or {}
        try:
            return self.text[int(s["start"]):int(s["end"])]
        except (KeyError, TypeError, ValueError):
            return ""


def _events(docs: list[dict[str, Any]]) -> Iterator[tuple[_Doc, int, dict[str, Any]]]:
    for d in docs:
        doc = _Doc(d)
        for i, ev in enumerate(d.get("events") or []):
            yield doc, i, ev


def _event_id(doc: _Doc, i: int) -> str:
    return f"{doc.id}-{i}"


def write_plover_json(docs: list[dict[str, Any]], out: TextIO) -> int:
    """A JSON array of PLOVER records (field names after the PLOVER manual: event_type, mode, context)."""
    recs = []
    for doc, i, ev in _events(docs):
        trig = ev.get("trigger") or {}
        recs.append({
            "id": _event_id(doc, i),
            "event_type": ev.get("type"),
            "mode": ev.get("mode") or "",
            "context": "",
            "actor": [doc.actor(a) for a in ev.get("actor") or []],
            "recipient": [doc.actor(a) for a in ev.get("recipient") or []],
            "date": ev.get("date"),
            "date_precision": ev.get("date_precision"),
            "location": doc.place(ev.get("location")),
            "dead": ev.get("dead"),
            "injured": ev.get("injured"),
            "negated": bool(ev.get("negated")),
            "hypothetical": bool(ev.get("hypothetical")),
            "future": bool(ev.get("future")),
            "reported_by": doc.actor(ev["source"]) if ev.get("source") else None,
            "eventText": trig.get("text"),
            "text": doc.sentence(ev),
            "language": "ar",
            "confidence": ev.get("confidence"),
            "source_document": doc.id,
            "url": doc.meta.get("url"),
            "publication": doc.meta.get("outlet"),
            "published": doc.meta.get("published"),
        })
    out.write(json.dumps(recs, ensure_ascii=False, sort_keys=True, indent=1))
    out.write("\n")
    return len(recs)


ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1",
                 "assoc_actor_1", "actor2", "country", "admin1", "location", "latitude", "longitude",
                 "geo_precision", "source", "notes", "fatalities", "document_id"]


def _acled_type(doc: _Doc, ev: dict[str, Any]) -> tuple[str, str] | None:
    """(event_type, sub_event_type) in ACLED's vocabulary, or None for event kinds ACLED does not record."""
    t, mode = ev.get("type"), ev.get("mode") or ""
    if t == "ASSAULT":
        if mode in _REMOTE:
            return "Explosions/Remote violence", _REMOTE[mode]
        if mode == "destroy":
            return "Strategic developments", "Looting/property destruction"
        if mode == "crowd-control":
            return "Violence against civilians", "Attack"
        sectors = {(doc.ents.get(r) or {}).get("sector") for r in ev.get("recipient") or []}
        if mode in _CIVILIAN_MODES or "CVL" in sectors:
            return "Violence against civilians", _CIVILIAN_MODES.get(mode, "Attack")
        return "Battles", "Armed clash"
    if t == "PROTEST":
        if mode == "riot":
            return "Riots", "Violent demonstration"
        return "Protests", "Peaceful protest"
    if t == "COERCE":
        return "Strategic developments", "Arrests" if mode == "arrest" else "Other"
    if t == "MOBILIZE":
        return "Strategic developments", "Other"
    if t == "RETREAT":
        return "Strategic developments", ("Non-violent transfer of territory" if mode == "withdraw"
                                          else "Agreement" if mode == "ceasefire" else "Other")
    return None


def write_acled_csv(docs: list[dict[str, Any]], out: TextIO) -> int:
    """ACLED-like CSV. `country` is ISO 3166 alpha-3 (ACLED writes names); `admin1` is left empty (the KB
    does not resolve first-level divisions); fatalities is 0 when no count was stated, as in ACLED."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(ACLED_COLUMNS)
    n = 0
    for doc, i, ev in _events(docs):
        if ev.get("negated") or ev.get("hypothetical"):
            continue
        kind = _acled_type(doc, ev)
        if kind is None:
            continue
        place = doc.place(ev.get("location")) or {}
        actors = [doc.name(a) for a in ev.get("actor") or []]
        recips = [doc.name(a) for a in ev.get("recipient") or []]
        date = ev.get("date") or doc.meta.get("published") or ""
        country = place.get("country") or next(
            (doc.ents.get(a, {}).get("country") for a in ev.get("actor") or [] if doc.ents.get(a, {}).get("country")),
            None) or ""
        w.writerow([
            f"{country or 'XXX'}-{_event_id(doc, i)}", date, date[:4], kind[0], kind[1],
            actors[0] if actors else "", "; ".join(actors[1:]), "; ".join(recips), country, "",
            place.get("name") or "", place.get("lat") if place.get("lat") is not None else "",
            place.get("lon") if place.get("lon") is not None else "",
            _PRECISION.get(place.get("precision") or "", 2) if place else "",
            doc.meta.get("outlet") or doc.meta.get("url") or "", doc.sentence(ev), ev.get("dead") or 0, doc.id,
        ])
        n += 1
    return n


def write_geojson(docs: list[dict[str, Any]], out: TextIO) -> int:
    """FeatureCollection of events with coordinates; properties carry type, mode, actors, date, flags."""
    feats = []
    for doc, i, ev in _events(docs):
        place = doc.place(ev.get("location"))
        if not place or place.get("lat") is None or place.get("lon") is None:
            continue
        feats.append({
            "type": "Feature",
            "id": _event_id(doc, i),
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": {
                "event_type": ev.get("type"), "mode": ev.get("mode"), "date": ev.get("date"),
                "date_precision": ev.get("date_precision"), "location": place.get("name"),
                "actor": [doc.name(a) for a in ev.get("actor") or []],
                "recipient": [doc.name(a) for a in ev.get("recipient") or []],
                "dead": ev.get("dead"), "injured": ev.get("injured"), "negated": bool(ev.get("negated")),
                "hypothetical": bool(ev.get("hypothetical")), "future": bool(ev.get("future")),
                "text": doc.sentence(ev), "document": doc.id, "url": doc.meta.get("url"),
            },
        })
    out.write(json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, sort_keys=True))
    out.write("\n")
    return len(feats)


def _clean(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items() if k not in _VOLATILE}
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    return obj


def write_jsonl(docs: list[dict[str, Any]], out: TextIO) -> int:
    """One annotation object per line, keys sorted, no timestamps."""
    for d in docs:
        out.write(_dumps(_clean(d)))
        out.write("\n")
    return len(docs)


CSV_COLUMNS = ["event_id", "document_id", "type", "mode", "actor", "actor_name", "recipient", "recipient_name",
               "location", "location_name", "latitude", "longitude", "date", "date_precision", "dead",
               "injured", "negated", "hypothetical", "future", "source", "source_name", "confidence",
               "trigger", "trigger_start", "trigger_end", "sentence", "published", "outlet", "url"]


def write_csv(docs: list[dict[str, Any]], out: TextIO) -> int:
    """One row per event; lists of ids/names joined with `|`."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    n = 0
    for doc, i, ev in _events(docs):
        place = doc.place(ev.get("location")) or {}
        trig = ev.get("trigger") or {}

        def opt(v: Any) -> Any:
            return "" if v is None else v

        w.writerow([
            _event_id(doc, i), doc.id, ev.get("type"), opt(ev.get("mode")),
            "|".join(ev.get("actor") or []), "|".join(doc.name(a) for a in ev.get("actor") or []),
            "|".join(ev.get("recipient") or []), "|".join(doc.name(a) for a in ev.get("recipient") or []),
            opt(ev.get("location")), place.get("name") or "", opt(place.get("lat")), opt(place.get("lon")),
            opt(ev.get("date")), opt(ev.get("date_precision")), opt(ev.get("dead")), opt(ev.get("injured")),
            int(bool(ev.get("negated"))), int(bool(ev.get("hypothetical"))), int(bool(ev.get("future"))),
            opt(ev.get("source")), doc.name(ev.get("source")) if ev.get("source") else "",
            opt(ev.get("confidence")), opt(trig.get("text")), opt(trig.get("start")), opt(trig.get("end")),
            doc.sentence(ev), opt(doc.meta.get("published")), opt(doc.meta.get("outlet")), opt(doc.meta.get("url")),
        ])
        n += 1
    return n
