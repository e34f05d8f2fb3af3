"""Draw the timeline in another process while the build writes and checks the tables.

The timeline is a pure function of the `events`, `sources` and `actors` rows, so drawing it
in a worker gives the same bytes; on two cores it overlaps the CSV, Parquet and check steps.
The worker can be started before the tables exist (`preload`: modules it imports meanwhile,
so the drawing library is loaded while the seeds are read and the rows merged). Used for
large packages only (a worker process costs a second or so to start). The worker is spawned
(a fresh interpreter, started without waiting for it): a fork server would make the build wait
while it imports the extractor, which an incremental build may not need at all.
"""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..settings import TIMELINE_NAME
from ..worker import call

#: The tables the timeline is drawn from.
TIMELINE_TABLES = ("events", "sources", "actors")
#: What the worker runs: draw(folder, tables) writes TIMELINE_NAME into folder.
DRAW = f"{__package__.rsplit('.', 1)[0]}.timeline:draw_tables"


class BackgroundTimeline:
    """`with BackgroundTimeline() as timeline:` starts a worker; `timeline.start(tables)` has it run
    `draw(folder, tables)` (`draw` named "module:function"); `timeline(data_dir, tables)` (publish's
    hook) waits for it and moves the page into data_dir. `tables` crosses to the worker by pickle:
    hand it only what the drawing needs (plain Arrow tables, so the worker imports no more)."""

    def __init__(self, draw: str = DRAW, preload: tuple[str, ...] = ()):
        self.draw = draw
        self.folder = Path(tempfile.mkdtemp(prefix="conflict-timeline-page-"))
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        self.future = None
        for module in preload:
            self.pool.submit(call, "importlib:import_module", module)

    def __enter__(self) -> "BackgroundTimeline":
        return self

    def start(self, tables: object) -> "BackgroundTimeline":
        self.future = self.pool.submit(call, self.draw, str(self.folder), tables)
        return self

    def __call__(self, data_dir: Path, tables: object) -> None:
        self.future.result()
        shutil.move(str(self.folder / TIMELINE_NAME), str(Path(data_dir) / TIMELINE_NAME))

    def __exit__(self, *exc) -> None:
        if self.future is not None:
            self.future.cancel()
        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)
