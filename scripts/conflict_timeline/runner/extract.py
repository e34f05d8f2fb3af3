"""Extract every seed of a folder: from the cache where it can, on an engine for the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SeedError
from ..package.tables import ArticleResult
from .cache import ResultCache
from .engines import run_tasks
from .tasks import SeedTask, extract_task, plan_tasks
from .version import extractor_version


@dataclass
class Extraction:
    """Every seed of a folder: the extracted good ones, and every problem, duplicate and legacy encoding found."""

    results: list[ArticleResult] = field(default_factory=list)
    errors: list[SeedError] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (duplicate path, kept path)
    encodings: list[tuple[str, str]] = field(default_factory=list)
    extracted: int = 0
    cached: int = 0


def extract_seeds(seeds: Path, *, jobs: int | None = None, engine: str = "local", scheduler: str | None = None,
                  cache_dir: Path | None = None) -> Extraction:
    """Extract every seed: from the cache where the same content was extracted by the same
    extractor (`cache_dir` None: no cache), on `engine` for the rest."""
    plan = plan_tasks(seeds)
    cache = ResultCache(cache_dir, extractor_version()) if cache_dir is not None else None
    outcomes, todo = {}, []
    for task in plan.tasks:
        hit = cache.get(task.sha256, task.path) if cache else None
        if hit is None:
            todo.append(task)
        else:
            outcomes[task.path] = hit
    for task, outcome in zip(todo, run_tasks(todo, engine=engine, jobs=jobs, scheduler=scheduler)):
        if outcome.result is not None and cache is not None:
            cache.put(task.sha256, task.path, outcome.result)
        outcomes[task.path] = outcome.result if outcome.result is not None else outcome.seed_error()
    if cache is not None:
        cache.prune()
    out = Extraction(extracted=len(todo), cached=len(plan.tasks) - len(todo))
    errors = [(Path(e.path).relative_to(seeds).as_posix(), e) for e in plan.unreadable]
    for task in plan.tasks:
        got = outcomes[task.path]
        if isinstance(got, SeedError):
            errors.append((task.path, got))
            # every copy of a bad seed is reported, so the user can fix or remove each
            errors += [(dup, extract_task(SeedTask(dup, str(seeds / dup), task.sha256, task.data)).seed_error())
                       for dup in plan.duplicates[task.path]]
            continue
        out.results.append(got)
        out.duplicates += [(dup, task.path) for dup in plan.duplicates[task.path]]
        if got.source["encoding"] != "utf-8":
            out.encodings.append((task.path, got.source["encoding"]))
    out.errors = [e for _, e in sorted(errors, key=lambda pair: pair[0])]
    out.duplicates.sort()
    if not out.results and not out.errors:
        raise SeedError(seeds, "the seeds folder holds no .txt articles", "add one article per .txt file")
    return out
