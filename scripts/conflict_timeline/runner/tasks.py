"""The per-document unit of work: seed bytes in, the seed's rows of every table (or its error) out.

A task carries the bytes of its seed, not only a path, so that a worker on another machine
(Dask) needs no access to the seeds folder. Planning lists the seeds, hashes them and sets
duplicates aside (the first path of each content is kept), without parsing them: parsing is part
of the task, so it runs in the workers and is skipped for cached seeds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SeedError
from ..extraction import extract_document
from ..ingest import (page_key, read_export, read_page, read_record_line, read_seed_bytes, read_sidecar, read_text,
                      seed_format, seed_paths)
from ..ingest.decode import decode_seed
from ..ingest.formats import EXPORT, PAGE
from ..package.fragments import SourceRows, source_rows
from .seedindex import SeedIndex


@dataclass(frozen=True)
class SeedTask:
    path: str  # relative to the seeds folder, POSIX
    label: str  # the path errors name (the seeds folder joined with `path`)
    sha256: str
    data: bytes | None = field(default=None, repr=False)  # None: not read (its hash came from the seed index)
    stat_size: int = 0
    format: str = "text"  # ingest.formats: text, html or jsonl (then `data` is the line, `line` its number)
    line: int | None = None
    sidecar: bytes | None = field(default=None, repr=False)  # a page's NAME.html.yaml, part of its hash

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else self.stat_size

    def loaded(self) -> "SeedTask":
        """This task with its seed's bytes (read now if the plan did not need them); a worker on
        another machine (Dask) needs them, not the seeds folder."""
        if self.data is not None:
            return self
        data = read_seed_bytes(Path(self.label))
        sha = hashlib.sha256(data).hexdigest()
        return dataclasses.replace(self, data=data, sha256=page_key(sha, self.sidecar) if self.format == PAGE else sha)


def with_bytes(task: SeedTask) -> SeedTask:
    """`task.loaded()`, or the task as it is when its seed cannot be read (extracting it reports why)."""
    try:
        return task.loaded()
    except SeedError:
        return task


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
    copies: dict[str, SeedTask] = field(default_factory=dict)  # each later copy's own task (to name it in an error)
    unreadable: list[SeedError] = field(default_factory=list)


def plan_tasks(seeds: Path, index: SeedIndex | None = None) -> Plan:
    """Hash every seed (sorted by path) and keep the first of each content. With an `index`, a
    seed whose file is as the index recorded it is not read again (its bytes are left out)."""
    if not seeds.is_dir():
        raise SeedError(seeds, "the seeds folder does not exist", "pass --seeds with a folder of articles (.txt, .html, .jsonl)")
    plan, first = Plan(), {}

    def add(task: SeedTask) -> None:
        if task.sha256 in first:
            plan.duplicates[first[task.sha256]].append(task.path)
            plan.copies[task.path] = task
            return
        first[task.sha256] = task.path
        plan.duplicates[task.path] = []
        plan.tasks.append(task)

    for path in seed_paths(seeds):
        rel = path.relative_to(seeds).as_posix()
        fmt = seed_format(path)
        data, sha, size, sidecar = None, None, 0, None
        try:
            if fmt == EXPORT:  # always read: each line is a seed of its own
                for record in read_export(path):
                    add(SeedTask(f"{rel}:{record.line}", str(path), hashlib.sha256(record.data).hexdigest(), record.data,
                                 len(record.data), format=EXPORT, line=record.line))
                continue
            if index is not None:
                info = os.stat(path)
                sha, size = index.known(rel, info), info.st_size
            if sha is None:
                data = read_seed_bytes(path)
                sha = hashlib.sha256(data).hexdigest()
                if index is not None:
                    index.record(rel, info, sha)
            if fmt == PAGE:
                sidecar = read_sidecar(path)
                sha = page_key(sha, sidecar)
        except (SeedError, OSError) as exc:
            plan.unreadable.append(exc if isinstance(exc, SeedError) else
                                   SeedError(path, f"the file cannot be read ({exc.strerror})", "check that it exists and is readable"))
            continue
        add(SeedTask(rel, str(path), sha, data, size, format=fmt, sidecar=sidecar))
    return plan


def extract_task(task: SeedTask) -> TaskOutcome:
    """Decode, parse and extract one seed (as `ingest.read_seed` does) into its rows of every table;
    never raises for a bad seed."""
    label = Path(task.label)
    try:
        task = task.loaded()
        if task.format == EXPORT:
            doc = read_record_line(task.data, path=task.path, label=label, line=task.line)
        elif task.format == PAGE:
            doc = read_page(task.data, path=task.path, label=label, sidecar=task.sidecar)
        else:
            text, encoding = decode_seed(label, task.data)
            doc = read_text(text, path=task.path, sha256=task.sha256, encoding=encoding)
    except SeedError as exc:
        where = label if task.format not in (EXPORT, PAGE) else exc.path  # a page's error may name its sidecar
        return TaskOutcome(task.path, error=(where, exc.problem, exc.fix, exc.line))
    return TaskOutcome(task.path, result=source_rows(extract_document(doc)))


def extract_batch(tasks: list[SeedTask]) -> list[TaskOutcome]:
    return [extract_task(t) for t in tasks]
