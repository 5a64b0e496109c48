"""Build src/korelect/charts/provinces_map.json from the 2018 TopoJSON of the 17 provinces.

Reads ../shared/data/maps/skorea-provinces-2018-topo-simple.json (통계청 SGIS
boundaries via southkorea/southkorea-maps; see ../shared/data/SOURCES.md and
../shared/data/maps/LICENSE.md), decodes it with the small TopoJSON decoder
below (quantized, delta-encoded arcs; Polygon and MultiPolygon geometries;
a negative arc index ~i is arc i reversed), projects longitude and latitude
with an equirectangular projection at 36°N (x = lon * cos 36°, y = -lat),
scales the result to WIDTH units wide, rounds to whole units (shared borders
stay identical, since every arc is rounded the same way), drops repeated
points and writes one SVG path per province, keyed by korelect's province
codes (src/korelect/data/provinces.csv, matched by Korean name or alias).

The output is deterministic: running the script twice gives the same bytes.

    python scripts/build_map.py [--shared ../shared] [--out src/korelect/charts/provinces_map.json]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "data/maps/skorea-provinces-2018-topo-simple.json"
WIDTH = 800
LATITUDE = 36.0
PAD = 4

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Every arc as absolute longitude/latitude points."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        points: list[Point] = []
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """One closed ring from its arc indices (~i: arc i reversed)."""
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[list[list[Point]]]:
    """A geometry's polygons, each a list of rings (outer ring first)."""
    if geometry["type"] == "Polygon":
        return [[ring(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(r, arcs) for r in poly] for poly in geometry["arcs"]]
    raise ValueError(f"unsupported geometry type {geometry['type']!r}")


def province_codes(path: Path) -> dict[str, str]:
    """Korean name or alias -> province code."""
    names: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for name in [row["name_ko"], row["short_ko"], *row["aliases"].split(";")]:
                if name:
                    names[name] = row["code"]
    return names


def build(shared: Path) -> str:
    """The JSON text of the map."""
    topology = json.loads((shared / SOURCE).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    codes = province_codes(ROOT / "src/korelect/data/provinces.csv")
    order = list(dict.fromkeys(codes.values()))
    (obj,) = topology["objects"].values()
    cos = math.cos(math.radians(LATITUDE))
    shapes: dict[str, list[list[list[Point]]]] = {}
    for geometry in obj["geometries"]:
        name = geometry["properties"]["name"]
        if name not in codes:
            raise SystemExit(f"build_map: no province code for {name!r}")
        projected = [
            [[(lon * cos, -lat) for lon, lat in r] for r in poly]
            for poly in polygons(geometry, arcs)
        ]
        shapes[codes[name]] = projected
    xs = [x for polys in shapes.values() for poly in polys for r in poly for x, _ in r]
    ys = [y for polys in shapes.values() for poly in polys for r in poly for _, y in r]
    scale = (WIDTH - 2 * PAD) / (max(xs) - min(xs))
    height = math.ceil((max(ys) - min(ys)) * scale) + 2 * PAD
    x0, y0 = min(xs), min(ys)
    provinces = []
    for code in order:
        if code not in shapes:
            raise SystemExit(f"build_map: the map has no province {code!r}")
        parts = []
        for poly in shapes[code]:
            for r in poly:
                pts: list[tuple[int, int]] = []
                for x, y in r:
                    p = (round((x - x0) * scale) + PAD, round((y - y0) * scale) + PAD)
                    if not pts or p != pts[-1]:
                        pts.append(p)
                if len(pts) > 1 and pts[0] == pts[-1]:
                    pts.pop()
                if len(pts) < 3:
                    continue
                steps = [f"M{pts[0][0]} {pts[0][1]}l"]
                steps.extend(f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in itertools.pairwise(pts))
                parts.append(" ".join(steps).replace("l ", "l") + "z")
        provinces.append({"code": code, "path": "".join(parts)})
    doc = {
        "source": "통계청 SGIS 2018 province boundaries, via southkorea/southkorea-maps "
        "(skorea-provinces-2018-topo-simple.json); 공공누리 제1유형 (KOGL Type 1)",
        "projection": f"equirectangular at {LATITUDE:g}N, {WIDTH} units wide, whole units",
        "width": WIDTH,
        "height": height,
        "provinces": provinces,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    """Write the map."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src/korelect/charts/provinces_map.json")
    args = parser.parse_args()
    text = build(args.shared)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()):,} bytes)")


if __name__ == "__main__":
    main()
