"""The merge stage (events -> merge -> package): the reports of the coder, from one article or many,
grouped into happenings, each one event with every report kept as its evidence.

- `report.py`: a report and what the merge compares (its date range, place, actors, weighing words);
- `match.py`: `compatible(a, b)`, do two reports tell of one happening (and `conflict`, `similarity`);
- `cluster.py`: `group(reports)`, the grouping, with blocking by kind, stance and day;
- `combine.py`: `merged_row(rows, published)`, the event a group becomes (date, type, place, toll);
- `lexicon.py`, `data/`: the rules (matching.yaml) and how common words are (rarity.yaml).

`merge_events` is the whole stage over `events.model.Event` objects (what `package.tables` uses);
`package.assemble` runs the same functions over the columns of a build's rows.
"""

from __future__ import annotations

from .cluster import group
from .combine import merged_row
from .match import compatible, conflict, similarity
from .report import ROW_FIELDS, Context, Report, article_context, report_extra

__all__ = ["Report", "Context", "article_context", "compatible", "conflict", "similarity", "group", "merged_row", "report_extra",
           "reports_of", "merge_events", "ROW_FIELDS"]


def contexts_of(events: list, sources: dict[str, dict]) -> dict[str, str]:
    """Source id -> `article_context` of its events (`sources`: source id -> its `sources` row)."""
    evidences: dict[str, list[str]] = {s: [] for s in sources}
    for e in events:
        evidences[e.source_id].append(e.evidence)
    return {s: article_context(evidences[s], sources[s].get("title")) for s in sources}


def reports_of(events: list, sources: dict[str, dict]) -> tuple[list[dict], list[str], list[Report]]:
    """(rows, extras, reports) of these events, in this order (`sources`: source id -> its
    `sources` row; every event of an article must be among `events`, for its context)."""
    rows = [e.row() for e in events]
    extras = [report_extra(e.evidence, sources[e.source_id]["published_date"]) for e in events]
    contexts = {s: Context.of(text) for s, text in contexts_of(events, sources).items()}
    return rows, extras, [Report.from_row(i, r, x, contexts[r["source_id"]]) for i, (r, x) in enumerate(zip(rows, extras))]


def merge_events(events: list, sources: dict[str, dict]) -> tuple[list[dict], list[dict]]:
    """Return (event rows, event_sources rows), both in group order: one event per happening, one
    evidence row per sentence of each report (with that report's own type, date and toll)."""
    rows, extras, reports = reports_of(events, sources)
    out, evidence = [], []
    for members in group(reports):
        member_rows = [rows[i] for i in members]
        event = merged_row(member_rows, [int(extras[i].split("|", 1)[0]) for i in members])
        out.append(event)
        for i in members:  # each sentence of each report
            row = rows[i]
            evidence.extend({**row, "report_id": row["event_id"], "event_id": event["event_id"], **cited}
                            for cited in events[i].evidence_rows())
    return out, evidence
