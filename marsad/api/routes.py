"""The JSON API under `/api`. Each `*_data` function is what one endpoint returns, and the web page for
the same thing calls the same function, so a page and its JSON twin cannot disagree.

Every list is paginated (`limit` 1–200, `offset`) and wrapped as `{"items", "limit", "offset", "next"}`;
`next` is the URL of the following page, or null on the last one (found by asking for one item more).

Read endpoints are `async def` although they call the store synchronously: a read is a few milliseconds of
SQLite and Python under one process's GIL, so handing it to a worker thread buys no parallelism, and the
thread hop cost a fifth of the server's CPU under load (`benchmarks/README-api.md`). Reads therefore run
on the event loop and a server scales with worker processes (`marsad serve --workers`). Ingestion, which
annotates a document and may load models, stays a plain function on the thread pool.
"""

from __future__ import annotations

import copy
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Coroutine, Hashable
from typing import Annotated, Any, Literal, cast
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi import Path as FPath
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field

from marsad.api import corpus
from marsad.api.backend import Backend
from marsad.store import SearchSyntaxError
from marsad.store import Store as BaseStore
from marsad.store import queries as Q

router = APIRouter(prefix="/api")

DATE_RE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
ID_RE = r"^[0-9a-f]{4,64}$"
ENTITY_RE = r"^[\w:.\-]{1,120}$"
EntityType = Literal["PER", "ORG", "GPE", "LOC", "FAC", "MISC"]
EventType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
CueClass = Literal["say", "assert", "deny", "accuse", "announce", "call", "warn", "express", "condemn"]

Limit = Annotated[int, Query(ge=1, le=200, description="items per page (at most 200)")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="items to skip")]
DateFrom = Annotated[str | None, Query(alias="from", pattern=DATE_RE, description="earliest date, YYYY[-MM[-DD]]")]
DateTo = Annotated[str | None, Query(alias="to", pattern=DATE_RE, description="latest date, YYYY[-MM[-DD]]")]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]
EntityId = Annotated[str, Query(pattern=ENTITY_RE)]


def backend(request: Request) -> Backend:
    return request.app.state.backend


def store(request: Request) -> BaseStore:
    """This worker thread's read-only store (for code already running in the thread that will use it)."""
    return backend(request).reader()


class ThreadStore:
    """Stands for the read-only store of whichever thread uses it, resolved at each attribute access.

    FastAPI runs a plain-function dependency on one pool thread and the endpoint on another, so a store
    fetched by the dependency would be a different thread's connection, shared by concurrent requests.
    Being async, the dependency costs no thread hop either."""

    __slots__ = ("_backend",)

    def __init__(self, be: Backend) -> None:
        self._backend = be

    def __getattr__(self, name: str) -> Any:
        return getattr(self._backend.reader(), name)


async def thread_store(request: Request) -> BaseStore:
    return cast(BaseStore, ThreadStore(backend(request)))


Store = Annotated[BaseStore, Depends(thread_store)]


class _Cache:
    """Aggregate answers (rankings, counts, map places) that cost a pass over a large table, kept until
    the store changes (`queries.generation`). Page-sized lookups are not cached: they are index reads."""

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self.data: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()

    def __call__(self, s: BaseStore, key: Hashable, fn: Callable[[], Any]) -> Any:
        k = (s.path, Q.generation(s.conn), key)
        with self.lock:
            if k in self.data:
                self.data.move_to_end(k)
                return copy.deepcopy(self.data[k])
        value = fn()
        with self.lock:
            self.data[k] = value
            while len(self.data) > self.size:
                self.data.popitem(last=False)
        return copy.deepcopy(value)


cached = _Cache()


def paged(request: Request, fetch: Callable[[int, int], list[Any]], limit: int, offset: int) -> dict[str, Any]:
    """Run `fetch(limit + 1, offset)` and wrap one page, with the link to the next if there is one."""
    rows = fetch(limit + 1, offset)
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        params = dict(request.query_params) | {"offset": str(offset + limit), "limit": str(limit)}
        nxt = f"{request.url.path}?{urlencode(params)}"
    return {"items": rows, "limit": limit, "offset": offset, "next": nxt}


