"""Draw the timeline in another process while the build writes and checks the tables.

The timeline is a pure function of the `events`, `sources` and `actors` rows, so drawing it
in a worker gives the same bytes; on two cores it overlaps the CSV, Parquet and check steps.
The worker can be started before the tables exist (`preload`: modules it imports meanwhile,
so the drawing library is loaded while the seeds are read and the rows merged). Used for
large packages only (a worker process costs a second or so to start). The worker is spawned
(a fresh interpreter, started without waiting for it): a fork server would make the build wait
while it imports the extractor, which an incremental build may not need at all. It does one job
and leaves without tearing down its libraries, so the build does not wait for it at the end.
"""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
from pathlib import Path

from ..settings import TIMELINE_NAME
from ..worker import serve

#: The tables the timeline is drawn from.
TIMELINE_TABLES = ("events", "sources", "actors", "event_sources")
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
        spawn = multiprocessing.get_context("spawn")
        self.connection, child = spawn.Pipe()
        self.process = spawn.Process(
            target=serve, args=(child, tuple(preload)), daemon=True, name="conflict-timeline-page")
        self.process.start()
        child.close()
        self.sent = self.received = False

    def __enter__(self) -> "BackgroundTimeline":
        return self

    def start(self, tables: object) -> "BackgroundTimeline":
        self.connection.send((self.draw, (str(self.folder), tables)))
        self.sent = True
        return self

    def __call__(self, data_dir: Path, tables: object) -> None:
        try:
            ok, outcome = self.connection.recv()
            self.received = True
        except EOFError:
            raise RuntimeError(f"the timeline worker stopped (exit code {self.process.exitcode}) "
                               "before drawing the timeline") from None
        if not ok:
            raise outcome
        shutil.move(str(self.folder / TIMELINE_NAME), str(Path(data_dir) / TIMELINE_NAME))

    def __exit__(self, *exc) -> None:
        try:
            if not self.sent:
                self.connection.send(None)  # nothing to draw: the worker leaves
        except OSError:
            pass
        self.connection.close()
        if self.sent and not self.received:
            self.process.terminate()  # the build failed: the page is not wanted
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
        shutil.rmtree(self.folder, ignore_errors=True)
