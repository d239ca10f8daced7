"""PLOVER gold sentences in Arabic (UniversalPetrarch's ASSAULT and PROTEST validation sets): how often the
coder finds the sentence's type, and how often it finds the other one instead.

Run from the project root::

    .venv/bin/python eval/events/eval_gsr.py FILE [FILE ...]

Each FILE is either UniversalPetrarch's validation XML (`Arabic_validation/arabic_assault_gsr_validation.xml`,
`arabic_protest_gsr_validation.xml`: `<Sentence category=… date=…><Text>…</Text>`) or a JSONL of
`{"cat": "ASSAULT"|"PROTEST", "text": …, "date": "YYYY-MM-DD"?}`. The sets are not shipped here (MIT, in the
UniversalPetrarch repository); nothing in the coder was fitted to them. Every sentence is annotated as a
one-sentence document by the whole pipeline; a type is found when a non-negated event of it is coded.

Prints, per category: the share of its sentences with an ASSAULT found and with a PROTEST found (the
issue's four figures are ASSAULT→ASSAULT, ASSAULT→PROTEST, PROTEST→PROTEST, PROTEST→ASSAULT).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.document import Document  # noqa: E402

_SENT = re.compile(r'<Sentence\b([^>]*)>(.*?)</Sentence>', re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def read_sentences(path: Path) -> list[dict[str, Any]]:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in raw.splitlines() if line.strip()]
    out = []
    for m in _SENT.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        t = _TEXT.search(m.group(2))
        if not t or attrs.get("evaluate", "true") != "true":
            continue
        d = attrs.get("date", "")
        out.append({"cat": attrs.get("category", ""), "text": html.unescape(t.group(1)).strip(),
                    "date": f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else None})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--verbose", action="store_true", help="print the sentences whose type was missed or crossed")
    a = ap.parse_args()
    from marsad.annotate.pipeline import Pipeline

    pipe = Pipeline()
    n: Counter[str] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    for f in a.files:
        for s in read_sentences(f):
            cat = s["cat"]
            doc = pipe(Document(text=s["text"], published=s.get("date")))
            types = {e.type for e in doc.events if not e.negated}
            n[cat] += 1
            for t in ("ASSAULT", "PROTEST"):
                found[(cat, t)] += t in types
            if a.verbose and (cat not in types or ({"ASSAULT", "PROTEST"} - {cat}) & types):
                print(f"  {cat} -> {sorted(types)}: {s['text'][:120]}")
    for cat in sorted(n):
        shares = " ".join(f"with {t} {found[(cat, t)] / n[cat]:.2f}" for t in ("ASSAULT", "PROTEST"))
        print(f"{cat} sentences: {n[cat]}; {shares}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