# -- store overview ------------------------------------------------------------------------------------------
@router.get("/stats", summary="Counts of documents, entities, quotes and events")
async def stats(s: Store) -> dict[str, Any]:
    return cached(s, "stats", lambda: Q.stats(s.conn))


@router.get("/outlets", summary="Outlets and their number of documents")
async def outlets(request: Request, s: Store, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return paged(request, lambda n, o: cached(s, ("outlets", n + o), lambda: Q.outlets(s.conn, limit=n + o))[o:],
                 limit, offset)


# -- documents -----------------------------------------------------------------------------------------------
def search_data(request: Request, s: BaseStore, q: str, outlet: str | None, date_from: str | None,
                date_to: str | None, limit: int, offset: int) -> dict[str, Any]:
    def fetch(n: int, o: int) -> list[dict[str, Any]]:
        try:
            hits = s.search(q, outlet=outlet, date_from=date_from, date_to=date_to, limit=n, offset=o)
        except SearchSyntaxError as exc:
            raise HTTPException(400, f"malformed search query: {exc}") from None
        return [
            {"id": h.id, "title": h.title, "published": h.published, "outlet": h.outlet, "url": h.url,
             "snippet": h.snippet.text, "highlights": h.snippet.highlights, "score": round(h.score, 4)}
            for h in hits
        ]

    return paged(request, fetch, limit, offset) | {"query": q}


@router.get("/search", summary="Full-text search over the latest document versions (BM25)",
            responses={400: {"description": "malformed full-text query"},
                       503: {"description": "too many searches at once, or this one ran past the time limit"}})
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words, \"phrases\", OR/NOT/AND, prefix*")],
    outlet: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    return await backend(request).searches.run(
        lambda s: search_data(request, s, q, outlet, date_from, date_to, limit, offset))


def documents_data(request: Request, s: BaseStore, outlet: str | None, date_from: str | None,
                   date_to: str | None, limit: int, offset: int) -> dict[str, Any]:
    return paged(request, lambda n, o: Q.documents(s.conn, outlet=outlet, date_from=date_from,
                                                   date_to=date_to, limit=n, offset=o),
                 limit, offset)


