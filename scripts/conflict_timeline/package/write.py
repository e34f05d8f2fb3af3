"""Write tables as CSV and Parquet, byte for byte the same for the same rows."""

from __future__ import annotations

import csv
import datetime as dt
import math
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .schemas import arrow_schema, field_names


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def write_csv(name: str, rows: list[dict], path: Path) -> None:
    names = field_names(name)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([_cell(row.get(n)) for n in names])


def write_parquet(name: str, rows: list[dict], path: Path) -> None:
    schema = arrow_schema(name)
    columns = {f.name: [_none_if_nan(row.get(f.name)) for row in rows] for f in schema}
    table = pa.table(columns, schema=schema)
    pq.write_table(table, path, compression="zstd", use_dictionary=True, write_statistics=True)


def _none_if_nan(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
