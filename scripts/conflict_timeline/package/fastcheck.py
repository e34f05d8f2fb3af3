"""A vectorised check of a built package against its Table Schemas (pyarrow compute and numpy).

It checks what `frictionless validate` checks for our schemas, column by column instead of
cell by cell: the header, each cell's type (integer, number, boolean, date, string and its
`uri` format), the constraints (required, unique, enum, pattern, minimum, maximum), primary
keys and foreign keys, for CSV and Parquet alike, plus every recorded hash. It reads the files
as written (the CSV with Arrow's reader, every cell as text), so it checks the bytes users get.
It guards large and incremental builds, where frictionless-py takes minutes; `make` still ends
with the frictionless validator users run, and small builds still use it (see `build.py`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
import pyarrow.parquet as pq

from ..errors import PackageInvalidError
from .schemas import ARROW_TYPES
from .validate import check_hashes

#: frictionless' default boolean values.
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")
_INTEGER = r"[+-]?\d+"
_NUMBER = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?(inf|Infinity|INF|nan|NaN|NAN)"
_DATE = r"\d{4}-\d{2}-\d{2}"
_URI = r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+"
#: Rows named per problem; the count of the others follows.
SHOWN_ROWS = 3
#: Separates the parts of a composite key joined into one text.
_KEY_SEPARATOR = "\x1f"


@dataclass
class Column:
    """A column as the checks see it: typed values (null where missing or not of the type), the
    mask of missing cells, and the text of each cell (what patterns are matched against)."""

    typed: pa.Array
    missing: np.ndarray
    text: pa.Array


def _rows(mask: np.ndarray) -> str:
    """Row positions as frictionless counts them (the header is row 1)."""
    found = np.flatnonzero(mask)
    rows = [str(i + 2) for i in found[:SHOWN_ROWS]]
    more = len(found) - len(rows)
    return ", ".join(rows) + (f" and {more} more" if more > 0 else "")


def _mask(values: pa.Array) -> np.ndarray:
    """A boolean array as numpy, null counting as False."""
    return np.asarray(values.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _fullmatch(text: pa.Array, pattern: str) -> np.ndarray:
    """Which cells match the whole pattern (RE2; Python's re for a pattern RE2 does not take)."""
    try:
        return _mask(pc.match_substring_regex(text, f"^(?:{pattern})$"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        compiled = re.compile(pattern)
        return np.array([v is not None and compiled.fullmatch(v) is not None for v in text.to_pylist()], dtype=bool)


def _keep(values: pa.Array, good: np.ndarray) -> pa.Array:
    """The values where `good`, null elsewhere."""
    if good.all():
        return values
    return pc.if_else(pa.array(good, pa.bool_()), values, pa.nulls(len(values), values.type))


def _parse(text: pa.Array, good: np.ndarray, kind: pa.DataType) -> tuple[pa.Array, np.ndarray]:
    """Numbers of the cells that look like them; cells Arrow cannot parse (an integer beyond 64
    bits) are read by Python one by one."""
    signed = pc.any(pc.starts_with(text, "+")).as_py()
    kept = _keep(pc.replace_substring_regex(text, r"^\+", "") if signed else text, good)
    try:
        return pc.cast(kept, kind), good
    except (pa.ArrowInvalid, OverflowError):
        convert = int if pa.types.is_integer(kind) else float
        values = [convert(v) if v is not None else None for v in kept.to_pylist()]
        fits = [v is None or not pa.types.is_integer(kind) or -2**63 <= v < 2**63 for v in values]
        return pa.array([v if f else None for v, f in zip(values, fits)], kind), good


def _cast(text: pa.Array, field: dict, missing: np.ndarray) -> tuple[pa.Array, np.ndarray]:
    """Typed values of a column of texts and the mask of cells that are not of the type."""
    kind, present = field["type"], ~missing
    if kind == "string":
        bad = present & ~_fullmatch(text, _URI) if field.get("format") == "uri" else np.zeros(len(text), bool)
        return _keep(text, present), bad
    if kind in ("integer", "number"):
        ok = _fullmatch(text, _INTEGER if kind == "integer" else _NUMBER)
        typed, _ = _parse(text, ok & present, ARROW_TYPES[kind])
        return typed, present & ~ok
    if kind == "boolean":
        truth, known = pc.is_in(text, value_set=pa.array(TRUE_VALUES)), _mask(pc.is_in(text, value_set=pa.array(TRUE_VALUES + FALSE_VALUES)))
        return _keep(truth, known & present), present & ~known
    if kind == "date":
        shaped = _fullmatch(text, _DATE) & present
        parsed = pc.strptime(_keep(text, shaped), format="%Y-%m-%d", unit="s", error_is_null=True)
        # Arrow rolls an impossible day over (Feb 30 -> Mar 2): a date must read back as written.
        real = _mask(pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), text))
        return pc.cast(_keep(parsed, real), pa.date32()), present & ~real
    raise ValueError(f"fastcheck does not know the type {kind!r} of field {field['name']}")


def _as_type(values: pa.Array, kind: pa.DataType) -> pa.Array:
    """A Parquet column as the schema's type (a column of another type is reported apart; its
    cells that do not convert count as null here)."""
    if values.type == kind:
        return values
    try:
        return pc.cast(values, kind)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return pa.nulls(len(values), kind)


def _read_csv(path: Path, names: list[str], encoding: str) -> pa.Table:
    return pcsv.read_csv(path, read_options=pcsv.ReadOptions(encoding=encoding),
                         convert_options=pcsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                             strings_can_be_null=False, quoted_strings_can_be_null=False))


