"""The Arabic web interface: server-rendered, right-to-left pages over the same data functions as the API.

Pages work without JavaScript (charts and the map are SVG drawn here); `static/app.js` only adds zooming,
panning and hover details. Each page links to its JSON twin under `/api`. Form fields arrive as strings
(an empty select means "any"), so pages normalise them and show a notice for a bad value instead of
refusing the whole page the way the strict API does.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as FPath
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from marsad.api import geo
from marsad.api import routes as R
from marsad.api.highlight import CUE_LABELS, ENTITY_LABELS, EVENT_LABELS, highlight
from marsad.api.reasons_ar import reason_ar
from marsad.store import Store
from marsad.store import queries as Q

router = APIRouter(include_in_schema=False)
PER_PAGE = 20
WEB = Path(__file__).resolve().parent.parent / "web"  # the templates and static files

# Bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069) in a stored title or text would reorder
# the page around them (an unclosed override runs on into the next field); every value a template prints
# is written without them. The marks Arabic text uses (U+200E/F, U+061C) are kept.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return Markup(str.translate(value, _BIDI_CONTROLS))
    if isinstance(value, str):
        return value.translate(_BIDI_CONTROLS)
    return value


env = Environment(loader=FileSystemLoader(WEB / "templates"), autoescape=select_autoescape(["html", "svg"]),
                  trim_blocks=True, lstrip_blocks=True, finalize=_finalize)
Field = Annotated[str, Query(max_length=200)]
PageNo = Annotated[int, Query(ge=1, le=5000)]


def _marked(text: str, spans: list[tuple[int, int]] | list[list[int]]) -> Markup:
    """A search snippet with its hits in <mark>, every piece escaped."""
    out, pos = [], 0
    for s, e in spans:
        out += [str(escape(text[pos:s])), "<mark>", str(escape(text[s:e])), "</mark>"]
        pos = e
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _num(n: int | float | None) -> str:
    return "" if n is None else f"{n:,}".replace(",", "٬")


def _weblink(url: str | None) -> str | None:
    """`url` when it is an http(s) address, else None: a stored `javascript:` or `data:` URL must never
    become a link (the Content-Security-Policy would stop it, but a page should not rely on that)."""
    return url if url and _WEB_URL.match(url.strip()) else None


_WEB_URL = re.compile(r"^https?://[^\s]+$", re.I)

env.filters["marked"] = _marked
env.filters["num"] = _num
env.filters["weblink"] = _weblink
env.filters["reason_ar"] = reason_ar
env.globals.update(CUE_LABELS=CUE_LABELS, ENTITY_LABELS=ENTITY_LABELS, EVENT_LABELS=EVENT_LABELS,
                   PLOVER=R.EventType.__args__, CUES=R.CueClass.__args__, ETYPES=R.EntityType.__args__)


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    """A template as an HTML response; `json_url` in the context becomes the page's "JSON" link."""
    html = env.get_template(name).render(request=request, path=request.url.path, **ctx)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {400: "طلب غير صالح", 401: "غير مصرح", 403: "ممنوع", 404: "غير موجود", 405: "طريقة غير مسموحة",
              413: "الطلب كبير جداً", 414: "الرابط طويل جداً", 422: "مدخلات غير صالحة", 500: "خطأ في الخادم",
              503: "غير متاح حالياً"}
    return render(request, "error.html", status=status, title=titles.get(status, "خطأ"), status_code=status,
                  message=message)


def _store(request: Request) -> Store:
    return R.store(request)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _date(value: str | None, notices: list[str], label: str) -> str | None:
    v = _clean(value)
    if v and not re.fullmatch(R.DATE_RE, v):
        notices.append(f"تجاهلنا قيمة «{label}» غير الصالحة: {v} (استخدم الصيغة YYYY-MM-DD)")
        return None
    return v


def _choice(value: str | None, allowed: tuple[str, ...], notices: list[str], label: str) -> str | None:
    v = _clean(value)
    if v and v not in allowed:
        notices.append(f"تجاهلنا قيمة «{label}» غير المعروفة: {v}")
        return None
    return v


