"""Bytes of a seed file to text: UTF-8 when it is, a detected legacy encoding otherwise."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import SeedError

#: Byte-order marks that make NUL bytes legitimate (UTF-16/32 text), longest first.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _empty(path: Path) -> SeedError:
    return SeedError(path, "the file is empty or holds only whitespace", "put the article's text in it, or delete the file")


def _undecodable(path: Path) -> SeedError:
    return SeedError(path, "the text encoding cannot be recognised (the bytes read as no known text encoding)",
                     "open it in an editor and save it as UTF-8 text, or replace it with the article's text")


def decode_seed(path: Path, data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise SeedError for binary, empty or undecodable files."""
    if not data.strip():
        raise _empty(path)
    text, encoding = _decode(path, data)
    if not text.strip():
        raise _empty(path)
    return text, encoding


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

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise _undecodable(path)
    return str(best), best.encoding
