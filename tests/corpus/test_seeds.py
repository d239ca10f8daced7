"""The seed articles, ingested together with the real pipeline, show the contradictions they contain.

Only the test names words of the articles; the mechanism (shared entities and words + embedding
similarity to group quotes, stance model + cue classes to label pairs) knows nothing about them.
"""

from __future__ import annotations

from pathlib import Path

from marsad.corpus import analyse, contradictions

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _ingest(db: Path):  # type: ignore[no-untyped-def]
    from marsad.annotate.pipeline import Pipeline
    from marsad.ingest import IngestError, iter_documents
    from marsad.store import open_store

    try:
        pipeline = Pipeline()
    except Exception:  # the NER model may not be built yet: dates + quotes (+ events) suffice
        pipeline = Pipeline(disable=["entities"])
    store = open_store(db)
    for item in iter_documents([str(EXAMPLES)]):
        assert not isinstance(item, IngestError), item
        store.add(pipeline(item))
    store.commit()
    return store


def test_seed_contradictions(tmp_path: Path) -> None:
    store = _ingest(tmp_path / "seeds.db")
    analyse(store)
    prefix = {r[0]: Path(r[1]).name[:3] for r in store.conn.execute("SELECT id, source FROM documents")}
    pairs = contradictions(store, limit=None)
    assert pairs
    seen = [({prefix[p["a"]["document"]], prefix[p["b"]["document"]]}, p) for p in pairs]
    # the Russian army's "defeated the Islamic State in Syria" against the claim that it is still there
    isis = [p for docs, p in seen if "001" in docs and docs & {"000", "004"}
            and any("هزم" in s["text"] for s in (p["a"], p["b"]))]
    assert isis, "001's victory claim should be contradicted by 000 or 004"
    # the SDF's denial against the Russian claim of an SDF-ISIS deal, both reported in 003
    sdf = [p for docs, p in seen if docs == {"003"}
           and all("اتفاق" in s["text"] for s in (p["a"], p["b"]))]
    assert sdf, "the SDF denial and the Russian confirmation in 003 should be a contradiction"
    # each listed pair says why (the evidence the rules saw); the contract's JSON keeps its three keys
    with_reasons = contradictions(store, limit=None, reasons=True)
    assert all(p["reason"] for p in with_reasons)
    assert {p["reason"].split(":")[0] for p in with_reasons} >= {"denial", "ended/persists"}
    # ... and a stable code for it, parsed from the stored sentence, with the sentence's parameters
    assert {p["reason_code"] for p in with_reasons} >= {"denial", "ended_persists"}
    assert all(p["reason_params"]["denier"] for p in with_reasons if p["reason_code"] == "denial")
    assert all(set(p) == {"a", "b", "confidence"} for p in pairs)


def test_a_store_from_before_reasons_still_lists_contradictions(tmp_path: Path) -> None:
    from marsad.store import open_store

    store = _ingest(tmp_path / "old.db")
    analyse(store)
    store.conn.execute("ALTER TABLE claim_pairs DROP COLUMN reason")
    store.conn.execute("PRAGMA user_version = 6")
    store.commit()
    store.close()
    old = open_store(tmp_path / "old.db", readonly=True)  # read-only: migration 7 cannot run
    rows = contradictions(old, limit=None, reasons=True)
    assert rows and all(r["reason"] is None and r["reason_code"] is None for r in rows)
