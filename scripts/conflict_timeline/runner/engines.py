"""Engines that run extraction tasks: `local` (this process, or a process pool for jobs > 1)
and `dask` (a Dask bag on a dask.distributed cluster; a LocalCluster when no address is given).

Both return one outcome per task, in the order of the tasks, so what follows never depends on
the engine, the number of workers or which finished first. The largest seeds are handed out
first (longest-processing-time order), which keeps every worker busy until the end. A
`progress(done, total)` callback, if given, hears how many tasks are done as they finish.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Callable

from ..errors import ConflictTimelineError
from ..settings import DASK_PARTITION_SIZE, POOL_CHUNK_SIZE, POOL_START_METHOD
from .tasks import SeedTask, TaskOutcome, extract_batch, extract_task

ENGINES = ("local", "dask")
#: progress(done, total): tasks done so far, out of all.
Progress = Callable[[int, int], None]


def _no_progress(done: int, total: int) -> None:
    return None


def default_jobs() -> int:
    """The cores this process may run on (os.cpu_count() where affinity is unknown)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _largest_first(tasks: list[SeedTask]) -> list[int]:
    return sorted(range(len(tasks)), key=lambda i: (-tasks[i].size, tasks[i].path))


def _in_task_order(order: list[int], outcomes: list[TaskOutcome]) -> list[TaskOutcome]:
    placed: list[TaskOutcome | None] = [None] * len(order)
    for index, outcome in zip(order, outcomes):
        placed[index] = outcome
    return placed  # type: ignore[return-value]


def _start_method() -> str:
    available = multiprocessing.get_all_start_methods()
    return POOL_START_METHOD if POOL_START_METHOD in available else "spawn"


def pool_context() -> multiprocessing.context.BaseContext:
    """'forkserver' where the platform has it (the extractor is imported once, in the server), else 'spawn'."""
    context = multiprocessing.get_context(_start_method())
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload([__name__.rsplit(".", 1)[0] + ".tasks"])
    return context


def run_local(tasks: list[SeedTask], jobs: int, progress: Progress = _no_progress) -> list[TaskOutcome]:
    if jobs <= 1 or len(tasks) <= 1:
        outcomes = []
        for task in tasks:
            outcomes.append(extract_task(task))
            progress(len(outcomes), len(tasks))
        return outcomes
    order = _largest_first(tasks)
    ordered = [tasks[i] for i in order]
    batches = [ordered[i:i + POOL_CHUNK_SIZE] for i in range(0, len(ordered), POOL_CHUNK_SIZE)]
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=pool_context()) as pool:
        futures = [pool.submit(extract_batch, batch) for batch in batches]
        done = 0
        for future in as_completed(futures):
            done += len(future.result())
            progress(done, len(tasks))
    return _in_task_order(order, [o for future in futures for o in future.result()])


def run_dask(tasks: list[SeedTask], jobs: int, scheduler: str | None = None,
             progress: Progress = _no_progress) -> list[TaskOutcome]:
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster, as_completed
    except ImportError:  # pragma: no cover - depends on the installation
        raise ConflictTimelineError("the dask engine needs Dask. Fix: pip install 'conflict-timeline[dask]' "
                                    "(or use --engine local)") from None
    if not tasks:
        return []
    order = _largest_first(tasks)
    ordered = [tasks[i] for i in order]
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
            client = Client(cluster)
        with client:
            bag = db.from_sequence(ordered, partition_size=DASK_PARTITION_SIZE)
            parts = client.compute(bag.map(extract_task).to_delayed())  # one future per partition
            done = 0
            for part in as_completed(parts):
                done += len(part.result())
                progress(done, len(tasks))
            outcomes = [o for part in parts for o in part.result()]
    except OSError as exc:
        raise ConflictTimelineError(f"cannot reach the Dask scheduler {scheduler}: {exc}. "
                                    "Fix: check --scheduler (e.g. tcp://host:8786) or leave it out for a local cluster") from None
    finally:
        if cluster is not None:
            cluster.close()
    return _in_task_order(order, list(outcomes))


def run_tasks(tasks: list[SeedTask], engine: str = "local", jobs: int | None = None,
              scheduler: str | None = None, progress: Progress | None = None) -> list[TaskOutcome]:
    """Run every task on the chosen engine; outcomes come back in the order of `tasks`."""
    jobs = default_jobs() if jobs is None else jobs
    progress = progress or _no_progress
    if engine == "local":
        if scheduler:
            raise ConflictTimelineError("--scheduler is for the dask engine. Fix: add --engine dask, or drop --scheduler")
        return run_local(tasks, jobs, progress)
    if engine == "dask":
        return run_dask(tasks, jobs, scheduler, progress)
    raise ConflictTimelineError(f"unknown engine {engine!r}. Fix: use one of {', '.join(ENGINES)}")