def _pages(request: Request, page: int, data: Mapping[str, Any]) -> dict[str, Any]:
    """Previous/next links for a page of results (the API's `next` says whether there is more)."""
    params = {k: v for k, v in request.query_params.items() if k != "page" and v}

    def link(p: int) -> str:
        return f"{request.url.path}?{urlencode(params | {'page': str(p)})}"

    return {"page": page, "prev": link(page - 1) if page > 1 else None,
            "next": link(page + 1) if data.get("next") else None}


def _api(path: str, **params: Any) -> str:
    q = {k: v for k, v in params.items() if v not in (None, "")}
    return f"/api{path}" + (f"?{urlencode(q)}" if q else "")


# -- pages ---------------------------------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    s = _store(request)
    return render(request, "home.html", title="مرصد", stats=R.cached(s, "stats", lambda: Q.stats(s.conn)),
                  outlets=R.cached(s, ("outlets", 10), lambda: Q.outlets(s.conn, 10)),
                  latest=Q.documents(s.conn, limit=8),
                  top=R.cached(s, ("entities", None, None, 16, 0), lambda: Q.entities(s.conn, limit=16)),
                  json_url="/api/stats")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "", outlet: Field = "",
                date_from: Annotated[str, Query(alias="from", max_length=20)] = "",
                date_to: Annotated[str, Query(alias="to", max_length=20)] = "", page: PageNo = 1) -> Response:
    s = _store(request)
    notices: list[str] = []
    f, t, o = _date(date_from, notices, "من"), _date(date_to, notices, "إلى"), _clean(outlet)
    ctx: dict[str, Any] = {"q": q.strip(), "outlet": o, "date_from": f, "date_to": t, "outlets": R.cached(s, ("outlets", 200), lambda: Q.outlets(s.conn)),
                           "notices": notices, "title": f"بحث: {q}" if q.strip() else "البحث"}
    status = 200
    if q.strip():
        ctx["json_url"] = _api("/search", q=q.strip(), outlet=o, **{"from": f, "to": t})
        try:
            data = R.backend(request).searches.call(
                lambda st: R.search_data(request, st, q.strip(), o, f, t, PER_PAGE, (page - 1) * PER_PAGE))
            ctx |= {"hits": data["items"], "pager": _pages(request, page, data)}
        except HTTPException as exc:
            ctx["error"] = exc.detail
            status = exc.status_code
    return render(request, "search.html", status=status, **ctx)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, outlet: Field = "", date_from: Annotated[str, Query(alias="from", max_length=20)] = "",
                   date_to: Annotated[str, Query(alias="to", max_length=20)] = "", page: PageNo = 1) -> Response:
    s = _store(request)
    notices: list[str] = []
    f, t, o = _date(date_from, notices, "من"), _date(date_to, notices, "إلى"), _clean(outlet)
    data = R.documents_data(request, s, o, f, t, PER_PAGE, (page - 1) * PER_PAGE)
    return render(request, "documents.html", title="الوثائق", docs=data["items"], pager=_pages(request, page, data),
                  outlets=R.cached(s, ("outlets", 200), lambda: Q.outlets(s.conn)), outlet=o, date_from=f, date_to=t, notices=notices,
                  json_url=_api("/documents", outlet=o, **{"from": f, "to": t}))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> Response:
    s = _store(request)
    doc = R.document_data(s, R._checked_id(doc_id))
    text = doc["document"]["text"]
    names = {e["id"]: e for e in doc["entities"]}
    by_type: dict[str, list[dict[str, Any]]] = {}
    for e in sorted(doc["entities"], key=lambda e: -len(e["mentions"])):
        by_type.setdefault(e["type"], []).append(e)
    return render(request, "document.html", title=doc["document"]["title"] or doc["id"], doc=doc,
                  body=highlight(text, doc), names=names, by_type=by_type,
                  json_url=f"/api/documents/{doc['id']}")


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, q: Field = "", type: Annotated[str, Query(max_length=10)] = "",
                  page: PageNo = 1) -> Response:
    s = _store(request)
    notices: list[str] = []
    t = _choice(type, R.EntityType.__args__, notices, "النوع")
    data = R.entities_data(request, s, _clean(q), t, 40, (page - 1) * 40)
    return render(request, "entities.html", title="الكيانات", ents=data["items"], q=_clean(q), type=t,
                  notices=notices, pager=_pages(request, page, data), json_url=_api("/entities", q=_clean(q), type=t))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> Response:
    s = _store(request)
    e = R.entity_data(s, entity_id)
    days = R.activity_data(s, entity_id)
    return render(
        request, "entity.html", title=e["name"], e=e, chart=timeline_chart(days),
        quotes=Q.entity_quotes(s.conn, entity_id, limit=10), events=Q.entity_events(s.conn, entity_id, limit=10),
        mentions=Q.mentions(s.conn, entity_id, limit=10), json_url=f"/api/entities/{entity_id}",
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, speaker: Field = "", cue_class: Annotated[str, Query(max_length=20)] = "",
                date_from: Annotated[str, Query(alias="from", max_length=20)] = "",
                date_to: Annotated[str, Query(alias="to", max_length=20)] = "", page: PageNo = 1) -> Response:
    s = _store(request)
    notices: list[str] = []
    f, t = _date(date_from, notices, "من"), _date(date_to, notices, "إلى")
    c = _choice(cue_class, R.CueClass.__args__, notices, "نوع القول")
    data = R.quotes_data(request, s, _clean(speaker), c, f, t, PER_PAGE, (page - 1) * PER_PAGE)
    return render(request, "quotes.html", title="الاقتباسات", quotes=data["items"], speaker=_clean(speaker),
                  cue_class=c, date_from=f, date_to=t, notices=notices, pager=_pages(request, page, data),
                  json_url=_api("/quotes", speaker=_clean(speaker), cue_class=c, **{"from": f, "to": t}))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, type: Annotated[str, Query(max_length=20)] = "", actor: Field = "",
                location: Field = "", date_from: Annotated[str, Query(alias="from", max_length=20)] = "",
                date_to: Annotated[str, Query(alias="to", max_length=20)] = "", page: PageNo = 1) -> Response:
    s = _store(request)
    notices: list[str] = []
    f, t = _date(date_from, notices, "من"), _date(date_to, notices, "إلى")
    ty = _choice(type.upper() if type else type, R.EventType.__args__, notices, "النوع")
    data = R.events_data(request, s, ty, _clean(actor), _clean(location), f, t, PER_PAGE, (page - 1) * PER_PAGE)
    return render(request, "events.html", title="الأحداث", events=data["items"], type=ty, actor=_clean(actor),
                  location=_clean(location), date_from=f, date_to=t, notices=notices,
                  pager=_pages(request, page, data),
                  json_url=_api("/events", type=ty, actor=_clean(actor), location=_clean(location),
                                **{"from": f, "to": t}))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, view: Annotated[str, Query(max_length=20)] = "middle-east",
             type: Annotated[str, Query(max_length=20)] = "", date_from: Annotated[str, Query(alias="from", max_length=20)] = "",
             date_to: Annotated[str, Query(alias="to", max_length=20)] = "") -> Response:
    s = _store(request)
    notices: list[str] = []
    f, t = _date(date_from, notices, "من"), _date(date_to, notices, "إلى")
    ty = _choice(type.upper() if type else type, R.EventType.__args__, notices, "النوع")
    v = geo.VIEWS.get(view) or geo.VIEWS["middle-east"]
    places = R.all_places(s, ty, None, f, t)[:200]
    w, h = v.size
    return render(
        request, "map.html", title="خريطة الأحداث", view=view if view in geo.VIEWS else "middle-east", views=geo.VIEWS,
        width=w, height=h, countries=geo.country_paths(v), grid=geo.graticule(v), points=geo.points(v, places),
        places=places[:30], type=ty, date_from=f, date_to=t, notices=notices,
        json_url=_api("/events/places", type=ty, **{"from": f, "to": t}),
    )


