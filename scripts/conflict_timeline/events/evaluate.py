"""Score dated events against TimeML gold dates: dated-event recall and date precision.

Each .tml file's text is treated as a seed whose `published` is the file's DCT; the rows
scored are the coder's dated mentions and its occurrences (see `score_document`). Gold is
every TIMEX3 of type DATE whose value is a calendar year, month or day. A gold date is
found when an event's evidence span contains it and the event's date (its EDTF, or an
end of its interval) equals the gold value. Date precision is, of the events whose
evidence contains at least one gold date, the share dated by one of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..ingest import read_text
from ..timex.tml import read_tml

_CALENDAR = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass
class EventScore:
    gold: int = 0
    found: int = 0
    judged: int = 0  # events whose evidence holds a gold date
    right: int = 0  # of those, dated by one of them
    events: int = 0
    documents: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.judged if self.judged else 0.0

    def add(self, other: "EventScore") -> None:
        for key in ("gold", "found", "judged", "right", "events", "documents"):
            setattr(self, key, getattr(self, key) + getattr(other, key))


def event_dates(edtf: str) -> set[str]:
    """The calendar values an event's date can match: the date, or either end of an interval."""
    return {part for part in edtf.split("/") if part and part != ".."}


def gold_dates(tml) -> list:
    """The gold: TIMEX3s of type DATE whose value is a calendar year, month or day."""
    return [t for t in tml.timexes if t.type == "DATE" and _CALENDAR.fullmatch(t.value)]


def score_rows(rows: list[dict], gold: list, name: str = "") -> tuple[EventScore, list[dict]]:
    """Score event rows (char_start, char_end, date_edtf, date_text) against gold dates."""
    score = EventScore(gold=len(gold), events=len(rows), documents=1)
    misses = []
    for g in gold:
        if any(r["char_start"] <= g.start and g.end <= r["char_end"] and g.value in event_dates(r["date_edtf"]) for r in rows):
            score.found += 1
        else:
            misses.append({"file": name, "kind": "missed", "text": g.text, "value": g.value, "start": g.start})
    for r in rows:
        inside = {g.value for g in gold if r["char_start"] <= g.start and g.end <= r["char_end"]}
        if inside:
            score.judged += 1
            if inside & event_dates(r["date_edtf"]):
                score.right += 1
            else:
                misses.append({"file": name, "kind": "wrong", "text": r.get("date_text"), "value": r["date_edtf"],
                               "gold": sorted(inside), "start": r["char_start"]})
    return score, misses


def score_document(path: Path, genre: str) -> tuple[EventScore, list[dict]]:
    """TimeML's events are every happening and every reporting event ("said"): the rows scored
    are every mention the coder dates, with the date its own sentence gives it (before the
    mentions of one happening become one event, which the news scorer measures), and the
    occurrences it keeps apart from the package (a saying's date, a date beside no trigger)."""
    from ..extraction import code_document

    tml = read_tml(path)
    overrides = {"genre": genre} if genre != "auto" else {}
    if tml.dct is not None:
        overrides["published"] = tml.dct.isoformat()
    doc = read_text(tml.text, path=path.name, overrides=overrides)
    _, dated, _ = code_document(doc)
    rows = [e.row() for e in dated]
    return score_rows(rows, gold_dates(tml), path.name)


def score_directory(directory: Path, genre: str) -> tuple[EventScore, list[dict]]:
    total, misses = EventScore(), []
    for path in sorted(Path(directory).glob("*.tml")):
        score, more = score_document(path, genre)
        total.add(score)
        misses.extend(more)
    return total, misses