def _read(resource: dict, root: Path) -> tuple[dict[str, Column], list[str]]:
    """(columns, problems) of one resource file."""
    schema, path = resource["schema"], root / resource["path"]
    names = [f["name"] for f in schema["fields"]]
    name = resource["name"]
    missing_values = pa.array(schema.get("missingValues", [""]), pa.string())
    parquet = resource.get("format") == "parquet"
    try:
        table = pq.ParquetFile(path).read() if parquet else _read_csv(path, names, resource.get("encoding", "utf-8"))
    except (pa.ArrowInvalid, OSError) as exc:
        return {}, [f"{name}: source-error: {path.name} cannot be read ({exc})"]
    if table.column_names != names:
        return {}, [f"{name}: header: columns {table.column_names}, schema has {names}"]
    problems: list[str] = []
    columns = {}
    for f in schema["fields"]:
        values = table.column(f["name"]).combine_chunks()
        if parquet:
            if values.type != ARROW_TYPES[f["type"]]:
                problems.append(f"{name}: type-error: column {f['name']} is {values.type}, schema says {f['type']}")
            missing = _mask(values.is_null())
            if pa.types.is_string(values.type):
                missing |= _mask(pc.is_in(values, value_set=missing_values))
            if pa.types.is_floating(values.type):
                missing |= _mask(pc.is_nan(values))  # read through pandas, a missing number is NaN
            # the text of each cell matters only to a pattern
            text = values if pa.types.is_string(values.type) or "pattern" not in f.get("constraints", {}) \
                else pc.cast(values, pa.string())
            typed = _keep(_as_type(values, ARROW_TYPES[f["type"]]), ~missing)
            if f["type"] == "string" and f.get("format") == "uri" and pa.types.is_string(values.type):
                bad = ~missing & ~_fullmatch(values, _URI)
                if bad.any():
                    problems.append(f"{name}: type-error: field {f['name']} is not a uri in row(s) {_rows(bad)}")
        else:
            text = values
            missing = _mask(pc.is_in(values, value_set=missing_values))
            typed, bad = _cast(values, f, missing)
            if bad.any():
                problems.append(f"{name}: type-error: field {f['name']} is not of type {f['type']} in row(s) {_rows(bad)}")
        columns[f["name"]] = Column(typed, missing, text)
    return columns, problems


def _duplicated(values: pa.Array) -> np.ndarray:
    """Rows whose value an earlier row already has (a composite key comes joined: see _key)."""
    codes = pc.dictionary_encode(values).indices.fill_null(-1).to_numpy(zero_copy_only=False)
    duplicated = np.ones(len(codes), dtype=bool)
    _, first = np.unique(codes, return_index=True)
    duplicated[first] = False
    duplicated[codes < 0] = False
    return duplicated


def _bound(value, field: dict, kind: pa.DataType) -> pa.Scalar:
    if field["type"] == "date":
        return pa.scalar(dt.date.fromisoformat(str(value)), pa.date32())
    return pa.scalar(value, kind)


