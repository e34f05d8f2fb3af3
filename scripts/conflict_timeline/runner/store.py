"""The rows of every article of the last build, in one file, so that the next build reads one
file instead of one cache entry per seed and only extracts and formats what is new.

    <cache>/<version[:16]>/rows.pickle      {"format", "version", "tables", "key_order"}

`tables` are the Arrow tables of `package.assemble.to_arrow` (every row marked with `_key`,
its article's seed hash and path); the folder is the extractor's version, which covers the
code that formats rows, so stale rows are never read. Written whole to a temporary file and
renamed into place; a file that cannot be read back, or is not of this form, counts as empty.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

import pyarrow as pa

from ..package.fragments import FRAGMENT_TABLES
from ..settings import ROW_STORE_NAME

FORMAT = 1


def row_key(sha256: str, path: str) -> str:
    return f"{sha256}|{path}"


class RowStore:
    def __init__(self, folder: Path, version: str):
        self.path = Path(folder) / ROW_STORE_NAME
        self.version = version

    def load(self) -> tuple[dict[str, pa.Table], dict[str, list[str]]] | None:
        """(tables, key order) of the last build, or None."""
        try:
            with open(self.path, "rb") as handle:
                data = pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing or unreadable: start from nothing, never crash
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != self.version:
            return None
        tables = data.get("tables")
        if not isinstance(tables, dict) or any(not isinstance(tables.get(n), pa.Table) or "_key" not in tables[n].column_names
                                               for n in FRAGMENT_TABLES):
            return None
        return tables, data.get("key_order") or {}

    def save(self, tables: dict[str, pa.Table], key_order: dict[str, list[str]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"format": FORMAT, "version": self.version, "key_order": key_order,
                "tables": {n: tables[n].combine_chunks() for n in FRAGMENT_TABLES}}
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
