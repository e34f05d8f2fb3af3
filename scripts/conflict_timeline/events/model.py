"""An event as the coder produces it: one row of the `events` resource, before merging.

An event cites the sentence it was coded from (`evidence`, at `char_start`..`char_end`)
and every other sentence of the same article that mentions the same happening (`also`):
each becomes a row of `event_sources`."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass

from ..settings import ID_HEX_LENGTH


@dataclass(frozen=True)
class EventDate:
    start: dt.date
    end: dt.date
    precision: str
    edtf: str
    text: str
    source: str  # explicit | relative | narrative | document
    ongoing: bool = False


@dataclass(frozen=True)
class Event:
    source_id: str
    char_start: int
    char_end: int
    evidence: str
    trigger_start: int
    event_type: str
    summary: str
    date: EventDate
    modality: str
    actor1: str | None = None
    actor2: str | None = None
    speaker: str | None = None
    event_mode: str | None = None
    event_context: str | None = None
    country: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: str | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    #: Further mentions of the happening in the same article: (char_start, char_end, sentence).
    also: tuple[tuple[int, int, str], ...] = ()
    #: The place is the context's (its paragraph's, the article's), not named in its own sentence:
    #: it contradicts no other mention's place (not a field of the resource).
    place_borrowed: bool = False

    def evidence_rows(self) -> list[dict]:
        """The `event_sources` fields (without `event_id`) of every sentence that mentions it, in text order."""
        spans = sorted({(self.char_start, self.char_end, self.evidence), *self.also})
        return [{"source_id": self.source_id, "evidence": text, "char_start": start, "char_end": end}
                for start, end, text in spans]

    @property
    def event_id(self) -> str:
        key = f"{self.source_id}|{self.char_start}|{self.char_end}|{self.trigger_start}|{self.event_type}|{self.date.edtf}"
        return "ev-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_HEX_LENGTH]

    def row(self) -> dict:
        """The fields of the `events` resource (source_count is set when merging)."""
        data = asdict(self)
        date = data.pop("date")
        data.pop("trigger_start")
        data.pop("also")
        data.pop("place_borrowed")
        return {
            "event_id": self.event_id,
            "date_start": date["start"], "date_end": date["end"], "date_precision": date["precision"],
            "date_edtf": date["edtf"], "date_text": date["text"] or None, "date_source": date["source"],
            "ongoing": date["ongoing"], **data, "source_count": 1,
        }
