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


def merge_events(events: list[Event]) -> tuple[list[dict], list[dict]]:
    """Return (event rows, event_sources rows). The kept row is the earliest report
    (by source published order as given, then offset); every report is an evidence row."""
    groups: dict[tuple, list[Event]] = {}
    order: list[tuple] = []
    for event in events:
        key = merge_key(event)
        if key is not None and key in groups and event.source_id not in {e.source_id for e in groups[key]}:
            groups[key].append(event)
            continue
        own = key if key is not None and key not in groups else ("single", event.event_id)
        groups[own] = [event]
        order.append(own)
    rows, evidence = [], []
    for key in order:
        members = groups[key]
        head = members[0]
        row = head.row()
        row["source_count"] = len({e.source_id for e in members})
        rows.append(row)
        for member in members:
            evidence.append({"event_id": row["event_id"], "source_id": member.source_id, "evidence": member.evidence,
                             "char_start": member.char_start, "char_end": member.char_end})
    return rows, evidence
