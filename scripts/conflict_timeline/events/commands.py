"""The `extract` and `eval-events` commands (thin wrappers; cli.py registers them)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TextIO

from ..errors import ConflictTimelineError
from ..settings import GENRES


def _json_default(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def run_extract(file: Path, as_json: bool, out: TextIO) -> None:
    """Print the events of one seed file: a readable table, or one JSON object per line."""
    from ..extraction import extract_document
    from ..ingest import read_seed

    file = Path(file)
    if not file.is_file():
        raise ConflictTimelineError(f"{file}: no such file. Fix: give the path of a seed article (.txt).")
    doc = read_seed(file, file.parent)
    result = extract_document(doc)
    rows = [e.row() for e in sorted(result.events, key=lambda e: (e.char_start, e.trigger_start))]
    if as_json:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    names = {k: a.name for k, a in result.actors.items()}
    table = Table(title=f"{doc.title} — {doc.publisher or 'unknown publisher'}, {doc.published}", show_lines=True)
    for column in ("date", "how", "type", "modality", "actors", "where", "killed", "evidence"):
        table.add_column(column, overflow="fold")
    for r in rows:
        actors = " → ".join(names.get(a, a) for a in (r["actor1"], r["actor2"]) if a)
        if r["speaker"]:
            actors += f" (said by {names.get(r['speaker'], r['speaker'])})"
        killed = "" if r["fatalities_low"] is None and r["fatalities_high"] is None else \
            f"{r['fatalities_low'] if r['fatalities_low'] is not None else '?'}–{r['fatalities_high'] if r['fatalities_high'] is not None else ''}"
        table.add_row(r["date_edtf"], f"{r['date_source']}: {r['date_text'] or ''}", r["event_type"], r["modality"],
                      actors, r["country"] or "", killed, r["evidence"])
    Console(file=out, width=160).print(table)


def run_eval_events(dirs: list[Path], genre: str, out: TextIO) -> None:
    """Print dated-event recall and date precision per directory and overall."""
    from .evaluate import EventScore, score_directory

    if genre not in (*GENRES, "auto"):
        raise ConflictTimelineError(f"--genre {genre}: unknown. Fix: use news, narrative or auto.")
    total = EventScore()
    out.write(f"{'corpus':<28} {'docs':>5} {'gold':>6} {'found':>6} {'recall':>7} {'judged':>7} {'precision':>9} {'events':>7}\n")
    for directory in dirs:
        directory = Path(directory)
        if not directory.is_dir():
            raise ConflictTimelineError(f"{directory}: not a folder. Fix: give folders of TimeML .tml files.")
        score, _ = score_directory(directory, genre)
        total.add(score)
        out.write(f"{directory.name:<28} {score.documents:>5} {score.gold:>6} {score.found:>6} {score.recall:>7.3f} "
                  f"{score.judged:>7} {score.precision:>9.3f} {score.events:>7}\n")
    if len(dirs) > 1:
        out.write(f"{'all':<28} {total.documents:>5} {total.gold:>6} {total.found:>6} {total.recall:>7.3f} "
                  f"{total.judged:>7} {total.precision:>9.3f} {total.events:>7}\n")
