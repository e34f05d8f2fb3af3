"""A seed article as the later stages see it."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One article. All offsets (prose spans, events, mentions) are into `body`."""

    source_id: str
    path: str
    sha256: str
    encoding: str
    body: str
    body_offset: int
    title: str
    publisher: str
    url: str
    published: str
    published_date: dt.date
    published_from: str
    genre: str
    language: str
    license: str
    prose: tuple[tuple[int, int], ...] = field(default=())
    format: str = "text"  # text (.txt/.md), html (a saved page) or jsonl (a line of a news export)

    @property
    def dct(self) -> dt.date:
        """Document creation time: the anchor of relative dates."""
        return self.published_date

    def source_row(self) -> dict:
        return {
            "source_id": self.source_id, "title": self.title, "publisher": self.publisher,
            "url": self.url, "published": self.published, "published_date": self.published_date,
            "published_from": self.published_from, "genre": self.genre, "language": self.language,
            "license": self.license, "path": self.path, "sha256": self.sha256,
            "encoding": self.encoding, "body_offset": self.body_offset, "body_chars": len(self.body),
            "format": self.format, "body_sha256": hashlib.sha256(self.body.encode("utf-8")).hexdigest(),
        }
