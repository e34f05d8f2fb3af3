"""The `timex` and `eval-timex` commands as importable functions (cli.py wraps them)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TextIO

from ..errors import ConflictTimelineError
from .anchor import GENRES


class TimexUsageError(ConflictTimelineError):
    """A bad option value given to a timex command."""


def parse_dct(dct: str) -> dt.date:
    try:
        return dt.date.fromisoformat(dct.strip())
    except (ValueError, AttributeError):
        raise TimexUsageError(f"--dct {dct!r} is not a date. Fix: give the document date as YYYY-MM-DD, e.g. --dct 2019-06-14") from None


def check_genre(genre: str) -> str:
    if genre not in GENRES:
        raise TimexUsageError(f"--genre {genre!r} is unknown. Fix: use one of {', '.join(GENRES)}")
    return genre


def run_timex(text: str, dct: str, genre: str, out: TextIO) -> None:
    """Tag ``text`` and print one JSON object per expression: start, end, text, type, value."""
    from . import tag

    day = parse_dct(dct)
    for t in tag(text, day, check_genre(genre)):
        out.write(json.dumps({"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}, ensure_ascii=False) + "\n")


def run_eval_timex(dirs: list[Path], genre: str, out: TextIO) -> None:
    """Score the tagger on the .tml files of each folder and print a table (plus a combined row)."""
    from .scorer import evaluate_dirs, format_table

    check_genre(genre)
    for d in dirs:
        if not Path(d).is_dir():
            raise TimexUsageError(f"{d}: not a folder. Fix: give folders that hold TimeML .tml files")
    rows = evaluate_dirs([Path(d) for d in dirs], genre)
    out.write(format_table(rows) + "\n")
