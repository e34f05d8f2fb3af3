"""Per-document results kept on disk, addressed by the seed's content and the extractor's version.

    <cache>/<version[:16]>/<key[:2]>/<key>.json     key = sha256(version | seed sha256 | seed path)

Each entry is JSON (`codec.py`), only ever parsed: nothing read back from a cache runs code,
so an output folder or a downloaded package with its cache is safe to build into. The entry
names its format, the extractor's version, the seed's hash and path; one that does not match
them, or cannot be read back (truncated, corrupt, from another version of the code), counts as
a miss, is extracted again and overwritten. Entries are written to a temporary file and
renamed into place, so a reader never sees half an entry.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..settings import CACHE_KEEP_VERSIONS
from .codec import decode_rows, encode_rows, json_dumps, json_loads
from ..package.fragments import SourceRows

#: Version of the entries' layout (a change makes every older entry a miss).
FORMAT = 2


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    corrupt: int = 0
    written: int = 0


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `target` and rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ResultCache:
    def __init__(self, root: Path, version: str):
        self.root = Path(root)
        self.version = version
        self.folder = self.root / version[:16]
        self.stats = CacheStats()

    def _path(self, sha256: str, path: str) -> Path:
        key = hashlib.sha256(f"{self.version}|{sha256}|{path}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, sha256: str, path: str) -> SourceRows | None:
        entry = self._path(sha256, path)
        try:
            data = json_loads(entry.read_bytes())
            if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != self.version \
                    or data.get("sha256") != sha256 or data.get("path") != path:
                raise ValueError("a foreign entry")
            result = decode_rows(data["rows"])
            if result.source.get("path") != path:
                raise ValueError("an entry of another seed")
        except FileNotFoundError:
            self.stats.misses += 1
            return None
        except Exception:  # noqa: BLE001 - any unreadable or foreign entry is a miss, never a crash
            self.stats.corrupt += 1
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return result

    def put(self, sha256: str, path: str, result: SourceRows) -> None:
        entry = {"format": FORMAT, "version": self.version, "sha256": sha256, "path": path, "rows": encode_rows(result)}
        write_atomically(self._path(sha256, path), json_dumps(entry))
        self.stats.written += 1

    def prune(self) -> None:
        """Keep this version's folder and the most recently used others, up to CACHE_KEEP_VERSIONS."""
        if not self.root.is_dir():
            return
        if self.folder.is_dir():
            os.utime(self.folder)  # this version is the most recently used
        others = sorted((d for d in self.root.iterdir() if d.is_dir() and d != self.folder),
                        key=lambda d: d.stat().st_mtime, reverse=True)
        for stale in others[max(CACHE_KEEP_VERSIONS - 1, 0):]:
            shutil.rmtree(stale, ignore_errors=True)
