"""Per-document results kept on disk, addressed by the seed's content and the extractor's version.

    <cache>/<version[:16]>/<key[:2]>/<key>.pkl     key = sha256(version | seed sha256 | seed path)

The seed's path is part of the key because the `sources` row holds it (and a title falls back
to the file name). Entries are written to a temporary file and renamed into place, so a reader
never sees half an entry; an entry that cannot be read back (truncated, corrupt, from another
version of the code) counts as a miss, is extracted again and overwritten.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..package.fragments import SourceRows
from ..settings import CACHE_KEEP_VERSIONS


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    corrupt: int = 0
    written: int = 0


class ResultCache:
    def __init__(self, root: Path, version: str):
        self.root = Path(root)
        self.version = version
        self.folder = self.root / version[:16]
        self.stats = CacheStats()

    def _path(self, sha256: str, path: str) -> Path:
        key = hashlib.sha256(f"{self.version}|{sha256}|{path}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.pkl"

    def get(self, sha256: str, path: str) -> SourceRows | None:
        entry = self._path(sha256, path)
        try:
            with open(entry, "rb") as handle:
                result = pickle.load(handle)
        except FileNotFoundError:
            self.stats.misses += 1
            return None
        except Exception:  # noqa: BLE001 - any unreadable entry is a miss, never a crash
            self.stats.corrupt += 1
            self.stats.misses += 1
            return None
        if not isinstance(result, SourceRows) or result.source.get("sha256") != sha256 \
                or result.source.get("path") != path:
            self.stats.corrupt += 1
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return result

    def put(self, sha256: str, path: str, result: SourceRows) -> None:
        entry = self._path(sha256, path)
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
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
