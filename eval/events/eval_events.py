"""Evaluate the PLOVER event coder: hand-coded SaudiNewsNet check set, gold seeds, speed.

Run from the project root::

    .venv/bin/python eval/events/eval_events.py [--speed-docs 300] [--verbose]

1. Check set (`saudinewsnet_events.jsonl`, 250 sentences: 170 sampled among sentences with conflict/politics
   vocabulary, 50 random, 30 with protest vocabulary; seeds 20240601 and 777; hand-coded by the author of
   the coder, one PLOVER type set per sentence, ASSAULT/PROTEST mode and casualties). Each sentence is run
   through the pipeline as a one-sentence document; scoring is per sentence and type (a type is predicted
   if any non-negated event of that type is coded). Prints per-type P/R/F1, ASSAULT/PROTEST mode accuracy on
   sentences where both sides have the type, and dead/injured exact-match accuracy.
2. Visible gold (`../shared/gold`: 16 SaudiNewsNet articles and the annotated seeds, texts read as `marsad
   annotate FILE` reads them): per PLOVER type, required-event recall (type and sentence containing the
   anchor, as `score_annotations.py`) and the share of output events that match a gold event (a lower bound
   on precision: the gold lists the events a careful reader coded, not every arguable one); role accuracy
   per role both the scorer's way (first matching event) and with the event whose trigger is nearest the
   anchor; event-date accuracy where the gold gives a date.
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


def _cached(annotate: Any, cache: Path) -> Any:
    import hashlib
    import pickle

    cache.mkdir(parents=True, exist_ok=True)

    def run(text: str, published: str | None) -> Document:
        key = hashlib.sha1(f"{published}\n{text}".encode()).hexdigest()
        p = cache / f"{key}.pkl"
        if p.exists():
            return pickle.loads(p.read_bytes())
        doc = annotate(text, published)
        p.write_bytes(pickle.dumps(doc))
        return doc

    return run


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


def _gold_text(file: str) -> Path | None:
    for p in (GOLD / "texts" / file, SHARED / "data" / "seeds" / file, ROOT / "examples" / file):
        if p.exists():
            return p
    return None


def _gold_docs(annotate: Any) -> list[tuple[dict[str, Any], Document]]:
    """(gold record, document with entities/dates/quotes) for every visible gold article, read the way
    `marsad annotate FILE` reads it (ingest's cleaning included)."""
    from marsad.ingest import iter_documents

    out = []
    for gp in sorted(GOLD.glob("*.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        path = _gold_text(g["file"])
        if path is None:
            print(f"  skipped {g['file']}: text not found")
            continue
        doc = next(d for d in iter_documents([str(path)]) if isinstance(d, Document))
        out.append((g, annotate(doc.text, g.get("published"))))
    return out


class _Tally:
    """Counts per PLOVER type: required found / required, system events matching a gold event / output."""

    def __init__(self) -> None:
        self.req: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.sys: Counter[str] = Counter()
        self.sys_ok: Counter[str] = Counter()
        self.role_ok: Counter[str] = Counter()  # keys: "first:actor", "near:recipient" …
        self.role_n: Counter[str] = Counter()
        self.date_ok = self.date_n = 0


def _score_doc(sc: Any, g: dict[str, Any], doc: Document, tally: _Tally, verbose: bool) -> None:
    evs = code_events(doc)
    out = doc.to_json()
    out["events"] = [e.to_json() for e in evs]
    text = doc.text
    by_id = {e["id"]: e for e in out["entities"]}
    gents = g["entities"]

    def sent(ev: dict[str, Any]) -> str:
        return text[ev["sentence"]["start"]:ev["sentence"]["end"]]

    def match(ev: dict[str, Any], gv: dict[str, Any]) -> bool:
        return ev["type"] in gv["type"].split("|") and sc.contains(sent(ev), gv["anchor"])

    def role(ev: dict[str, Any], gv: dict[str, Any], r: str) -> bool | None:
        want = gv.get(r)
        if not want:
            return None
        ids = ev.get(r) or []
        ids = [ids] if isinstance(ids, str) else ids
        names = [n for i in ids for n in (sc.entity_names(by_id[i]) if i in by_id else [str(i)])]
        return any(sc.name_match(n, gn) for n in names for ge in gents if ge["key"] in want for gn in ge["names"])

    for ev in out["events"]:
        tally.sys[ev["type"]] += 1
        ok = any(match(ev, gv) for gv in g["events"])
        tally.sys_ok[ev["type"]] += ok
        if verbose and not ok:
            print(f"  {g['file']} extra {ev['type']} «{ev['trigger']['text']}»: {sent(ev)[:90]}")
    for gv in g["events"]:
        cands = [ev for ev in out["events"] if match(ev, gv)]
        if gv.get("date") and cands:
            tally.date_n += 1
            tally.date_ok += any(ev["date"] == gv["date"] for ev in cands)
        if not gv["required"]:
            continue
        t = gv["type"].split("|")[0]
        tally.req[t] += 1
        if not cands:
            if verbose:
                print(f"  {g['file']} missed {gv['type']}: {gv['anchor']}")
            continue
        tally.found[t] += 1
        a = text.find(gv["anchor"])
        near = min(cands, key=lambda ev: abs(ev["trigger"]["start"] - a) if a >= 0 else 0)
        for how, ev in (("first", cands[0]), ("near", near)):
            for r in ("actor", "recipient", "location"):
                ok = role(ev, gv, r)
                if ok is not None:
                    tally.role_n[f"{how}:{r}"] += 1
                    tally.role_ok[f"{how}:{r}"] += ok
                    if verbose and not ok:
                        got = ev.get(r) or []
                        got = [by_id[i]["name"] if i in by_id else i for i in ([got] if isinstance(got, str) else got)]
                        print(f"  {g['file']} {r} wrong ({how}) for {gv['type']} «{gv['anchor']}»: {got} want {gv[r]}")


def visible_gold(annotate: Any, verbose: bool) -> None:
    """The visible gold (`../shared/gold`: SaudiNewsNet articles and seeds), scored as `score_annotations.py`
    scores events, plus recall and a lower bound on precision per PLOVER type and role accuracy per role."""
    sc = _scorer()
    tally = _Tally()
    docs = _gold_docs(annotate)
    for g, doc in docs:
        _score_doc(sc, g, doc, tally, verbose)
    R, F = sum(tally.req.values()), sum(tally.found.values())
    S, SO = sum(tally.sys.values()), sum(tally.sys_ok.values())
    print(f"visible gold: {len(docs)} articles; required events found {F}/{R} = {F / R if R else 0:.2f}; "
          f"output matching a gold event {SO}/{S} = {SO / S if S else 0:.2f} (a lower bound on precision)")
    print(f"{'type':10} {'R':>5} {'P>=':>5}  found/req  ok/out")
    for t in sorted(set(tally.req) | set(tally.sys)):
        r = tally.found[t] / tally.req[t] if tally.req[t] else float("nan")
        p = tally.sys_ok[t] / tally.sys[t] if tally.sys[t] else float("nan")
        print(f"{t:10} {r:5.2f} {p:5.2f}  {tally.found[t]:3d}/{tally.req[t]:<3d}  {tally.sys_ok[t]:3d}/{tally.sys[t]}")
    for how, label in (("first", "scorer: first matching event"), ("near", "event nearest the anchor")):
        ok = sum(v for k, v in tally.role_ok.items() if k.startswith(how))
        n = sum(v for k, v in tally.role_n.items() if k.startswith(how))
        per = ", ".join(f"{r} {tally.role_ok[f'{how}:{r}']}/{tally.role_n[f'{how}:{r}']}"
                        for r in ("actor", "recipient", "location"))
        print(f"  roles ({label}) {ok}/{n} = {ok / n if n else 0:.2f} ({per})")
    print(f"  event dates (gold events with a date, found) {tally.date_ok}/{tally.date_n}")


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
    ap.add_argument("--cache", metavar="DIR", help="keep the documents (events not run) here between runs; "
                    "clear it when entities, dates or quotes change")
    a = ap.parse_args()
    annotate, how = _annotator()
    if a.cache:
        annotate = _cached(annotate, Path(a.cache))
    print(f"entities: {how}")
    if "check" not in a.skip:
        check_set(annotate, a.verbose)
    if "gold" not in a.skip:
        visible_gold(annotate, a.verbose)
    if "speed" not in a.skip:
        speed(annotate, a.speed_docs)


if __name__ == "__main__":
    main()
