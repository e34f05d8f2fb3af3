"""Bytes of a seed file to text: UTF-8 when it is, a detected legacy encoding otherwise."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ..errors import SeedError
from ..settings import MAX_SEED_BYTES

#: Byte-order marks that make NUL bytes legitimate (UTF-16/32 text), longest first.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


_TYPOGRAPHY = frozenset("\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u00ab\u00bb\u00a0\u00b0\u20ac\u00a3\u00a9\u00ae\u2122\u00b7\u2022")
#: Windows-1252 first: the web's default for Western text (WHATWG Encoding), then its neighbours.
PREFERRED_LEGACY_ENCODINGS = ("cp1252", "cp1251", "cp1250", "latin_1", "iso8859_15", "mac_roman")


def _empty(path: Path) -> SeedError:
    return SeedError(path, "the file is empty or holds only whitespace", "put the article's text in it, or delete the file")


def _undecodable(path: Path) -> SeedError:
    return SeedError(path, "the text encoding cannot be recognised (the bytes read as no known text encoding)",
                     "open it in an editor and save it as UTF-8 text, or replace it with the article's text")


def decode_seed(path: Path, data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise SeedError for binary, empty or undecodable files."""
    check_bytes(path, data)
    text, encoding = _decode(path, data)
    if not text.strip():
        raise _empty(path)
    return text, encoding


def check_bytes(path: Path, data: bytes) -> None:
    """SeedError for a file over MAX_SEED_BYTES or holding only whitespace."""
    if len(data) > MAX_SEED_BYTES:
        raise SeedError(path, f"the file is larger than the limit of {MAX_SEED_BYTES:,} bytes for one article "
                        "(settings.MAX_SEED_BYTES)", "split it into one file per article")
    if not data.strip():
        raise _empty(path)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise _undecodable(path) from None
    if b"\x00" in data:
        raise SeedError(path, "the file holds NUL bytes, so it is binary (a PDF, image or word-processor file?), not text",
                        "save the article as plain text (.txt) and replace this file")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if m.encoding is not None]
    if not matches:
        raise _undecodable(path)
    return _pick(matches)


def _pick(matches: list) -> tuple[str, str]:
    """The detector's best guess, except that among equally clean readings a usual legacy
    encoding of news text wins when it reads every non-ASCII character as a Latin letter or
    typographic punctuation (a few accented letters cannot tell cp1252 from cp775)."""
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least]
    for name in PREFERRED_LEGACY_ENCODINGS:
        for match in tied:
            if match.encoding == name and _plain_latin(str(match)):
                return str(match), match.encoding
    best = tied[0]
    return str(best), best.encoding


def _plain_latin(text: str) -> bool:
    return all(ch in _TYPOGRAPHY or "LATIN" in unicodedata.name(ch, "")
               for ch in set(text) if ord(ch) > 127)
