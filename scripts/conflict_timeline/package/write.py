"""Write tables as CSV and Parquet, byte for byte the same for the same rows."""

from __future__ import annotations

import csv
import datetime as dt
import math
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..settings import PARQUET_ROW_GROUP_ROWS, STREAM_ROWS
from .schemas import arrow_schema, field_names


def cell(value: object) -> str:
    """The CSV text of one value."""
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
    """Streamed: each row is formatted and written on its own, never the whole file in memory."""
    names = field_names(name)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([cell(row.get(n)) for n in names])


def write_lines(name: str, lines: list[str], path: Path) -> None:
    """The CSV of rows already formatted (each line as write_csv writes it): the header, then the lines."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(field_names(name))
        handle.write("".join(lines))


def _arrow(schema: pa.Schema, rows: list[dict]) -> pa.Table:
    columns = {f.name: [_none_if_nan(row.get(f.name)) for row in rows] for f in schema}
    return pa.table(columns, schema=schema)


def write_parquet(name: str, rows: list[dict], path: Path) -> None:
    """One row group for a small table; above STREAM_ROWS, row groups of PARQUET_ROW_GROUP_ROWS
    converted one at a time, so only one group's columns are held besides the rows."""
    schema = arrow_schema(name)
    options = {"compression": "zstd", "use_dictionary": True, "write_statistics": True}
    if len(rows) <= STREAM_ROWS:
        pq.write_table(_arrow(schema, rows), path, **options)
        return
    with pq.ParquetWriter(path, schema, **options) as writer:
        for start in range(0, len(rows), PARQUET_ROW_GROUP_ROWS):
            writer.write_table(_arrow(schema, rows[start:start + PARQUET_ROW_GROUP_ROWS]))


def write_parquet_table(table: pa.Table, path: Path) -> None:
    """The same file as write_parquet for a table holding the same values (one chunk, the same row groups)."""
    table = table.combine_chunks()
    options = {"compression": "zstd", "use_dictionary": True, "write_statistics": True}
    if table.num_rows <= STREAM_ROWS:
        pq.write_table(table, path, **options)
        return
    with pq.ParquetWriter(path, table.schema, **options) as writer:
        for start in range(0, table.num_rows, PARQUET_ROW_GROUP_ROWS):
            writer.write_table(table.slice(start, PARQUET_ROW_GROUP_ROWS))


def _none_if_nan(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
