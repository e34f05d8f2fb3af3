"""Bytes of a saved web page to text, in the charset the page declares (as a browser reads it).

A byte-order mark wins; then a `<meta charset>` or `<meta http-equiv="Content-Type"
content="...; charset=...">` (or an XML declaration's `encoding`) in the first
PAGE_CHARSET_SCAN_BYTES bytes, with the labels browsers treat as Windows-1252 read as that
(WHATWG Encoding: 'iso-8859-1', 'latin1' and 'us-ascii' mean windows-1252); then UTF-8 when the
bytes are UTF-8; then the detection used for text seeds. A declared charset the bytes do not
decode in (a page saved again in another encoding) falls back to that detection too.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..settings import PAGE_CHARSET_SCAN_BYTES
from .decode import _BOMS, check_bytes, decode_seed

_DECLARED = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?P<meta>[A-Za-z0-9._:-]+)"""
    rb"""|<\?xml\b[^>]*?\bencoding\s*=\s*["']?(?P<xml>[A-Za-z0-9._:-]+)""", re.I)
#: Labels a browser reads as another encoding than Python's codec of the same name.
_WHATWG = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
           "ascii": "cp1252", "us-ascii": "cp1252", "iso-8859-9": "cp1254", "latin5": "cp1254",
           "iso-8859-11": "cp874", "tis-620": "cp874", "gb2312": "gb18030", "gbk": "gb18030",
           "x-sjis": "shift_jis", "ks_c_5601-1987": "cp949", "euc-kr": "cp949", "utf8": "utf-8",
           "unicode-1-1-utf-8": "utf-8"}


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset the page declares near its top, or None."""
    m = _DECLARED.search(data[:PAGE_CHARSET_SCAN_BYTES])
    if m is None:
        return None
    label = (m.group("meta") or m.group("xml")).decode("ascii").lower()
    label = _WHATWG.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # a page's bytes are never UTF-16/32 without a byte-order mark: such a label is a leftover
    return None if name.startswith(("utf-16", "utf-32")) else name


def decode_page(path: Path, data: bytes) -> tuple[str, str]:
    """(text, encoding) of a page's bytes; SeedError for an empty, binary, oversized or undecodable file."""
    check_bytes(path, data)
    has_bom = data.startswith(codecs.BOM_UTF8) or any(data.startswith(bom) for bom, _ in _BOMS)
    declared = None if has_bom or b"\x00" in data else declared_charset(data)
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the bytes are not in the declared charset: detect it
    return decode_seed(path, data)
