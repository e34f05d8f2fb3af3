"""Validate a built package the way users do (frictionless), plus what frictionless skips:
the recorded hash of every file, Parquet included."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import PackageInvalidError
from .descriptor import sha256_of


def check_hashes(descriptor_path: Path) -> list[str]:
    """Problems with recorded hashes and sizes (empty when all agree with the files)."""
    descriptor = json.loads(Path(descriptor_path).read_text(encoding="utf-8"))
    root = Path(descriptor_path).parent
    problems = []
    for resource in descriptor["resources"]:
        path = root / resource["path"]
        if not path.is_file():
            problems.append(f"{resource['name']}: {resource['path']} is missing")
            continue
        recorded = resource.get("hash", "")
        actual = f"sha256:{sha256_of(path)}"
        if recorded != actual:
            problems.append(f"{resource['name']}: hash {recorded} recorded, file has {actual}")
        if "bytes" in resource and resource["bytes"] != path.stat().st_size:
            problems.append(f"{resource['name']}: {resource['bytes']} bytes recorded, file has {path.stat().st_size}")
    return problems


def frictionless_errors(descriptor_path: Path) -> list[str]:
    from frictionless import Package

    package = Package(str(descriptor_path))
    report = package.validate()
    if report.valid:
        return []
    out = [f"{e.type}: {e.message}" for e in report.errors]
    for task in report.tasks:
        for error in task.errors:
            out.append(f"{task.name}: {error.type}: {error.message}")
    return out


def validate_package(descriptor_path: Path) -> None:
    """Raise PackageInvalidError listing every problem; return quietly when the package is valid."""
    descriptor_path = Path(descriptor_path)
    if not descriptor_path.is_file():
        raise PackageInvalidError(f"{descriptor_path}: no such descriptor. Fix: build the package first (conflict-timeline build).")
    problems = check_hashes(descriptor_path) + frictionless_errors(descriptor_path)
    if problems:
        shown = "\n  - ".join(problems[:50])
        raise PackageInvalidError(f"{descriptor_path}: the package is not valid:\n  - {shown}")
