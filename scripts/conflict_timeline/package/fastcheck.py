"""A vectorised check of a built package against its Table Schemas (pandas and pyarrow).

It checks what `frictionless validate` checks for our schemas, column by column instead of
cell by cell: the header, each cell's type (integer, number, boolean, date, string and its
`uri` format), the constraints (required, unique, enum, pattern, minimum, maximum), primary
keys and foreign keys, for CSV and Parquet alike, plus every recorded hash. It guards large
and incremental builds, where frictionless-py takes minutes; `make` still ends with the
frictionless validator users run, and small builds still use it (see `build.py`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
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


def _rows(mask: pd.Series) -> str:
    """Row positions as frictionless counts them (the header is row 1)."""
    rows = [str(i + 2) for i in mask[mask].index[:SHOWN_ROWS]]
    more = int(mask.sum()) - len(rows)
    return ", ".join(rows) + (f" and {more} more" if more > 0 else "")


def _cast(series: pd.Series, field: dict, missing: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Typed values of a column of strings and the mask of cells that are not of the type."""
    kind, text = field["type"], series.where(~missing, "")
    if kind == "string":
        bad = ~missing & ~text.str.fullmatch(_URI) if field.get("format") == "uri" else missing & False
        return series.where(~missing), bad
    if kind == "integer":
        ok = text.str.fullmatch(_INTEGER)
        return pd.to_numeric(text.where(ok & ~missing), errors="coerce"), ~missing & ~ok
    if kind == "number":
        ok = text.str.fullmatch(_NUMBER)
        return pd.to_numeric(text.where(ok & ~missing), errors="coerce"), ~missing & ~ok
    if kind == "boolean":
        values = text.map({**{v: True for v in TRUE_VALUES}, **{v: False for v in FALSE_VALUES}})
        return values, ~missing & values.isna()
    if kind == "date":
        parsed = pd.to_datetime(text.where(text.str.fullmatch(_DATE) & ~missing), format="%Y-%m-%d", errors="coerce")
        return parsed, ~missing & parsed.isna()
    raise ValueError(f"fastcheck does not know the type {kind!r} of field {field['name']}")


def _typed_parquet(series: pd.Series, field: dict) -> pd.Series:
    """Values to compare against the constraints (a column of the wrong type is reported apart)."""
    if field["type"] == "date":
        return pd.to_datetime(series, errors="coerce")
    if field["type"] in ("integer", "number"):
        return pd.to_numeric(series, errors="coerce")
    return series


def _read(resource: dict, root: Path) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """(typed values, missing mask, problems) of one resource file."""
    schema, path = resource["schema"], root / resource["path"]
    names = [f["name"] for f in schema["fields"]]
    problems: list[str] = []
    if resource.get("format") == "parquet":
        table = pq.read_table(path)
        if table.column_names != names:
            return pd.DataFrame(), pd.DataFrame(), [f"{resource['name']}: header: columns {table.column_names}, schema has {names}"]
        for f in schema["fields"]:
            arrow = table.schema.field(f["name"]).type
            if arrow != ARROW_TYPES[f["type"]]:
                problems.append(f"{resource['name']}: type-error: column {f['name']} is {arrow}, schema says {f['type']}")
        frame = table.to_pandas()
        missing_values = schema.get("missingValues", [""])
        missing = pd.DataFrame({f["name"]: frame[f["name"]].isna() | (frame[f["name"]].isin(missing_values)
                                if f["type"] == "string" else False) for f in schema["fields"]})
        typed = pd.DataFrame({f["name"]: _typed_parquet(frame[f["name"]], f) for f in schema["fields"]})
        for f in schema["fields"]:
            if f["type"] == "string" and f.get("format") == "uri":
                bad = ~missing[f["name"]] & ~frame[f["name"]].fillna("").astype(str).str.fullmatch(_URI)
                if bad.any():
                    problems.append(f"{resource['name']}: type-error: field {f['name']} is not a uri in row(s) {_rows(bad)}")
        return typed, missing, problems
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding=resource.get("encoding", "utf-8"))
    if list(frame.columns) != names:
        return pd.DataFrame(), pd.DataFrame(), [f"{resource['name']}: header: columns {list(frame.columns)}, schema has {names}"]
    missing_values = schema.get("missingValues", [""])
    typed, missing = {}, {}
    for f in schema["fields"]:
        column = frame[f["name"]]
        missing[f["name"]] = column.isin(missing_values)
        typed[f["name"]], bad = _cast(column, f, missing[f["name"]])
        if bad.any():
            problems.append(f"{resource['name']}: type-error: field {f['name']} is not of type {f['type']} in row(s) {_rows(bad)}")
    return pd.DataFrame(typed), pd.DataFrame(missing), problems


