"""The timeline's base map data file: matches its JSON Schema, states its source and licence,
and its examples (a country's centroid lies near a point inside it) hold."""

from __future__ import annotations

import json
import math

import jsonschema
import pytest

from conflict_timeline.timeline import geo

DATA = json.loads(geo.BASEMAP.read_text(encoding="utf-8"))


def test_base_map_matches_its_json_schema_and_states_source_and_licence():
    schema = json.loads((geo.BASEMAP.parent / "schemas" / "world_110m.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(DATA, schema)
    assert "MIT" in DATA["about"]["licence"] and "Natural Earth" in DATA["about"]["source"]


@pytest.mark.parametrize("example", DATA["examples"], ids=lambda e: e["country"])
def test_base_map_centroid_examples_hold(example):
    lon, lat = geo.centroids()[example["country"]]
    assert math.dist((lon, lat), example["near"]) < 1.5


def test_the_page_gets_the_topology_without_the_header():
    assert set(geo.basemap()) == {"type", "objects", "arcs", "transform", "bbox"}
    assert "<" not in geo.basemap_json()


def test_places_put_coordinates_at_their_place_and_countries_at_their_centroid():
    out = geo.places(["6.2442", "", "", "91"], ["-75.5812", "", "", "10"], ["COL", "MMR", "XXX", "SOM"],
                     ["Medellín, Colombia", "Myanmar", "Nowhere", "Somalia"])
    assert out["list"][0] == {"label": "Medellín, Colombia", "lat": 6.244, "lon": -75.581}
    assert out["list"][1]["iso3"] == "MMR" and out["list"][2]["iso3"] == "SOM"  # a latitude of 91 is no place
    from conflict_timeline.timeline.encode import untyped

    assert list(untyped(out["mark"])) == [1, 2, 0, 3]
