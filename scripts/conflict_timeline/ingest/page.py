"""A saved web page (`.html`/`.htm`) to the article's main text and the page's own metadata.

The main text is trafilatura's (https://trafilatura.readthedocs.io, Apache-2.0): menus, related
links, comments, cookie notices and other furniture left out (`favor_precision`,
`include_comments=False`, `include_tables=False`: pages laid out in tables, as many older news
sites are, would otherwise come back menus and all, as one row). It is called on the decoded page only, never with a fetch: the
page's images, scripts, styles and links are never loaded and nothing in the page runs (lxml
parses it; no script engine exists here). The metadata is the page's: title (`og:title`,
`<title>`, the headline), site name (`og:site_name`, JSON-LD `publisher`), canonical address
(`<link rel=canonical>`, `og:url`) and publication date (JSON-LD `datePublished`,
`article:published_time` and the other meta tags htmldate knows, `<time datetime>`, the
address), with htmldate's search confined to the markup (no guess from the running text) and
its latest date fixed, so the same bytes give the same date on any day.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SeedError
from ..settings import MAX_PAGE_ELEMENTS

#: htmldate's search: the markup's dates only, the original (first published) date preferred;
#: fixed bounds instead of "today", so that a build does not depend on the day it runs.
DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d",
               "min_date": "1900-01-01", "max_date": "2999-12-31"}
#: Paragraphs of the extracted text are separated by a blank line, as in a .txt seed.
PARAGRAPH_BREAK = "\n\n"
_LINE_SPACE = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class PageText:
    """The main text of a page and the metadata found in it (empty strings where none)."""

    body: str
    values: dict[str, str] = field(default_factory=dict)  # title, publisher, url, published, language


@functools.cache
def _trafilatura():
    """trafilatura and its settings (imported on the first page only: text seeds never load it)."""
    from configparser import ConfigParser

    import trafilatura
    from trafilatura.settings import DEFAULT_CONFIG

    config = ConfigParser()
    config.read_dict({"DEFAULT": dict(DEFAULT_CONFIG["DEFAULT"])})
    config["DEFAULT"]["MAX_TREE_SIZE"] = str(MAX_PAGE_ELEMENTS)
    return trafilatura, config


@functools.cache
def extractor_libraries() -> dict[str, str]:
    """The versions of the libraries that decide what a page yields."""
    from importlib.metadata import PackageNotFoundError, version

    from ..settings import EXTRACTOR_LIBRARIES

    found = {}
    for name in EXTRACTOR_LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "absent"
    return found


def _body(text: str) -> str:
    lines = (_LINE_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return PARAGRAPH_BREAK.join(line for line in lines if line) + ("\n" if text.strip() else "")


def read_page_text(path: Path, html: str) -> PageText:
    """The article's text and metadata of a page's markup; SeedError when it holds no article text."""
    traf, config = _trafilatura()
    try:
        found = traf.bare_extraction(
            html, url=None, favor_precision=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, include_formatting=False, deduplicate=False,
            with_metadata=True, date_extraction_params=dict(DATE_PARAMS), config=config)
    except (ValueError, TypeError, RecursionError, AssertionError) as exc:  # lxml on markup it cannot parse
        raise SeedError(path, f"the page cannot be parsed as HTML ({type(exc).__name__})",
                        "save the page again from the browser ('Web page, HTML only'), or paste its text into a .txt") from None
    document = found.as_dict() if found is not None and hasattr(found, "as_dict") else (found or {})
    body = _body(document.get("text") or "")
    if not body.strip():
        raise SeedError(path, "no article text found in the page (only menus, links or other page furniture, "
                        "or more than settings.MAX_PAGE_ELEMENTS elements)",
                        "save the article's own page (not a front page or a list), or paste its text into a .txt file")
    values = {"title": document.get("title"), "publisher": document.get("sitename"),
              "url": document.get("url"), "published": document.get("date"), "language": document.get("language")}
    return PageText(body, {k: str(v).strip() for k, v in values.items() if v and str(v).strip()})
