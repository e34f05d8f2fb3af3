"""The Table Schemas of the package: JSON files next to this module, loaded by resource name."""

from __future__ import annotations

import copy
import functools
import json

import pyarrow as pa

from ..settings import RESOURCES, SCHEMA_DIR

ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
               "boolean": pa.bool_(), "date": pa.date32()}

#: frictionless reads Parquet through pandas, which turns a missing integer or number into NaN.
PARQUET_MISSING_VALUES = ["", "nan"]


@functools.cache
def _load(name: str) -> dict:
    with open(SCHEMA_DIR / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def table_schema(name: str, parquet: bool = False) -> dict:
    """A fresh copy of a resource's Table Schema; for the Parquet copy, keys point at Parquet resources."""
    schema = copy.deepcopy(_load(name))
    if parquet:
        schema["missingValues"] = PARQUET_MISSING_VALUES
        for key in schema.get("foreignKeys", []):
            if "resource" in key["reference"]:
                key["reference"]["resource"] = parquet_name(key["reference"]["resource"])
    return schema


def parquet_name(name: str) -> str:
    return f"{name}_parquet"


def field_names(name: str) -> list[str]:
    return [f["name"] for f in _load(name)["fields"]]


def arrow_schema(name: str) -> pa.Schema:
    fields = _load(name)["fields"]
    return pa.schema([pa.field(f["name"], ARROW_TYPES[f["type"]], nullable=True) for f in fields])


def all_schemas() -> dict[str, dict]:
    return {name: _load(name) for name in RESOURCES}
