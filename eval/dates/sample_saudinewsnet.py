"""Draw the fixed SaudiNewsNet sample that `saudinewsnet_dates.jsonl` annotates (seed 20150721).

Run once before annotating; the annotations were written by hand from this output, before the
extractor was run on these articles, so the sample cannot have been tuned to the extractor.
"""

from __future__ import annotations

import json
import pathlib
import random
import zipfile

DATA = pathlib.Path("/work/shared/data/news/saudinewsnet")
SEED = 20150721
N = 20


def load_all() -> list[dict]:
    """Every article of every daily zip, in file order (deterministic)."""
    out: list[dict] = []
    for zp in sorted(DATA.glob("*.zip")):
        with zipfile.ZipFile(zp) as z:
            for name in sorted(z.namelist()):
                if name.endswith(".json"):
                    out.extend(json.loads(z.read(name)))
    return out


def sample() -> list[dict]:
    """N articles of 300-2,500 characters (short enough to annotate every date by hand)."""
    arts = [a for a in load_all() if 300 <= len(a.get("content") or "") <= 2500]
    return random.Random(SEED).sample(arts, N)


if __name__ == "__main__":
    for i, a in enumerate(sample()):
        print(f"=== {i} {a['url']} {a['date_extracted']}")
        print(a["content"])
