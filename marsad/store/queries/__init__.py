"""Every read of the store: what the CLI, the REST API and the web pages show, from one set of queries.

The server is a thin layer over these functions (datasette's rule: every page is also a JSON endpoint),
and the CLI's read commands call the same ones, so a page, its JSON twin and `marsad events` can never
disagree. Every function takes a store's open connection (a `sqlite3.Connection` with `sqlite3.Row` rows,
or the PostgreSQL store's `PgConnection`, which runs the same SQL), never writes, and binds every user
value as an SQL parameter.

Filters are pushed into SQL (with LIMIT/OFFSET there too) rather than filtered in Python, because the
server answers interactive requests on stores of hundreds of thousands of annotations: a page must cost
an index lookup and a bounded scan, not a pass over the whole table.

* `common` — catalog checks, the store's generation, the outlet and date filter builders;
* `documents` — document lists, one document with its annotations, the whole store, the counts;
* `entities` — entity lists and profiles, and which entities a name means (`entity_ids`);
* `quotes`, `events` — the annotation listings; `stories` — what the cross-document pass stored.
"""

from __future__ import annotations

from marsad.store.queries.common import (
    date_range,
    document_filters,
    generation,
    has_column,
    has_table,
    upper_bound,
)
from marsad.store.queries.documents import (
    document,
    document_json,
    document_rowid,
    documents,
    inventory,
    iter_documents,
    outlets,
    stats,
)
from marsad.store.queries.entities import (
    ENTITY_COLUMNS,
    aliases,
    entities,
    entity,
    entity_activity,
    entity_ids,
    mentions,
)
from marsad.store.queries.events import entity_events, event_places, events, events_geojson
from marsad.store.queries.quotes import entity_quotes, quotes
from marsad.store.queries.stories import story, story_documents

__all__ = [
    "ENTITY_COLUMNS", "aliases", "date_range", "document", "document_filters", "document_json", "document_rowid",
    "documents", "entities", "entity", "entity_activity", "entity_events", "entity_ids", "entity_quotes",
    "event_places", "events", "events_geojson", "generation", "has_column", "has_table", "inventory",
    "iter_documents", "mentions", "outlets", "quotes", "stats", "story", "story_documents", "upper_bound",
]
