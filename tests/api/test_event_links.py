"""`event_entities` (migration 6) answers "events involving X" exactly as matching the actor lists did."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from marsad.store import open_store
from marsad.store import queries as Q


def _answers(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    ids = [r[0] for r in conn.execute("SELECT DISTINCT entity_id FROM mentions ORDER BY entity_id")]
    out = {e: (Q.entity_events(conn, e, limit=50), (Q.entity(conn, e) or {}).get("counts")) for e in ids}
    conn.close()
    return out


def test_links_match_the_actor_lists_and_the_migration_rebuilds_them(store_db: Path, tmp_path: Path) -> None:
    linked = tmp_path / "linked.db"
    shutil.copy(store_db, linked)
    conn = sqlite3.connect(linked)
    n_links = conn.execute("SELECT count(*) FROM event_entities").fetchone()[0]
    rows = sorted(conn.execute("SELECT * FROM event_entities"))
    assert n_links > 0  # written at ingest
    before = tmp_path / "before.db"  # the same store as it was before migrations 6 and 7
    shutil.copy(linked, before)
    old = sqlite3.connect(before)
    old.executescript("DROP TABLE event_entities; ALTER TABLE claim_pairs DROP COLUMN reason; PRAGMA user_version = 5;")
    old.close()
    answers = _answers(linked)
    assert any(events for events, _ in answers.values())
    assert _answers(before) == answers  # the fallback for old read-only stores agrees
    open_store(before).close()  # opened read-write: migration 6 fills the table from the events
    conn2 = sqlite3.connect(before)
    assert sorted(conn2.execute("SELECT * FROM event_entities")) == rows
