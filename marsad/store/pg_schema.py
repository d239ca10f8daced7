"""The store schema on PostgreSQL: the same tables, columns and migration steps as `migrations.py`.

Step n here is step n there, so a store's version number means the same on both backends; PostgreSQL has
no `PRAGMA user_version`, so applied steps are rows of `schema_migrations`. What differs, and why:

* every TEXT column is `COLLATE "C"`: SQLite compares text byte-wise, and ORDER BY, min/max, range
  filters and the `id >= prefix` lookups must give the same answers whatever locale the database was
  created with;
* SQLite's implicit `rowid` is an explicit `BIGSERIAL rowid` where marsad reads it (documents, and the
  mention/event/date rows whose insertion order breaks ties), placed last so `SELECT *` and positional
  inserts see SQLite's column order;
* REAL is DOUBLE PRECISION (PostgreSQL's REAL is 4 bytes and would round coordinates and scores), BLOB is
  BYTEA, `end` is quoted (a reserved word in PostgreSQL);
* the FTS5 table becomes `documents_fts(rowid, tsv tsvector)` with a GIN index (see `pg_search`);
* one extra safety net: a partial unique index allows one latest version per document key.

Migrations run under a session advisory lock, so processes opening a fresh database at once apply each
step exactly once; each step is one transaction.
"""

from __future__ import annotations

from typing import Any

from marsad.store.dialect import LOCK_CLASS_WRITE, lock_key

SCHEMA_TABLE = "schema_migrations"

