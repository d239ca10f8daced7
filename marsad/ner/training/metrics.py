"""Entity-level precision/recall/F1 (exact span and type, as conlleval counts them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from marsad.ner.bio import entities

TYPES = ("PERS", "LOC", "ORG", "MISC")


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, tuple[float, float, float, int]]:
    """Per-type and ``ALL`` (precision, recall, F1, gold count) over aligned tag sequences."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        ge = set(entities(list(g)))
        pe = set(entities(list(p)))
        for typ, _, _ in ge:
            n_gold[typ] += 1
        for typ, _, _ in pe:
            n_pred[typ] += 1
        for e in ge & pe:
            tp[e[0]] += 1
    out: dict[str, tuple[float, float, float, int]] = {}
    for typ in (*TYPES, "ALL"):
        if typ == "ALL":
            t, ng, np_ = sum(tp.values()), sum(n_gold.values()), sum(n_pred.values())
        else:
            t, ng, np_ = tp[typ], n_gold[typ], n_pred[typ]
        p = t / np_ if np_ else 0.0
        r = t / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[typ] = (p, r, f, ng)
    return out


def format_scores(scores: dict[str, tuple[float, float, float, int]]) -> str:
    """A small fixed-width table of `score` output."""
    lines = [f"{'type':<5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for typ, (p, r, f, n) in scores.items():
        lines.append(f"{typ:<5} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")
    return "\n".join(lines)
