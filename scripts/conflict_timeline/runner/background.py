"""Draw the timeline in another process while the build writes and checks the tables.

The timeline is a pure function of the `events`, `sources` and `actors` rows, so drawing it
in a worker gives the same bytes; on two cores it overlaps the CSV, Parquet and check steps.
The worker can be started before the tables exist (`preload`: modules it imports meanwhile,
so the drawing library is loaded while the seeds are read and the rows merged). Used for
large packages only (a worker process costs a second or so to start).
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from ..settings import TIMELINE_NAME
from .engines import pool_context

TIMELINE_TABLES = ("events", "sources", "actors")


def _draw(draw: Callable[[Path, object], None], tables: object, folder: str) -> None:
    draw(Path(folder), tables)


def _preload(modules: tuple[str, ...]) -> None:
    for module in modules:
        importlib.import_module(module)


class BackgroundTimeline:
    """`with BackgroundTimeline(draw) as timeline:` starts a worker; `timeline.start(tables)` has it
    run `draw(folder, tables)`; `timeline(data_dir, tables)` (publish's hook) waits for it and moves
    the page into data_dir. `tables` crosses to the worker by pickle: hand it only what the drawing needs."""

    def __init__(self, draw: Callable[[Path, object], None], preload: tuple[str, ...] = ()):
        self.draw = draw
        self.folder = Path(tempfile.mkdtemp(prefix="conflict-timeline-page-"))
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=pool_context())
        self.future = None
        if preload:
            self.pool.submit(_preload, tuple(preload))

    def __enter__(self) -> "BackgroundTimeline":
        return self

    def start(self, tables: object) -> "BackgroundTimeline":
        self.future = self.pool.submit(_draw, self.draw, tables, str(self.folder))
        return self

    def __call__(self, data_dir: Path, tables: object) -> None:
        self.future.result()
        shutil.move(str(self.folder / TIMELINE_NAME), str(Path(data_dir) / TIMELINE_NAME))

    def __exit__(self, *exc) -> None:
        if self.future is not None:
            self.future.cancel()
        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)