_MIGRATIONS: list[str] = [
    # 1: documents, their versions, and full-text search over the normalised shadow text.
    """
    CREATE TABLE documents (
        rowid        BIGSERIAL PRIMARY KEY,
        id           CTEXT NOT NULL UNIQUE,
        content_hash CTEXT NOT NULL UNIQUE,
        doc_key      CTEXT NOT NULL,
        version      INTEGER NOT NULL DEFAULT 1,
        is_latest    INTEGER NOT NULL DEFAULT 1,
        title        CTEXT,
        text         CTEXT NOT NULL,
        published    CTEXT,
        outlet       CTEXT,
        dateline     CTEXT,
        url          CTEXT,
        language     CTEXT,
        author       CTEXT,
        source       CTEXT,
        n_tokens     INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX documents_key ON documents(doc_key, version);
    CREATE UNIQUE INDEX documents_one_latest ON documents(doc_key) WHERE is_latest = 1;
    CREATE INDEX documents_published ON documents(published NULLS FIRST, rowid);
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE TABLE documents_fts (
        rowid BIGINT PRIMARY KEY REFERENCES documents(rowid),
        tsv   TSVECTOR NOT NULL
    );
    CREATE INDEX documents_fts_tsv ON documents_fts USING GIN (tsv);
    """,
    # 2: annotations, one row per item, keyed to the document row; entity records shared across documents.
    """
    CREATE TABLE entities (
        id       CTEXT PRIMARY KEY,
        name     CTEXT NOT NULL,
        name_en  CTEXT,
        type     CTEXT NOT NULL,
        wikidata CTEXT,
        country  CTEXT,
        sector   CTEXT,
        lat      DOUBLE PRECISION,
        lon      DOUBLE PRECISION,
        precision CTEXT
    );
    CREATE TABLE mentions (
        doc_rowid BIGINT NOT NULL REFERENCES documents(rowid),
        entity_id CTEXT NOT NULL REFERENCES entities(id),
        start     INTEGER NOT NULL,
        "end"     INTEGER NOT NULL,
        text      CTEXT NOT NULL,
        rowid     BIGSERIAL PRIMARY KEY
    );
    CREATE INDEX mentions_doc ON mentions(doc_rowid);
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE quotes (
        doc_rowid BIGINT NOT NULL REFERENCES documents(rowid),
        idx       INTEGER NOT NULL,
        speaker_entity CTEXT,
        speaker_text   CTEXT,
        speaker_start  INTEGER,
        speaker_end    INTEGER,
        cue_text  CTEXT NOT NULL,
        cue_class CTEXT NOT NULL,
        cue_start INTEGER NOT NULL,
        cue_end   INTEGER NOT NULL,
        content   CTEXT NOT NULL,
        content_start INTEGER NOT NULL,
        content_end   INTEGER NOT NULL,
        direct    INTEGER NOT NULL,
        via       CTEXT,
        date      CTEXT,
        PRIMARY KEY (doc_rowid, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_entity);
    CREATE TABLE events (
        doc_rowid BIGINT NOT NULL REFERENCES documents(rowid),
        idx       INTEGER NOT NULL,
        type      CTEXT NOT NULL,
        mode      CTEXT,
        actor     CTEXT,
        recipient CTEXT,
        location  CTEXT,
        date      CTEXT,
        date_precision CTEXT,
        dead      INTEGER,
        injured   INTEGER,
        negated   INTEGER NOT NULL DEFAULT 0,
        hypothetical INTEGER NOT NULL DEFAULT 0,
        future    INTEGER NOT NULL DEFAULT 0,
        source    CTEXT,
        trigger_text  CTEXT,
        trigger_start INTEGER,
        trigger_end   INTEGER,
        sentence_start INTEGER,
        sentence_end   INTEGER,
        confidence DOUBLE PRECISION,
        rowid     BIGSERIAL UNIQUE,
        PRIMARY KEY (doc_rowid, idx)
    );
    CREATE INDEX events_type ON events(type, date NULLS FIRST, rowid);
    CREATE TABLE dates (
        doc_rowid BIGINT NOT NULL REFERENCES documents(rowid),
        start     INTEGER NOT NULL,
        "end"     INTEGER NOT NULL,
        text      CTEXT NOT NULL,
        value     CTEXT NOT NULL,
        precision CTEXT NOT NULL,
        rowid     BIGSERIAL PRIMARY KEY
    );
    CREATE INDEX dates_doc ON dates(doc_rowid);
    """,
    # 3: cross-document analysis (marsad.corpus), every row hanging off a document row.
    """
    CREATE TABLE corpus_docs (
        doc_rowid   BIGINT PRIMARY KEY REFERENCES documents(rowid),
        date        CTEXT,
        minhash     BYTEA,
        analysed_at CTEXT NOT NULL
    );
    CREATE TABLE corpus_df (
        term CTEXT PRIMARY KEY,
        df   INTEGER NOT NULL
    );
    CREATE TABLE dup_groups (
        id        BIGINT PRIMARY KEY,
        canonical BIGINT NOT NULL REFERENCES documents(rowid),
        size      INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        first_date CTEXT,
        last_date  CTEXT
    );
    CREATE TABLE doc_groups (
        doc_rowid  BIGINT PRIMARY KEY REFERENCES documents(rowid),
        group_id   BIGINT NOT NULL,
        similarity DOUBLE PRECISION
    );
    CREATE INDEX doc_groups_group ON doc_groups(group_id);
    CREATE TABLE stories (
        id         BIGINT PRIMARY KEY,
        title      CTEXT,
        first_date CTEXT,
        last_date  CTEXT,
        size       INTEGER NOT NULL,
        n_outlets  INTEGER NOT NULL DEFAULT 0,
        centroid   CTEXT NOT NULL
    );
    CREATE INDEX stories_last ON stories(last_date);
    CREATE TABLE story_docs (
        doc_rowid  BIGINT PRIMARY KEY REFERENCES documents(rowid),
        story_id   BIGINT NOT NULL,
        similarity DOUBLE PRECISION
    );
    CREATE INDEX story_docs_story ON story_docs(story_id);
    CREATE TABLE merged_events (
        id         BIGINT PRIMARY KEY,
        type       CTEXT NOT NULL,
        date_min   CTEXT,
        date_max   CTEXT,
        location   CTEXT,
        actors     CTEXT,
        recipients CTEXT,
        dead       CTEXT,
        injured    CTEXT,
        n_mentions INTEGER NOT NULL,
        n_sources  INTEGER NOT NULL
    );
    CREATE INDEX merged_events_type ON merged_events(type, date_min);
    CREATE TABLE merged_event_mentions (
        merged_id BIGINT NOT NULL,
        doc_rowid BIGINT NOT NULL REFERENCES documents(rowid),
        idx       INTEGER NOT NULL,
        PRIMARY KEY (doc_rowid, idx)
    );
    CREATE INDEX merged_event_mentions_merged ON merged_event_mentions(merged_id);
    CREATE TABLE claims (
        id         BIGINT PRIMARY KEY,
        text       CTEXT NOT NULL,
        first_date CTEXT,
        last_date  CTEXT,
        size       INTEGER NOT NULL,
        n_docs     INTEGER NOT NULL
    );
    CREATE TABLE claim_quotes (
        doc_rowid BIGINT NOT NULL REFERENCES documents(rowid),
        idx       INTEGER NOT NULL,
        claim_id  BIGINT NOT NULL,
        date      CTEXT,
        vector    BYTEA NOT NULL,
        PRIMARY KEY (doc_rowid, idx)
    );
    CREATE INDEX claim_quotes_claim ON claim_quotes(claim_id);
    CREATE TABLE claim_pairs (
        claim_id   BIGINT NOT NULL,
        a_doc      BIGINT NOT NULL,
        a_idx      INTEGER NOT NULL,
        b_doc      BIGINT NOT NULL,
        b_idx      INTEGER NOT NULL,
        similarity DOUBLE PRECISION NOT NULL,
        label      CTEXT NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (a_doc, a_idx, b_doc, b_idx)
    );
    CREATE INDEX claim_pairs_label ON claim_pairs(label, confidence);
    """,
    # 4: indexes for the API's interactive reads (see migrations.py). Row order keys are spelt out, as in
    # events_type, because PostgreSQL has no implicit rowid at the end of every index.
    """
    CREATE INDEX mentions_entity_doc ON mentions(entity_id, doc_rowid, start);
    DROP INDEX mentions_entity;
    CREATE INDEX events_location ON events(location, date NULLS FIRST, rowid);
    CREATE INDEX entities_name ON entities(name);
    CREATE INDEX entities_name_en_lower ON entities(lower(name_en));
    """,
    # 5: superseded document versions (see migrations.py).
    """
    CREATE INDEX documents_superseded ON documents(rowid) WHERE is_latest=0;
    """,
    # 6: entities taking part in events (see migrations.py).
    """
    CREATE TABLE event_entities (
        entity_id CTEXT NOT NULL,
        doc_rowid BIGINT NOT NULL,
        idx       INTEGER NOT NULL,
        PRIMARY KEY (entity_id, doc_rowid, idx)
    );
    INSERT INTO event_entities (entity_id, doc_rowid, idx)
    SELECT DISTINCT x, doc_rowid, idx FROM events,
        unnest(string_to_array(coalesce(actor, '') || '|' || coalesce(recipient, '') || '|' || coalesce(location, ''),
                               '|')) AS x
    WHERE x <> '';
    """,
    # 7: why a pair was labelled a contradiction (see migrations.py).
    """
    ALTER TABLE claim_pairs ADD COLUMN reason TEXT;
    """,
    # 8: mentions by their spelling (see migrations.py).
    """
    CREATE INDEX IF NOT EXISTS mentions_text ON mentions(substr(text, 1, 100));
    """,
    # 9: `marsad watch` state and alerts (see migrations.py).
    """
    CREATE TABLE IF NOT EXISTS watch_sources (
        source        CTEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT,
        checked_at    TEXT,
        ok_at         TEXT,
        status        TEXT,
        error         TEXT,
        failures      INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS watch_items (
        source   CTEXT NOT NULL,
        item_key CTEXT NOT NULL,
        seen_at  TEXT NOT NULL,
        doc_id   TEXT,
        status   TEXT NOT NULL,
        PRIMARY KEY (source, item_key)
    );
    CREATE TABLE IF NOT EXISTS alert_rules (
        id            BIGSERIAL PRIMARY KEY,
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
        id           BIGSERIAL PRIMARY KEY,
        rule_id      BIGINT NOT NULL,
        evidence_key CTEXT NOT NULL,
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

MIGRATIONS: list[str] = [m.replace("CTEXT", 'TEXT COLLATE "C"') for m in _MIGRATIONS]


def current_version(conn: Any) -> int:
    """How many migration steps the database has had (0: no marsad schema in it yet)."""
    if not conn.execute("SELECT to_regclass(?) IS NOT NULL", (SCHEMA_TABLE,)).fetchone()[0]:
        return 0
    return int(conn.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA_TABLE}").fetchone()[0])


def migrate(conn: Any) -> int:
    """Bring the database up to the latest schema; returns the version it ends at.

    `conn` is a `PgConnection` in autocommit mode. The session advisory lock makes concurrent first
    openings queue; the version is re-read under it, so no step runs twice.
    """
    from marsad.store.migrations import MIGRATIONS as SQLITE_MIGRATIONS

    assert len(MIGRATIONS) == len(SQLITE_MIGRATIONS), "PostgreSQL and SQLite migrations must stay in step"
    key = (LOCK_CLASS_WRITE, lock_key("migrate"))
    conn.execute("SELECT pg_advisory_lock(?, ?)", key)
    try:
        version = current_version(conn)
        if version > len(MIGRATIONS):
            raise RuntimeError(
                f"database schema version {version} is newer than this marsad ({len(MIGRATIONS)}); upgrade marsad"
            )
        if version == 0:
            conn.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} (version INTEGER PRIMARY KEY,"
                         " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        for n in range(version, len(MIGRATIONS)):
            conn.execute("BEGIN")
            try:
                for stmt in _statements(MIGRATIONS[n]):
                    conn.raw.execute(stmt)  # DDL as written: no placeholders to translate
                conn.execute(f"INSERT INTO {SCHEMA_TABLE} (version) VALUES (?)", (n + 1,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return current_version(conn)
    finally:
        conn.execute("SELECT pg_advisory_unlock(?, ?)", key)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
