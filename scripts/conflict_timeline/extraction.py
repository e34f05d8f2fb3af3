"""One article in, its events, mentions and actors out: the per-document unit of work."""

from __future__ import annotations

import dataclasses
import datetime as dt

from .events import Article, code_article
from .events.coder import code_article_with_occurrences
from .ingest import Document, read_text
from .package.tables import ArticleResult
from .timex import tag
from .timex.anchor import choose_genre


def resolve_genre(doc: Document) -> Document:
    """A document whose genre is not given (`auto`) is read as a history (`narrative`) or as
    reporting (`news`) from its text: how many years it names and how far they lie from its date."""
    if doc.genre != "auto":
        return doc
    return dataclasses.replace(doc, genre=choose_genre(doc.body, doc.dct))


def code_document(doc: Document) -> tuple[list, list, object]:
    """(events, dated mentions and occurrences, actor registry) of one document: what the
    dating benchmarks score besides the events (see `events.coder.code_article_with_occurrences`);
    the package publishes only the events."""
    timexes = tag(doc.body, doc.dct, doc.genre)  # auto: tag() reads the genre as resolve_genre does, and a post as one
    doc = resolve_genre(doc)
    article = Article(doc.source_id, doc.body, doc.dct, doc.genre, doc.prose)
    return code_article_with_occurrences(article, timexes)


def extract_document(doc: Document) -> ArticleResult:
    timexes = tag(doc.body, doc.dct, doc.genre)  # auto: as in code_document
    doc = resolve_genre(doc)
    article = Article(doc.source_id, doc.body, doc.dct, doc.genre, doc.prose)
    events, registry = code_article(article, timexes)
    mentions = [
        {"mention_id": f"{doc.source_id}:{t.start}", "source_id": doc.source_id, "char_start": t.start,
         "char_end": t.end, "text": t.text, "timex_type": t.type, "value": t.value}
        for t in timexes
    ]
    return ArticleResult(source=doc.source_row(), events=events, mentions=mentions, actors=dict(registry.actors))


def extract(text: str, dct: dt.date | str | None = None, genre: str = "auto") -> list[dict]:
    """The events of one text as rows of the `events` resource, without building a package.

    `text` may carry front matter; `dct` (the publication date) overrides it and is
    needed when the text has neither front matter nor a dateline. `genre` is `news`,
    `narrative` or `auto` (chosen from the text).
    """
    if isinstance(dct, str):
        dct = dt.date.fromisoformat(dct)
    overrides = {"genre": genre}
    if dct is not None:
        overrides["published"] = dct.isoformat()
    result = extract_document(read_text(text, overrides=overrides))
    return [e.row() for e in sorted(result.events, key=lambda e: (e.char_start, e.trigger_start))]
