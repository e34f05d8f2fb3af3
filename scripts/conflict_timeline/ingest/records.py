"""A news export (`.jsonl`: one JSON object, one article, a line) to the articles' texts and metadata.

Which fields give the text, title, address, date, publisher and language is data
(`data/records.yaml`); dates are read as news APIs give them (ISO 8601 with a zone, compact
ISO, RFC 2822) and written as the package's ISO form at the zone given. Each non-blank line is
its own seed, named FILE:LINE; a bad line is a SeedError naming the file and the line.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import SeedError
from ..settings import GENRES, MAX_EXPORT_BYTES, MAX_EXPORT_LINES, MAX_SEED_BYTES
from .lexicon import load

_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?)?Z?")
_ISO_ZONE = re.compile(r"(?P<stamp>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)(?:\.\d+)?"
                       r"(?P<zone>Z|[+-]\d{2}:?\d{2})?")
_URL = re.compile(r"https?://\S+$")
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class Record:
    """One line of an export: its line number, its bytes (what its seed's hash covers)."""

    line: int
    data: bytes


def split_export(path: Path, data: bytes) -> list[Record]:
    """The non-blank lines of an export; SeedError for one too large or with too many lines."""
    if len(data) > MAX_EXPORT_BYTES:
        raise SeedError(path, f"the export is larger than the limit of {MAX_EXPORT_BYTES:,} bytes "
                        "(settings.MAX_EXPORT_BYTES)", "split it into several .jsonl files")
    records = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        line = line.rstrip(b"\r")
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if line.strip():
            records.append(Record(number, line))
            if len(records) > MAX_EXPORT_LINES:
                raise SeedError(path, f"the export holds more than {MAX_EXPORT_LINES:,} articles "
                                "(settings.MAX_EXPORT_LINES)", "split it into several .jsonl files", line=number)
    if not records:
        raise SeedError(path, "the export is empty or holds only blank lines",
                        "put one JSON object per line, each with the article's 'text' and 'published'")
    return records


@functools.cache
def fields() -> dict[str, tuple[str, ...]]:
    return {key: tuple(names) for key, names in load("records")["fields"].items()}


def _lookup(record: dict, dotted: str):
    value = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _as_text(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        return None
    text = str(value).strip() if not isinstance(value, str) else value
    return text if text.strip() else None


def parse_stamp(value: str) -> str | None:
    """The package's ISO form (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]) of a date as exports give it, or None."""
    value = value.strip()
    moment = None
    m = _ISO_ZONE.fullmatch(value)
    if m:
        try:
            stamp = m.group("stamp").replace(" ", "T")
            moment = dt.datetime.fromisoformat(stamp) if "T" in stamp else dt.date.fromisoformat(stamp)
        except ValueError:
            return None
    elif (c := _COMPACT.fullmatch(value)) is not None:
        try:
            moment = dt.datetime(int(c["y"]), int(c["m"]), int(c["d"]), int(c["H"] or 0), int(c["M"] or 0),
                                 int(c["S"] or 0)) if c["H"] else dt.date(int(c["y"]), int(c["m"]), int(c["d"]))
        except ValueError:
            return None
    else:
        try:
            moment = email.utils.parsedate_to_datetime(value).replace(tzinfo=None)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if isinstance(moment, dt.datetime):
        return moment.isoformat(timespec="seconds" if moment.second else "minutes")
    return moment.isoformat()


@functools.cache
def language_tag(value: str) -> str | None:
    """A BCP 47 tag for a language as exports give it ('en', 'en-GB', 'English', 'eng'), or None."""
    value = value.strip()
    if _TAG.fullmatch(value) and (len(value.split("-")[0]) == 2 or "-" in value):
        return value  # already a BCP 47 tag ('en', 'en-GB', 'zh-Hant')
    import pycountry

    try:
        found = pycountry.languages.lookup(value)
    except LookupError:
        return None
    return getattr(found, "alpha_2", None) or found.alpha_3


def _error(path: Path, line: int, problem: str, fix: str) -> SeedError:
    return SeedError(path, problem, fix, line=line)


def read_record(path: Path, record: Record) -> tuple[str, dict[str, str]]:
    """(text, metadata) of one line of an export; SeedError naming the file, the line and the fix."""
    where, n = path, record.line
    if len(record.data) > MAX_SEED_BYTES:
        raise _error(where, n, f"the line is longer than the limit of {MAX_SEED_BYTES:,} bytes for one article "
                     "(settings.MAX_SEED_BYTES)", "give each article its own line, or leave this one out")
    try:
        value = json.loads(record.data.decode("utf-8"))
    except UnicodeDecodeError:
        raise _error(where, n, "the line is not UTF-8 text", "export the file as UTF-8 (JSON Lines is UTF-8)") from None
    except (ValueError, RecursionError) as exc:
        raise _error(where, n, f"the line is not valid JSON ({str(exc).split(':')[0]})",
                     "write the article as one JSON object on one line (no line breaks inside it)") from None
    if not isinstance(value, dict):
        raise _error(where, n, f"the line is a JSON {type(value).__name__}, not an object",
                     'write the article as one object: {"text": ..., "published": ..., "title": ...}')
    got: dict[str, str] = {}
    for key, names in fields().items():
        for name in names:
            found = _as_text(_lookup(value, name))
            if found is not None:
                got[key] = found
                break
    text = got.pop("text", None)
    if text is None:
        raise _error(where, n, "the line has no article text",
                     f"give it a 'text' field (or one of {', '.join(fields()['text'][1:4])}) holding the article")
    if "\x00" in text or not _encodable(text):
        raise _error(where, n, "the article text holds a NUL character or an unpaired surrogate escape (\\ud800)",
                     "export the text again, or remove those characters from the line")
    if "published" in got:
        stamp = parse_stamp(got["published"])
        if stamp is None:
            raise _error(where, n, f"the date '{got['published'][:40]}' is not a date",
                         "write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z]")
        got["published"] = stamp
    if "language" in got:
        got["language"] = language_tag(got["language"]) or got["language"]
    if "url" in got and not _URL.match(got["url"]):
        del got["url"]  # an id or a relative address is no address to cite
    if got.get("genre", "news") not in GENRES + ("auto",):
        raise _error(where, n, f"genre '{got['genre'][:40]}' is not one of {', '.join(GENRES + ('auto',))}",
                     "write 'news' for reporting, 'narrative' for a history, or leave the field out")
    return text, {k: v for k, v in got.items() if _encodable(v)}


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
