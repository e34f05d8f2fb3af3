"""Reports grouped into happenings, with blocking so that it scales.

Reports are taken in the order given (the package's: articles by publication, then the place of
the report in its article). A report is compared only with the happenings already formed whose
reports fall on the days its own date covers (one day more on each side for the midnight rule),
of the same kind and stance: a dictionary from (kind, stance, day) to happenings, so that the
work grows with the reports of a day, not with the square of all reports; on a day crowded with
happenings of one kind, the MERGE_MAX_CANDIDATES formed last (the reports nearest in the order). A report joins the
candidate happening it is most alike (`match.words_agree` with one of its reports) among those
none of whose reports it is apart from (`match.apart`), by its sentence's words first
(`match.words_agree`), else by its article's (`match.context_agree`, only while no report of
its article is in that happening); else it starts a happening. Ties go to the happening formed
first, so the grouping depends only on the reports and their order. A report that agrees so with
more than one candidate makes them one happening when no report of one conflicts with a report of
the other (the street one article names and the suspect another names, told together by a third).
A report dated more vaguely than a month joins no happening, but one dated to a year in a town
("the shooting in Chubbuck last year") may join one of that town and year (`match.year_agree`,
among the MERGE_MAX_CANDIDATES formed last: a dictionary from (kind, stance, town) to happenings).
"""

from __future__ import annotations

from ..settings import MERGE_JOIN_MAX_PAIRS, MERGE_MAX_CANDIDATES, MERGE_MIN_SHARED_WEIGHT, MERGE_NIGHT_SLACK_DAYS, MERGE_SMALL_SHARE
from .match import apart, context_agree, mergeable, town_key, words_agree, year_agree, yearly
from .report import Report


def group(reports: list[Report]) -> list[list[int]]:
    """The reports (by position in the list) grouped into happenings, in order of their first report."""
    groups: list[list[Report]] = []
    sources: list[set[str]] = []
    union: list[dict] = []  # per happening: each word of its reports, at its highest weight
    lightest: list[float] = []  # per happening: the smallest weight of words of its reports
    days: dict[tuple, list[int]] = {}
    towns: dict[tuple, list[int]] = {}  # (kind, stance, town) -> happenings of reports of that town
    memo: dict = {}  # per pair of articles, their context's shared weight
    bags: dict = {}  # per pair of word bags, their shared weight
    alias: list[int] = []  # per happening formed: the happening it became part of (itself while it stands)

    def standing(g: int) -> int:
        while alias[g] != g:
            g = alias[g]
        return g

    for report in reports:
        chosen, best = None, (0.0, 0.0)
        agreeing: list[int] = []
        if mergeable(report):
            formed: set[int] = set()
            for day in range(report.start - MERGE_NIGHT_SLACK_DAYS, report.end + MERGE_NIGHT_SLACK_DAYS + 1):
                formed.update(days.get((report.cls, report.stance, day), ()))
            seen = {standing(g) for g in formed}
            for g in sorted(seen)[-MERGE_MAX_CANDIDATES:]:  # on a crowded day, the latest formed
                members = groups[g]
                words = 0.0
                if _may_share(report, union[g], lightest[g]):
                    words = max(words_agree(report, m, bags) for m in members)
                context = 0.0
                if not words and report.source_id not in sources[g]:
                    context = max(context_agree(report, m, memo) for m in members)
                # the cheap test first: most candidates share too few words to be checked further
                if (words or context) and not any(apart(report, m) for m in members):
                    agreeing.append(g)
                    if (words, context) > best:
                        chosen, best = g, (words, context)
        elif yearly(report):  # "the shooting last year": a happening of its town and that year
            near = [g for g in sorted({standing(g) for g in towns.get((report.cls, report.stance, town_key(report)), ())})
                    if any(report.start <= m.end and m.start <= report.end for m in groups[g])]
            for g in near[-MERGE_MAX_CANDIDATES:]:
                members = groups[g]
                if report.source_id in sources[g] or any(apart(report, m) for m in members):
                    continue
                score = max(year_agree(report, m, memo) for m in members)
                if score > best[1]:
                    chosen, best = g, (0.0, score)
        if chosen is None:
            chosen = len(groups)
            groups.append([])
            sources.append(set())
            union.append({})
            lightest.append(report.mass)
            alias.append(chosen)
        groups[chosen].append(report)
        sources[chosen].add(report.source_id)
        _add_words(union[chosen], report)
        lightest[chosen] = min(lightest[chosen], report.mass)
        for g in agreeing:  # a report of two happenings no article tells apart makes them one
            if g != chosen and len(groups[g]) * len(groups[chosen]) <= MERGE_JOIN_MAX_PAIRS \
                    and not any(apart(m, n) for m in groups[g] for n in groups[chosen]):
                keep, gone = min(g, chosen), max(g, chosen)
                groups[keep] = sorted(groups[keep] + groups[gone], key=lambda r: r.index)
                sources[keep] |= sources[gone]
                for w, weight in union[gone].items():
                    if weight > union[keep].get(w, -1.0):
                        union[keep][w] = weight
                lightest[keep] = min(lightest[keep], lightest[gone])
                groups[gone], sources[gone], union[gone] = [], set(), {}
                alias[gone] = keep
                chosen = keep
        if mergeable(report) and report.location:
            bucket = towns.setdefault((report.cls, report.stance, town_key(report)), [])
            if not bucket or bucket[-1] != chosen:
                bucket.append(chosen)
        if mergeable(report):
            for day in range(report.start, report.end + 1):
                bucket = days.setdefault((report.cls, report.stance, day), [])
                if not bucket or bucket[-1] != chosen:
                    bucket.append(chosen)
    return [[r.index for r in members] for members in groups if members]


def _add_words(words_of: dict, report: Report) -> None:
    for w in report.words:
        weight = report.weights[w]
        if weight > words_of.get(w, -1.0):
            words_of[w] = weight


def _may_share(report: Report, union: dict, lightest: float) -> bool:
    """Can the report share enough words with one of a happening's reports (`match.similarity`)?
    An upper bound, so that most candidates are dismissed by one set intersection: the weight it
    shares with all their words together, each at its highest weight."""
    shared = 0.0
    for w in report.words & union.keys():
        shared += max(union[w], report.weights[w])
    return shared > 0 and shared >= min(MERGE_MIN_SHARED_WEIGHT, MERGE_SMALL_SHARE * min(report.mass, lightest))
