"""Loading the built knowledge base into memory, once.

The KB ships as one SQLite file (`data/kb.sqlite`, written by `build.py`). At first use every table is
read into plain dicts keyed by normalised names, so that linking a mention or scanning an article is a
handful of hash lookups and never a query or a scan of the 85K places; the file is closed afterwards.
"""

from __future__ import annotations

import os
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from marsad.lazy import lazy_singleton

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "kb.sqlite"


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One knowledge-base entity (a candidate for a mention)."""

    idx: int  # position in rank order: lower is more important
    id: str  # Wikidata QID, or a stable project id (m:…, wof:…, gn:…, ocha:…)
    name: str  # canonical Arabic name
    name_en: str | None
    type: str  # PER ORG GPE LOC FAC MISC
    wikidata: str | None
    country: str | None  # ISO alpha-3
    sector: str | None  # CAMEO agent code
    lat: float | None
    lon: float | None
    precision: str | None  # settlement | region | country
    rank: float  # prior importance, used to break ties between same-named candidates
    source: str  # core | cldr | wof:<placetype> | opensyria:<level> | geonames | up
    region: str | None  # Arabic name of the governorate/province, for places
    titles: tuple[str, ...]  # normalised role titles (وزير الخارجية, الرئيس) for persons

    @property
    def is_place(self) -> bool:
        return self.type in ("GPE", "LOC", "FAC")


class KB:
    """In-memory KB: name → candidates, the raw-text matcher's dictionary, adjectives, agents."""

    def __init__(self, path: Path | str | None = None) -> None:
        from marsad.text.normalize import normalize

        p = Path(path or os.environ.get("MARSAD_KB") or DEFAULT_PATH)
        if not p.exists():
            raise FileNotFoundError(f"{p}: knowledge base missing; build it with "
                                    "`python -m marsad.kb.build --shared /work/shared --out marsad/kb/data`")
        con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            self.entries: list[KBEntry] = [
                KBEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13],
                        tuple(normalize(t) for t in r[14].split("|")) if r[14] else ())
                for r in con.execute("SELECT idx, id, name, name_en, type, wikidata, country, sector, lat, lon, "
                                     "precision, rank, source, region, titles FROM entity ORDER BY idx")
            ]
            names: dict[str, list[int]] = defaultdict(list)
            auto: dict[str, int] = {}
            for key, idx, a in con.execute("SELECT key, idx, auto FROM alias ORDER BY key, idx"):
                names[key].append(idx)
                if a and key not in auto:
                    auto[key] = idx
            self.names: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in names.items()}
            self.auto: dict[str, int] = auto
            self.adjectives: dict[str, str] = dict(con.execute("SELECT form, country FROM adjective"))
            self.agents: dict[str, str] = dict(con.execute("SELECT key, sector FROM agent"))
        finally:
            con.close()
        self.by_id: dict[str, KBEntry] = {e.id: e for e in self.entries}
        self.country_entry: dict[str, KBEntry] = {}
        for e in self.entries:
            if e.precision == "country" and e.country and e.country not in self.country_entry:
                self.country_entry[e.country] = e
        # raw-text matcher: first word → longest alias length starting with it
        self.auto_first: dict[str, int] = {}
        for k in self.auto:
            w = k.split(" ")
            if self.auto_first.get(w[0], 0) < len(w):
                self.auto_first[w[0]] = len(w)
        self.max_name_words = max((k.count(" ") + 1 for k in self.names), default=1)
        # fuzzy index over curated persons/organisations only, bucketed by length
        self.fuzzy_buckets: dict[int, list[str]] = defaultdict(list)
        for k, idxs in self.names.items():
            if len(k) >= 5 and any(self.entries[i].source == "core" and self.entries[i].type in ("PER", "ORG")
                                   for i in idxs):
                self.fuzzy_buckets[len(k)].append(k)

    def candidates(self, key: str) -> list[KBEntry]:
        """Entities with this exact normalised name, most important first."""
        return [self.entries[i] for i in self.names.get(key, ())]


@lazy_singleton
def get_kb() -> KB:
    """The process-wide KB, loaded on first use (≈1 s) and shared by every caller afterwards."""
    return KB()