@router.get("/documents", summary="Documents, newest first")
async def documents(request: Request, s: Store, outlet: Text = None, date_from: DateFrom = None, date_to: DateTo = None,
              limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return documents_data(request, s, outlet, date_from, date_to, limit, offset)


def document_data(s: BaseStore, doc_id: str) -> dict[str, Any]:
    doc = s.get(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document with id {doc_id!r} (or the id prefix is ambiguous)")
    doc["source"] = public_source(doc.get("source"))
    return doc


_DIRECTORY = re.compile(r"^(?:[A-Za-z]:)?(?:[^:]*[\\/])?")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def public_source(source: str | None) -> str | None:
    """Where a document came from, without the server's directories: `/srv/news/a.zip:x/b.json` is shown
    as `a.zip:x/b.json` (the file, and the member or line within it). URLs and `api` stay as they are."""
    if not source or _URL.match(source):
        return source
    return _DIRECTORY.sub("", source) or source


@router.get("/documents/{doc_id}", summary="One document with its entities, quotes, events and dates",
            responses={404: {"description": "unknown id"}})
async def document(s: Store, doc_id: str) -> dict[str, Any]:
    return document_data(s, _checked_id(doc_id))


def _checked_id(doc_id: str) -> str:
    if not re.fullmatch(ID_RE, doc_id):
        raise HTTPException(404, f"no document with id {doc_id!r}: ids are 4–64 hex digits")
    return doc_id


class NewDocument(BaseModel):
    """An article to annotate and store."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    text: str = Field(min_length=1, max_length=1_000_000, description="article text; the title may be its first line")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://\S+$")
    author: str | None = Field(None, max_length=500)


class Stored(BaseModel):
    id: str
    status: Literal["stored", "new-version", "unchanged"]
    entities: int
    quotes: int
    events: int
    dates: int
    url: str


class TokenFirst(APIRoute):
    """A route that checks the API token before anything else: FastAPI reads and validates the body
    before a handler (or its dependencies) runs, so without this a client with no token learnt how its
    body was wrong (422) instead of being refused (401/403)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked(request: Request) -> Response:
            backend(request).check_token(request.headers.get("authorization"))
            return await handler(request)

        return checked


def add_document(
    request: Request,
    body: NewDocument,
    authorization: Annotated[str | None, Header(max_length=500)] = None,
) -> Any:
    from marsad.ingest.plaintext import build_document
    from marsad.text import detect_language

    be = backend(request)
    be.check_token(authorization)
    doc = build_document(body.text, source="api", title=body.title, published=body.published, outlet=body.outlet,
                         url=body.url, author=body.author)
    if not doc.text.strip():
        raise HTTPException(422, "no article text left after cleaning")
    lang = detect_language(doc.text, sample=1000)
    if lang != "ar":
        raise HTTPException(422, f"no Arabic text (language looks like {lang!r}); marsad reads Arabic news")
    doc.language = lang
    status, ann = be.ingest(doc)
    out = Stored(id=ann.id, status=status, entities=len(ann.entities), quotes=len(ann.quotes),
                 events=len(ann.events), dates=len(ann.dates), url=f"/api/documents/{ann.id}")
    return JSONResponse(out.model_dump(), status_code=200 if status == "unchanged" else 201)


router.add_api_route(
    "/documents",
    add_document,
    methods=["POST"],
    status_code=201,
    response_model=Stored,
    summary="Annotate and store one article (needs the API token)",
    responses={401: {"description": "missing or wrong token"}, 403: {"description": "ingestion disabled"},
               413: {"description": "body too large"}},
    route_class_override=TokenFirst,
)


# -- entities ------------------------------------------------------------------------------------------------
def entities_data(request: Request, s: BaseStore, q: str | None, type: str | None, limit: int,
                  offset: int) -> dict[str, Any]:
    return paged(request, lambda n, o: cached(s, ("entities", q, type, n, o),
                                              lambda: Q.entities(s.conn, q=q, type=type, limit=n, offset=o)),
                 limit, offset)


@router.get("/entities", summary="Entities, most mentioned first; search by name with q")
async def entities(request: Request, s: Store, q: Text = None, type: EntityType | None = None, limit: Limit = 50,
             offset: Offset = 0) -> dict[str, Any]:
    return entities_data(request, s, q, type, limit, offset)


def entity_data(s: BaseStore, entity_id: str) -> dict[str, Any]:
    if not re.fullmatch(ENTITY_RE, entity_id):
        raise HTTPException(404, f"no entity with id {entity_id!r}")

    def profile() -> dict[str, Any] | None:
        e = Q.entity(s.conn, entity_id)
        if e is not None:
            e["aliases"] = Q.aliases(s.conn, entity_id, limit=20)
        return e

    e = cached(s, ("entity", entity_id), profile)
    if e is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    return e


@router.get("/entities/{entity_id}", summary="An entity's profile: record, counts, most used names",
            responses={404: {"description": "unknown id"}})
async def entity(s: Store, entity_id: str) -> dict[str, Any]:
    return entity_data(s, entity_id)


def _known(s: BaseStore, entity_id: str) -> str:
    if not re.fullmatch(ENTITY_RE, entity_id) or not s.conn.execute(
            "SELECT 1 FROM entities WHERE id=?", (entity_id,)).fetchone():
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    return entity_id


@router.get("/entities/{entity_id}/aliases", summary="Distinct mention texts of an entity",
            responses={404: {"description": "unknown id"}})
async def entity_aliases(request: Request, s: Store, entity_id: str, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    eid = _known(s, entity_id)
    return paged(request, lambda n, o: Q.aliases(s.conn, eid, limit=n, offset=o), limit, offset)


@router.get("/entities/{entity_id}/mentions", summary="Documents mentioning an entity, with context",
            responses={404: {"description": "unknown id"}})
async def entity_mentions(request: Request, s: Store, entity_id: str, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    eid = _known(s, entity_id)
    return paged(request, lambda n, o: Q.mentions(s.conn, eid, limit=n, offset=o), limit, offset)


@router.get("/entities/{entity_id}/quotes", summary="Quotes by an entity", responses={404: {"description": "unknown id"}})
async def entity_quotes(request: Request, s: Store, entity_id: str, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    eid = _known(s, entity_id)
    return paged(request, lambda n, o: Q.entity_quotes(s.conn, eid, limit=n, offset=o), limit, offset)


@router.get("/entities/{entity_id}/events", summary="Events an entity is actor, recipient or location of",
            responses={404: {"description": "unknown id"}})
async def entity_events(request: Request, s: Store, entity_id: str, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    eid = _known(s, entity_id)
    return paged(request, lambda n, o: Q.entity_events(s.conn, eid, limit=n, offset=o), limit, offset)


@router.get("/entities/{entity_id}/activity", summary="Mentions, quotes and events of an entity per day",
            responses={404: {"description": "unknown id"}})
async def entity_activity(s: Store, entity_id: str) -> dict[str, Any]:
    eid = _known(s, entity_id)
    return {"entity": eid, "days": activity_data(s, eid)}


def activity_data(s: BaseStore, entity_id: str) -> list[dict[str, Any]]:
    return cached(s, ("activity", entity_id), lambda: Q.entity_activity(s.conn, entity_id))


# -- quotes and events ---------------------------------------------------------------------------------------
def quotes_data(request: Request, s: BaseStore, speaker: str | None, cue_class: str | None,
                date_from: str | None, date_to: str | None, limit: int, offset: int) -> dict[str, Any]:
    return paged(request, lambda n, o: Q.quotes(s.conn, speaker=speaker, cue_class=cue_class, date_from=date_from,
                                                date_to=date_to, limit=n, offset=o),
                 limit, offset)


@router.get("/quotes", summary="Who said what: quotes, newest first")
async def quotes(request: Request, s: Store, speaker: Text = None, cue_class: CueClass | None = None,
           date_from: DateFrom = None, date_to: DateTo = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return quotes_data(request, s, speaker, cue_class, date_from, date_to, limit, offset)


def events_data(request: Request, s: BaseStore, type: str | None, actor: str | None, location: str | None,
                date_from: str | None, date_to: str | None, limit: int, offset: int) -> dict[str, Any]:
    return paged(request, lambda n, o: Q.events(s.conn, type=type, actor=actor, location=location,
                                                date_from=date_from, date_to=date_to,
                                                limit=n, offset=o),
                 limit, offset)


@router.get("/events", summary="Who did what to whom, where and when: events, newest first")
async def events(request: Request, s: Store, type: EventType | None = None, actor: Text = None, location: Text = None,
           date_from: DateFrom = None, date_to: DateTo = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return events_data(request, s, type, actor, location, date_from, date_to, limit, offset)


@router.get("/events.geojson", summary="Events with coordinates as a GeoJSON FeatureCollection",
            response_class=JSONResponse)
async def events_geojson(s: Store, type: EventType | None = None, actor: Text = None, location: Text = None,
                   date_from: DateFrom = None, date_to: DateTo = None, limit: Limit = 200,
                   offset: Offset = 0) -> JSONResponse:
    rows = Q.events(s.conn, type=type, actor=actor, location=location, date_from=date_from,
                    date_to=date_to, limit=limit, offset=offset)
    return JSONResponse(Q.events_geojson(rows), media_type="application/geo+json")


def places_data(request: Request, s: BaseStore, type: str | None, actor: str | None, date_from: str | None,
                date_to: str | None, limit: int, offset: int) -> dict[str, Any]:
    return paged(request, lambda n, o: all_places(s, type, actor, date_from, date_to)[o:o + n], limit, offset)


def all_places(s: BaseStore, type: str | None, actor: str | None, date_from: str | None,
               date_to: str | None) -> list[dict[str, Any]]:
    """Every event place for these filters, most events first (one grouped pass, cached)."""
    return cached(s, ("places", type, actor, date_from, date_to),
                  lambda: Q.event_places(s.conn, type=type, actor=actor, date_from=date_from,
                                         date_to=date_to, limit=100_000))


@router.get("/events/places", summary="Places with coordinates and their event counts (the map's data)")
async def event_places(request: Request, s: Store, type: EventType | None = None, actor: Text = None,
                 date_from: DateFrom = None, date_to: DateTo = None, limit: Limit = 200,
                 offset: Offset = 0) -> dict[str, Any]:
    return places_data(request, s, type, actor, date_from, date_to, limit, offset)


# -- cross-document analysis (marsad.corpus) -----------------------------------------------------------------
def corpus_page(request: Request, name: str, s: BaseStore, limit: int, offset: int, **kw: Any) -> dict[str, Any]:
    """One page of a `marsad.corpus` listing, or 503 with the reason when analysis is unavailable."""
    try:
        corpus.find(name)
        state = corpus.check_store(s)
        out = paged(request, lambda n, o: corpus.page(name, s, n, o, **kw), limit, offset)
    except corpus.CorpusUnavailable as exc:
        raise HTTPException(503, str(exc)) from None
    return out | corpus.state_fields(state)


_503 = {503: {"description": "cross-document analysis not available"}}


@router.get("/stories", summary="Stories: clusters of articles about one development", responses=_503)
async def stories(request: Request, s: Store, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    return corpus_page(request, "stories", s, limit, offset)


@router.get("/claims", summary="Claims: what was said, grouped across outlets", responses=_503)
async def claims(request: Request, s: Store, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    return corpus_page(request, "claims", s, limit, offset)


@router.get("/contradictions", summary="Pairs of quotes that contradict each other", responses=_503)
async def contradictions(request: Request, s: Store, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    return corpus_page(request, "contradictions", s, limit, offset, reasons=True)


@router.get("/stories/{story_id}", summary="One story with its articles in date order",
            responses={404: {"description": "unknown id"}, **_503})
async def story(s: Store, story_id: Annotated[int, FPath(ge=1, le=2**62)]) -> dict[str, Any]:
    return story_data(s, story_id)


def story_data(s: BaseStore, story_id: int) -> dict[str, Any]:
    try:
        corpus.check_store(s)
    except corpus.CorpusUnavailable as exc:
        raise HTTPException(503, str(exc)) from None
    st = Q.story(s.conn, story_id)
    if st is None:
        raise HTTPException(404, f"no story with id {story_id}")
    return st


def timeline_data(request: Request, s: BaseStore, entity: str, limit: int, offset: int) -> dict[str, Any]:
    """Everything dated about an entity across documents (marsad.corpus.timeline), oldest first."""
    try:
        corpus.find("timeline")
        return paged(request, lambda n, o: corpus.page("timeline", s, n, o, entity=entity), limit, offset) | {
            "entity": entity}
    except corpus.CorpusUnavailable as exc:
        raise HTTPException(503, str(exc)) from None


@router.get("/timeline", summary="What happened to and around an entity (id or name), oldest first",
            responses=_503)
async def timeline(request: Request, s: Store, entity: Annotated[str, Query(min_length=1, max_length=200)],
             limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return timeline_data(request, s, entity, limit, offset)


# -- watchlist alerts (marsad.alerts) ------------------------------------------------------------------------
AlertKind = Literal["event", "quote", "mention", "document", "contradiction"]


def alerts_data(request: Request, s: BaseStore, rule: int | None, kind: str | None, entity: str | None,
                date_from: str | None, date_to: str | None, limit: int, offset: int) -> dict[str, Any]:
    from marsad.store.queries import alerts as QA

    return paged(request, lambda n, o: QA.alerts(s.conn, rule_id=rule, kind=kind, entity=entity, date_from=date_from,
                                                 date_to=date_to, limit=n, offset=o),
                 limit, offset)


@router.get("/alerts", summary="Alerts raised by watchlist rules (`marsad alert`), newest first")
async def alerts(request: Request, s: Store, rule: Annotated[int | None, Query(ge=1, le=2**62, description="rule id")] = None,
                 kind: AlertKind | None = None, entity: Text = None, date_from: DateFrom = None,
                 date_to: DateTo = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return alerts_data(request, s, rule, kind, entity, date_from, date_to, limit, offset)


@router.get("/alerts/rules", summary="The watchlist rules (webhook addresses left out)")
async def alert_rules(s: Store, removed: bool = False) -> dict[str, Any]:
    from marsad.store.queries import alerts as QA

    return {"items": [{k: v for k, v in r.items() if k != "webhook"} | {"webhook": bool(r.get("webhook"))}
                      for r in QA.alert_rules(s.conn, active_only=not removed)]}
