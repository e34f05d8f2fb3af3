"""Text shown in the page: escaped so that article text is always shown as text.

Plotly renders a subset of HTML in hover labels, tick labels, legend entries and titles
(<b>, <i>, <br>, <a href>). Every string that comes from an article, a lexicon or a file
therefore goes through `escape` before it is put into the figure, and links are emitted
only for http and https URLs. Plotly decodes numeric character references, so quotes are
written as `&#34;`/`&#39;` (it does not know `&quot;`).
"""

from __future__ import annotations

import re
import textwrap

from .config import HOVER_TEXT_CHARS, WRAP_CHARS

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`\\]+$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def plain(value: object) -> str:
    """A cell as one line of text; missing values (None, NaN, NA) as ''."""
    if value is None:
        return ""
    try:
        if value != value:  # NaN
            return ""
    except (TypeError, ValueError):
        pass
    text = str(value)
    if text in ("<NA>", "NaT", "nan", "None"):
        return ""
    return _SPACE.sub(" ", text).strip()


def escape(value: object) -> str:
    """Text -> markup that Plotly shows as exactly that text."""
    text = plain(value)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def cut(text: str, limit: int) -> str:
    """Cut plain text to `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrapped(value: object, width: int = WRAP_CHARS) -> str:
    """Escaped text broken into lines of at most `width` characters with <br>."""
    lines = textwrap.wrap(plain(value), width=width, break_long_words=True, break_on_hyphens=False)
    return "<br>".join(escape(line) for line in lines)


def safe_url(value: object) -> str:
    """The URL if it is http(s) and has nothing that could leave an attribute; else ''."""
    url = plain(value)
    return url if _SAFE_URL.match(url) else ""


def link(url: str, label: str) -> str:
    """An <a href> for a URL that passed `safe_url`; '' for anything else."""
    url = safe_url(url)
    if not url:
        return ""
    return f'<a href="{escape(url)}" target="_blank">{escape(label)}</a>'


def host(url: str) -> str:
    match = re.match(r"^https?://([^/?#]+)", url, re.IGNORECASE)
    return match.group(1) if match else url


def date_line(date_text: object, date_edtf: object, precision: object, date_source: object) -> str:
    """'“September 30” → 2015-09-30 (day, explicit)' with every part escaped."""
    written, normal = plain(date_text), plain(date_edtf)
    how = ", ".join(p for p in (plain(precision), plain(date_source)) if p)
    left = f"“{escape(cut(written, HOVER_TEXT_CHARS))}” → " if written else "no date in the text → "
    return left + escape(normal) + (f" ({escape(how)})" if how else "")


def actors_line(actor1: str, actor2: str, speaker: str) -> str:
    """'Russia → Free Syrian Army · said by Omar Haddad', from actor names (plain text)."""
    parts = []
    if actor1 or actor2:
        parts.append(" → ".join(escape(a) for a in (actor1, actor2) if a))
    if speaker:
        parts.append("said by " + escape(speaker))
    return " · ".join(parts) if parts else "no actor named"


def source_line(title: str, publisher: str, published: str, url: str) -> str:
    """'Title — Publisher, 2015-10-24<br><a href=...>host</a>' (the link only for http/https)."""
    head = escape(cut(title, HOVER_TEXT_CHARS)) or "untitled article"
    tail = ", ".join(escape(p) for p in (publisher, published) if p)
    text = head + (f" — {tail}" if tail else "")
    anchor = link(url, host(url)) if url else ""
    return text + (f"<br>{anchor}" if anchor else "")


#: The hover label of every event mark. customdata columns, in order:
#: 0 summary, 1 type · modality, 2 dates, 3 actors, 4 evidence, 5 source, 6 raw URL (click).
#: In the figure, columns 5 and 6 are stored once per source: each row holds the source's
#: index into layout.meta.sources ([source line, URL] pairs) in column 5, and the page's
#: boot script puts the pair in place before plotting (figure.hover_rows does the same).
HOVERTEMPLATE = (
    "<b>%{customdata[0]}</b><br>"
    "%{customdata[1]}<br>"
    "<b>Date</b> %{customdata[2]}<br>"
    "<b>Actors</b> %{customdata[3]}<br>"
    "<i>%{customdata[4]}</i><br>"
    "<b>Source</b> %{customdata[5]}"
    "<extra></extra>"
)
CUSTOMDATA_URL = 6
#: Columns of the marks frame (marks.py) stored per event; "src" is the source's index.
STORED_COLUMNS = ["cd0", "cd1", "cd2", "cd3", "cd4", "src"]