def _corpus_page(request: Request, name: str, template: str, title: str, page: int, *,
                 reasons: bool = False, **ctx: Any) -> Response:
    kw = {"reasons": True} if reasons else {}
    s = _store(request)
    try:
        data = R.corpus_page(request, name, s, PER_PAGE, (page - 1) * PER_PAGE, **kw)
    except HTTPException as exc:
        return render(request, "unavailable.html", status=exc.status_code, title=title, message=exc.detail,
                      json_url=f"/api/{name}")
    return render(request, template, title=title, items=data["items"], pager=_pages(request, page, data),
                  note=data.get("note"), analysis=data.get("analysis"), json_url=f"/api/{name}", **ctx)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, page: PageNo = 1) -> Response:
    return _corpus_page(request, "stories", "stories.html", "القصص", page)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: Annotated[int, FPath(ge=1, le=2**62)]) -> Response:
    s = _store(request)
    try:
        st = R.story_data(s, story_id)
    except HTTPException as exc:
        if exc.status_code != 503:
            raise
        return render(request, "unavailable.html", status=503, title="القصة", message=exc.detail)
    return render(request, "story.html", title=st["title"] or f"القصة {story_id}", st=st,
                  json_url=f"/api/stories/{story_id}")


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, page: PageNo = 1) -> Response:
    return _corpus_page(request, "claims", "claims.html", "الادعاءات", page)


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions_page(request: Request, page: PageNo = 1) -> Response:
    return _corpus_page(request, "contradictions", "contradictions.html", "التناقضات", page, reasons=True)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, entity: Field = "", page: PageNo = 1) -> Response:
    s = _store(request)
    eid = _clean(entity)
    if not eid:
        return render(request, "timeline.html", title="الخط الزمني", entity=None, items=None)
    try:
        data = R.timeline_data(request, s, eid, 50, (page - 1) * 50)
    except HTTPException as exc:
        return render(request, "unavailable.html", status=exc.status_code, title="الخط الزمني", message=exc.detail,
                      json_url=_api("/timeline", entity=eid))
    ent = Q.entity(s.conn, eid) if re.fullmatch(R.ENTITY_RE, eid) else None
    return render(request, "timeline.html", title="الخط الزمني", entity=ent or {"id": None, "name": eid},
                  items=data["items"], pager=_pages(request, page, data), json_url=_api("/timeline", entity=eid))


