"""Write a package into a staging folder, validate it, then publish it so that a build
killed at any point leaves a whole, valid package: the last good one or the new one.

The published package is two entries of the output folder, `datapackage.json` and the
`datapackage/` folder, and no system call replaces two entries at once. So publication is
a small redo log:

1. **Stage.** Everything is written into `OUT/.conflict-timeline-build-XXXX/` (same file
   system as OUT, so the later moves are renames), validated with frictionless and our
   hash check, and flushed to disk. A build killed here leaves OUT untouched.
2. **Commit point.** `OUT/.conflict-timeline-publish.json` (the journal) is written
   atomically (temporary file, fsync, rename). It names the staging folder and the inode
   of the new data folder. Before it exists the publication has not happened; once it
   exists it *will* happen: whoever finds it rolls it forward.
3. **Roll forward** (the same function for a normal build and for recovery; each step
   checks whether it is already done, so it can be interrupted and rerun any number of
   times): put the new data folder in place (one `renameat2(RENAME_EXCHANGE)` where the
   platform has it, else two renames), `os.replace` the descriptor, delete the journal,
   delete the staging folder.

Between the two renames of step 3 the descriptor and the data disagree; that window is
microseconds long and always covered by the journal, and `recover(OUT)` (run by every
publication, before anything else, and cheap enough to run at the start of any command
that reads OUT) closes it. Every other state on disk is the old or the new package, whole.

Publications into one OUT are serialised by an advisory lock on the OUT folder itself
(`flock`, released by the kernel when a build dies), so a staging folder found while
holding the lock belongs to a dead build and is removed. For tests, the environment
variable named by `settings.PUBLISH_FAULT_ENV` makes a build SIGKILL itself at a named
step (`staged`, `journaled`, `swapped`, `replaced`).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import shutil
import signal
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from ..settings import (DATA_DIR_NAME, DESCRIPTOR_NAME, PRESERVED_DATA_FILES, PUBLISH_FAULT_ENV,
                        PUBLISH_JOURNAL_NAME, RESOURCES, STAGING_PREFIX)
from .descriptor import build_descriptor
from .validate import validate_package
from .assemble import PackageTables

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
FAULT_POINTS = ("staged", "journaled", "swapped", "replaced")


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    func = getattr(libc, "renameat2", None)
    if func is None:
        return False
    result = func(_AT_FDCWD, os.fsencode(str(a)), _AT_FDCWD, os.fsencode(str(b)), _RENAME_EXCHANGE)
    return result == 0


def _fault(point: str) -> None:
    """Test hook: die here, as a killed build would, when the environment asks for it."""
    if os.environ.get(PUBLISH_FAULT_ENV) == point:
        os.kill(os.getpid(), signal.SIGKILL)


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the renames are still atomic
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    for path in sorted(root.rglob("*")):
        _fsync(path)
    _fsync(root)


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on OUT (no lock file left behind; freed if the process dies)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no serialisation of concurrent builds
        yield
        return
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def write_descriptor(descriptor: dict, path: Path) -> None:
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def publish(tables: PackageTables | dict[str, list[dict]], out: Path,
            extras: Callable[[Path, PackageTables], None] | None = None,
            report: dict | None = None, validator: Callable[[Path], None] | None = None) -> Path:
    """Stage, validate and publish. `extras(data_dir, tables)` adds files such as the timeline;
    `validator(descriptor_path)` raises when the staged package is invalid (default: validate_package)."""
    out = Path(out)
    if isinstance(tables, dict):
        tables = PackageTables.from_rows(tables)
    out.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        _recover_locked(out)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        committed = False
        try:
            _stage(tables, staging, out, extras, report, validator or validate_package)
            _fault("staged")
            entry = _write_journal(staging, out)
            committed = True
            _fault("journaled")
            _roll_forward(out, entry)
        finally:
            if not committed:
                shutil.rmtree(staging, ignore_errors=True)
    return out / DESCRIPTOR_NAME


def _stage(tables: PackageTables, staging: Path, out: Path,
           extras: Callable[[Path, PackageTables], None] | None, report: dict | None,
           validator: Callable[[Path], None] = validate_package) -> None:
    data = staging / DATA_DIR_NAME
    data.mkdir()
    for name in RESOURCES:
        tables.write(name, data / f"{name}.csv", data / f"{name}.parquet")
    if report is not None:
        (data / "build-report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_descriptor(build_descriptor(staging, tables.rows("sources")), staging / DESCRIPTOR_NAME)
    validator(staging / DESCRIPTOR_NAME)
    # Files that are not resources come after the check (a timeline drawn in another process
    # is being drawn meanwhile); a file of the same name the extras did not make is kept.
    if extras is not None:
        extras(data, tables)
    for keep in PRESERVED_DATA_FILES:
        old = out / DATA_DIR_NAME / keep
        if old.is_file() and not (data / keep).exists():
            shutil.copy2(old, data / keep)
    _fsync_tree(staging)


def _write_journal(staging: Path, out: Path) -> dict:
    """The commit point: after this returns, the publication is decided and only rolls forward."""
    info = (staging / DATA_DIR_NAME).stat()
    entry = {"staging": staging.name, "data_device": info.st_dev, "data_inode": info.st_ino}
    tmp = staging / PUBLISH_JOURNAL_NAME
    tmp.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    _fsync(tmp)
    os.replace(tmp, out / PUBLISH_JOURNAL_NAME)
    _fsync(out)
    return entry


def _is_new_data(path: Path, entry: dict) -> bool:
    try:
        info = path.stat()
    except OSError:
        return False
    return info.st_ino == entry["data_inode"] and info.st_dev == entry["data_device"]


def _roll_forward(out: Path, entry: dict) -> None:
    """Finish a committed publication from whatever step it reached (idempotent)."""
    staging = out / entry["staging"]
    new_descriptor = staging / DESCRIPTOR_NAME
    live = out / DATA_DIR_NAME
    if new_descriptor.is_file():
        fresh = staging / DATA_DIR_NAME
        if not _is_new_data(live, entry) and not _is_new_data(fresh, entry):
            # Not ours to finish (the staging folder was tampered with): leave OUT as it is.
            (out / PUBLISH_JOURNAL_NAME).unlink(missing_ok=True)
            shutil.rmtree(staging, ignore_errors=True)
            return
        if not _is_new_data(live, entry):
            if live.exists() and not _exchange(fresh, live):
                live.rename(staging / "previous-data")
            if not _is_new_data(live, entry):
                fresh.rename(live)
            _fsync(out)
            _fault("swapped")
        os.replace(new_descriptor, out / DESCRIPTOR_NAME)
        _fsync(out)
        _fault("replaced")
    (out / PUBLISH_JOURNAL_NAME).unlink(missing_ok=True)
    _fsync(out)
    shutil.rmtree(staging, ignore_errors=True)


def _recover_locked(out: Path) -> list[str]:
    done = []
    journal = out / PUBLISH_JOURNAL_NAME
    if journal.is_file():
        try:
            entry = json.loads(journal.read_text(encoding="utf-8"))
            valid_entry = {"staging", "data_device", "data_inode"} <= set(entry)
        except (OSError, ValueError):
            valid_entry = False
        if valid_entry and str(entry["staging"]).startswith(STAGING_PREFIX) and "/" not in str(entry["staging"]):
            _roll_forward(out, entry)
            done.append(f"finished the interrupted publication staged in {entry['staging']}")
        else:  # journals are written whole (rename), so this is not one of ours
            journal.unlink(missing_ok=True)
            done.append(f"removed the unreadable journal {PUBLISH_JOURNAL_NAME}")
    for stale in sorted(out.glob(STAGING_PREFIX + "*")):
        shutil.rmtree(stale, ignore_errors=True)
        done.append(f"removed {stale.name}, left by a build that did not finish")
    return done


def recover(out: Path) -> list[str]:
    """Finish a publication that a killed build committed, and remove staging folders of dead
    builds. Returns what was done (empty when OUT was in order). Safe to run at any time."""
    out = Path(out)
    if not out.is_dir():
        return []
    with _locked(out):
        return _recover_locked(out)
