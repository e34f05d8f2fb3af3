"""Reports grouped into happenings, with blocking so that it scales.

Reports are taken in the order given (the package's: articles by publication, then the place of
the report in its article). A report is compared only with the happenings already formed whose
reports fall on the days its own date covers (one day more on each side for the midnight rule),
of the same kind and stance: a dictionary from (kind, stance, day) to happenings, so that the
work grows with the reports of a day, not with the square of all reports. A report joins the
candidate happening it is most alike (`match.words_agree` with one of its reports) among those
none of whose reports it conflicts with (`match.conflict`), by its sentence's words first
(`match.words_agree`), else by its article's (`match.context_agree`, only while no report of
its article is in that happening); else it starts a happening. Ties go to the happening formed
first, so the grouping depends only on the reports and their order.
"""

from __future__ import annotations

from ..settings import MERGE_NIGHT_SLACK_DAYS
from .match import conflict, context_agree, mergeable, words_agree
from .report import Report


def group(reports: list[Report]) -> list[list[int]]:
    """The reports (by position in the list) grouped into happenings, in order of their first report."""
    groups: list[list[Report]] = []
    sources: list[set[str]] = []
    days: dict[tuple, list[int]] = {}
    memo: dict = {}
    for report in reports:
        chosen, best = None, (0.0, 0.0)
        if mergeable(report):
            seen: set[int] = set()
            for day in range(report.start - MERGE_NIGHT_SLACK_DAYS, report.end + MERGE_NIGHT_SLACK_DAYS + 1):
                seen.update(days.get((report.cls, report.stance, day), ()))
            for g in sorted(seen):
                members = groups[g]
                words = max(words_agree(report, m) for m in members)
                context = 0.0
                if not words and report.source_id not in sources[g]:
                    context = max(context_agree(report, m, memo) for m in members)
                # the cheap test first: most candidates share too few words to be checked further
                if (words, context) > best and not any(conflict(report, m) for m in members):
                    chosen, best = g, (words, context)
        if chosen is None:
            chosen = len(groups)
            groups.append([])
            sources.append(set())
        groups[chosen].append(report)
        sources[chosen].add(report.source_id)
        if mergeable(report):
            for day in range(report.start, report.end + 1):
                bucket = days.setdefault((report.cls, report.stance, day), [])
                if not bucket or bucket[-1] != chosen:
                    bucket.append(chosen)
    return [[r.index for r in members] for members in groups]
