"""YAML front matter at the top of a seed: `---` ... `---`, setting the article's metadata."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import SeedError
from ..settings import GENRES, MAX_FRONT_MATTER_CHARS

KEYS = ("title", "publisher", "url", "published", "genre", "language", "license")
_FENCE = re.compile(r"---[ \t]*(?:\r\n|\n|\r|$)")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")


class _Loader(yaml.SafeLoader):
    """Safe YAML where every value stays text (dates are checked by parse_iso, so 2015-02-30
    is our error, not a crash in the YAML library; 'title: yes' stays 'yes'; a 5,000-digit
    number is not converted) and a key given twice is an error, not silently the last."""


_AS_TEXT = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _AS_TEXT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict)):
            raise _DuplicateKey(None, None, "a key is a list or a mapping", key_node.start_mark)
        if key in seen:
            raise _DuplicateKey(None, None, f"the key '{key}' is given twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, str] = field(default_factory=dict)
    body_offset: int = 0  # index of the first character after the closing fence line


def split_front_matter(path: Path, text: str) -> FrontMatter:
    """Parse the front matter block if the text starts with one."""
    opening = _FENCE.match(text)
    if not opening:
        return FrontMatter()
    closing = None
    for m in re.finditer(r"^---[ \t]*(?:\r\n|\n|\r|$)", text[opening.end():], re.M):
        closing = m
        break
    if closing is None:
        raise SeedError(path, "the front matter opened by '---' on line 1 is never closed", "add a line '---' after the last key", line=1)
    block = text[opening.end(): opening.end() + closing.start()]
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise SeedError(path, f"the front matter opened by '---' on line 1 is longer than {MAX_FRONT_MATTER_CHARS:,} characters "
                        "(settings.MAX_FRONT_MATTER_CHARS)", "keep it to the keys it needs, one short 'key: value' per line, "
                        "and close it with a line '---'", line=1)
    return FrontMatter(parse_block(path, block), opening.end() + closing.end())


_ONE_PER_LINE = "write one 'key: value' per line"
_BETWEEN = " between the '---' lines"


def parse_block(path: Path, block: str, first_line: int = 2) -> dict[str, str]:
    """The keys of a front matter block (its text between the fences; `first_line`: the file's
    line number of the block's first line), checked; SeedError naming the line otherwise."""
    try:
        raw = yaml.load(block, Loader=_Loader) if block.strip() else {}
    except (yaml.YAMLError, ValueError, RecursionError) as exc:  # ValueError: a value YAML cannot construct
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark is not None else first_line - 1 or 1
        raise SeedError(path, f"the front matter is not valid YAML ({getattr(exc, 'problem', exc)})",
                        _ONE_PER_LINE + (_BETWEEN if first_line == 2 else ""), line=line) from None
    if not isinstance(raw, dict):
        raise SeedError(path, "the front matter is not a mapping of keys to values",
                        _ONE_PER_LINE + (_BETWEEN if first_line == 2 else ""), line=first_line)
    values = {str(k): v for k, v in raw.items()}
    _check(path, values, block, first_line)
    return {k: _as_text(v) for k, v in values.items() if v is not None}


def sidecar_front_matter(path: Path, text: str) -> dict[str, str]:
    """The keys of a sidecar file (NAME.html.yaml): plain 'key: value' lines, or a block fenced by '---'."""
    front = split_front_matter(path, text)
    if front.body_offset:
        if text[front.body_offset:].strip():
            raise SeedError(path, "the sidecar has text after its closing '---'",
                            "keep only 'key: value' lines in it (the article is the page beside it)")
        return front.values
    return parse_block(path, text, first_line=1)


def _line_of(block: str, key: str, first_line: int = 2) -> int:
    for number, line in enumerate(block.splitlines(), start=first_line):
        if line.split(":", 1)[0].strip() == key:
            return number
    return first_line


def _as_text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds").replace("+00:00", "")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _check(path: Path, values: dict, block: str, first: int = 2) -> None:
    for key in values:
        if key not in KEYS:
            raise SeedError(path, f"unknown front-matter key '{key}'",
                            f"use only {', '.join(KEYS)}", line=_line_of(block, key, first))
    for key, value in values.items():
        if isinstance(value, (list, dict, set, bytes)):
            raise SeedError(path, f"{key}: the value is a {type(value).__name__}, not a single value",
                            f"write '{key}: ' and one value on the same line", line=_line_of(block, key, first))
    published = values.get("published")
    if published is not None and not isinstance(published, (dt.date, dt.datetime)):
        if not _ISO.fullmatch(str(published).strip()) or parse_iso(str(published)) is None:
            raise SeedError(path, f"published: '{published}' is not an ISO date",
                            "write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM", line=_line_of(block, "published", first))
    genre = values.get("genre")
    if genre is not None and genre not in GENRES + ("auto",):
        raise SeedError(path, f"genre: '{genre}' is not one of {', '.join(GENRES + ('auto',))}",
                        "write 'genre: news' for reporting, 'genre: narrative' for a history", line=_line_of(block, "genre", first))
    url = values.get("url")
    if url is not None and not re.match(r"https?://\S+$", str(url).strip()):
        raise SeedError(path, f"url: '{url}' is not an http(s) address",
                        "write the full address, starting with https://", line=_line_of(block, "url", first))


def parse_iso(text: str) -> dt.datetime | dt.date | None:
    """Parse an ISO 8601 date or date-time; None when it is not one."""
    text = text.strip().replace(" ", "T", 1)
    try:
        return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)
    except ValueError:
        return None
