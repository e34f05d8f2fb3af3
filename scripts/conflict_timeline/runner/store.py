"""The rows of every article of the last build, in one file, so that the next build reads one
file instead of one cache entry per seed and only extracts and formats what is new.

    <cache>/<version[:16]>/rows.arrows

One file: an 8-byte little-endian length, a JSON header ({"format", "version", "key_order",
"tables": {name: [offset, length]}}), then each table as an Arrow IPC stream at its offset
after the header. Arrow IPC and JSON are only parsed (no pickle): a cache prepared by someone
else cannot run code. `tables` are the Arrow tables of `package.assemble.to_arrow` (every row
marked with `_key`, its article's seed hash and path); the folder is the extractor's version,
which covers the code that formats rows, so stale rows are never read. Written whole to a
temporary file and renamed into place; a file that cannot be read back, is not of this form or
whose tables lack a schema column counts as empty.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pyarrow as pa

from ..package.fragments import FRAGMENT_TABLES
from ..package.schemas import arrow_schema
from ..settings import ROW_STORE_NAME
from .cache import write_atomically

FORMAT = 2
_LENGTH = struct.Struct("<Q")


def row_key(sha256: str, path: str) -> str:
    return f"{sha256}|{path}"


def _stream(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _fits(name: str, table: pa.Table) -> bool:
    """The table has `_key` and every schema column, of the schema's types."""
    names = set(table.column_names)
    if "_key" not in names or table.schema.field("_key").type != pa.string():
        return False
    return all(f.name in table.column_names and table.schema.field(f.name).type == f.type for f in arrow_schema(name))


class RowStore:
    def __init__(self, folder: Path, version: str):
        self.path = Path(folder) / ROW_STORE_NAME
        self.version = version

    def load(self) -> tuple[dict[str, pa.Table], dict[str, list[str]]] | None:
        """(tables, key order) of the last build, or None."""
        try:
            data = pa.py_buffer(self.path.read_bytes())
            (length,) = _LENGTH.unpack(data[:_LENGTH.size].to_pybytes())
            start = _LENGTH.size + length
            header = json.loads(data[_LENGTH.size:start].to_pybytes().decode("utf-8"))
            if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("version") != self.version:
                return None
            tables = {}
            for name in FRAGMENT_TABLES:
                offset, size = header["tables"][name]
                if not (isinstance(offset, int) and isinstance(size, int) and 0 <= offset and start + offset + size <= len(data)):
                    return None
                tables[name] = pa.ipc.open_stream(data.slice(start + offset, size)).read_all()
                if not _fits(name, tables[name]):
                    return None
            key_order = header.get("key_order") or {}
            if not isinstance(key_order, dict):
                return None
        except Exception:  # noqa: BLE001 - missing or unreadable: start from nothing, never crash
            return None
        return tables, key_order

    def save(self, tables: dict[str, pa.Table], key_order: dict[str, list[str]]) -> None:
        streams = [_stream(tables[n].combine_chunks()) for n in FRAGMENT_TABLES]
        offsets, at = {}, 0
        for name, stream in zip(FRAGMENT_TABLES, streams):
            offsets[name] = [at, len(stream)]
            at += len(stream)
        header = json.dumps({"format": FORMAT, "version": self.version, "key_order": key_order, "tables": offsets},
                            separators=(",", ":")).encode("utf-8")
        write_atomically(self.path, b"".join([_LENGTH.pack(len(header)), header, *streams]))
