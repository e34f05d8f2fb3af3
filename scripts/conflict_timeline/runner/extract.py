"""Extract every seed of a folder: from the last build's rows or the cache where it can, on an
engine for the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from ..errors import SeedError
from ..package.assemble import combine, to_arrow
from .cache import ResultCache
from .engines import Progress, run_tasks
from .store import RowStore, row_key
from .seedindex import SeedIndex
from .tasks import extract_task, plan_tasks, with_bytes
from .version import extractor_version


@dataclass
class Extraction:
    """Every seed of a folder: the good ones (their rows in `rows`), and every problem, duplicate
    and legacy encoding found."""

    results: list[str] = field(default_factory=list)  # the good seeds' row keys, in seed order
    rows: dict[str, pa.Table] = field(default_factory=dict)  # their rows (package.assemble.to_arrow)
    key_order: dict[str, list[str]] = field(default_factory=dict)
    errors: list[SeedError] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (duplicate path, kept path)
    encodings: list[tuple[str, str]] = field(default_factory=list)
    extracted: int = 0
    cached: int = 0


def extract_seeds(seeds: Path, *, jobs: int | None = None, engine: str = "local", scheduler: str | None = None,
                  cache_dir: Path | None = None, progress: Progress | None = None) -> Extraction:
    """Extract every seed: from the cache where the same content was extracted by the same
    extractor (`cache_dir` None: no cache), on `engine` for the rest (`progress(done, total)`
    hears about the seeds extracted)."""
    index = SeedIndex(cache_dir) if cache_dir is not None else None
    plan = plan_tasks(seeds, index)
    cache = ResultCache(cache_dir, extractor_version()) if cache_dir is not None else None
    store = RowStore(cache.folder, cache.version) if cache is not None else None
    stored = store.load() if store is not None else None
    stored_keys = set(stored[0]["sources"]["_key"].to_pylist()) if stored else set()
    stored_encodings = _encodings(stored[0]) if stored else {}
    outcomes, todo, fresh = {}, [], {}
    for task in plan.tasks:
        if row_key(task.sha256, task.path) in stored_keys:
            outcomes[task.path] = None  # its rows are in the store
            continue
        hit = cache.get(task.sha256, task.path) if cache else None
        if hit is None:
            todo.append(task)
        else:
            outcomes[task.path] = fresh[task.path] = hit
    todo = [with_bytes(t) for t in todo]
    if progress is not None:
        progress(0, len(todo))
    for task, outcome in zip(todo, run_tasks(todo, engine=engine, jobs=jobs, scheduler=scheduler, progress=progress)):
        if outcome.result is not None:
            fresh[task.path] = outcome.result
            if cache is not None:
                cache.put(task.sha256, task.path, outcome.result)
        outcomes[task.path] = outcome.result if outcome.result is not None else outcome.seed_error()
    if cache is not None:
        cache.prune()
        index.save()
    out = Extraction(extracted=len(todo), cached=len(plan.tasks) - len(todo))
    errors = [(Path(e.path).relative_to(seeds).as_posix(), e) for e in plan.unreadable]
    for task in plan.tasks:
        got = outcomes[task.path]
        if isinstance(got, SeedError):
            errors.append((task.path, got))
            # every copy of a bad seed is reported, so the user can fix or remove each
            errors += [(dup, extract_task(plan.copies[dup]).seed_error()) for dup in plan.duplicates[task.path]]
            continue
        out.results.append(row_key(task.sha256, task.path))
        out.duplicates += [(dup, task.path) for dup in plan.duplicates[task.path]]
        encoding = got.source.get("encoding") if got is not None else stored_encodings.get(out.results[-1])
        if encoding != "utf-8":
            out.encodings.append((task.path, encoding))
    out.errors = [e for _, e in sorted(errors, key=lambda pair: pair[0])]
    out.duplicates.sort()
    if not out.results and not out.errors:
        raise SeedError(seeds, "the seeds folder holds no articles (.txt, .md, .html, .htm or .jsonl files)",
                        "add one article per .txt or .html file, or a news export as .jsonl")
    new = [(row_key(t.sha256, t.path), fresh[t.path]) for t in plan.tasks if t.path in fresh]
    orders = ([stored[1]] if stored else []) + [r.key_order for _, r in new]
    out.key_order = next((o for o in orders if o.get("events")), orders[0] if orders else {})
    out.rows = combine(stored[0] if stored else None, to_arrow(new), out.results)
    if store is not None and (new or len(stored_keys) != len(out.results)):
        store.save(out.rows, out.key_order)
    return out


def _encodings(tables: dict[str, pa.Table]) -> dict[str, str]:
    sources = tables["sources"]
    return dict(zip(sources["_key"].to_pylist(), sources["encoding"].to_pylist()))
