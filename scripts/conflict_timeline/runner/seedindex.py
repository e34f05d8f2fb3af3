"""The content hash of every seed of the last build, by path, so that a build reads and hashes
only the seeds that changed (as git's index does for a working tree).

    <cache>/seed-index.json     {"format", "entries": {path: [size, mtime_ns, ctime_ns, inode, sha256]}}

A seed's recorded hash is trusted while its size, modification and change times and inode are
all as recorded; any change to the file changes its ctime, so an edit is always seen, a copy
over it or a `touch` included. A file changed within the same clock tick as it was hashed
could keep all four, so entries younger than RACY_SECONDS when the index is written are not
recorded (that seed is hashed again next time). `--no-cache` builds use no index. JSON, only
parsed: an index someone else wrote runs no code, and one not of this form is ignored.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

from .cache import write_atomically

FORMAT = 2
INDEX_NAME = "seed-index.json"
#: Entries modified this recently when the index is written are left out of it.
RACY_SECONDS = 2.0
_SHA = re.compile(r"[0-9a-f]{64}")


def _signature(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def _valid(entry) -> bool:
    return isinstance(entry, list) and len(entry) == 5 and all(isinstance(v, int) and not isinstance(v, bool)
                                                             for v in entry[:4]) \
        and isinstance(entry[4], str) and _SHA.fullmatch(entry[4]) is not None


class SeedIndex:
    def __init__(self, folder: Path):
        self.path = Path(folder) / INDEX_NAME
        self.entries: dict[str, tuple] = {}
        self.seen: dict[str, tuple] = {}
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("entries"), dict):
                self.entries = {rel: tuple(e) for rel, e in data["entries"].items() if _valid(e)}
        except Exception:  # noqa: BLE001 - missing or unreadable: every seed is hashed, never a crash
            self.entries = {}

    def known(self, rel: str, info: os.stat_result) -> str | None:
        """The recorded hash of the seed at `rel` if the file is as it was when hashed, else None."""
        entry = self.entries.get(rel)
        if entry is not None and tuple(entry[:4]) == _signature(info):
            self.seen[rel] = entry
            return entry[4]
        return None

    def record(self, rel: str, info: os.stat_result, sha256: str) -> None:
        """The seed at `rel`, as stat'ed before its bytes were read, has this hash."""
        self.seen[rel] = (*_signature(info), sha256)

    def save(self) -> None:
        """Keep the entries of the seeds of this build (a removed seed's entry goes)."""
        limit = time.time_ns() - int(RACY_SECONDS * 1e9)
        entries = {rel: e for rel, e in sorted(self.seen.items()) if e[1] < limit and e[2] < limit}
        if entries == self.entries:
            return
        write_atomically(self.path, json.dumps({"format": FORMAT, "entries": entries}, separators=(",", ":")).encode("utf-8"))
        self.entries = entries
