"""Pick the SaudiNewsNet politics articles for the hand-annotated quote set, reproducibly.

Politics sections are recognised by URL (alwatan `/Politics/`, 3alyoum `/news/pol` and `/news/golobal`);
articles of 600-3,000 characters are kept so that every quote in them can be read and annotated by hand;
a fixed seed draws the sample so anyone can re-create the same list.

usage: .venv/bin/python eval/quotes/sample_articles.py [--n 18] [--seed 20240] > /tmp/sample.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zipfile
from pathlib import Path

NEWS = Path("/work/shared/data/news/saudinewsnet")
POLITICS = ("/Politics/", "/news/pol/", "/news/golobal/")


def politics_articles(news_dir: Path = NEWS) -> list[dict]:
    """All politics articles of a sensible length, in archive order, deduplicated by URL."""
    seen: set[str] = set()
    out: list[dict] = []
    for z in sorted(news_dir.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for a in json.loads(zf.read(name)):
                    url = a.get("url") or ""
                    if url in seen or not any(p in url for p in POLITICS):
                        continue
                    if 600 <= len(a.get("content") or "") <= 3000:
                        seen.add(url)
                        out.append(a)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=18)
    ap.add_argument("--seed", type=int, default=20240)
    a = ap.parse_args()
    arts = politics_articles()
    pick = random.Random(a.seed).sample(arts, a.n)
    for art in pick:
        sys.stdout.write(json.dumps(art, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
