"""Versioned schema migrations for the SQLite store.

`PRAGMA user_version` records how far a database has been migrated; each step runs once, in its own
transaction, so a store created by an older marsad is upgraded in place and never rebuilt.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: documents, their versions, and full-text search over the normalised shadow text.
    """
    CREATE TABLE documents (
        rowid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        doc_key      TEXT NOT NULL,
        version      INTEGER NOT NULL DEFAULT 1,
        is_latest    INTEGER NOT NULL DEFAULT 1,
        title        TEXT,
        text         TEXT NOT NULL,
        published    TEXT,
        outlet       TEXT,
        dateline     TEXT,
        url          TEXT,
        language     TEXT,
        author       TEXT,
        source       TEXT,
        n_tokens     INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX documents_key ON documents(doc_key, version);
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 0'
    );
    """,
    # 2: annotations, one row per item, keyed to the document row; entity records shared across documents.
    """
    CREATE TABLE entities (
        id       TEXT PRIMARY KEY,
        name     TEXT NOT NULL,
        name_en  TEXT,
        type     TEXT NOT NULL,
        wikidata TEXT,
        country  TEXT,
        sector   TEXT,
        lat      REAL,
        lon      REAL,
        precision TEXT
    );
    CREATE TABLE mentions (
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        entity_id TEXT NOT NULL REFERENCES entities(id),
        start     INTEGER NOT NULL,
        end       INTEGER NOT NULL,
        text      TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc_rowid);
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE quotes (
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        idx       INTEGER NOT NULL,
        speaker_entity TEXT,
        speaker_text   TEXT,
        speaker_start  INTEGER,
        speaker_end    INTEGER,
        cue_text  TEXT NOT NULL,
        cue_class TEXT NOT NULL,
        cue_start INTEGER NOT NULL,
        cue_end   INTEGER NOT NULL,
        content   TEXT NOT NULL,
        content_start INTEGER NOT NULL,
        content_end   INTEGER NOT NULL,
        direct    INTEGER NOT NULL,
        via       TEXT,
        date      TEXT,
        PRIMARY KEY (doc_rowid, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_entity);
    CREATE TABLE events (
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        idx       INTEGER NOT NULL,
        type      TEXT NOT NULL,
        mode      TEXT,
        actor     TEXT,
        recipient TEXT,
        location  TEXT,
        date      TEXT,
        date_precision TEXT,
        dead      INTEGER,
        injured   INTEGER,
        negated   INTEGER NOT NULL DEFAULT 0,
        hypothetical INTEGER NOT NULL DEFAULT 0,
        future    INTEGER NOT NULL DEFAULT 0,
        source    TEXT,
        trigger_text  TEXT,
        trigger_start INTEGER,
        trigger_end   INTEGER,
        sentence_start INTEGER,
        sentence_end   INTEGER,
        confidence REAL,
        PRIMARY KEY (doc_rowid, idx)
    );
    CREATE INDEX events_type ON events(type, date);
    CREATE TABLE dates (
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        start     INTEGER NOT NULL,
        end       INTEGER NOT NULL,
        text      TEXT NOT NULL,
        value     TEXT NOT NULL,
        precision TEXT NOT NULL
    );
    CREATE INDEX dates_doc ON dates(doc_rowid);
    """,
    # 3: cross-document analysis (marsad.corpus): which documents are analysed, duplicate groups, stories,
    # merged events and claims. Every row hangs off a document row, so a store without analysis is unchanged.
    """
    CREATE TABLE corpus_docs (
        doc_rowid   INTEGER PRIMARY KEY REFERENCES documents(rowid),
        date        TEXT,
        minhash     BLOB,
        analysed_at TEXT NOT NULL
    );
    CREATE TABLE corpus_df (
        term TEXT PRIMARY KEY,
        df   INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE dup_groups (
        id        INTEGER PRIMARY KEY,
        canonical INTEGER NOT NULL REFERENCES documents(rowid),
        size      INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        first_date TEXT,
        last_date  TEXT
    );
    CREATE TABLE doc_groups (
        doc_rowid  INTEGER PRIMARY KEY REFERENCES documents(rowid),
        group_id   INTEGER NOT NULL,
        similarity REAL
    );
    CREATE INDEX doc_groups_group ON doc_groups(group_id);
    CREATE TABLE stories (
        id         INTEGER PRIMARY KEY,
        title      TEXT,
        first_date TEXT,
        last_date  TEXT,
        size       INTEGER NOT NULL,
        n_outlets  INTEGER NOT NULL DEFAULT 0,
        centroid   TEXT NOT NULL
    );
    CREATE INDEX stories_last ON stories(last_date);
    CREATE TABLE story_docs (
        doc_rowid  INTEGER PRIMARY KEY REFERENCES documents(rowid),
        story_id   INTEGER NOT NULL,
        similarity REAL
    );
    CREATE INDEX story_docs_story ON story_docs(story_id);
    CREATE TABLE merged_events (
        id         INTEGER PRIMARY KEY,
        type       TEXT NOT NULL,
        date_min   TEXT,
        date_max   TEXT,
        location   TEXT,
        actors     TEXT,
        recipients TEXT,
        dead       TEXT,
        injured    TEXT,
        n_mentions INTEGER NOT NULL,
        n_sources  INTEGER NOT NULL
    );
    CREATE INDEX merged_events_type ON merged_events(type, date_min);
    CREATE TABLE merged_event_mentions (
        merged_id INTEGER NOT NULL,
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        idx       INTEGER NOT NULL,
        PRIMARY KEY (doc_rowid, idx)
    );
    CREATE INDEX merged_event_mentions_merged ON merged_event_mentions(merged_id);
    CREATE TABLE claims (
        id         INTEGER PRIMARY KEY,
        text       TEXT NOT NULL,
        first_date TEXT,
        last_date  TEXT,
        size       INTEGER NOT NULL,
        n_docs     INTEGER NOT NULL
    );
    CREATE TABLE claim_quotes (
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        idx       INTEGER NOT NULL,
        claim_id  INTEGER NOT NULL,
        date      TEXT,
        vector    BLOB NOT NULL,
        PRIMARY KEY (doc_rowid, idx)
    );
    CREATE INDEX claim_quotes_claim ON claim_quotes(claim_id);
    CREATE TABLE claim_pairs (
        claim_id   INTEGER NOT NULL,
        a_doc      INTEGER NOT NULL,
        a_idx      INTEGER NOT NULL,
        b_doc      INTEGER NOT NULL,
        b_idx      INTEGER NOT NULL,
        similarity REAL NOT NULL,
        label      TEXT NOT NULL,
        confidence REAL NOT NULL,
        PRIMARY KEY (a_doc, a_idx, b_doc, b_idx)
    );
    CREATE INDEX claim_pairs_label ON claim_pairs(label, confidence);
    """,
    # 4: indexes for the API's interactive reads. Mentions by entity carry the document row and offset, so
    # counting an entity's documents, finding the documents that mention it and their first mention read
    # the index alone (it replaces the entity-only index); events by place in date order; entities by exact
    # name and by English name ignoring ASCII case, so resolving a name a user typed is a lookup rather
    # than a pass over all entities.
    """
    CREATE INDEX mentions_entity_doc ON mentions(entity_id, doc_rowid, start);
    DROP INDEX mentions_entity;
    CREATE INDEX events_location ON events(location, date);
    CREATE INDEX entities_name ON entities(name);
    CREATE INDEX entities_name_en_lower ON entities(lower(name_en));
    """,
    # 5: the superseded document versions, a small set. Full-text search without other filters leaves them
    # out with `rowid NOT IN` this index instead of joining every match to its documents row.
    """
    CREATE INDEX documents_superseded ON documents(rowid) WHERE is_latest=0;
    """,
    # 6: which entities take part in which events (as actor, recipient or place), one row each. Events
    # keep their pipe-joined actor lists; this index turns "events involving X" into a lookup instead of
    # a pass over every event in the documents that mention X (tens of thousands for a country).
    """
    CREATE TABLE event_entities (
        entity_id TEXT NOT NULL,
        doc_rowid INTEGER NOT NULL,
        idx       INTEGER NOT NULL,
        PRIMARY KEY (entity_id, doc_rowid, idx)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO event_entities (entity_id, doc_rowid, idx)
    WITH RECURSIVE parts(doc_rowid, idx, item, rest) AS (
        SELECT doc_rowid, idx, NULL,
               coalesce(actor, '') || '|' || coalesce(recipient, '') || '|' || coalesce(location, '') || '|'
        FROM events
        UNION ALL
        SELECT doc_rowid, idx, substr(rest, 1, instr(rest, '|') - 1), substr(rest, instr(rest, '|') + 1)
        FROM parts WHERE rest != ''
    )
    SELECT item, doc_rowid, idx FROM parts WHERE item != '';
    """,
    # 7: why a pair of quotes was labelled a contradiction ("denial: X denies what Y states", "ended/persists:
    # هزم ↔ لا يزال"), so the list shows the evidence an analyst can check instead of only a score.
    """
    ALTER TABLE claim_pairs ADD COLUMN reason TEXT;
    """,
    # 8: mentions by their spelling, so a name a user types ("داعش") finds the entities it was written for
    # with a lookup rather than a pass over every mention. The key is the spelling's first 100 characters
    # (`queries.entities.ALIAS_PREFIX`): an index key must stay small whatever span a tagger marks.
    """
    CREATE INDEX IF NOT EXISTS mentions_text ON mentions(substr(text, 1, 100));
    """,
    # 9: `marsad watch` and alerts. What a watch has seen lives in the store, not in a side file, so a
    # killed watcher restarts where it stopped and never ingests an item twice: per source its HTTP
    # validators and health (watch_sources), per item its key (link, guid or path + mtime/size) and the
    # document it became (watch_items). Alert rules and the alerts they raised; an alert's evidence key
    # is unique per rule, so a match fires once however often the pass sees it.
    """
    CREATE TABLE IF NOT EXISTS watch_sources (
        source        TEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT,
        checked_at    TEXT,
        ok_at         TEXT,
        status        TEXT,
        error         TEXT,
        failures      INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS watch_items (
        source   TEXT NOT NULL,
        item_key TEXT NOT NULL,
        seen_at  TEXT NOT NULL,
        doc_id   TEXT,
        status   TEXT NOT NULL,
        PRIMARY KEY (source, item_key)
    );
    CREATE TABLE IF NOT EXISTS alert_rules (
        id            INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL,
        entity        TEXT,
        entity_label  TEXT,
        event_type    TEXT,
        place         TEXT,
        place_label   TEXT,
        query         TEXT,
        webhook       TEXT,
        created_at    TEXT NOT NULL,
        active        INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE IF NOT EXISTS alerts (
        id           INTEGER PRIMARY KEY,
        rule_id      INTEGER NOT NULL,
        evidence_key TEXT NOT NULL,
        kind         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        doc_id       TEXT,
        published    TEXT,
        summary      TEXT NOT NULL,
        evidence     TEXT NOT NULL,
        delivered    INTEGER NOT NULL DEFAULT 0,
        UNIQUE (rule_id, evidence_key)
    );
    CREATE INDEX IF NOT EXISTS alerts_created ON alerts(created_at, id);
    """,
]


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to the latest schema; returns the version it ends at."""
    version = current_version(conn)
    if version > len(MIGRATIONS):
        raise RuntimeError(
            f"database schema version {version} is newer than this marsad ({len(MIGRATIONS)}); upgrade marsad"
        )
    for n in range(version, len(MIGRATIONS)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # user_version is re-read inside the write lock so two processes never run one step twice.
            if current_version(conn) == n:
                for stmt in _statements(MIGRATIONS[n]):
                    conn.execute(stmt)
                conn.execute(f"PRAGMA user_version = {n + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return current_version(conn)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
