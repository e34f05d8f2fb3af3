"""One article's share of every table, made once in the worker that extracts it.

A `SourceRows` holds, per resource, the article's rows as columns, each row's CSV line
formatted by the same writer as `write.py` (so that the package's CSV is these lines
sorted and joined), and what the reduce needs to order and merge them:

- `_within`: the row's rank inside its article (events: by char_start, trigger_start,
  event_type, as `build_tables` orders them; mentions: extraction order);
- events: `_match`, what the merge compares beside the row's fields (`merge.report_extra`:
  the publication day, the midnight cue, the weighing words of the evidence), `_head` and
  `_tail`, the CSV line of the row as the event of a happening only it tells of, split around
  `source_count` (which only the merge decides), `_idq`, the CSV cell of `event_id`, and, for
  each sentence of the article that mentions the report (in text order), `_evlines`, its
  `event_sources` line as a report, without the `event_id` cell, `_evstarts`, `_evends` and
  `_evtexts`, its offsets and text;
- sources: `_head` and `_tail` around `event_count`, and `_ctx`, the article's weighing words
  (`merge.article_context`).

Plain lists of plain values: cheap to pickle across processes and into the cache.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

from ..merge import article_context, report_extra
from ..merge.combine import single_row
from .schemas import field_names
from .tables import ArticleResult
from .write import cell

#: The resources a source contributes rows to (`event_sources` is made by the merge).
FRAGMENT_TABLES = ("sources", "events", "mentions", "actors")


class _Echo:
    """A file whose write returns what it is given: csv.writer then returns each formatted line."""

    def write(self, text: str) -> str:
        return text


_WRITER = csv.writer(_Echo(), lineterminator="\n")


def csv_line(cells: list[str]) -> str:
    """The line write.py's csv.writer writes for these cells."""
    return _WRITER.writerow(cells)


def split_line(cells: list[str], index: int) -> tuple[str, str]:
    """(head, tail) with head + str(n) + tail the line of `cells` with an integer n at `index`.

    A number never needs quoting, so the lines with "0" and "00" there differ only inside
    that cell; their common prefix is head plus one "0" (what follows the cell is a comma or
    the line's end, never a digit)."""
    one = csv_line(cells[:index] + ["0"] + cells[index + 1:])
    two = csv_line(cells[:index] + ["00"] + cells[index + 1:])
    common = 0
    while one[common] == two[common]:
        common += 1
    head = one[:common - 1]
    return head, one[len(head) + 1:]


@dataclass
class SourceRows:
    """What one article adds to each table (see the module's docstring)."""

    source: dict
    columns: dict[str, dict[str, list]] = field(default_factory=dict)
    key_order: dict[str, list[str]] = field(default_factory=dict)  # the rows' key order (the timeline's frames)

    def count(self, name: str) -> int:
        return len(self.columns[name]["_within"])


def _columns(name: str, rows: list[dict]) -> dict[str, list]:
    names = field_names(name)
    return {n: [row.get(n) for row in rows] for n in names}


def source_rows(result: ArticleResult) -> SourceRows:
    """The rows of one article, formatted and keyed for the reduce (see `package/assemble.py`)."""
    events = sorted(result.events, key=lambda e: (e.char_start, e.trigger_start, e.event_type))
    event_rows = [single_row(e.row()) for e in events]
    ev_names = field_names("events")
    at_count = ev_names.index("source_count")
    heads, tails, idqs = [], [], []
    cited: dict[str, list] = {"_evlines": [], "_evstarts": [], "_evends": [], "_evtexts": []}
    for event, row in zip(events, event_rows):
        cells = [cell(row.get(n)) for n in ev_names]
        head, tail = split_line(cells, at_count)
        heads.append(head)
        tails.append(tail)
        idqs.append(csv_line([cells[0], ""])[:-2])
        sentences = event.evidence_rows()
        report = {**row, "report_id": row["event_id"]}
        cited["_evlines"].append([csv_line([cell({**report, **c}.get(n)) for n in field_names("event_sources")[1:]])
                                  for c in sentences])
        cited["_evstarts"].append([c["char_start"] for c in sentences])
        cited["_evends"].append([c["char_end"] for c in sentences])
        cited["_evtexts"].append([c["evidence"] for c in sentences])
    events_cols = _columns("events", event_rows)
    published = result.source["published_date"]
    events_cols.update({"_within": list(range(len(events))), "_head": heads, "_tail": tails, "_idq": idqs, **cited,
                        "_match": [report_extra(e.evidence, published) for e in events]})

    source = dict(result.source)
    source["event_count"] = len(events)
    src_names = field_names("sources")
    head, tail = split_line([cell(source.get(n)) for n in src_names], src_names.index("event_count"))
    sources_cols = _columns("sources", [source])
    sources_cols.update({"_within": [0], "_head": [head], "_tail": [tail],
                         "_ctx": [article_context([e.evidence for e in events], result.source.get("title"))]})

    mention_names = field_names("mentions")
    mentions_cols = _columns("mentions", result.mentions)
    mentions_cols.update({"_within": list(range(len(result.mentions))),
                          "_line": [csv_line([cell(m.get(n)) for n in mention_names]) for m in result.mentions]})

    actor_rows = [result.actors[k].row() for k in sorted(result.actors)]
    actors_cols = _columns("actors", actor_rows)
    actors_cols["_within"] = list(range(len(actor_rows)))

    orders = {"sources": list(source), "events": list(event_rows[0]) if event_rows else [],
              "mentions": list(result.mentions[0]) if result.mentions else [],
              "actors": list(actor_rows[0]) if actor_rows else []}
    return SourceRows(source=result.source, key_order=orders,
                      columns={"sources": sources_cols, "events": events_cols, "mentions": mentions_cols,
                               "actors": actors_cols})
