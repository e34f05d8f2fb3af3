"""Text shown in the page: escaped so that article text is always shown as text.

Plotly renders a subset of HTML in hover labels, tick labels, legend entries and titles
(<b>, <i>, <br>, <a href>). Every string that comes from an article, a lexicon or a file
therefore goes through `escape` before it is put into the figure, and links are emitted
only for http and https URLs. Plotly decodes numeric character references, so quotes are
written as `&#34;`/`&#39;` (it does not know `&quot;`).
"""

from __future__ import annotations

import re

import numpy as np

from .config import HOVER_TEXT_CHARS, WRAP_CHARS
from .encode import cut_many, escaped, join_nonempty, wrap_many

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
    """Escaped text broken into lines of at most `width` characters with <br> (encode.wrap_many)."""
    return wrap_many([plain(value)], width)[0]


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


def date_lines(written, normal, precision, source) -> np.ndarray:
    """Row by row (plain text columns): '“June 12” → 2019-06-12 (day, explicit)', escaped."""
    written, normal = np.asarray(written, dtype=object), np.asarray(normal, dtype=object)
    how = join_nonempty(", ", precision, source)
    left = np.where(written != "", "“" + escaped(cut_many(written, HOVER_TEXT_CHARS)) + "” → ", "no date in the text → ")
    return left + escaped(normal) + np.where(how != "", " (" + escaped(how) + ")", "")


def date_line(date_text: object, date_edtf: object, precision: object, date_source: object) -> str:
    """One date line (date_lines) from cells."""
    return date_lines(*([plain(v)] for v in (date_text, date_edtf, precision, date_source)))[0]


def actors_lines(actor1, actor2, speaker) -> np.ndarray:
    """Row by row (actor names, plain text): 'Army → Rebels · said by Omar Haddad'."""
    pair = join_nonempty(" → ", escaped(actor1), escaped(actor2))
    speaker = np.asarray(speaker, dtype=object)
    said = np.where(speaker != "", "said by " + escaped(speaker), "")
    out = join_nonempty(" · ", pair, said)
    return np.where(out != "", out, "no actor named")


def actors_line(actor1: str, actor2: str, speaker: str) -> str:
    """One actors line (actors_lines)."""
    return actors_lines([actor1], [actor2], [speaker])[0]


def source_lines(titles, publishers, published, urls) -> np.ndarray:
    """Row by row: 'Title — Publisher, 2019-06-14<br><a href=...>host</a>' (the link only for
    http/https URLs)."""
    head = escaped(cut_many(titles, HOVER_TEXT_CHARS))
    head = np.where(head != "", head, "untitled article")
    tail = join_nonempty(", ", escaped(publishers), escaped(published))
    text = head + np.where(tail != "", " — " + tail, "")
    urls = np.array([safe_url(u) for u in urls] + [""], dtype=object)[:-1]  # link() for every URL
    anchors = '<br><a href="' + escaped(urls) + '" target="_blank">' + escaped([host(u) for u in urls]) + "</a>"
    return text + np.where(urls != "", anchors, "")


def source_line(title: str, publisher: str, published: str, url: str) -> str:
    """One source line (source_lines)."""
    return source_lines([plain(title)], [plain(publisher)], [plain(published)], [url])[0]


def what_lines(type_label, group, modality, toll, n_sources, ongoing, place=None) -> np.ndarray:
    """Row by row: 'Assault (Conflict) · reported · in Kyiv, UKR · 12 killed · reported by 3
    sources', escaped."""
    n_sources = np.asarray(n_sources, dtype=float)
    many = np.array([f"reported by {n:.0f} sources" if n > 1 else "" for n in n_sources.tolist()], dtype=object)
    still = np.where(np.asarray(ongoing, dtype=bool), "still going on at publication", "")
    kind = np.asarray(type_label, dtype=object) + " (" + np.asarray(group, dtype=object) + ")"
    where = np.asarray(place if place is not None else [""] * len(kind), dtype=object)
    where = np.where(where != "", "in " + where, "")
    return join_nonempty(" · ", *(escaped(c) for c in (kind, modality, where, toll, many, still)))


def what_line(type_label: str, group: str, modality: str, toll: str, n_sources: float, ongoing: bool,
              place: str = "") -> str:
    """One line of what happened (what_lines)."""
    return what_lines([type_label], [group], [modality], [toll], [n_sources], [ongoing], [place])[0]


#: The hover label of every event mark. customdata columns, in order:
#: 0 summary, 1 type · modality, 2 dates, 3 actors, 4 evidence, 5 source, 6 raw URL (click).
#: The page stores each text once (facets.HOVER_COLUMNS, in the table of strings its filters
#: and cards use) and builds the rows (page.js; figure.hover_rows does the same in Python).
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
#: customdata 0-3 are the marks frame's columns cd0..cd3 (marks.py); 4 is the event's evidence
#: sentence, escaped and wrapped at WRAP_CHARS by the page (encode.wrap_many's rule); 5 and 6
#: come from the source's [line, URL] pair (column "src").
