"""Evaluating rules against new documents: the right events, quotes, mentions, documents and
contradiction pairs, each raised once however often the documents are evaluated."""

from __future__ import annotations

from collections import Counter
from typing import Any

from marsad.alerts import add_rule, check, evaluate, remove_rule

ISIS, RUSSIA, RAQQA, LAVROV, BAGHDAD = "Q2429253", "Q159", "Q283368", "Q7803", "Q1530"


def _all_ids(store: Any) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid")]


def _events_of(store: Any, entity: str) -> set[tuple[str, int]]:
    return {(r[0], r[1]) for r in store.conn.execute(
        "SELECT d.id, x.idx FROM event_entities x JOIN documents d ON d.rowid=x.doc_rowid WHERE x.entity_id=?",
        (entity,))}


def test_entity_rule_raises_its_events_and_quotes_once(store: Any) -> None:
    rule = add_rule(store, entity="داعش")
    new = evaluate(store, _all_ids(store))
    mine = [a for a in new if a["rule_id"] == rule["id"]]
    events = {(a["doc_id"], a["evidence"]["idx"]) for a in mine if a["kind"] == "event"}
    assert events == _events_of(store, ISIS) and events
    quotes = [a for a in mine if a["kind"] == "quote"]
    spoken = {(r[0], r[1]) for r in store.conn.execute(
        "SELECT d.id, q.idx FROM quotes q JOIN documents d ON d.rowid=q.doc_rowid WHERE q.speaker_entity=?", (ISIS,))}
    assert spoken <= {(a["doc_id"], a["evidence"]["idx"]) for a in quotes}
    for a in mine:  # each alert's evidence points into its document
        ev = a["evidence"]
        assert set(a) >= {"id", "rule_id", "kind", "created_at", "doc_id", "published", "summary", "evidence"}
        assert ev["document"] == a["doc_id"] and ev["type"] == a["kind"]
        text = store.get(a["doc_id"])["document"]["text"]
        if a["kind"] == "quote":
            assert text[ev["start"]:ev["end"]].replace("\n", " ").strip().startswith(ev["text"][:40])
        if a["kind"] == "event":
            assert ev["trigger"]["text"] == text[ev["trigger"]["start"]:ev["trigger"]["end"]]
            assert ev["event_type"] and ev["text"]
    # evaluated again (and again, as a watch loop would), nothing new is raised and nothing is duplicated
    assert evaluate(store, _all_ids(store)) == []
    assert evaluate(store, _all_ids(store)[:2]) == []
    n = store.conn.execute("SELECT count(*) FROM alerts WHERE rule_id=?", (rule["id"],)).fetchone()[0]
    assert n == len(mine)


def test_only_the_documents_given_are_evaluated(store: Any) -> None:
    add_rule(store, entity=ISIS)
    ids = _all_ids(store)
    first = evaluate(store, ids[:1])
    assert first and {a["doc_id"] for a in first} == {ids[0]}
    rest = evaluate(store, ids)
    assert ids[0] not in {a["doc_id"] for a in rest}


def test_event_type_and_place_narrow_the_rule(store: Any) -> None:
    typed = add_rule(store, entity=RUSSIA, event_type="ASSAULT")
    placed = add_rule(store, event_type="ASSAULT", place="الرقة")
    new = evaluate(store, _all_ids(store))
    by_rule = Counter(a["rule_id"] for a in new)
    assert by_rule[typed["id"]] >= 1 and by_rule[placed["id"]] >= 1
    for a in new:
        assert a["kind"] == "event" and a["evidence"]["event_type"] == "ASSAULT"
        if a["rule_id"] == placed["id"]:
            assert a["evidence"]["location"]["id"] == RAQQA
        else:
            assert (a["doc_id"], a["evidence"]["idx"]) in _events_of(store, RUSSIA)
    at_raqqa = {(r[0], r[1]) for r in store.conn.execute(
        "SELECT d.id, v.idx FROM events v JOIN documents d ON d.rowid=v.doc_rowid WHERE v.location=? AND v.type=?",
        (RAQQA, "ASSAULT"))}
    assert {(a["doc_id"], a["evidence"]["idx"]) for a in new if a["rule_id"] == placed["id"]} == at_raqqa