def _constraints(name: str, schema: dict, typed: pd.DataFrame, missing: pd.DataFrame) -> list[str]:
    problems = []
    for f in schema["fields"]:
        c, col, miss = f.get("constraints", {}), typed[f["name"]], missing[f["name"]]
        present = ~miss
        if c.get("required") and miss.any():
            problems.append(f"{name}: constraint-error: field {f['name']} is required but empty in row(s) {_rows(miss)}")
        if c.get("unique"):
            dup = present & col.duplicated(keep="first")
            if dup.any():
                problems.append(f"{name}: unique-error: field {f['name']} repeats a value in row(s) {_rows(dup)}")
        if "enum" in c:
            bad = present & ~col.isin(c["enum"])
            if bad.any():
                problems.append(f"{name}: constraint-error: field {f['name']} is not one of {c['enum']} in row(s) {_rows(bad)}")
        if "pattern" in c:
            bad = present & ~col.where(present, "").astype(str).str.fullmatch(c["pattern"])
            if bad.any():
                problems.append(f"{name}: constraint-error: field {f['name']} does not match {c['pattern']!r} in row(s) {_rows(bad)}")
        for key, op in (("minimum", col.lt), ("maximum", col.gt)):
            if key in c:
                bound = pd.Timestamp(c[key]) if f["type"] == "date" else c[key]
                bad = present & op(bound).fillna(False).astype(bool)
                if bad.any():
                    problems.append(f"{name}: constraint-error: field {f['name']} is beyond its {key} {c[key]} in row(s) {_rows(bad)}")
    return problems


def _keys(name: str, schema: dict, frames: dict[str, tuple[pd.DataFrame, pd.DataFrame]]) -> list[str]:
    problems = []
    typed, missing = frames[name]
    pk = schema.get("primaryKey", [])
    if pk:
        pk = [pk] if isinstance(pk, str) else pk
        null = missing[pk].any(axis=1)
        if null.any():
            problems.append(f"{name}: primary-key: empty key {pk} in row(s) {_rows(null)}")
        dup = ~null & typed[pk].duplicated(keep="first")
        if dup.any():
            problems.append(f"{name}: primary-key: key {pk} repeats in row(s) {_rows(dup)}")
    for fk in schema.get("foreignKeys", []):
        fields, ref = fk["fields"], fk["reference"]
        fields = [fields] if isinstance(fields, str) else fields
        ref_fields = [ref["fields"]] if isinstance(ref["fields"], str) else ref["fields"]
        target = ref.get("resource") or name
        if target not in frames:
            problems.append(f"{name}: foreign-key: the referenced resource {target!r} is not in the package")
            continue
        ref_typed, ref_missing = frames[target]
        known = pd.MultiIndex.from_frame(ref_typed.loc[~ref_missing[ref_fields].any(axis=1), ref_fields])
        present = ~missing[fields].any(axis=1)
        found = pd.MultiIndex.from_frame(typed[fields]).isin(known)
        bad = present & ~pd.Series(found, index=typed.index)
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
    frames: dict[str, tuple[pd.DataFrame, pd.DataFrame]] = {}
    for resource in descriptor["resources"]:
        typed, missing, found = _read(resource, root)
        problems += found
        if typed.empty and missing.empty and found:
            continue
        frames[resource["name"]] = (typed, missing)
        problems += _constraints(resource["name"], resource["schema"], typed, missing)
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
