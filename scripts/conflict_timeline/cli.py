"""The `conflict-timeline` command: one small function per command, each a thin wrapper
over an importable function. Heavy imports happen inside the commands so that the quick
ones (`timex`) start fast."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import ConflictTimelineError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Build a data package of dated conflict events from news articles.",
)

_state = {"verbose": False}
#: A build shows a progress bar (on a terminal) when at least this many seeds are to be extracted.
PROGRESS_MIN_SEEDS = 20


class ExtractionProgress:
    """`progress(done, total)` for build_package: a bar on stderr while seeds are extracted, shown
    only on a terminal and for enough seeds to wait for; gone once they are done."""

    def __init__(self, stream=None, min_seeds: int = PROGRESS_MIN_SEEDS):
        self.stream = stream if stream is not None else sys.stderr
        self.min_seeds = min_seeds
        self.bar = None
        self.task = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < self.min_seeds or not self.stream.isatty():
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("extracting seeds"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                TimeRemainingColumn(), console=Console(file=self.stream), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("extract", total=total)
        self.bar.update(self.task, completed=done, total=total)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

GenreOption = typer.Option("auto", "--genre", help="news, narrative or auto (decide from the text).")
VerboseOption = typer.Option(False, "--verbose", "-v", help="Show tracebacks of errors.")


@app.callback()
def _root(verbose: bool = VerboseOption) -> None:
    _state["verbose"] = verbose


@app.command()
def build(
    seeds: Path = typer.Option(Path("seeds"), "--seeds", help="Folder of seed articles."),
    out: Path = typer.Option(Path("."), "--out", help="Writes OUT/datapackage.json and OUT/datapackage/."),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Build from the good seeds; list the bad ones in the build report."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Extraction processes (default: the number of cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Extract every seed afresh; neither read nor write the cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Cache of per-seed results (default OUT/.cache/conflict-timeline)."),
    engine: str = typer.Option("local", "--engine", help="local (a process pool) or dask (a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
) -> None:
    """Extract events from every seed and write a validated data package."""
    from .build import build_package

    progress = ExtractionProgress()
    try:
        report = build_package(seeds, out, skip_invalid=skip_invalid, jobs=jobs, engine=engine, scheduler=scheduler,
                               use_cache=not no_cache, cache_dir=cache_dir, progress=progress)
    finally:
        progress.close()
    typer.echo(report.summary())


@app.command()
def validate(
    descriptor: Path = typer.Argument(Path("datapackage.json"), help="Package descriptor."),
) -> None:
    """Validate a built package with frictionless and check every file's recorded hash."""
    from .package.validate import validate_package

    validate_package(descriptor)
    typer.echo(f"{descriptor}: valid")


@app.command()
def timex(
    dct: str = typer.Option(..., "--dct", help="Document creation date, YYYY-MM-DD."),
    genre: str = GenreOption,
) -> None:
    """Tag temporal expressions in text on stdin; print one JSON object per line."""
    from .timex.commands import run_timex

    run_timex(sys.stdin.read(), dct=dct, genre=genre, out=sys.stdout)


@app.command("eval-timex")
def eval_timex(
    dirs: list[Path] = typer.Argument(..., help="Folders of TimeML .tml files."),
    genre: str = GenreOption,
) -> None:
    """Score the temporal tagger on TimeML files (TempEval-3 style)."""
    from .timex.commands import run_eval_timex

    run_eval_timex(dirs, genre=genre, out=sys.stdout)


@app.command()
def extract(
    file: Path = typer.Argument(..., help="A seed file (front matter honoured)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line instead of a table."),
) -> None:
    """Print the events of one seed file."""
    from .events.commands import run_extract

    run_extract(file, as_json=as_json, out=sys.stdout)


@app.command()
def body(
    file: Path = typer.Argument(..., help="A seed file: .txt, .md, .html, .htm or .jsonl."),
    line: Optional[int] = typer.Option(None, "--line", min=1, help="Of a news export (.jsonl): the line of the article."),
) -> None:
    """Print the body a seed is read as (UTF-8): the text whose char offsets the events give."""
    from .ingest.commands import run_body

    run_body(file, line, sys.stdout.buffer)


@app.command("eval-events")
def eval_events(
    dirs: list[Path] = typer.Argument(..., help="Folders of TimeML .tml files."),
    genre: str = GenreOption,
) -> None:
    """Score dated-event recall and date precision on TimeML files."""
    from .events.commands import run_eval_events

    run_eval_events(dirs, genre=genre, out=sys.stdout)


@app.command()
def timeline(
    package: Path = typer.Option(Path("datapackage.json"), "--package", help="A built package descriptor."),
    out: Optional[Path] = typer.Option(None, "--out", help="HTML file to write (default: the package's timeline.html)."),
    lanes: str = typer.Option("group", "--lanes", help="Initial lanes: group, actor or source."),
) -> None:
    """Render the interactive timeline from a built package."""
    from .timeline import render_package

    path = render_package(package, out=out, lanes=lanes)
    typer.echo(f"wrote {path}")


@app.command()
def dictionary(
    readme: Path = typer.Option(Path("README.md"), "--readme", help="README whose data dictionary section is regenerated."),
    check: bool = typer.Option(False, "--check", help="Only check that the section is up to date; exit 1 if not."),
) -> None:
    """Regenerate the README's data dictionary from the Table Schemas."""
    from .package.dictionary import update_readme

    changed = update_readme(readme, check=check)
    if check and changed:
        typer.echo(f"{readme}: the data dictionary is out of date; run conflict-timeline dictionary", err=True)
        raise typer.Exit(1)
    typer.echo(f"{readme}: data dictionary {'updated' if changed else 'up to date'}")


def main() -> None:
    """Entry point: user errors are printed without a traceback and exit with 1."""
    try:
        app(standalone_mode=False)
    except ConflictTimelineError as exc:
        if _state["verbose"]:
            raise
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        sys.exit(1)
    except (typer.Exit, SystemExit) as exc:
        sys.exit(getattr(exc, "exit_code", getattr(exc, "code", 0)) or 0)
    except Exception as exc:  # click usage errors and friends
        import click

        # typer >= 0.29 vendors click (typer._click): match its usage errors by shape too.
        if isinstance(exc, click.exceptions.ClickException) or (
                callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int)):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(130)
        raise


if __name__ == "__main__":
    main()
