"""Merged events: the new documents' event records joined into the real-world events they report.

Records of one PLOVER type whose dates are compatible (±`EVENT_DAYS`) and that share a place or an actor
become one merged event; every figure each source gave is kept (dead 20 vs 35), with who gave it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from marsad.corpus.passes.batch import day, mark_new
from marsad.corpus.progress import Progress, Ticker

EVENT_DAYS = 2


@dataclass
class _Merged:
    id: int
    type: str
    date_min: dt.date | None
    date_max: dt.date | None
    locations: Counter[str]
    actors: set[str]
    recipients: set[str]
    dead: list[dict[str, Any]]
    injured: list[dict[str, Any]]
    mentions: list[tuple[int, int]]
    dirty: bool = False


def _split(s: str | None) -> set[str]:
    return {a for a in (s or "").split("|") if a}


def merge_events(conn: sqlite3.Connection, rowids: list[int], progress: Progress | None = None) -> int:
    """Merge the new documents' event records into real-world events; returns merged events touched."""
    if not rowids:
        return 0
    mark_new(conn, rowids)
    rows = conn.execute(
        "SELECT e.*, d.published, d.outlet, d.id AS doc_id FROM events e JOIN documents d ON d.rowid = e.doc_rowid"
        " WHERE e.doc_rowid IN (SELECT rowid FROM _corpus_new)"
        " AND e.negated = 0 AND e.hypothetical = 0 AND e.future = 0 ORDER BY d.published, e.doc_rowid, e.idx"
    ).fetchall()
    tick = Ticker(progress, "events", len(rows))
    if not rows:
        return 0
    types = sorted({r["type"] for r in rows})
    days = [x for x in (day(r["date"]) or day(r["published"]) for r in rows) if x]
    lo = (min(days) - dt.timedelta(days=EVENT_DAYS)).isoformat() if days else "0000"
    known = _Known(conn, types, lo)
    touched: set[int] = set()
    for r in rows:
        touched.add(known.place(r))
        tick()
    for m in known.merged.values():
        if m.dirty:
            _save(conn, m)
    tick.finish()
    return len(touched)


class _Known:
    """The merged events a record may join, by (type, place) and (type, party).

    A record can only join a merged event sharing either, so only those are checked, in the order they
    were created (the first compatible one takes it)."""

    def __init__(self, conn: sqlite3.Connection, types: list[str], lo: str) -> None:
        self.merged: dict[int, _Merged] = {}
        self.by_key: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.order: dict[int, int] = {}
        q = ",".join("?" * len(types))
        for m in conn.execute(
            # in (type, date_min) index order: the first compatible merged event takes a record
            f"SELECT * FROM merged_events WHERE type IN ({q}) AND (date_max IS NULL OR date_max >= ?)"
            " ORDER BY type, date_min, id", (*types, lo)
        ):
            self.merged[m["id"]] = _Merged(
                m["id"], m["type"], day(m["date_min"]), day(m["date_max"]),
                Counter(json.loads(m["location"] or "{}")), _split(m["actors"]), _split(m["recipients"]),
                json.loads(m["dead"] or "[]"), json.loads(m["injured"] or "[]"), [],
            )
            self._index(self.merged[m["id"]])
        self.next_id = conn.execute("SELECT coalesce(max(id), 0) FROM merged_events").fetchone()[0] + 1

    def _index(self, m: _Merged) -> None:
        self.order.setdefault(m.id, len(self.order))
        for loc in m.locations:
            self.by_key[(m.type, "L" + loc)].add(m.id)
        for p in m.actors | m.recipients:
            self.by_key[(m.type, "P" + p)].add(m.id)

    def _find(self, etype: str, when: dt.date | None, loc: str | None, parties: set[str]) -> _Merged | None:
        """The first merged event the record can join: dates compatible and a shared place or party
        (without dates on either side, both)."""
        by_key = self.by_key
        cands = set(by_key.get((etype, "L" + loc), ())) if loc else set()
        for p in parties:
            cands |= by_key.get((etype, "P" + p), set())
        for m in sorted((self.merged[c] for c in cands), key=lambda m: self.order[m.id]):
            same_place = bool(loc) and loc in m.locations
            shared = bool(parties & (m.actors | m.recipients))
            if when and m.date_min and m.date_max:
                if not (m.date_min - dt.timedelta(days=EVENT_DAYS) <= when <= m.date_max + dt.timedelta(days=EVENT_DAYS)):
                    continue
                ok = same_place or shared
            else:
                ok = same_place and shared  # without dates, demand both
            if ok:
                return m
        return None

    def place(self, r: Any) -> int:
        """Add event record `r` to the merged event it joins, or to a new one; returns that one's id."""
        when = day(r["date"]) if r["date_precision"] in (None, "day") else None
        when = when or day(r["published"])
        loc = r["location"]
        parties = _split(r["actor"]) | _split(r["recipient"])
        best = self._find(r["type"], when, loc, parties)
        if best is None:
            best = _Merged(self.next_id, r["type"], when, when, Counter(), set(), set(), [], [], [])
            self.merged[self.next_id] = best
            self.next_id += 1
        if when:
            best.date_min = min(best.date_min or when, when)
            best.date_max = max(best.date_max or when, when)
        if loc:
            best.locations[loc] += 1
        best.actors |= _split(r["actor"])
        best.recipients |= _split(r["recipient"])
        src = {"document": r["doc_id"], "outlet": r["outlet"], "published": r["published"], "source": r["source"]}
        if r["dead"] is not None:
            best.dead.append({"value": r["dead"], **src})
        if r["injured"] is not None:
            best.injured.append({"value": r["injured"], **src})
        best.mentions.append((r["doc_rowid"], r["idx"]))
        best.dirty = True
        self.order.setdefault(best.id, len(self.order))
        if loc:
            self.by_key[(best.type, "L" + loc)].add(best.id)
        for p in parties:
            self.by_key[(best.type, "P" + p)].add(best.id)
        return best.id


def _save(conn: sqlite3.Connection, m: _Merged) -> None:
    conn.executemany(
        "INSERT INTO merged_event_mentions (merged_id, doc_rowid, idx) VALUES (?,?,?)"
        " ON CONFLICT(doc_rowid, idx) DO UPDATE SET merged_id=excluded.merged_id",
        [(m.id, d, i) for d, i in m.mentions],
    )
    n_m, n_src = conn.execute(
        "SELECT count(*), count(DISTINCT coalesce(d.outlet, d.id)) FROM merged_event_mentions mm"
        " JOIN documents d ON d.rowid = mm.doc_rowid WHERE mm.merged_id=?", (m.id,)
    ).fetchone()
    conn.execute(
        "INSERT INTO merged_events (id, type, date_min, date_max, location, actors, recipients,"
        " dead, injured, n_mentions, n_sources) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET type=excluded.type, date_min=excluded.date_min,"
        " date_max=excluded.date_max, location=excluded.location, actors=excluded.actors,"
        " recipients=excluded.recipients, dead=excluded.dead, injured=excluded.injured,"
        " n_mentions=excluded.n_mentions, n_sources=excluded.n_sources",
        (m.id, m.type, m.date_min and m.date_min.isoformat(), m.date_max and m.date_max.isoformat(),
         json.dumps(dict(m.locations), ensure_ascii=False), "|".join(sorted(m.actors)),
         "|".join(sorted(m.recipients)), json.dumps(m.dead, ensure_ascii=False),
         json.dumps(m.injured, ensure_ascii=False), n_m, n_src),
    )
