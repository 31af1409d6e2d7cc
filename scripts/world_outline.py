"""Write the offline map's world outline (static/vendor/world-outline.json) from Natural
Earth's 1:110m countries shapefile (public domain; the copy bundled in geopandas 0.14's
datasets/naturalearth_lowres). Each polygon ring becomes an SVG path in degrees
(x = longitude, y = -latitude), rounded to 0.1 degree.

    python scripts/world_outline.py naturalearth_lowres.shp OUT.json
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

POLYGON = 5


def rings(shp: bytes):
    """The rings of every polygon record of a shapefile."""
    at = 100
    while at < len(shp):
        _, words = struct.unpack(">ii", shp[at:at + 8])
        record = shp[at + 8:at + 8 + 2 * words]
        at += 8 + 2 * words
        if struct.unpack("<i", record[:4])[0] != POLYGON:
            continue
        parts, points = struct.unpack("<ii", record[36:44])
        starts = list(struct.unpack(f"<{parts}i", record[44:44 + 4 * parts])) + [points]
        base = 44 + 4 * parts
        xy = struct.unpack(f"<{2 * points}d", record[base:base + 16 * points])
        for begin, end in zip(starts, starts[1:]):
            yield [(xy[2 * i], xy[2 * i + 1]) for i in range(begin, end)]


def path(ring) -> str:
    points, last = [], None
    for lon, lat in ring:
        point = f"{lon:.1f} {-lat:.1f}"
        if point != last:
            points.append(point)
            last = point
    return "M" + "L".join(points) + "Z" if len(points) > 2 else ""


def main(source: str, out: str) -> None:
    paths = [p for p in (path(r) for r in rings(Path(source).read_bytes())) if p]
    Path(out).write_text(json.dumps({
        "source": "Natural Earth 1:110m countries (public domain), naturalearthdata.com",
        "projection": "equirectangular, degrees: x = longitude, y = -latitude",
        "paths": paths}, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