def api_docs(request: Request, schema: dict[str, Any]) -> HTMLResponse:
    """A plain list of the API's endpoints, for installations without the Swagger UI files."""
    ops = [
        {"method": m.upper(), "path": p, "summary": op.get("summary", ""),
         "params": [x["name"] for x in op.get("parameters", [])]}
        for p, item in schema.get("paths", {}).items() for m, op in item.items()
    ]
    return render(request, "api_docs.html", title="واجهة البرمجة", ops=ops, json_url="/openapi.json")


# -- the entity timeline chart -------------------------------------------------------------------------------
SERIES = (("mentions", "الإشارات"), ("quotes", "الاقتباسات"), ("events", "الأحداث"))


def timeline_chart(days: list[dict[str, Any]], width: int = 720, height: int = 220) -> dict[str, Any]:
    """Stacked bars of mentions, quotes and events per period, as SVG geometry for the template.

    Periods are days, months or years depending on the span, with empty periods kept so gaps show.
    Time runs right to left, as the page reads; the chart states this under its axis.
    """
    if not days:
        return {"bars": [], "width": width, "height": height, "ticks": [], "unit": None, "max": 0}
    first, last = days[0]["date"], days[-1]["date"]
    try:
        d0, d1 = dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
        span = (d1 - d0).days
    except ValueError:
        span = 10_000
    unit = "day" if span <= 62 else "month" if span <= 366 * 4 else "year"
    key = {"day": lambda d: d[:10], "month": lambda d: d[:7], "year": lambda d: d[:4]}[unit]
    buckets: dict[str, dict[str, int]] = {}
    for d in days:
        b = buckets.setdefault(key(d["date"]), {"mentions": 0, "quotes": 0, "events": 0})
        for k, _ in SERIES:
            b[k] += d[k]
    labels = _periods(min(buckets), max(buckets), unit) if span < 10_000 else sorted(buckets)
    labels = [lb for lb in labels if lb in buckets or len(labels) <= 400]
    top = max(sum(b.values()) for b in buckets.values()) or 1
    pad_top, pad_bottom, pad_side = 12, 28, 40
    plot_h = height - pad_top - pad_bottom
    slot = (width - 2 * pad_side) / max(1, len(labels))
    bar_w = max(1.0, min(28.0, slot * 0.7))
    bars, ticks = [], []
    every = max(1, math.ceil(len(labels) / 8))
    for i, label in enumerate(labels):
        b = buckets.get(label, {"mentions": 0, "quotes": 0, "events": 0})
        # right to left: the first period sits at the right edge
        x = width - pad_side - (i + 0.5) * slot - bar_w / 2
        y = pad_top + plot_h
        parts = []
        for k, name in SERIES:
            hgt = plot_h * b[k] / top
            if hgt > 0:
                y -= hgt
                parts.append({"series": k, "name": name, "y": round(y, 1), "h": round(hgt, 1), "n": b[k]})
        bars.append({"label": label, "x": round(x, 1), "w": round(bar_w, 1), "parts": parts,
                     "total": sum(b.values()), "counts": b})
        if i % every == 0:
            ticks.append({"x": round(x + bar_w / 2, 1), "label": label})
    grid = [{"y": round(pad_top + plot_h * (1 - f), 1), "label": _num(round(top * f))} for f in (0, 0.5, 1)]
    return {"bars": bars, "width": width, "height": height, "ticks": ticks, "unit": unit, "max": top, "grid": grid,
            "base": pad_top + plot_h, "left": pad_side, "right": width - pad_side, "series": SERIES}


