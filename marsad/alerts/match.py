"""Matching watchlist rules against newly stored documents and new contradiction pairs.

`evaluate(store, doc_ids)` is what `marsad watch` calls after each round and `marsad alert check` after an
ingest. Every active rule is tried against the documents given (set queries over their rows, a chunk of
rows at a time, so a round costs index probes, not a pass over the store), and contradiction rules also
against the pairs the cross-document pass made since the rule was created. Each match is an alert keyed
by its evidence (`event:DOC:IDX`, `quote:DOC:IDX`, `mention:DOC`, `doc:DOC`, `pair:DOC:IDX:DOC:IDX`);
`alerts` holds that key unique per rule, so however often a document or pair is evaluated, its alert
is raised once, and only the alerts inserted by this call are returned.

What an entity rule reports for a document: each event involving the entity (actor, recipient or place)
and each quote it gives or is named in; a document that mentions it without either gives one `mention`
alert. An `event` rule (`--type`/`--place`) reports matching events only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.alerts.rules import active_rules, checkpoint, now, set_checkpoint
from marsad.alerts.webhook import Alert
from marsad.store.dialect import dialect_of
from marsad.store.queries.alerts import alerts_by_id, matching_documents
from marsad.store.queries.common import IN_CHUNK, has_table

CONTEXT = 80  # characters either side of a mention in its evidence
MAX_TEXT = 600  # longest text span an evidence record carries


@dataclass(frozen=True, slots=True)
class Doc:
    rowid: int
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


@dataclass(slots=True)
class Match:
    rule_id: int
    key: str
    kind: str
    doc: Doc | None
    summary: str
    evidence: dict[str, Any]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _docs(conn: Any, doc_ids: Sequence[str]) -> list[Doc]:
    ids = sorted(set(doc_ids))
    out: list[Doc] = []
    for k in range(0, len(ids), IN_CHUNK):
        chunk = ids[k:k + IN_CHUNK]
        out += [Doc(r[0], r[1], r[2], r[3], r[4], r[5]) for r in conn.execute(
            f"SELECT rowid, id, title, published, outlet, url FROM documents WHERE id IN ({_marks(len(chunk))})",
            chunk)]
    return sorted(out, key=lambda d: d.rowid)


def _doc_ref(d: Doc) -> dict[str, Any]:
    return {"document": d.id, "title": d.title, "outlet": d.outlet, "published": d.published, "url": d.url}


def _cut(text: str | None) -> str:
    text = (text or "").replace("\n", " ").strip()
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"


class _Names:
    """Canonical names of entity ids, read once per id."""

    def __init__(self, conn: Any) -> None:
        self.conn, self.cache = conn, {}

    def __call__(self, eid: str | None) -> dict[str, Any] | None:
        if not eid:
            return None
        if eid not in self.cache:
            r = self.conn.execute("SELECT name FROM entities WHERE id=?", (eid,)).fetchone()
            self.cache[eid] = r[0] if r else None
        return {"id": eid, "name": self.cache[eid]}


# -- entity and event rules ---------------------------------------------------------------------------------
def _events(conn: Any, rule: dict[str, Any], docs: list[Doc], names: _Names) -> list[Match]:
    by_row = {d.rowid: d for d in docs}
    where, params = [f"v.doc_rowid IN ({_marks(len(docs))})"], [d.rowid for d in docs]
    if rule["entity"]:
        where.append(f"(v.doc_rowid, v.idx) IN (SELECT doc_rowid, idx FROM event_entities"
                     f" WHERE entity_id IN ({_marks(len(rule['entity']))}))")
        params += rule["entity"]
    if rule["event_type"]:
        where.append("v.type=?")
        params.append(rule["event_type"])
    if rule["place"]:
        where.append(f"v.location IN ({_marks(len(rule['place']))})")
        params += rule["place"]
    rows = conn.execute(
        "SELECT v.doc_rowid, v.idx, v.type, v.actor, v.recipient, v.location, v.date, v.trigger_text,"
        " v.trigger_start, v.trigger_end, v.sentence_start, v.sentence_end, v.negated, v.hypothetical, v.future,"
        " v.dead, v.injured, CASE WHEN v.sentence_end IS NOT NULL THEN substr(d.text, v.sentence_start + 1,"
        " v.sentence_end - v.sentence_start) END FROM events v JOIN documents d ON d.rowid=v.doc_rowid"
        f" WHERE {' AND '.join(where)} ORDER BY v.doc_rowid, v.idx", params).fetchall()
    out = []
    for r in rows:
        d = by_row[r[0]]
        actors = [names(a) for a in (r[3] or "").split("|") if a]
        targets = [names(a) for a in (r[4] or "").split("|") if a]
        ev = _doc_ref(d) | {
            "type": "event", "idx": r[1], "event_type": r[2], "actor": actors, "recipient": targets,
            "location": names(r[5]), "date": r[6], "trigger": {"text": r[7], "start": r[8], "end": r[9]},
            "text": _cut(r[17]), "start": r[10], "end": r[11], "negated": bool(r[12]),
            "hypothetical": bool(r[13]), "future": bool(r[14]), "dead": r[15], "injured": r[16],
        }
        who = "، ".join(x["name"] or x["id"] for x in actors) or "?"
        whom = "، ".join(x["name"] or x["id"] for x in targets)
        where_ = (ev["location"] or {}).get("name")
        summary = f"{r[2]} event: {who}{' → ' + whom if whom else ''}{' @ ' + where_ if where_ else ''}"
        out.append(Match(rule["id"], f"event:{d.id}:{r[1]}", "event", d, f"{summary}: «{_cut(r[17])[:200]}»", ev))
    return out


def _quotes(conn: Any, rule: dict[str, Any], docs: list[Doc], names: _Names) -> list[Match]:
    by_row = {d.rowid: d for d in docs}
    ids = rule["entity"]
    rows = conn.execute(
        "SELECT q.doc_rowid, q.idx, q.speaker_entity, q.speaker_text, q.cue_class, q.cue_text, q.content,"
        " q.content_start, q.content_end, q.date, q.direct FROM quotes q"
        f" WHERE q.doc_rowid IN ({_marks(len(docs))}) AND (q.speaker_entity IN ({_marks(len(ids))}) OR EXISTS"
        f" (SELECT 1 FROM mentions m WHERE m.doc_rowid=q.doc_rowid AND m.entity_id IN ({_marks(len(ids))})"
        ' AND m.start>=q.content_start AND m."end"<=q.content_end)) ORDER BY q.doc_rowid, q.idx',
        [*(d.rowid for d in docs), *ids, *ids]).fetchall()
    out = []
    for r in rows:
        d = by_row[r[0]]
        speaker = names(r[2]) or {"id": None, "name": None}
        who = speaker["name"] or r[3] or "?"
        role = "speaker" if r[2] in ids else "mentioned"
        ev = _doc_ref(d) | {
            "type": "quote", "idx": r[1], "role": role, "speaker": speaker | {"text": r[3]},
            "cue": {"class": r[4], "text": r[5]}, "text": _cut(r[6]), "start": r[7], "end": r[8], "date": r[9],
            "direct": bool(r[10]),
        }
        out.append(Match(rule["id"], f"quote:{d.id}:{r[1]}", "quote", d,
                         f"quote by {who} ({r[4]}): «{_cut(r[6])[:200]}»", ev))
    return out


def _mentions(conn: Any, rule: dict[str, Any], docs: list[Doc]) -> list[Match]:
    if not docs:
        return []
    by_row = {d.rowid: d for d in docs}
    ids = rule["entity"]
    rows = conn.execute(
        'SELECT m.doc_rowid, m.entity_id, m.start, m."end", m.text FROM mentions m'
        f" WHERE m.doc_rowid IN ({_marks(len(docs))}) AND m.entity_id IN ({_marks(len(ids))})"
        " ORDER BY m.doc_rowid, m.start", [*(d.rowid for d in docs), *ids]).fetchall()
    first: dict[int, Any] = {}
    count: dict[int, int] = {}
    for r in rows:
        first.setdefault(r[0], r)
        count[r[0]] = count.get(r[0], 0) + 1
    out = []
    for rowid, r in first.items():
        d = by_row[rowid]
        text = conn.execute("SELECT substr(text, ?, ?) FROM documents WHERE rowid=?",
                            (max(1, r[2] + 1 - CONTEXT), r[3] - max(0, r[2] - CONTEXT) + CONTEXT, rowid)).fetchone()[0]
        ev = _doc_ref(d) | {"type": "mention", "entity": r[1], "text": r[4], "start": r[2], "end": r[3],
                            "mentions": count[rowid], "context": _cut(text)}
        title = d.title or d.id
        out.append(Match(rule["id"], f"mention:{d.id}", "mention", d,
                         f"{r[4]} mentioned {count[rowid]}× in «{_cut(title)[:200]}»", ev))
    return out


def _entity_matches(conn: Any, rule: dict[str, Any], docs: list[Doc], names: _Names) -> list[Match]:
    if rule["kind"] == "event":
        return _events(conn, rule, docs, names)
    found = _events(conn, rule, docs, names) + _quotes(conn, rule, docs, names)
    seen = {m.doc.rowid for m in found if m.doc}
    return found + _mentions(conn, rule, [d for d in docs if d.rowid not in seen])


# -- query rules -------------------------------------------------------------------------------------------
def _query_matches(conn: Any, rule: dict[str, Any], docs: list[Doc]) -> list[Match]:
    from marsad.store.search import Highlighter, SearchSyntaxError, to_fts_query

    try:
        hit = matching_documents(conn, rule["query"], [d.rowid for d in docs])
        terms = to_fts_query(rule["query"])[1]
    except SearchSyntaxError:
        return []  # checked when the rule was made; a store's engine may still refuse it: nothing matches
    hl = Highlighter.for_terms(terms)
    out = []
    for d in docs:
        if d.rowid not in hit:
            continue
        text = conn.execute("SELECT text FROM documents WHERE rowid=?", (d.rowid,)).fetchone()[0]
        snip = hl.snippet(text)
        ev = _doc_ref(d) | {"type": "document", "query": rule["query"], "text": snip.text,
                            "highlights": [list(h) for h in snip.highlights]}
        out.append(Match(rule["id"], f"doc:{d.id}", "document", d,
                         f"«{rule['query']}» matches «{_cut(d.title or snip.text)[:200]}»", ev))
    return out


# -- contradiction rules -----------------------------------------------------------------------------------
_PAIR_SIDE = ("q{s}.idx, q{s}.speaker_entity, q{s}.speaker_text, q{s}.content, q{s}.content_start, q{s}.content_end,"
              " d{s}.rowid, d{s}.id, d{s}.title, d{s}.published, d{s}.outlet, d{s}.url")


def _involves(side: str, n: int) -> str:
    return (f"q{side}.speaker_entity IN ({_marks(n)}) OR EXISTS (SELECT 1 FROM mentions m WHERE"
            f" m.doc_rowid=q{side}.doc_rowid AND m.entity_id IN ({_marks(n)}) AND m.start>=q{side}.content_start"
            f' AND m."end"<=q{side}.content_end)')


def _contradictions(conn: Any, rule: dict[str, Any], docs: list[Doc], names: _Names) -> list[Match]:
    """Pairs labelled `disagree` that involve the rule's entity (as a speaker, or named in either quote)
    and touch one of `docs`, or, with no `docs`, were made since the rule was (a pair is made in the
    analysis run of its later document: `corpus_docs.analysed_at`)."""
    if not has_table(conn, "claim_pairs"):
        return []
    ids = rule["entity"]
    if docs:
        scope = f"(cp.a_doc IN ({_marks(len(docs))}) OR cp.b_doc IN ({_marks(len(docs))}))"
        sparams: list[Any] = [d.rowid for d in docs] * 2
    else:
        scope = "EXISTS (SELECT 1 FROM corpus_docs c WHERE c.doc_rowid IN (cp.a_doc, cp.b_doc) AND c.analysed_at>=?)"
        sparams = [rule["created_at"]]
    rows = conn.execute(
        f"SELECT cp.confidence, cp.reason, {_PAIR_SIDE.format(s='a')}, {_PAIR_SIDE.format(s='b')} FROM claim_pairs cp"
        " JOIN quotes qa ON qa.doc_rowid=cp.a_doc AND qa.idx=cp.a_idx JOIN quotes qb ON qb.doc_rowid=cp.b_doc"
        " AND qb.idx=cp.b_idx JOIN documents da ON da.rowid=cp.a_doc JOIN documents db ON db.rowid=cp.b_doc"
        f" WHERE cp.label='disagree' AND {scope} AND ({_involves('a', len(ids))} OR {_involves('b', len(ids))})"
        " ORDER BY cp.a_doc, cp.a_idx, cp.b_doc, cp.b_idx", [*sparams, *ids, *ids, *ids, *ids]).fetchall()
    out = []
    for r in rows:
        a, b = _pair_side(r, 2, names), _pair_side(r, 14, names)
        doc = Doc(r[20], r[21], r[22], r[23], r[24], r[25])
        ev = {"type": "contradiction", "document": doc.id, "confidence": round(float(r[0]), 4), "reason": r[1],
              "a": a, "b": b}
        summary = (f"contradiction: {a['speaker']['name'] or a['speaker']['text'] or '?'} «{a['text'][:120]}» ≠ "
                   f"{b['speaker']['name'] or b['speaker']['text'] or '?'} «{b['text'][:120]}»")
        out.append(Match(rule["id"], f"pair:{a['document']}:{a['idx']}:{b['document']}:{b['idx']}",
                         "contradiction", doc, summary, ev))
    return out


def _pair_side(r: Any, k: int, names: _Names) -> dict[str, Any]:
    speaker = names(r[k + 1]) or {"id": None, "name": None}
    return {"document": r[k + 7], "title": r[k + 8], "published": r[k + 9], "outlet": r[k + 10], "url": r[k + 11],
            "idx": r[k], "speaker": speaker | {"text": r[k + 2]}, "text": _cut(r[k + 3]), "start": r[k + 4],
            "end": r[k + 5]}


# -- evaluation --------------------------------------------------------------------------------------------
def _matches(conn: Any, rules: list[dict[str, Any]], docs: list[Doc]) -> list[Match]:
    names = _Names(conn)
    found: list[Match] = []
    for rule in rules:
        if rule["kind"] == "contradiction":
            found += _contradictions(conn, rule, [], names)  # pairs made since the rule was
        for k in range(0, len(docs), IN_CHUNK):
            chunk = docs[k:k + IN_CHUNK]
            if rule["kind"] in ("entity", "event"):
                found += _entity_matches(conn, rule, chunk, names)
            elif rule["kind"] == "query":
                found += _query_matches(conn, rule, chunk)
            elif rule["kind"] == "contradiction":
                found += _contradictions(conn, rule, chunk, names)
    return found


def _insert(conn: Any, found: Iterable[Match]) -> list[int]:
    """Insert the matches not raised before; returns the ids of the new alerts."""
    created = now()
    new: list[int] = []
    seen: set[tuple[int, str]] = set()
    for m in found:
        if (m.rule_id, m.key) in seen:
            continue
        seen.add((m.rule_id, m.key))
        row = conn.execute(
            "INSERT INTO alerts (rule_id, evidence_key, kind, created_at, doc_id, published, summary, evidence)"
            " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING id",
            (m.rule_id, m.key, m.kind, created, m.doc.id if m.doc else None, m.doc.published if m.doc else None,
             m.summary, json.dumps(m.evidence, ensure_ascii=False)),
        ).fetchone()
        if row is not None:
            new.append(int(row[0]))
    return new


def evaluate(store: Any, doc_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Evaluate every active rule against the documents `doc_ids` (ids of newly stored documents) and
    the contradiction pairs made since each rule was; store the new alerts and return them, oldest
    first, as dicts (`id, rule_id, kind, created_at, doc_id, published, summary, evidence, …`).

    Each returned alert also carries, as attributes outside the dict, its rule's webhook and the store
    it was raised in, which is all `deliver(alerts)` needs."""
    return _evaluate(store, doc_ids)


