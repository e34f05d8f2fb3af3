"""Errors a user can cause. Each names the file, the line where known, and the fix."""

from __future__ import annotations

from pathlib import Path


class ConflictTimelineError(Exception):
    """Base class for errors the CLI prints without a traceback."""


class SeedError(ConflictTimelineError):
    """A seed file cannot be read as an article."""

    def __init__(self, path: Path | str, problem: str, fix: str, line: int | None = None):
        self.path = Path(path)
        self.problem = problem
        self.fix = fix
        self.line = line
        where = f"{self.path}, line {line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {problem}. Fix: {fix}")

    def __reduce__(self):  # picklable, so it can cross from a worker process
        return (type(self), (self.path, self.problem, self.fix, self.line))


class SeedErrors(ConflictTimelineError):
    """Several seeds are bad; all of them are listed, not just the first."""

    def __init__(self, errors: list[SeedError]):
        self.errors = errors
        lines = [f"{len(errors)} seed(s) cannot be built:"] + [f"  - {e}" for e in errors]
        super().__init__("\n".join(lines))

    def __reduce__(self):
        return (type(self), (self.errors,))


class PackageInvalidError(ConflictTimelineError):
    """The built package does not pass Frictionless validation; nothing was published."""


class LexiconError(ConflictTimelineError):
    """A rule or lexicon data file is malformed."""
