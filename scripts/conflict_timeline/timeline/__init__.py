"""The interactive timeline of a package's events: a self-contained, offline Plotly page.
The figure is built as a plain dict (figure.py) and written as JSON (page.py).

    write_timeline(events, sources, actors, path, lanes="group")   # from frames
    draw_tables(folder, {"events": ..., "sources": ..., "actors": ...})  # from Arrow tables (the build)
    render_package(package, out=None, lanes="group")               # from a built package (CLI)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .config import LANE_MODES
from .figure import build_figure
from .package_io import default_output, read_package
from .page import write_page

__all__ = ["build_figure", "draw_tables", "render_package", "write_timeline", "LANE_MODES"]


def write_timeline(
    events: pd.DataFrame, sources: pd.DataFrame, actors: pd.DataFrame, path: Path, lanes: str = "group",
    event_sources: pd.DataFrame | None = None,
) -> None:
    """Write the timeline page of these tables to `path` (byte-identical for identical input);
    `event_sources` (optional) lists every report of each event for its card."""
    write_page(build_figure(events, sources, actors, lanes=lanes, event_sources=event_sources), Path(path))


def draw_tables(folder: Path | str, tables: dict) -> Path:
    """Write the timeline page (settings.TIMELINE_NAME) into `folder` from the package's `events`,
    `sources`, `actors` (and, when given, `event_sources`) as Arrow tables, columns in the order
    extraction gives them."""
    from ..settings import TIMELINE_NAME

    frames = {name: table.to_pandas() if table.num_rows else pd.DataFrame([]) for name, table in tables.items()}
    path = Path(folder) / TIMELINE_NAME
    write_timeline(frames["events"], frames["sources"], frames["actors"], path, event_sources=frames.get("event_sources"))
    return path


def render_package(package: Path, out: Path | None = None, lanes: str = "group") -> Path:
    """Render the timeline of a built package; `out` None writes the package's
    datapackage/timeline.html. Returns the path written."""
    from ..errors import ConflictTimelineError

    if lanes not in LANE_MODES:
        raise ConflictTimelineError(f"--lanes {lanes}: unknown lane mode. Fix: use one of {', '.join(LANE_MODES)}.")
    tables = read_package(Path(package))
    path = Path(out) if out is not None else default_output(Path(package))
    write_timeline(tables["events"], tables["sources"], tables["actors"], path, lanes=lanes,
                   event_sources=tables.get("event_sources"))
    return path