def _constraints(name: str, schema: dict, columns: dict[str, Column]) -> list[str]:
    problems = []
    for f in schema["fields"]:
        c, col = f.get("constraints", {}), columns[f["name"]]
        present = ~col.missing
        if c.get("required") and col.missing.any():
            problems.append(f"{name}: constraint-error: field {f['name']} is required but empty in row(s) {_rows(col.missing)}")
        if c.get("unique"):
            dup = present & _duplicated(col.typed)
            if dup.any():
                problems.append(f"{name}: unique-error: field {f['name']} repeats a value in row(s) {_rows(dup)}")
        if "enum" in c:
            allowed = pa.array(c["enum"]).cast(col.typed.type) if len(c["enum"]) else pa.array([], col.typed.type)
            bad = present & ~_mask(pc.is_in(col.typed, value_set=allowed))
            if bad.any():
                problems.append(f"{name}: constraint-error: field {f['name']} is not one of {c['enum']} in row(s) {_rows(bad)}")
        if "pattern" in c:
            bad = present & ~_fullmatch(col.text, c["pattern"])
            if bad.any():
                problems.append(f"{name}: constraint-error: field {f['name']} does not match {c['pattern']!r} in row(s) {_rows(bad)}")
        for key, op in (("minimum", pc.less), ("maximum", pc.greater)):
            if key in c:
                bad = present & _mask(op(col.typed, _bound(c[key], f, col.typed.type)))
                if bad.any():
                    problems.append(f"{name}: constraint-error: field {f['name']} is beyond its {key} {c[key]} in row(s) {_rows(bad)}")
    return problems


def _listed(fields) -> list[str]:
    return [fields] if isinstance(fields, str) else list(fields)


def _key(columns: dict[str, Column], fields: list[str]) -> tuple[pa.Array, np.ndarray]:
    """The key of every row as one value, and the mask of rows with a part of it missing."""
    missing = np.zeros(len(columns[fields[0]].missing), dtype=bool)
    for n in fields:
        missing |= columns[n].missing
    parts = [pc.cast(columns[n].typed, pa.string()) for n in fields]
    key = parts[0] if len(parts) == 1 else pc.binary_join_element_wise(*parts, _KEY_SEPARATOR)
    return key, missing


def _keys(name: str, schema: dict, frames: dict[str, dict[str, Column]]) -> list[str]:
    problems = []
    columns = frames[name]
    pk = _listed(schema.get("primaryKey", []))
    if pk:
        key, null = _key(columns, pk)
        if null.any():
            problems.append(f"{name}: primary-key: empty key {pk} in row(s) {_rows(null)}")
        dup = ~null & _duplicated(key)
        if dup.any():
            problems.append(f"{name}: primary-key: key {pk} repeats in row(s) {_rows(dup)}")
    for fk in schema.get("foreignKeys", []):
        fields, ref = _listed(fk["fields"]), fk["reference"]
        ref_fields = _listed(ref["fields"])
        target = ref.get("resource") or name
        if target not in frames:
            problems.append(f"{name}: foreign-key: the referenced resource {target!r} is not in the package")
            continue
        known, known_missing = _key(frames[target], ref_fields)
        key, absent = _key(columns, fields)
        bad = ~absent & ~_mask(pc.is_in(key, value_set=known.filter(pa.array(~known_missing, pa.bool_()))))
        if bad.any():
            problems.append(f"{name}: foreign-key: {fields} not found in {target}.{ref_fields} in row(s) {_rows(bad)}")
    return problems


def fast_errors(descriptor_path: Path) -> list[str]:
    """Every problem found (empty when the package is valid)."""
    descriptor_path = Path(descriptor_path)
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    root = descriptor_path.parent
    problems = check_hashes(descriptor_path)
    if problems:
        return problems
    frames: dict[str, dict[str, Column]] = {}
    for resource in descriptor["resources"]:
        columns, found = _read(resource, root)
        problems += found
        if not columns:
            continue
        frames[resource["name"]] = columns
        problems += _constraints(resource["name"], resource["schema"], columns)
    for resource in descriptor["resources"]:
        if resource["name"] in frames:
            problems += _keys(resource["name"], resource["schema"], frames)
    return problems


def fast_validate(descriptor_path: Path) -> None:
    """Raise PackageInvalidError listing every problem; return quietly when the package is valid."""
    descriptor_path = Path(descriptor_path)
    if not descriptor_path.is_file():
        raise PackageInvalidError(f"{descriptor_path}: no such descriptor. Fix: build the package first (conflict-timeline build).")
    problems = fast_errors(descriptor_path)
    if problems:
        shown = "\n  - ".join(problems[:50])
        raise PackageInvalidError(f"{descriptor_path}: the package is not valid:\n  - {shown}")
