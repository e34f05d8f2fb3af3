"""The per-document unit of work: seed bytes in, the seed's rows of every table (or its error) out.

A task carries the bytes of its seed, not only a path, so that a worker on another machine
(Dask) needs no access to the seeds folder. Planning lists the seeds, hashes them and sets
duplicates aside (the first path of each content is kept), without parsing them: parsing is part
of the task, so it runs in the workers and is skipped for cached seeds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SeedError
from ..extraction import extract_document
from ..ingest import read_seed_bytes, read_text, seed_paths
from ..ingest.decode import decode_seed
from ..package.fragments import SourceRows, source_rows


@dataclass(frozen=True)
class SeedTask:
    path: str  # relative to the seeds folder, POSIX
    label: str  # the path errors name (the seeds folder joined with `path`)
    sha256: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class TaskOutcome:
    """A task's result, or the seed's error as plain fields (plain data crosses every engine, Dask's included)."""

    path: str
    result: SourceRows | None = None
    error: tuple | None = None  # (path, problem, fix, line)

    def seed_error(self) -> SeedError:
        return SeedError(*self.error)


@dataclass
class Plan:
    tasks: list[SeedTask] = field(default_factory=list)  # one per distinct content, in path order
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # kept path -> its later copies
    unreadable: list[SeedError] = field(default_factory=list)


def plan_tasks(seeds: Path) -> Plan:
    """Read the bytes of every seed (sorted by path) and keep the first of each content."""
    if not seeds.is_dir():
        raise SeedError(seeds, "the seeds folder does not exist", "pass --seeds with a folder of .txt articles")
    plan, first = Plan(), {}
    for path in seed_paths(seeds):
        rel = path.relative_to(seeds).as_posix()
        try:
            data = read_seed_bytes(path)
        except SeedError as exc:
            plan.unreadable.append(exc)
            continue
        sha = hashlib.sha256(data).hexdigest()
        if sha in first:
            plan.duplicates[first[sha]].append(rel)
            continue
        first[sha] = rel
        plan.duplicates[rel] = []
        plan.tasks.append(SeedTask(rel, str(path), sha, data))
    return plan


def extract_task(task: SeedTask) -> TaskOutcome:
    """Decode, parse and extract one seed (as `ingest.read_seed` does) into its rows of every table;
    never raises for a bad seed."""
    try:
        text, encoding = decode_seed(Path(task.label), task.data)
        doc = read_text(text, path=task.path, sha256=task.sha256, encoding=encoding)
    except SeedError as exc:
        return TaskOutcome(task.path, error=(Path(task.label), exc.problem, exc.fix, exc.line))
    return TaskOutcome(task.path, result=source_rows(extract_document(doc)))


def extract_batch(tasks: list[SeedTask]) -> list[TaskOutcome]:
    return [extract_task(t) for t in tasks]
