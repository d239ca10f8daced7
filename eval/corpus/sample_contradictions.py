"""Sample quote pairs from an analysed store for judging contradictions by hand.

Two strata, shuffled together so the reader cannot tell them apart:

* `listed`: pairs `marsad claims --contradictions` lists (label `disagree`);
* `model_only`: related candidate pairs that the ANS stance model alone calls `disagree` but that
  `label_pair` does not (no denial against a statement, no opposition words about a shared actor, not
  a near-restatement). Their hand labels show what the stricter rule gives up.
* `removed` (with `--before OLD_STORE`, the same corpus analysed by the code before a rule change): pairs
  the old code listed and this store does not. Their hand labels show what the change gave up.

`--exclude DIR` leaves out pairs already in an earlier sample, so a fresh sample is unseen.

Writes `pairs.jsonl` (what the reader sees: id, both sides' text, speaker, outlet, date) and `key.jsonl`
(id → stratum) into --out. Label each pair `contradict`, `agree` or `other` in a `labels.jsonl`
({"id", "label"}) and score with `score_contradictions.py`.

    .venv/bin/python eval/corpus/sample_contradictions.py --db STORE --n 40 --seed 0 --out eval/corpus/contra
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from marsad.corpus.passes import claims as A  # noqa: E402
from marsad.corpus.stance import predict_proba  # noqa: E402
from marsad.store import open_store  # noqa: E402


def _side(q: A._Quote) -> dict[str, str | None]:
    # the cue class tells the reader what the speaker did with the words (a denial quotes what it denies)
    return {"text": q.text, "cue": q.cue, "speaker": q.speaker, "outlet": q.outlet, "date": q.date}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=40, help="pairs per stratum")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pool", type=int, default=600, help="related pairs run through the model for stratum 2")
    ap.add_argument("--n-model", type=int, default=None, help="pairs in the model_only stratum (default --n)")
    ap.add_argument("--before", help="the same corpus analysed before a rule change: sample what it lost")
    ap.add_argument("--n-removed", type=int, default=30)
    ap.add_argument("--exclude", action="append", default=[], help="an earlier sample directory to leave out")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    n_model = a.n if a.n_model is None else a.n_model
    seen = {frozenset((j["a"]["text"], j["b"]["text"]))
            for d in a.exclude for j in map(json.loads, (Path(d) / "pairs.jsonl").read_text().splitlines())}
    rnd = random.Random(a.seed)
    conn = open_store(a.db, readonly=True).conn
    listed = conn.execute("SELECT a_doc, a_idx, b_doc, b_idx FROM claim_pairs WHERE label = 'disagree'").fetchall()
    quotes = [q for q in A._quotes(conn, "1=1") if len(q.text.split()) >= 3]
    at = {(q.doc, q.idx): q for q in quotes}
    items: list[tuple[str, A._Quote, A._Quote]] = []

    def unseen(rows: list[tuple[int, int, int, int]]) -> list[tuple[A._Quote, A._Quote]]:
        out = [(at[(ad, ai)], at[(bd, bi)]) for ad, ai, bd, bi in rows if (ad, ai) in at and (bd, bi) in at]
        return [(qa, qb) for qa, qb in out if frozenset((qa.text, qb.text)) not in seen]

    pool_listed = unseen(listed)
    items += [("listed", qa, qb) for qa, qb in rnd.sample(pool_listed, min(a.n, len(pool_listed)))]
    if a.before:
        old = open_store(a.before, readonly=True).conn
        # the two stores must be copies of one ingested store, so that documents keep their row ids
        gone = set(map(tuple, old.execute("SELECT a_doc, a_idx, b_doc, b_idx FROM claim_pairs WHERE label = 'disagree'")))
        gone -= set(map(tuple, listed))
        pool_gone = unseen(sorted(gone))
        items += [("removed", qa, qb) for qa, qb in rnd.sample(pool_gone, min(a.n_removed, len(pool_gone)))]
    # stratum 2: related pairs the model alone would call disagree
    cands = [] if n_model == 0 else [(i, j, rel, shared) for i, j, shared, ent, rel in A._overlap_candidates(quotes, 0)
             if A._related(rel, shared, ent) and A._pair_worth_labelling(quotes[i], quotes[j])]
    rnd.shuffle(cands)
    pool = cands[: a.pool]
    probs = predict_proba([(quotes[j].text, quotes[i].text) for i, j, _, _ in pool])
    chosen = 0
    for (i, j, rel, _), p in zip(pool, probs, strict=True):
        if chosen >= n_model:
            break
        qa, qb = quotes[j], quotes[i]
        label, _ = A.label_pair(p, rel, A._disagreement(qa, qb, rel), qa.denies and qb.denies)
        if p.argmax() == 1 and label != "disagree":
            items.append(("model_only", qa, qb))
            chosen += 1
    rnd.shuffle(items)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "pairs.jsonl").open("w", encoding="utf-8") as fp, (out / "key.jsonl").open("w", encoding="utf-8") as fk:
        for n, (stratum, qa, qb) in enumerate(items, 1):
            fp.write(json.dumps({"id": n, "a": _side(qa), "b": _side(qb)}, ensure_ascii=False) + "\n")
            fk.write(json.dumps({"id": n, "stratum": stratum}) + "\n")
    print(f"{len(items)} pairs ({sum(s == 'listed' for s, _, _ in items)} listed, {chosen} model-only; "
          f"{len(listed)} listed in the store, {len(cands)} related candidate pairs) → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
