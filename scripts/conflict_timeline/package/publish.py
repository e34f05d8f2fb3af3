"""Write a package into a staging folder, validate it, then put it in place.

The published files are replaced only after the staged package has passed validation,
so a failed build never touches what was there. The data folder is swapped with the
staged one in a single rename(2) exchange where the platform has it."""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from ..settings import DATA_DIR_NAME, DESCRIPTOR_NAME, PRESERVED_DATA_FILES, RESOURCES
from .descriptor import build_descriptor
from .validate import validate_package
from .write import write_csv, write_parquet

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    func = getattr(libc, "renameat2", None)
    if func is None:
        return False
    result = func(_AT_FDCWD, os.fsencode(str(a)), _AT_FDCWD, os.fsencode(str(b)), _RENAME_EXCHANGE)
    return result == 0


def write_descriptor(descriptor: dict, path: Path) -> None:
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def publish(tables: dict[str, list[dict]], out: Path, extras: Callable[[Path, dict], None] | None = None,
            report: dict | None = None) -> Path:
    """Stage, validate and publish. `extras(data_dir, tables)` adds files such as the timeline."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".conflict-timeline-build-", dir=out))
    try:
        data = staging / DATA_DIR_NAME
        data.mkdir()
        for name in RESOURCES:
            write_csv(name, tables[name], data / f"{name}.csv")
            write_parquet(name, tables[name], data / f"{name}.parquet")
        if extras is not None:
            extras(data, tables)
        if report is not None:
            (data / "build-report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        write_descriptor(build_descriptor(staging, tables["sources"]), staging / DESCRIPTOR_NAME)
        validate_package(staging / DESCRIPTOR_NAME)
        _put_in_place(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out / DESCRIPTOR_NAME


def _put_in_place(staging: Path, out: Path) -> None:
    new_data, old_data = staging / DATA_DIR_NAME, out / DATA_DIR_NAME
    if old_data.is_dir():
        for keep in PRESERVED_DATA_FILES:
            if (old_data / keep).is_file() and not (new_data / keep).exists():
                shutil.copy2(old_data / keep, new_data / keep)
        if not _exchange(new_data, old_data):
            aside = staging / "previous-data"
            old_data.rename(aside)
            new_data.rename(old_data)
    else:
        new_data.rename(old_data)
    os.replace(staging / DESCRIPTOR_NAME, out / DESCRIPTOR_NAME)
