"""The map beside the timeline: where each event happened, and the base map the page embeds.

An event with coordinates is drawn at them; an event known only to its country at the
country's centroid (plotly.js places ISO-3 `locations` there, from the base map's
properties.ct). Events at the same place share one marker, sized by how many of them the
timeline's range and filters select (the page counts them, page.js).

The base map (data/world_110m.json, tools/basemap.py) is plotly's own world_110m TopoJSON,
embedded in the page as PlotlyGeoAssets.topojson.world_110m, so that plotly.js fetches nothing.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from .config import MAP_COLOUR, MAP_HEIGHT_PX, MAP_LINE_COLOUR
from .encode import index_dtype, typed

BASEMAP = Path(__file__).resolve().parent / "data" / "world_110m.json"
#: The name plotly.js looks the base map up by (scope "world", resolution 110).
BASEMAP_NAME = "world_110m"
#: Members of the data file that are not TopoJSON (its header); left out of the page.
HEADER_MEMBERS = ("about", "examples")


@lru_cache(maxsize=1)
def basemap() -> dict:
    """The base map's TopoJSON (without its header)."""
    from ..errors import ConflictTimelineError

    try:
        data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConflictTimelineError(
            f"{BASEMAP}: the timeline's base map cannot be read ({exc}). "
            "Fix: reinstall conflict-timeline or rerun timeline/tools/basemap.py."
        ) from exc
    return {k: v for k, v in data.items() if k not in HEADER_MEMBERS}


@lru_cache(maxsize=1)
def basemap_json() -> str:
    """The base map as compact JSON for the page (no '<', so it cannot end its script block)."""
    return json.dumps(basemap(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("<", "\\u003c")


@lru_cache(maxsize=1)
def centroids() -> dict[str, list[float]]:
    """ISO-3 code -> [lon, lat] of the centroid of every country the base map draws."""
    return {g["id"]: g["properties"]["ct"] for g in basemap()["objects"]["countries"]["geometries"] if g.get("id")}


def _number(values: np.ndarray) -> np.ndarray:
    out = np.full(len(values), np.nan)
    for i, v in enumerate(values):
        if v != "":
            try:
                out[i] = float(v)
            except ValueError:
                pass
    return out


def places(latitude: np.ndarray, longitude: np.ndarray, country: np.ndarray, label: np.ndarray) -> dict:
    """{"mark": place of each mark (0 = not on the map, k = list[k-1]), "list": places}: a
    place is {"label", "lat", "lon"} (coordinates, rounded to ~100 m) or {"label", "iso3",
    "lat", "lon"} (a country, drawn at plotly's centroid of it, whose coordinates these are)."""
    lat, lon = _number(latitude), _number(longitude)
    has_point = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    known = centroids()
    index: dict[tuple, int] = {}
    found: list[dict] = []
    mark = np.zeros(len(lat), dtype=np.int64)
    for i in range(len(lat)):
        if has_point[i]:
            key = ("ll", round(float(lat[i]), 3), round(float(lon[i]), 3))
        elif country[i] in known:
            key = ("c", country[i])
        else:
            continue
        if key not in index:
            index[key] = len(found) + 1
            place = {"label": str(label[i] or country[i])}
            if key[0] == "ll":
                place.update({"lat": key[1], "lon": key[2]})
            else:  # the centroid too, to centre the map on a lone country
                place.update({"iso3": key[1], "lat": known[key[1]][1], "lon": known[key[1]][0]})
            found.append(place)
        mark[i] = index[key]
    return {"mark": typed(mark, index_dtype(len(found) + 1)), "list": found}


def map_layout() -> dict:
    """The map's layout: the whole world at first, zoomed to the events by the page."""
    return {
        "height": MAP_HEIGHT_PX,
        "margin": {"l": 4, "r": 4, "t": 30, "b": 4},
        "title": {"text": "<b>Where</b> (events in the timeline's view)", "x": 0.01, "xanchor": "left",
                  "font": {"size": 13}},
        "paper_bgcolor": "white",
        "showlegend": False,
        "geo": {
            "scope": "world", "resolution": 110, "projection": {"type": "natural earth"},
            "showcountries": True, "countrycolor": MAP_LINE_COLOUR, "showland": True, "landcolor": "#F2F2F2",
            "showocean": False, "showlakes": False, "showrivers": False, "bgcolor": "#FAFCFF",
            "showcoastlines": False, "showframe": False,
            "fitbounds": "locations",
        },
        "hoverlabel": {"bgcolor": "white", "bordercolor": MAP_COLOUR},
    }
