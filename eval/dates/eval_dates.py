"""Score `find_dates` on the gold seeds and on the hand-annotated SaudiNewsNet sample.

usage: .venv/bin/python eval/dates/eval_dates.py [--verbose]

1. Seeds (`/work/shared/gold/*.json`): recall of required gold dates, matched exactly as
   `score_annotations.py` does (text containment either way, tolerant of proclitics; equal value).
2. SaudiNewsNet (`saudinewsnet_dates.jsonl`, 20 articles drawn by `sample_saudinewsnet.py`, annotated by
   hand before the extractor was run on them): mention-level precision/recall/F1. A system date is a
   true positive when its span overlaps a gold span and the values are equal; recall counts required
   gold items, precision counts system dates matching any gold item (optional ones included), over all
   20 articles (those without gold dates contribute false positives only).
Also prints the time per article.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from sample_saudinewsnet import sample  # noqa: E402

from marsad.dates import find_dates  # noqa: E402

SHARED = pathlib.Path(os.environ.get("MARSAD_SHARED") or pathlib.Path(__file__).resolve().parents[2].parent / "shared")


def _scorer_contains():
    """The official scorer's `contains`, so seed figures mean what `score_annotations.py` reports."""
    spec = importlib.util.spec_from_file_location("score_annotations", SHARED / "tools" / "score_annotations.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.contains


def gold_text(name: str) -> str:
    """A gold file's article: SaudiNewsNet texts ship beside the gold (texts/), seeds in data/seeds, as the
    shared scorer reads them."""
    beside = SHARED / "gold" / "texts" / name
    return (beside if beside.exists() else SHARED / "data" / "seeds" / name).read_text(encoding="utf-8")


def eval_seeds(verbose: bool) -> tuple[int, int]:
    contains = _scorer_contains()
    ok = total = 0
    for gp in sorted((SHARED / "gold").glob("*.json")):
        g = json.loads(gp.read_text())
        text = gold_text(g["file"])
        dates = find_dates(text, g.get("published"))
        for gd in g["dates"]:
            hit = any((contains(d.text, gd["text"]) or contains(gd["text"], d.text or "∅")) and d.value == gd["value"]
                      for d in dates)
            if gd["required"]:
                total += 1
                ok += hit
            if verbose or not hit:
                print(f"  seed {g['file']}: {'ok  ' if hit else 'MISS'} {gd['text']} = {gd['value']}"
                      f"{'' if gd['required'] else ' (optional)'}")
    return ok, total


def eval_saudinewsnet(verbose: bool) -> tuple[int, int, int, int, float]:
    gold = [json.loads(line) for line in (HERE / "saudinewsnet_dates.jsonl").read_text().splitlines() if line]
    arts = sample()
    by_doc: dict[int, list[dict]] = {}
    for g in gold:
        assert arts[g["doc"]]["url"] == g["url"], "sample drifted from the annotation"
        text = arts[g["doc"]]["content"]
        g["start"] = text.index(g["excerpt"]) + g["excerpt"].index(g["text"])
        g["end"] = g["start"] + len(g["text"])
        by_doc.setdefault(g["doc"], []).append(g)
    tp_sys = n_sys = tp_gold = n_gold = 0
    elapsed = 0.0
    for i, a in enumerate(arts):
        pub = a["date_extracted"][:10]
        t0 = time.perf_counter()
        sys_dates = find_dates(a["content"], pub)
        elapsed += time.perf_counter() - t0
        gs = by_doc.get(i, [])

        def match(d, g) -> bool:
            return d.start < g["end"] and g["start"] < d.end and d.value == g["value"]

        for d in sys_dates:
            n_sys += 1
            good = any(match(d, g) for g in gs)
            tp_sys += good
            if verbose or not good:
                print(f"  snn {i:2d} {pub}: {'ok  ' if good else 'FP  '} {d.text!r} = {d.value} ({d.precision})")
        for g in gs:
            if not g["required"]:
                continue
            n_gold += 1
            hit = any(match(d, g) for d in sys_dates)
            tp_gold += hit
            if not hit:
                print(f"  snn {i:2d} {pub}: MISS {g['text']!r} = {g['value']}  «{g['excerpt']}»")
    return tp_sys, n_sys, tp_gold, n_gold, elapsed / len(arts)


def speed(n: int = 2000) -> float:
    """Mean seconds per article over the seed examples and the sample, repeated."""
    texts = [(p.read_text(), "2017-12-07") for p in sorted((ROOT / "examples").glob("*.txt"))]
    texts += [(a["content"], a["date_extracted"][:10]) for a in sample()]
    t0 = time.perf_counter()
    k = 0
    while k < n:
        for t, p in texts:
            find_dates(t, p)
            k += 1
    return (time.perf_counter() - t0) / k


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    ok, total = eval_seeds(a.verbose)
    print(f"seeds: required dates recalled {ok}/{total} = {ok / total:.3f}")
    tp_sys, n_sys, tp_gold, n_gold, _ = eval_saudinewsnet(a.verbose)
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"saudinewsnet (20 articles): precision {tp_sys}/{n_sys} = {p:.3f}  recall {tp_gold}/{n_gold} = {r:.3f}"
          f"  F1 = {f:.3f}")
    print(f"speed: {speed() * 1e3:.3f} ms per article (mean over seeds + sample)")


if __name__ == "__main__":
    main()
