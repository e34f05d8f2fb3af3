"""Read TimeML 1.2 files: the document text, its creation date and the gold TIMEX3s.

Offsets are character offsets into the text of ``<TEXT>`` with every tag removed, as
TempEval-3 scores them. The event scorer reuses this reader (``TmlDocument.events``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

_TEXT = re.compile(r"<TEXT>(?P<body>.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>\s*<TIMEX3(?P<attrs>[^>]*)>", re.S)
_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z0-9_]+)(?P<attrs>[^>]*?)(?P<empty>/?)>")
_ATTR = re.compile(r'(?P<key>[A-Za-z_:]+)\s*=\s*"(?P<val>[^"]*)"')


@dataclass(frozen=True)
class Annotation:
    """One inline tag of ``<TEXT>`` (TIMEX3, EVENT, SIGNAL...) with its offsets."""

    tag: str
    start: int
    end: int
    text: str
    attrs: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def type(self) -> str:
        return self.attrs.get("type", "")

    @property
    def value(self) -> str:
        return self.attrs.get("value", "")


@dataclass(frozen=True)
class TmlDocument:
    path: Path
    text: str
    dct: dt.date | None
    annotations: tuple[Annotation, ...]

    @property
    def timexes(self) -> list[Annotation]:
        return [a for a in self.annotations if a.tag == "TIMEX3"]

    @property
    def events(self) -> list[Annotation]:
        return [a for a in self.annotations if a.tag == "EVENT"]


def _attrs(raw: str) -> dict:
    return {m.group("key"): html.unescape(m.group("val")) for m in _ATTR.finditer(raw)}


def parse_dct(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def read_tml(path: Path | str) -> TmlDocument:
    """Parse one .tml file."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    dct_match = _DCT.search(raw)
    dct = parse_dct(_attrs(dct_match.group("attrs")).get("value", "")) if dct_match else None
    body_match = _TEXT.search(raw)
    body = body_match.group("body") if body_match else ""
    parts: list[str] = []
    length = 0
    stack: list[tuple[str, int, dict]] = []
    annotations: list[Annotation] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        name = m.group("name")
        if m.group("close"):
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    tag, start, attrs = stack.pop(i)
                    annotations.append(Annotation(tag, start, length, "", attrs))
                    break
        elif m.group("empty"):
            annotations.append(Annotation(name, length, length, "", _attrs(m.group("attrs"))))
        else:
            stack.append((name, length, _attrs(m.group("attrs"))))
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    annotations = [
        Annotation(a.tag, a.start, a.end, text[a.start : a.end], a.attrs) for a in annotations
    ]
    annotations.sort(key=lambda a: (a.start, a.end))
    return TmlDocument(path, text, dct, tuple(annotations))


def read_dir(directory: Path | str) -> list[TmlDocument]:
    return [read_tml(p) for p in sorted(Path(directory).glob("*.tml"))]
