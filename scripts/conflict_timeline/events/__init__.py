"""The `events` stage: dated, typed events with actors, place, toll and modality."""

from .coder import Article, code_article
from .model import Event, EventDate

__all__ = ["Article", "Event", "EventDate", "code_article"]
