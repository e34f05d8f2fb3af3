"""Merge the same happening reported by several articles into one event with several
evidence rows: same type, actors and date, and a compatible modality (asserted and
reported both affirm a happening; planned, negated and hypothetical stay apart)."""

from __future__ import annotations

from .model import Event


def merge_key(event: Event) -> tuple | None:
    """Events with the same key from different sources are one happening. Events without
    a known doer are never merged: too little says they are the same."""
    if event.actor1 is None:
        return None
    # "Russia bombed the town" and "the town's mayor said Russia bombed it" affirm one happening
    stance = "affirmed" if event.modality in ("asserted", "reported") else event.modality
    return (event.event_type, event.actor1, event.actor2, event.date.edtf, stance)


def group_reports(keys: list, sources: list) -> list[list[int]]:
    """The reports (by index, in the order given) grouped into happenings, in order of their
    first report: a report joins the group of its merge key while that group has no report
    from its source; otherwise, or without a key, it starts a group of its own."""
    groups: dict = {}
    out: list[list[int]] = []
    for i, (key, source) in enumerate(zip(keys, sources)):
        group = groups.get(key) if key is not None else None
        if group is not None and source not in group[1]:
            group[0].append(i)
            group[1].add(source)
            continue
        members = [i]
        if key is not None and group is None:
            groups[key] = (members, {source})
        out.append(members)
    return out


def merge_events(events: list[Event]) -> tuple[list[dict], list[dict]]:
    """Return (event rows, event_sources rows). The kept row is the earliest report
    (by source published order as given, then offset); every sentence of every report that
    mentions it is an evidence row."""
    rows, evidence = [], []
    for indices in group_reports([merge_key(e) for e in events], [e.source_id for e in events]):
        members = [events[i] for i in indices]
        head = members[0]
        row = head.row()
        row["source_count"] = len({e.source_id for e in members})
        rows.append(row)
        for member in members:  # each sentence of each report that mentions it
            evidence.extend({"event_id": row["event_id"], **cited} for cited in member.evidence_rows())
    return rows, evidence
