"""Evaluate the PLOVER event coder: hand-coded SaudiNewsNet check set, gold seeds, speed.

Run from the project root::

    .venv/bin/python eval/events/eval_events.py [--speed-docs 300] [--verbose]

1. Check set (`saudinewsnet_events.jsonl`, 250 sentences: 170 sampled among sentences with conflict/politics
   vocabulary, 50 random, 30 with protest vocabulary; seeds 20240601 and 777; hand-coded by the author of
   the coder, one PLOVER type set per sentence, ASSAULT/PROTEST mode and casualties). Each sentence is run
   through the pipeline as a one-sentence document; scoring is per sentence and type (a type is predicted
   if any non-negated event of that type is coded). Prints per-type P/R/F1, ASSAULT/PROTEST mode accuracy on
   sentences where both sides have the type, and dead/injured exact-match accuracy.
2. Gold seeds (`/work/shared/gold`): required-event recall (type and sentence containing the anchor, as
   `score_annotations.py`), role accuracy both the scorer's way (first matching event) and with the event
   whose trigger is nearest the anchor, and event-date accuracy where the gold gives a date.
3. Speed: milliseconds per SaudiNewsNet article for the events stage alone (entities/dates/quotes done
   beforehand and not timed).

The pipeline's entities stage needs the NER model; without it documents are built with the KB dictionary
matcher and linker (printed as `entities: kb`).
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import os
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.annotate.events import code_events  # noqa: E402
from marsad.dates import find_dates  # noqa: E402
from marsad.document import Document  # noqa: E402
from marsad.quotes import extract_quotes  # noqa: E402

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("MARSAD_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")
GOLD = SHARED / "gold"
SCORER = SHARED / "tools" / "score_annotations.py"
NEWS = str(SHARED / "data" / "news" / "saudinewsnet" / "*.zip")


def _annotator() -> tuple[Any, str]:
    """A function text, published → Document with entities, dates and quotes (events not yet run)."""
    try:
        from marsad.annotate.pipeline import Pipeline

        pipe = Pipeline(disable=["events"])

        def run(text: str, published: str | None) -> Document:
            return pipe(Document(text=text, published=published))

        run("اختبار", None)
        return run, "pipeline"
    except Exception:  # noqa: BLE001 - no NER model yet: fall back to the KB matcher
        from marsad.kb import find_known_mentions, link_mentions
        from marsad.text import sentences

        def run_kb(text: str, published: str | None) -> Document:
            doc = Document(text=text, published=published)
            ms = [(s, e, t) for s, e, t, _ in find_known_mentions(text)]
            doc.entities = link_mentions(text, ms, list(sentences(text)))
            doc.dates = find_dates(text, published)
            doc.quotes = extract_quotes(doc)
            return doc

        return run_kb, "kb"


def check_set(annotate: Any, verbose: bool) -> None:
    rows = [json.loads(line) for line in (HERE / "saudinewsnet_events.jsonl").open(encoding="utf-8")]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    mode_ok: Counter[str] = Counter()
    mode_n: Counter[str] = Counter()
    cas_ok = cas_n = 0
    for r in rows:
        doc = annotate(r["text"], (r.get("date") or "")[:10] or None)
        evs = [e for e in code_events(doc) if not e.negated]
        pred = {e.type for e in evs}
        gold = set(r["types"])
        for t in pred | gold:
            if t in pred and t in gold:
                tp[t] += 1
            elif t in pred:
                fp[t] += 1
            else:
                fn[t] += 1
        for t in ("ASSAULT", "PROTEST"):
            g = r.get(t.lower())
            if g and t in pred:
                mine = [e for e in evs if e.type == t]
                if g.get("mode"):
                    mode_n[t] += 1
                    mode_ok[t] += any(e.mode == g["mode"] for e in mine)
                if t == "ASSAULT":
                    cas_n += 1
                    dead = next((e.dead for e in mine if e.dead is not None), None)
                    hurt = next((e.injured for e in mine if e.injured is not None), None)
                    cas_ok += (dead == g.get("dead")) and (hurt == g.get("injured"))
        if verbose and pred != gold:
            print(f"  {r['id']} gold={sorted(gold)} pred={sorted(pred)} :: {r['text'][:110]}")
    print(f"check set: {len(rows)} sentences")
    print(f"{'type':10} {'P':>5} {'R':>5} {'F1':>5}  tp fp fn")
    types = sorted(set(tp) | set(fp) | set(fn))
    for t in types:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        rr = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        f = 2 * p * rr / (p + rr) if p + rr else 0.0
        print(f"{t:10} {p:5.2f} {rr:5.2f} {f:5.2f}  {tp[t]:2d} {fp[t]:2d} {fn[t]:2d}")
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    p, rr = T / (T + F) if T + F else 0.0, T / (T + N) if T + N else 0.0
    print(f"{'micro':10} {p:5.2f} {rr:5.2f} {2 * p * rr / (p + rr) if p + rr else 0.0:5.2f}  {T:2d} {F:2d} {N:2d}")
    for t in ("ASSAULT", "PROTEST"):
        if mode_n[t]:
            print(f"{t} mode accuracy (both coded, gold mode given): {mode_ok[t] / mode_n[t]:.2f} ({mode_n[t]})")
    if cas_n:
        print(f"ASSAULT dead+injured exact (both coded): {cas_ok / cas_n:.2f} ({cas_n})")


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_annotations", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_seeds(annotate: Any, verbose: bool) -> None:
    sc = _scorer()
    found = total = 0
    role_ok = [0, 0]
    role_n = [0, 0]
    date_ok = date_n = 0
    for gp in sorted(GOLD.glob("*.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        text_path = ROOT / "examples" / g["file"]
        doc = annotate(text_path.read_text(encoding="utf-8"), g.get("published"))
        evs = code_events(doc)
        out = doc.to_json()
        out["events"] = [_ev(e) for e in evs]
        text = doc.text
        by_id = {e["id"]: e for e in out["entities"]}
        gents = g["entities"]

        def names(ids: list[str], by_id: dict[str, Any] = by_id) -> list[str]:
            ns: list[str] = []
            for i in ids:
                ns += sc.entity_names(by_id[i]) if i in by_id else [str(i)]
            return ns

        def role(ev: dict[str, Any], gv: dict[str, Any], r: str, gents: list[Any] = gents) -> bool | None:
            want = gv.get(r)
            if not want:
                return None
            ids = ev.get(r) or []
            ids = [ids] if isinstance(ids, str) else ids
            return any(sc.name_match(n, gn) for n in names(ids) for k in want for ge in gents
                       if ge["key"] == k for gn in ge["names"])

        for gv in g["events"]:
            if not gv["required"]:
                continue
            total += 1
            cands = [e for e in out["events"] if e["type"] in gv["type"].split("|")
                     and sc.contains(text[e["sentence"]["start"]:e["sentence"]["end"]], gv["anchor"])]
            if not cands:
                if verbose:
                    print(f"  missed {gv['type']}: {gv['anchor']}")
                continue
            found += 1
            a = text.find(gv["anchor"])
            near = min(cands, key=lambda e: abs(e["trigger"]["start"] - a) if a >= 0 else 0)
            for k, ev in enumerate((cands[0], near)):
                for r in ("actor", "recipient", "location"):
                    ok = role(ev, gv, r)
                    if ok is not None:
                        role_n[k] += 1
                        role_ok[k] += ok
                        if verbose and k == 1 and not ok:
                            print(f"  role {r} wrong for {gv['type']} «{gv['anchor']}»: {ev.get(r)} want {gv[r]}")
        for gv in g["events"]:
            if gv.get("date"):
                cands = [e for e in out["events"] if e["type"] in gv["type"].split("|")
                         and sc.contains(text[e["sentence"]["start"]:e["sentence"]["end"]], gv["anchor"])]
                if cands:
                    date_n += 1
                    date_ok += any(e["date"] == gv["date"] for e in cands)
    print(f"gold seeds: required events {found}/{total} = {found / total if total else 0:.2f}")
    print(f"  roles (scorer: first matching event) {role_ok[0]}/{role_n[0]} = "
          f"{role_ok[0] / role_n[0] if role_n[0] else 0:.2f}")
    print(f"  roles (event nearest the anchor)     {role_ok[1]}/{role_n[1]} = "
          f"{role_ok[1] / role_n[1] if role_n[1] else 0:.2f}")
    print(f"  event dates (gold events with a date, found) {date_ok}/{date_n}")


def _ev(e: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(e)


def speed(annotate: Any, n: int) -> None:
    docs: list[Document] = []
    for z in sorted(glob.glob(NEWS)):
        zf = zipfile.ZipFile(z)
        for name in sorted(zf.namelist()):
            try:
                arr = json.loads(zf.read(name))
            except ValueError:
                continue
            for d in arr:
                if len(docs) >= n:
                    break
                text = ((d.get("title") or "") + "\n" + (d.get("content") or "")).strip()
                docs.append(annotate(text, (d.get("date_extracted") or "")[:10] or None))
        if len(docs) >= n:
            break
    for d in docs[:5]:
        code_events(d)  # warm caches
    t0 = time.perf_counter()
    n_ev = 0
    for d in docs:
        n_ev += len(code_events(d))
    dt = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs)
    print(f"speed: events stage {1000 * dt / len(docs):.2f} ms/article over {len(docs)} SaudiNewsNet articles "
          f"(avg {chars // len(docs)} chars, {n_ev} events) = {len(docs) / dt:.0f} articles/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--speed-docs", type=int, default=300)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--skip", nargs="*", default=[], choices=["check", "gold", "speed"])
    a = ap.parse_args()
    annotate, how = _annotator()
    print(f"entities: {how}")
    if "check" not in a.skip:
        check_set(annotate, a.verbose)
    if "gold" not in a.skip:
        gold_seeds(annotate, a.verbose)
    if "speed" not in a.skip:
        speed(annotate, a.speed_docs)


if __name__ == "__main__":
    main()
