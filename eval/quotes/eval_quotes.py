"""Score `marsad.annotate.quotes.extract_quotes` on the shared gold seeds and on our SaudiNewsNet set.

Why two sets: the two gold seeds are what the project is scored on, but tuning to two articles overfits;
`saudinewsnet_gold.jsonl` (18 politics-section articles drawn with a fixed seed, every reported-speech quote
annotated by hand before any rule was written) measures how the rules generalise.

Matching follows /work/shared/tools/score_annotations.py, whose functions are imported by path:
a gold quote is found when a system content contains its anchor (tolerant of hamza/alef, taa marbuta,
diacritics and proclitics); precision counts system quotes whose content contains any gold anchor,
required or not. On the seeds the official `score()` is used as is (first matching system quote). On our
set the *tightest* matching quote is taken (the one with the shortest content containing the anchor), so a
quote inside a quote is credited to the inner quote rather than to the outer one that also contains it;
a speaker is right when the system speaker text (or its linked entity's names) contains one of the gold
names and is at most 5 words longer (a title before a name is fine; the official scorer allows 2).

Each set is run twice: with no entities (the quote stage alone) and with "oracle" entities built from the
gold names found in the text, which stands in for the entity stage and exercises speaker linking.

usage: .venv/bin/python eval/quotes/eval_quotes.py [--verbose] [--speed]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.document import Document, Entity, Span  # noqa: E402
from marsad.quotes import extract_quotes  # noqa: E402

SHARED = Path(os.environ.get("MARSAD_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")
HERE = Path(__file__).resolve().parent
NEWS = SHARED / "data" / "news" / "saudinewsnet"


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_annotations", SHARED / "tools" / "score_annotations.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SA = _scorer()


def oracle_entities(text: str, groups: list[tuple[str, str, list[str]]]) -> list[Entity]:
    """Entities whose mentions are every exact occurrence of the given names (longest names first)."""
    taken: list[tuple[int, int]] = []
    out: list[Entity] = []
    for key, typ, names in groups:
        ent = Entity(id=key, name=names[0], type=typ)
        for name in sorted(names, key=len, reverse=True):
            start = 0
            while (i := text.find(name, start)) >= 0:
                start = i + 1
                if any(a < i + len(name) and i < b for a, b in taken):
                    continue
                taken.append((i, i + len(name)))
                ent.mentions.append(Span(i, i + len(name), name))
        if ent.mentions:
            out.append(ent)
    return out


# --- the gold seeds, scored with the official function ------------------------------------------------
def gold_text(name: str) -> str:
    """A gold file's article: SaudiNewsNet texts ship beside the gold (texts/), seeds in data/seeds, as the
    shared scorer reads them."""
    beside = SHARED / "gold" / "texts" / name
    return (beside if beside.exists() else SHARED / "data" / "seeds" / name).read_text(encoding="utf-8")


def eval_seeds(oracle: bool, verbose: bool) -> dict[str, float]:
    tot: dict[str, Any] = {}
    for gp in sorted((SHARED / "gold").glob("*.json")):
        g = json.loads(gp.read_text())
        text = gold_text(g["file"])
        doc = Document(text=text, published=g.get("published"))
        if oracle:
            doc.entities = oracle_entities(text, [(e["key"], e["type"], e["names"]) for e in g["entities"]])
        doc.quotes = extract_quotes(doc)
        r = SA.score(g, doc.to_json())
        if verbose:
            print(g["file"], {k: v for k, v in r.items() if k.startswith("q_")})
            for q in doc.quotes:
                sp = q.speaker.text if q.speaker else None
                print(f"   [{q.cue.cls}] {q.cue.text} | {sp} | ent={q.speaker.entity if q.speaker else None}"
                      f" | {q.content.text[:70]}")
        for k, v in r.items():
            if isinstance(v, int):
                tot[k] = tot.get(k, 0) + v
            elif k == "q_missed":
                tot[k] = tot.get(k, []) + v
    return {
        "recall": tot["q_tp"] / tot["q_gold"],
        "precision": tot["q_sys_ok"] / max(tot["q_sys"], 1),
        "speaker": tot["q_speaker_ok"] / tot["q_gold"],
        "class": tot["q_class_ok"] / tot["q_gold"],
        "gold": tot["q_gold"], "system": tot["q_sys"], "missed": tot.get("q_missed", []),
    }


# --- our SaudiNewsNet set ------------------------------------------------------------------------------
def load_articles(urls: set[str]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for z in sorted(NEWS.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for a in json.loads(zf.read(name)):
                    if a.get("url") in urls and a["url"] not in found:
                        found[a["url"]] = a
    return found


def article_text(a: dict) -> str:
    """The document text as the pipeline sees it: title line, then the body."""
    return (a.get("title") or "").strip() + "\n" + (a.get("content") or "")


def speaker_ok(q: Any, names: list[str], ents: dict[str, Entity]) -> bool:
    sp = q.speaker
    cands = [sp.text if sp else ""]
    if sp is not None and sp.entity in ents:
        e = ents[sp.entity]
        cands += [m.text for m in e.mentions] + [e.name]
    for c in cands:
        for n in names:
            if SA.contains(c, n) and len(SA.norm(c).split()) <= len(SA.norm(n).split()) + 5:
                return True
            if SA.name_match(c, n):
                return True
    return False


def eval_snn(rows: list[dict], arts: dict[str, dict], oracle: bool, verbose: bool) -> dict[str, Any]:
    n_gold = tp = sp_ok = cls_ok = n_sys = sys_ok = 0
    missed: list[str] = []
    for row in rows:
        text = article_text(arts[row["url"]])
        doc = Document(text=text, title=arts[row["url"]].get("title"), published=row["published"])
        if oracle:
            groups = []
            for gi, g in enumerate(row["quotes"]):
                groups.append((f"S{gi}", "ORG", g["speaker"]))
            doc.entities = oracle_entities(text, groups)
        qs = extract_quotes(doc)
        ents = {e.id: e for e in doc.entities}
        for g in row["quotes"]:
            hits = [q for q in qs if SA.contains(q.content.text, g["anchor"])]
            if not g["required"]:
                continue
            n_gold += 1
            if not hits:
                missed.append(f"{row['id']}: {g['anchor']}")
                continue
            h = min(hits, key=lambda q: q.content.end - q.content.start)
            tp += 1
            sp_ok += speaker_ok(h, g["speaker"], ents)
            cls_ok += h.cue.cls == g["class"]
            if verbose and not speaker_ok(h, g["speaker"], ents):
                print(f"  speaker? {row['id']} {g['anchor']!r}: got {h.speaker.text if h.speaker else None!r} want {g['speaker']}")
            if verbose and h.cue.cls != g["class"]:
                print(f"  class? {row['id']} {g['anchor']!r}: got {h.cue['class']} want {g['class']}")
        for q in qs:
            n_sys += 1
            ok = any(SA.contains(q.content.text, g["anchor"]) for g in row["quotes"])
            sys_ok += ok
            if verbose and not ok:
                print(f"  extra {row['id']}: [{q.cue.cls}] {q.cue.text} | "
                      f"{q.speaker.text if q.speaker else None} | {q.content.text[:80]}")
    if verbose:
        for m in missed:
            print("  missed", m)
    return {"recall": tp / n_gold, "precision": sys_ok / max(n_sys, 1), "speaker": sp_ok / n_gold,
            "class": cls_ok / n_gold, "gold": n_gold, "system": n_sys}


def speed(rows: list[dict], arts: dict[str, dict], repeat: int = 200) -> dict[str, float]:
    """Milliseconds per article for extract_quotes (median over articles of the mean of `repeat` runs)."""
    per: list[float] = []
    chars: list[int] = []
    for row in rows:
        doc = Document(text=article_text(arts[row["url"]]))
        extract_quotes(doc)
        t0 = time.perf_counter()
        for _ in range(repeat):
            extract_quotes(doc)
        per.append((time.perf_counter() - t0) / repeat * 1000)
        chars.append(len(doc.text))
    return {"median_ms": statistics.median(per), "max_ms": max(per), "mean_chars": statistics.mean(chars)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--speed", action="store_true")
    a = ap.parse_args()
    rows = [json.loads(line) for line in (HERE / "saudinewsnet_gold.jsonl").read_text().splitlines() if line]
    arts = load_articles({r["url"] for r in rows})

    def fmt(m: dict[str, Any]) -> str:
        return (f"recall={m['recall']:.2f} precision={m['precision']:.2f} speaker={m['speaker']:.2f} "
                f"class={m['class']:.2f} (gold {m['gold']}, system {m['system']})")

    for oracle in (False, True):
        tag = "oracle entities" if oracle else "no entities"
        s = eval_seeds(oracle, a.verbose)
        print(f"gold seeds      [{tag}]: {fmt(s)}" + (f" missed={s['missed']}" if s["missed"] else ""))
        print(f"saudinewsnet    [{tag}]: {fmt(eval_snn(rows, arts, oracle, a.verbose))}")
    if a.speed:
        sp = speed(rows, arts)
        print(f"speed: median {sp['median_ms']:.3f} ms/article, max {sp['max_ms']:.3f} ms "
              f"(mean {sp['mean_chars']:.0f} chars)")


if __name__ == "__main__":
    main()
