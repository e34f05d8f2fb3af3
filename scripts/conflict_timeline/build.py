"""`conflict-timeline build`: seeds folder in, validated data package out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConflictTimelineError, SeedErrors
from .extraction import extract_document
from .ingest import scan_seeds
from .package.publish import publish
from .package.tables import build_tables
from .settings import TIMELINE_NAME


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

    def as_dict(self) -> dict:
        return {"seeds": self.seeds, "articles": self.articles, "events": self.events, "mentions": self.mentions,
                "skipped": self.skipped, "duplicates": self.duplicates, "encodings": self.encodings}

    def summary(self) -> str:
        lines = [f"built {self.descriptor}: {self.events} events from {self.articles} articles "
                 f"({self.mentions} time expressions)"]
        for item in self.encodings:
            lines.append(f"  note: {item['path']} is not UTF-8; decoded as {item['encoding']}")
        for item in self.duplicates:
            lines.append(f"  note: {item['path']} has the same content as {item['same_as']}; counted once")
        for item in self.skipped:
            lines.append(f"  skipped: {item['path']}: {item['problem']}")
        return "\n".join(lines)


def _timeline(data_dir: Path, tables: dict[str, list[dict]]) -> None:
    import pandas as pd

    from .timeline import write_timeline

    frames = {name: pd.DataFrame(tables[name]) for name in ("events", "sources", "actors")}
    write_timeline(frames["events"], frames["sources"], frames["actors"], data_dir / TIMELINE_NAME)


def build_package(seeds: Path, out: Path, *, skip_invalid: bool = False) -> BuildReport:
    """Read every seed, extract, and publish a validated package at OUT/datapackage.json.

    Bad seeds fail the build (listing every problem) unless `skip_invalid`; nothing is
    written then, and what was published before stays as it was."""
    scan = scan_seeds(Path(seeds))
    if scan.errors and not skip_invalid:
        raise SeedErrors(scan.errors)
    if not scan.documents:
        raise ConflictTimelineError(f"{seeds}: no seed could be read, so there is nothing to build. "
                                    "Fix the seeds listed above or add good ones.")
    report = BuildReport(seeds=len(scan.documents) + len(scan.errors) + len(scan.duplicates), articles=len(scan.documents))
    report.skipped = [{"path": str(e.path), "problem": e.problem, "fix": e.fix} for e in scan.errors]
    report.duplicates = [{"path": d, "same_as": k} for d, k in scan.duplicates]
    report.encodings = [{"path": p, "encoding": enc} for p, enc in scan.encodings]
    results = [extract_document(doc) for doc in scan.documents]
    tables = build_tables(results)
    report.events = len(tables["events"])
    report.mentions = len(tables["mentions"])
    descriptor = publish(tables, Path(out), extras=_timeline, report=_relative(report.as_dict(), Path(seeds)))
    report.descriptor = str(descriptor)
    return report


def _relative(report: dict, seeds: Path) -> dict:
    """The build report holds paths relative to the seeds folder, so it is the same wherever it is built."""
    for item in report["skipped"]:
        try:
            item["path"] = Path(item["path"]).relative_to(seeds).as_posix()
        except ValueError:
            pass
    return report
