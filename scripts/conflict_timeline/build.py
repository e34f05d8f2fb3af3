"""`conflict-timeline build`: seeds folder in, validated data package out."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConflictTimelineError, SeedErrors
from .package.publish import publish, recover
from .package.assemble import PackageTables, assemble
from .runner import BackgroundTimeline, extract_seeds
from .runner.background import TIMELINE_TABLES
from .runner.engines import Progress
from .settings import BACKGROUND_TIMELINE_ROWS, BACKGROUND_TIMELINE_SEEDS, CACHE_DIR_NAME, FAST_CHECK_ROWS, RESOURCES


@dataclass
class BuildReport:
    seeds: int = 0
    articles: int = 0
    events: int = 0
    mentions: int = 0
    skipped: list[dict] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    encodings: list[dict] = field(default_factory=list)
    descriptor: str = ""
    extracted: int = 0  # seeds extracted in this build (the rest came from the cache)
    cached: int = 0

    def as_dict(self) -> dict:
        return {"seeds": self.seeds, "articles": self.articles, "events": self.events, "mentions": self.mentions,
                "skipped": self.skipped, "duplicates": self.duplicates, "encodings": self.encodings}

    def summary(self) -> str:
        lines = [f"built {self.descriptor}: {self.events} events from {self.articles} articles "
                 f"({self.mentions} time expressions); {self.extracted} extracted, {self.cached} from the cache"]
        for item in self.encodings:
            lines.append(f"  note: {item['path']} is not UTF-8; decoded as {item['encoding']}")
        for item in self.duplicates:
            lines.append(f"  note: {item['path']} has the same content as {item['same_as']}; counted once")
        for item in self.skipped:
            where = f"{item['path']}, line {item['line']}" if item.get("line") else item["path"]
            lines.append(f"  skipped: {where}: {item['problem']}")
        return "\n".join(lines)


def _timeline(data_dir: Path, tables: PackageTables) -> None:
    """Draw the timeline in this process (publish's hook, for small builds)."""
    from .timeline import draw_tables

    draw_tables(data_dir, tables.ordered(TIMELINE_TABLES))


def build_package(seeds: Path, out: Path, *, skip_invalid: bool = False, jobs: int | None = None,
                  engine: str = "local", scheduler: str | None = None, use_cache: bool = True,
                  cache_dir: Path | None = None, progress: Progress | None = None) -> BuildReport:
    """Read every seed, extract, and publish a validated package at OUT/datapackage.json.

    Bad seeds fail the build (listing every problem) unless `skip_invalid`; nothing is
    written then, and what was published before stays as it was. Extraction runs on `engine`
    (`local`: `jobs` processes; `dask`: the cluster at `scheduler`, or a local one) and reuses
    the results cached in `cache_dir` (default OUT/.cache/conflict-timeline) unless not `use_cache`.
    `progress(done, total)` hears how many of the seeds to extract are done."""
    seeds, out = Path(seeds), Path(out)
    recover(out)  # finish a publication a killed build committed, before anything else
    cache = (Path(cache_dir) if cache_dir is not None else out / CACHE_DIR_NAME) if use_cache else None
    with contextlib.ExitStack() as stack:
        timeline = None
        if (jobs is None or jobs > 1) and _seed_count(seeds) > BACKGROUND_TIMELINE_SEEDS:
            # A large build: start the timeline's worker now, so it loads the drawing library
            # while the seeds are read and their rows merged.
            timeline = stack.enter_context(BackgroundTimeline(preload=(f"{__package__}.timeline",)))
        scan = extract_seeds(seeds, jobs=jobs, engine=engine, scheduler=scheduler, cache_dir=cache, progress=progress)
        if scan.errors and not skip_invalid:
            raise SeedErrors(scan.errors)
        if not scan.results:
            raise ConflictTimelineError(f"{seeds}: no seed could be read, so there is nothing to build. "
                                        "Fix the seeds listed above or add good ones.")
        report = BuildReport(seeds=len(scan.results) + len(scan.errors) + len(scan.duplicates),
                             articles=len(scan.results), extracted=scan.extracted, cached=scan.cached)
        report.skipped = [{"path": str(e.path), "problem": e.problem, "fix": e.fix, **({"line": e.line} if e.line else {})}
                          for e in scan.errors]
        report.duplicates = [{"path": d, "same_as": k} for d, k in scan.duplicates]
        report.encodings = [{"path": p, "encoding": enc} for p, enc in scan.encodings]
        tables = assemble(scan.rows, scan.results, scan.key_order)
        del scan
        report.events = tables.count("events")
        report.mentions = tables.count("mentions")
        # Large packages are checked by the vectorised check of the same schema rules; `make`
        # still ends with `frictionless validate`.
        validator = None
        if sum(tables.count(n) for n in RESOURCES) > FAST_CHECK_ROWS:
            from .package.fastcheck import fast_validate as validator
        if timeline is None and tables.count("events") > BACKGROUND_TIMELINE_ROWS and (jobs is None or jobs > 1):
            timeline = stack.enter_context(BackgroundTimeline())
        # The timeline is drawn in another process while the tables are written and checked.
        extras = timeline.start(tables.ordered(TIMELINE_TABLES)) if timeline is not None else _timeline
        descriptor = publish(tables, out, extras=extras, report=_relative(report.as_dict(), seeds), validator=validator)
    report.descriptor = str(descriptor)
    return report


def _seed_count(seeds: Path) -> int:
    """Entries in the seeds folder (an estimate of the build's size, before reading anything)."""
    try:
        with os.scandir(seeds) as entries:
            return sum(1 for _ in entries)
    except OSError:
        return 0


def _relative(report: dict, seeds: Path) -> dict:
    """The build report holds paths relative to the seeds folder, so it is the same wherever it is built."""
    for item in report["skipped"]:
        try:
            item["path"] = Path(item["path"]).relative_to(seeds).as_posix()
        except ValueError:
            pass
    return report
