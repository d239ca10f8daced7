"""Draw events for a reader to judge: output events of fresh SaudiNewsNet politics articles, at random.

The held-out measure of issue 17 asks what share of the events the coder outputs are real events of their
type, as a careful reader of the article judges them. No script can answer that; this one draws the sample
reproducibly so that the judgement can be repeated and compared. Politics articles are those whose URL
names a politics, world or Arab-affairs section; the articles start at `--offset` in the corpus order, so a
new offset gives articles no rule was written from.

    .venv/bin/python eval/events/sample_events.py --offset 22000 --articles 250 --n 60 --seed 5

Prints one line per sampled event: index, type, trigger, actor and recipient names, and the context. The
verdicts for three draws (the commit whose output was judged, the offset and seed) are in `judged_sample.tsv`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.annotate.pipeline import Pipeline  # noqa: E402
from marsad.events.coder import code_events  # noqa: E402
from marsad.ingest import IngestError, iter_documents  # noqa: E402

SHARED = Path(os.environ.get("MARSAD_SHARED") or ROOT.parent / "shared")
_POLITICS = re.compile(r"politic|/world|/arab|international|/news/(?:middle|world|arab)|سياس|عرب|دولي", re.I)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--offset", type=int, default=22000, help="first article (corpus order) to consider")
    ap.add_argument("--articles", type=int, default=250, help="politics articles to annotate")
    ap.add_argument("--n", type=int, default=60, help="events to draw")
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args()
    pipe = Pipeline()
    docs = []
    for d in islice(iter_documents([str(SHARED / "data" / "news" / "saudinewsnet")]), a.offset, None):
        if isinstance(d, IngestError) or not d.url or not _POLITICS.search(d.url):
            continue
        docs.append(pipe(d))
        if len(docs) >= a.articles:
            break
    events = []
    for d in docs:
        names = {e.id: e.name for e in d.entities}
        text = d.text or ""
        for ev in code_events(d):
            ctx = text[max(0, ev.trigger.start - 110):ev.trigger.end + 70].replace("\n", " ")
            events.append((ev.type, ev.trigger.text, [names.get(x, x) for x in ev.actor],
                           [names.get(x, x) for x in ev.recipient], ctx))
    print(f"{len(docs)} articles, {len(events)} events")
    random.seed(a.seed)
    for i, (typ, trig, actor, recip, ctx) in enumerate(random.sample(events, min(a.n, len(events)))):
        print(f"{i}\t{typ}\t{trig}\tA={actor}\tR={recip}\t{ctx}")


if __name__ == "__main__":
    main()
