"""Offline map drawing: shipped country outlines, an equirectangular projection, server-rendered SVG.

The map must work with no tile server and no network, and without JavaScript, so the page is an SVG drawn
here from a small GeoJSON file shipped in `marsad/web/static/`. That file is Natural Earth's 1:110m
admin-0 countries (public domain) reduced with Douglas-Peucker and rounded to 0.01°; rebuild it with

    python -m marsad.api.geo /work/shared/data/geo/ne_110m_admin_0_countries.json marsad/web/static/countries.geojson
"""

from __future__ import annotations

import functools
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
COUNTRIES = STATIC / "countries.geojson"

Point = tuple[float, float]


# -- building the shipped outlines -------------------------------------------------------------------------
def _dp(points: list[Point], tol: float) -> list[Point]:
    """Douglas-Peucker line simplification (iterative, so long rings cannot overflow the stack)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if (dx or dy) else math.hypot(x - x1, y - y1)
            if d > best:
                best, idx = d, i
        if idx != -1 and best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _ring(ring: list[list[float]], tol: float) -> list[list[float]] | None:
    pts = _dp([(p[0], p[1]) for p in ring], tol)
    out: list[list[float]] = []
    for x, y in pts:
        q = [round(x, 2), round(y, 2)]
        if not out or out[-1] != q:
            out.append(q)
    return out if len(out) >= 4 else None


def simplify(src: Path, dst: Path, tol: float = 0.08) -> int:
    """Write a small GeoJSON of country outlines (name, ISO code) from Natural Earth; returns bytes."""
    data = json.loads(src.read_text(encoding="utf-8"))
    feats = []
    for f in data["features"]:
        p, g = f["properties"], f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        out_polys = []
        for poly in polys:
            rings = [r for r in (_ring(ring, tol) for ring in poly) if r]
            if rings:
                out_polys.append(rings)
        if out_polys:
            iso = p.get("ISO_A3") if p.get("ISO_A3") not in (None, "-99") else p.get("ADM0_A3")
            feats.append({"type": "Feature", "properties": {"iso": iso, "name": p.get("NAME")},
                          "geometry": {"type": "MultiPolygon", "coordinates": out_polys}})
    text = json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":"))
    dst.write_text(text + "\n", encoding="utf-8")
    return len(text)


# -- drawing --------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class View:
    """A lon/lat window drawn in an equirectangular projection (x = lon, y = -lat, scaled)."""

    west: float
    south: float
    east: float
    north: float
    scale: float = 10.0  # SVG units per degree

    def xy(self, lon: float, lat: float) -> Point:
        return (round((lon - self.west) * self.scale, 1), round((self.north - lat) * self.scale, 1))

    @property
    def size(self) -> Point:
        return ((self.east - self.west) * self.scale, (self.north - self.south) * self.scale)

    def intersects(self, bbox: tuple[float, float, float, float]) -> bool:
        w, s, e, n = bbox
        return not (e < self.west or w > self.east or n < self.south or s > self.north)


VIEWS = {
    "middle-east": View(24.0, 10.0, 64.0, 43.0),
    "mena": View(-18.0, 8.0, 64.0, 44.0, scale=8.0),
    "world": View(-180.0, -60.0, 180.0, 84.0, scale=3.0),
}


@dataclass(frozen=True, slots=True)
class Country:
    iso: str | None
    name: str | None
    bbox: tuple[float, float, float, float]
    polygons: list[list[list[list[float]]]]


@functools.cache
def countries() -> list[Country]:
    """The shipped outlines, loaded once per process."""
    data = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    out = []
    for f in data["features"]:
        polys = f["geometry"]["coordinates"]
        xs = [p[0] for poly in polys for ring in poly for p in ring]
        ys = [p[1] for poly in polys for ring in poly for p in ring]
        out.append(Country(f["properties"].get("iso"), f["properties"].get("name"),
                           (min(xs), min(ys), max(xs), max(ys)), polys))
    return out


def country_paths(view: View) -> list[dict[str, Any]]:
    """SVG path data for every country that shows in the view (others are left out to keep pages small)."""
    out = []
    for c in countries():
        if not view.intersects(c.bbox):
            continue
        d = []
        for poly in c.polygons:
            for ring in poly:
                pts = [view.xy(x, y) for x, y in ring]
                d.append("M" + "L".join(f"{x:g},{y:g}" for x, y in pts) + "Z")
        out.append({"iso": c.iso, "name": c.name, "d": "".join(d)})
    return out


def graticule(view: View, step: int = 10) -> list[dict[str, Any]]:
    """Meridians and parallels every `step` degrees inside the view, with their labels."""
    lines = []
    w, h = view.size
    for lon in range(math.ceil(view.west / step) * step, int(view.east) + 1, step):
        x, _ = view.xy(lon, view.north)
        lines.append({"d": f"M{x:g},0V{h:g}", "label": f"{abs(lon)}°{'E' if lon >= 0 else 'W'}", "x": x, "y": h - 4})
    for lat in range(math.ceil(view.south / step) * step, int(view.north) + 1, step):
        _, y = view.xy(view.west, lat)
        lines.append({"d": f"M0,{y:g}H{w:g}", "label": f"{abs(lat)}°{'N' if lat >= 0 else 'S'}", "x": 4, "y": y - 3})
    return lines


def points(view: View, places: list[dict[str, Any]], max_r: float = 16.0) -> list[dict[str, Any]]:
    """Circles for event places (area proportional to the number of events), largest drawn first."""
    if not places:
        return []
    top = max(p["events"] for p in places) or 1
    out = []
    for p in sorted(places, key=lambda p: -p["events"]):
        x, y = view.xy(p["lon"], p["lat"])
        r = max(3.0, max_r * math.sqrt(p["events"] / top))
        out.append(p | {"x": x, "y": y, "r": round(r, 1),
                        "inside": 0 <= x <= view.size[0] and 0 <= y <= view.size[1]})
    return out


if __name__ == "__main__":  # pragma: no cover - a build step, run by hand
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    print(f"{dst}: {simplify(src, dst)} bytes")