def _evaluate(store: Any, doc_ids: Sequence[str], mark: int | None = None) -> list[dict[str, Any]]:
    conn = store.conn
    if not has_table(conn, "alert_rules"):
        return []
    store.commit()
    rules = active_rules(conn)
    if not rules and mark is None:
        return []
    docs = _docs(conn, doc_ids)
    found = _matches(conn, rules, docs)
    dialect_of(conn).begin_write(conn, "alerts")
    try:
        new = _insert(conn, found)
        if mark is not None:
            set_checkpoint(conn, mark)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    hooks = {r["id"]: r.get("webhook") for r in rules}
    return [Alert(a, webhook=hooks.get(a["rule_id"]), db=store.path) for a in alerts_by_id(conn, new)]


def check(store: Any, *, everything: bool = False) -> list[dict[str, Any]]:
    """`marsad alert check`: evaluate every active rule over the latest documents not evaluated by an
    earlier check (all of them with `everything`), then remember how far this one went."""
    conn = store.conn
    if not has_table(conn, "alert_rules"):
        return []
    store.commit()
    top = conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
    since = 0 if everything else checkpoint(conn)
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM documents WHERE rowid>? AND rowid<=? AND is_latest=1 ORDER BY rowid", (since, top))]
    return _evaluate(store, ids, mark=max(top, checkpoint(conn)))