def test_a_mention_without_events_or_quotes_is_one_alert_per_document(store: Any) -> None:
    rule = add_rule(store, entity=BAGHDAD)
    new = evaluate(store, _all_ids(store))
    mentions = [a for a in new if a["kind"] == "mention"]
    assert mentions
    for a in mentions:
        ev = a["evidence"]
        assert ev["entity"] == BAGHDAD and ev["text"] in ev["context"] and ev["mentions"] >= 1
        assert not [b for b in new if b["doc_id"] == a["doc_id"] and b["kind"] != "mention"]
        text = store.get(a["doc_id"])["document"]["text"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
    assert len({a["doc_id"] for a in mentions}) == len(mentions)
    assert all(a["rule_id"] == rule["id"] for a in new)


def test_query_rule_matches_what_search_finds(store: Any) -> None:
    q = '"الجيش الروسي"'
    add_rule(store, query=q)
    new = evaluate(store, _all_ids(store))
    assert {a["doc_id"] for a in new} == {h.id for h in store.search(q, limit=50)}
    assert all(a["kind"] == "document" and a["evidence"]["highlights"] for a in new)
    assert evaluate(store, _all_ids(store)) == []


def test_contradiction_rule_after_analyse(store: Any) -> None:
    """The rule is made after the pass: the documents evaluated bring their pairs with them."""
    rule = add_rule(store, contradiction="لافروف")
    new = evaluate(store, _all_ids(store))
    assert new and all(a["kind"] == "contradiction" and a["rule_id"] == rule["id"] for a in new)
    for a in new:
        ev = a["evidence"]
        assert LAVROV in (ev["a"]["speaker"]["id"], ev["b"]["speaker"]["id"]) or "لافروف" in ev["a"]["text"] + ev["b"]["text"]
        assert ev["reason"] and 0 < ev["confidence"] <= 1
        assert a["doc_id"] in (ev["a"]["document"], ev["b"]["document"])
    pairs = store.conn.execute("SELECT count(*) FROM claim_pairs WHERE label='disagree'").fetchone()[0]
    assert len(new) <= pairs
    assert evaluate(store, _all_ids(store)) == []


def test_contradiction_rule_made_before_the_pass_fires_on_new_pairs(make_store: Any) -> None:
    from marsad.corpus import analyse
    from marsad.store import open_store

    with open_store(make_store(list(range(5)))) as store:
        add_rule(store, contradiction=LAVROV)
        assert evaluate(store, []) == []  # not analysed: no pairs yet
        analyse(store)
        new = evaluate(store, [])  # no documents given: the pairs made since the rule was
        assert new and {a["kind"] for a in new} == {"contradiction"}
        assert evaluate(store, []) == []


def test_removed_rules_raise_nothing(store: Any) -> None:
    rule = add_rule(store, entity=ISIS)
    remove_rule(store, rule["id"])
    assert evaluate(store, _all_ids(store)) == []


def test_check_evaluates_documents_not_checked_yet(make_store: Any, example_docs: list[Any]) -> None:
    from marsad.store import open_store

    path = make_store([0, 1, 2, 3])
    with open_store(path) as store:
        add_rule(store, entity=ISIS)
        first = check(store)
        assert first
        assert check(store) == []  # nothing new since
        store.add(example_docs[4])
        store.commit()
        later = check(store)
        assert later and {a["doc_id"] for a in later} == {example_docs[4].id}
        assert check(store, everything=True) == []  # everything again: all raised already
        add_rule(store, query="موسكو")  # a rule made now sees old documents only with everything
        assert check(store) == []
        assert {a["kind"] for a in check(store, everything=True)} == {"document"}


def test_no_rules_no_work(store: Any) -> None:
    assert evaluate(store, _all_ids(store)) == []
    assert store.conn.execute("SELECT count(*) FROM alerts").fetchone()[0] == 0