def _periods(lo: str, hi: str, unit: str) -> list[str]:
    """Every period label from `lo` to `hi` inclusive (at most 400, beyond which gaps are not drawn)."""
    out: list[str] = []
    if unit == "day":
        d, end = dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
        while d <= end and len(out) <= 400:
            out.append(d.isoformat())
            d += dt.timedelta(days=1)
    elif unit == "month":
        y, m = int(lo[:4]), int(lo[5:7])
        while f"{y:04d}-{m:02d}" <= hi and len(out) <= 400:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        out = [str(y) for y in range(int(lo), int(hi) + 1)][:401]
    return out


# -- watchlist alerts ----------------------------------------------------------------------------------------
ALERT_KINDS = {"event": "حدث", "quote": "اقتباس", "mention": "إشارة", "document": "وثيقة مطابقة",
               "contradiction": "تناقض"}
RULE_KINDS = {"entity": "كيان", "event": "أحداث", "query": "بحث نصي", "contradiction": "تناقضات"}


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, rule: Annotated[str, Query(max_length=20)] = "",
                kind: Annotated[str, Query(max_length=20)] = "", entity: Field = "",
                date_from: Annotated[str, Query(alias="from", max_length=20)] = "",
                date_to: Annotated[str, Query(alias="to", max_length=20)] = "", page: PageNo = 1) -> Response:
    from marsad.store.queries import alerts as QA

    s = _store(request)
    notices: list[str] = []
    f, t = _date(date_from, notices, "من"), _date(date_to, notices, "إلى")
    k = _choice(kind, tuple(ALERT_KINDS), notices, "النوع")
    rid = _clean(rule)
    if rid and not (rid.isdigit() and 0 < int(rid) < 2**62):
        notices.append(f"تجاهلنا رقم القاعدة غير الصالح: {rid}")
        rid = None
    data = R.alerts_data(request, s, int(rid) if rid else None, k, _clean(entity), f, t, PER_PAGE,
                         (page - 1) * PER_PAGE)
    return render(request, "alerts.html", title="التنبيهات", alerts=data["items"], rules=QA.alert_rules(s.conn),
                  rule=int(rid) if rid else None, kind=k, entity=_clean(entity), date_from=f, date_to=t,
                  notices=notices, pager=_pages(request, page, data), ALERT_KINDS=ALERT_KINDS, RULE_KINDS=RULE_KINDS,
                  json_url=_api("/alerts", rule=rid, kind=k, entity=_clean(entity), **{"from": f, "to": t}))
