"""Compare the actors and recipients two versions of the coder give on the same fresh articles.

A role rule is judged by reading what it changes: dump the events of one version, change the code, dump
again, and print every event whose actor, recipient or negation changed (and events that appeared or went,
mostly merges), with its context, for a reader to mark right or wrong.

    .venv/bin/python eval/events/compare_actors.py dump before.json --offset 25000 --articles 300
    # change the coder
    .venv/bin/python eval/events/compare_actors.py dump after.json --offset 25000 --articles 300
    .venv/bin/python eval/events/compare_actors.py diff before.json after.json

Articles are SaudiNewsNet politics articles (by URL section, as `sample_events.py` picks them) from
`--offset` in corpus order; entities, dates and quotes are cached next to the output (`saudinewsnet.OFFSET.N.docs.pkl`) so the
second dump only reruns the event coder.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from eval.events.sample_events import _POLITICS  # noqa: E402
from marsad.annotate.pipeline import Pipeline  # noqa: E402
from marsad.events.coder import code_events  # noqa: E402
from marsad.ingest import IngestError, iter_documents  # noqa: E402

SHARED = Path(os.environ.get("MARSAD_SHARED") or ROOT.parent / "shared")


def _docs(offset: int, n: int, cache: Path) -> list:
    if cache.exists():
        with cache.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own cache file
    pipe = Pipeline(disable=["events"])
    docs = []
    for d in islice(iter_documents([str(SHARED / "data" / "news" / "saudinewsnet")]), offset, None):
        if isinstance(d, IngestError) or not d.url or not _POLITICS.search(d.url):
            continue
        docs.append(pipe(d))
        if len(docs) >= n:
            break
    with cache.open("wb") as fh:
        pickle.dump(docs, fh)
    return docs


def dump(out: Path, offset: int, n: int) -> None:
    docs = _docs(offset, n, out.parent / f"saudinewsnet.{offset}.{n}.docs.pkl")
    rows = []
    for di, d in enumerate(docs):
        names = {e.id: e.name for e in d.entities}
        text = d.text or ""
        for ev in code_events(d):
            ctx = text[max(0, ev.trigger.start - 160):ev.trigger.end + 60].replace("\n", " ")
            rows.append([di, ev.trigger.start, ev.type, ev.trigger.text, [names.get(x, x) for x in ev.actor],
                         [names.get(x, x) for x in ev.recipient], ev.negated, ctx])
    out.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    print(f"{len(docs)} articles, {len(rows)} events → {out}")


def diff(a: Path, b: Path) -> None:
    old = {(r[0], r[1], r[2]): r for r in json.loads(a.read_text(encoding="utf-8"))}
    new = {(r[0], r[1], r[2]): r for r in json.loads(b.read_text(encoding="utf-8"))}
    n = 0
    for k in sorted(set(old) | set(new)):
        o, w = old.get(k), new.get(k)
        if o is None or w is None:
            r = w or o
            print(f"{'+NEW' if o is None else '-GONE'} {r[2]} «{r[3]}» A={r[4]} R={r[5]} :: {r[7][-200:]}")
            n += 1
        elif o[4:7] != w[4:7]:
            n += 1
            print(f"~{n} {w[2]} «{w[3]}» A: {o[4]} -> {w[4]}  R: {o[5]} -> {w[5]}  negated {o[6]} -> {w[6]}\n"
                  f"      :: {w[7][-220:]}")
    print(f"{n} changed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--offset", type=int, default=25000)
    d.add_argument("--articles", type=int, default=300)
    f = sub.add_parser("diff")
    f.add_argument("before", type=Path)
    f.add_argument("after", type=Path)
    a = ap.parse_args()
    if a.cmd == "dump":
        dump(a.out, a.offset, a.articles)
    else:
        diff(a.before, a.after)


if __name__ == "__main__":
    main()
