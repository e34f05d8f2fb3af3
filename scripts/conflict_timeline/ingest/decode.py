"""Bytes of a seed file to text: UTF-8 when it is, a detected legacy encoding otherwise."""

from __future__ import annotations

from pathlib import Path

from ..errors import SeedError


def decode_seed(path: Path, data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise SeedError for binary, empty or undecodable files."""
    if not data.strip():
        raise SeedError(path, "the file is empty or holds only whitespace",
                        "put the article's text in it, or delete the file")
    if b"\x00" in data:
        raise SeedError(path, "the file holds NUL bytes, so it is binary, not text",
                        "save the article as plain text (.txt) and replace this file")
    try:
        text = data.decode("utf-8-sig")
        return text, "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise SeedError(path, "the text encoding cannot be recognised",
                        "re-save the file as UTF-8")
    return str(best), best.encoding
