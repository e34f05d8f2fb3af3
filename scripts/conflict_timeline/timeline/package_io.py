"""Read the tables the timeline needs from a built data package (datapackage.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..errors import ConflictTimelineError
from ..settings import DATA_DIR_NAME, TIMELINE_NAME

TABLES = ("events", "sources", "actors")
#: Read when the package has them (an older or hand-made package may not).
OPTIONAL_TABLES = ("event_sources",)


def _table_path(root: Path, descriptor: dict, name: str, descriptor_path: Path, required: bool = True) -> Path | None:
    """The CSV of resource `name`: as the descriptor says, else datapackage/{name}.csv."""
    for resource in descriptor.get("resources", []):
        path = resource.get("path")
        if isinstance(path, list):
            path = path[0] if path else None
        if isinstance(path, str) and path.endswith(".csv") and (
            resource.get("name") == name or Path(path).stem == name
        ):
            return root / path
    fallback = root / DATA_DIR_NAME / f"{name}.csv"
    if fallback.exists():
        return fallback
    if not required:
        return None
    raise ConflictTimelineError(
        f"{descriptor_path}: no CSV resource named {name!r}. "
        "Fix: build the package first (`conflict-timeline build`) or pass --package."
    )


def read_package(descriptor_path: Path) -> dict[str, pd.DataFrame]:
    """{'events', 'sources', 'actors'} frames (and 'event_sources' when the package has it),
    every cell as text ('' when missing)."""
    descriptor_path = Path(descriptor_path)
    if not descriptor_path.exists():
        raise ConflictTimelineError(
            f"{descriptor_path}: no such package descriptor. "
            "Fix: run `conflict-timeline build` or pass --package PATH/datapackage.json."
        )
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConflictTimelineError(
            f"{descriptor_path}:{exc.lineno}: not valid JSON ({exc.msg}). Fix: rebuild the package."
        ) from exc
    root = descriptor_path.parent
    paths = {name: _table_path(root, descriptor, name, descriptor_path) for name in TABLES}
    for name in OPTIONAL_TABLES:
        path = _table_path(root, descriptor, name, descriptor_path, required=False)
        if path is not None and path.exists():
            paths[name] = path
    return {name: pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8") for name, path in paths.items()}


def default_output(descriptor_path: Path) -> Path:
    return Path(descriptor_path).parent / DATA_DIR_NAME / TIMELINE_NAME
