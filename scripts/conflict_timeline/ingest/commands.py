"""`conflict-timeline body FILE`: the body a seed is read as, the text every char offset counts in."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from ..errors import SeedError
from . import read_export, read_record_line, read_seed_documents
from .formats import EXPORT, seed_format


def seed_body(file: Path, line: int | None = None) -> str:
    """The body of a seed file (of a news export: of its article on `line`)."""
    if not file.is_file():
        raise SeedError(file, "the file does not exist", "give the path of a seed file (.txt, .md, .html, .htm, .jsonl)")
    if seed_format(file) != EXPORT:
        if line is not None:
            raise SeedError(file, "--line is for a news export (.jsonl)", "leave --line out for this file")
        return read_seed_documents(file, file.parent)[0].body
    records = read_export(file)
    lines = [r.line for r in records]
    if line is None and len(records) == 1:
        line = lines[0]
    if line not in lines:
        shown = ", ".join(map(str, lines[:10])) + (", ..." if len(lines) > 10 else "")
        raise SeedError(file, f"the export holds {len(records)} articles" + (f", none on line {line}" if line is not None else ""),
                        f"pass --line with the line of one of them ({shown})")
    record = records[lines.index(line)]
    return read_record_line(record.data, path=f"{file.name}:{line}", label=file, line=line).body


def run_body(file: Path, line: int | None, out: BinaryIO) -> None:
    """Write the body as UTF-8 bytes, as they are hashed in `sources.body_sha256`."""
    out.write(seed_body(file, line).encode("utf-8"))
    out.flush()
