"""The cache's data formats: JSON for one article's rows, Arrow IPC for the row store. Only parsed
when read back (no pickle anywhere), so a cache someone else prepared cannot run code here.

JSON holds every value a `SourceRows` holds but dates: a date is written {"$date": "YYYY-MM-DD"}.
NaN is written as JSON's usual NaN extension (Python's json reads it back).
"""

from __future__ import annotations

import datetime as dt
import json

from ..package.fragments import FRAGMENT_TABLES, SourceRows
from ..package.schemas import field_names

_DATE = "$date"


def _default(value):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {_DATE: value.isoformat()}
    raise TypeError(f"a {type(value).__name__} has no place in a cache entry")


def _hook(obj: dict):
    if len(obj) == 1 and _DATE in obj and isinstance(obj[_DATE], str):
        return dt.date.fromisoformat(obj[_DATE])
    return obj


def json_dumps(value) -> bytes:
    return json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_loads(data: bytes):
    return json.loads(data.decode("utf-8"), object_hook=_hook)


def encode_rows(rows: SourceRows) -> dict:
    return {"source": rows.source, "columns": rows.columns, "key_order": rows.key_order}


def decode_rows(data: dict) -> SourceRows:
    """A SourceRows of its JSON form; ValueError when it is not of that form."""
    source, columns, key_order = data.get("source"), data.get("columns"), data.get("key_order")
    if not isinstance(source, dict) or not isinstance(columns, dict) or not isinstance(key_order, dict):
        raise ValueError("not the rows of an article")
    for name in FRAGMENT_TABLES:
        table = columns.get(name)
        if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()) \
                or not {"_within", *field_names(name)} <= set(table) or len({len(v) for v in table.values()}) > 1:
            raise ValueError(f"the {name} rows are not columns of one length")
    if not all(isinstance(v, list) and all(isinstance(n, str) for n in v) for v in key_order.values()):
        raise ValueError("the key order is not lists of names")
    return SourceRows(source=source, columns=columns, key_order=key_order)
