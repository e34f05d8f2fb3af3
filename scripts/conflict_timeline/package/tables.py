"""Rows of every resource from the per-article results, in a stable order."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..events.actors import Actor, affiliated_actors
from ..merge import merge_events
from .schemas import field_names


@dataclass
class ArticleResult:
    """What extraction yields for one article (picklable, so it can cross processes)."""

    source: dict
    events: list = field(default_factory=list)  # events.model.Event
    mentions: list[dict] = field(default_factory=list)
    actors: dict = field(default_factory=dict)  # actor_id -> Actor


def _with_affiliations(actors: dict[str, Actor]) -> dict[str, Actor]:
    """Add every actor an actor is affiliated with, so the foreign key holds."""
    return {**actors, **affiliated_actors([a.affiliation for a in actors.values() if a.affiliation], actors)}


def build_tables(results: list[ArticleResult]) -> dict[str, list[dict]]:
    results = sorted(results, key=lambda r: (r.source["published"], r.source["source_id"]))
    all_events = [e for r in results for e in sorted(r.events, key=lambda e: (e.char_start, e.trigger_start, e.event_type))]
    events, evidence = merge_events(all_events, {r.source["source_id"]: r.source for r in results})
    events.sort(key=lambda r: (r["date_start"], r["date_end"], r["source_id"], r["char_start"], r["event_id"]))
    evidence.sort(key=lambda r: (r["event_id"], r["source_id"], r["char_start"], r["report_id"]))
    evidence = [{n: r.get(n) for n in field_names("event_sources")} for r in evidence]

    referenced = {r[k] for r in events for k in ("actor1", "actor2", "speaker") if r.get(k)}
    first: dict[str, Actor] = {}  # every actor of the articles, from the first article that has it
    for result in results:
        for actor_id, actor in result.actors.items():
            first.setdefault(actor_id, actor)
    actors: dict[str, Actor] = {a: first[a] for a in first if a in referenced}
    pending = [a.affiliation for a in actors.values()]
    while pending:  # an affiliation the articles name (a spokesman's group) is in the table too
        actor_id = pending.pop()
        if actor_id and actor_id in first and actor_id not in actors:
            actors[actor_id] = first[actor_id]
            pending.append(first[actor_id].affiliation)
    actors = _with_affiliations(actors)

    per_source: dict[str, int] = {}  # the events each source gives evidence for (one or more sentences each)
    for source_id, _ in {(row["source_id"], row["event_id"]) for row in evidence}:
        per_source[source_id] = per_source.get(source_id, 0) + 1
    sources = []
    for result in results:
        row = dict(result.source)
        row["event_count"] = per_source.get(row["source_id"], 0)
        sources.append(row)
    sources.sort(key=lambda r: r["source_id"])
    mentions = sorted((m for r in results for m in r.mentions), key=lambda m: (m["source_id"], m["char_start"]))
    return {
        "sources": sources,
        "actors": sorted((a.row() for a in actors.values()), key=lambda r: r["actor_id"]),
        "events": events,
        "event_sources": evidence,
        "mentions": mentions,
    }
