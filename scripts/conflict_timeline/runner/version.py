"""The extractor's version: a hash over everything that decides what a seed yields.

The package version, the versions of the libraries that read saved pages (trafilatura and
those it builds on: settings.EXTRACTOR_LIBRARIES), every rule and lexicon data file, and the code of the stages that
extract (ingest, timex, events, the per-document unit and the result type). A change to any
of them changes the version, so cached results made by the old extractor are never reused.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from ..ingest.page import extractor_libraries
from ..settings import EXTRACTOR_CODE, EXTRACTOR_DATA_DIRS, PACKAGE_ROOT, PACKAGE_VERSION


def _files(root: Path) -> list[Path]:
    found = []
    for entry in EXTRACTOR_DATA_DIRS + EXTRACTOR_CODE:
        path = root / entry
        if path.is_dir():
            found += [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                      and p.suffix != ".pyc"]
        elif path.is_file():
            found.append(path)
    return sorted(set(found), key=lambda p: p.relative_to(root).as_posix())


def version_of(root: Path) -> str:
    """Hex digest over the package version, the Python version, the page libraries' versions and the
    extractor's files under ROOT."""
    digest = hashlib.sha256()
    digest.update(f"{PACKAGE_VERSION}|python{sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    digest.update(json.dumps(extractor_libraries(), sort_keys=True).encode() + b"\n")
    for path in _files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def extractor_version() -> str:
    """The version of the installed extractor (hashed afresh on each call: a few milliseconds)."""
    return version_of(PACKAGE_ROOT)
