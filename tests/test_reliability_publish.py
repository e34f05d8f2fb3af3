"""Atomic publication and reproducible builds, with real builds in subprocesses.

A build killed at any point (random moments, and deterministically at each step of the
publication through settings.PUBLISH_FAULT_ENV) leaves a package that validates and is
wholly the previous one or wholly the new one; leftovers are cleaned up by the next build.
Builds are byte-identical across PYTHONHASHSEED values, seed file order and mtimes."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conflict_timeline.package.publish import FAULT_POINTS, recover
from conflict_timeline.package.validate import validate_package
from conflict_timeline.settings import PUBLISH_FAULT_ENV, PUBLISH_JOURNAL_NAME, STAGING_PREFIX

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT / "seeds" / "2015-10-24_presstv_fsa-rejects-russian-offer.txt"
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
UKRAINE = ROOT / "tests" / "fixtures" / "articles" / "ukraine_2022_front_matter.txt"
CLI = Path(sys.executable).parent / "conflict-timeline"
#: Copies of each text in the corpus the random kills interrupt (enough for a build of a few seconds).
CORPUS_COPIES = 6
RANDOM_KILLS = 3


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(root).parts}


def _popen(seeds: Path, out: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen([str(CLI), "build", "--seeds", str(seeds), "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **env}, start_new_session=True)


def _build(seeds: Path, out: Path, **env: str) -> None:
    proc = _popen(seeds, out, **env)
    _, err = proc.communicate()
    assert proc.returncode == 0, err


@pytest.fixture(scope="module")
def old(tmp_path_factory) -> Path:
    """The last good package: the founding article alone."""
    seeds = tmp_path_factory.mktemp("old-seeds")
    shutil.copy(FOUNDING, seeds)
    out = tmp_path_factory.mktemp("old")
    _build(seeds, out)
    shutil.rmtree(out / ".cache", ignore_errors=True)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Many distinct articles: each text copied with a sentence of its own appended."""
    seeds = tmp_path_factory.mktemp("corpus")
    for i in range(CORPUS_COPIES):
        for path in (FOUNDING, UKRAINE):
            text = path.read_text(encoding="utf-8").rstrip("\n")
            (seeds / f"{i:03d}-{path.name}").write_text(
                f"{text}\n\nMonitors counted {i + 2} convoys crossing the border, a spokesman said.\n", encoding="utf-8")
    return seeds


def _fresh_copy(old: Path, where: Path) -> Path:
    shutil.copytree(old, where)
    return where


def _recovered_and_valid(out: Path) -> dict[str, bytes]:
    """Recover as the next build does, then: valid, and no half state (old or a full new package)."""
    recover(out)
    assert not (out / PUBLISH_JOURNAL_NAME).exists()
    assert not list(out.glob(STAGING_PREFIX + "*"))
    validate_package(out / "datapackage.json")
    return _snapshot(out)


def test_a_build_killed_inside_each_step_of_publication_leaves_the_old_or_the_new_package(old, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FOUNDING, seeds)
    shutil.copy(UKRAINE, seeds)
    old_files = _snapshot(old)
    procs = {}
    for point in FAULT_POINTS:
        out = _fresh_copy(old, tmp_path / point)
        procs[point] = (out, _popen(seeds, out, **{PUBLISH_FAULT_ENV: point}))
    for point, (out, proc) in procs.items():
        proc.communicate()
        assert proc.returncode == -signal.SIGKILL, point
        if point != "swapped":
            # Every state but the one between the two renames is a valid package as it lies on disk.
            validate_package(out / "datapackage.json")
        else:
            assert (out / PUBLISH_JOURNAL_NAME).is_file()  # ... and that one is covered by the journal
        after = _recovered_and_valid(out)
        if point == "staged":
            assert after == old_files, point  # killed before the commit point: nothing happened
        else:
            assert after["datapackage/sources.csv"].count(b"\nsrc-") == 2, point  # the new package, whole
    # Rolled forward from different steps, they all hold the same new package, byte for byte.
    published = [_snapshot(out) for point, (out, _) in procs.items() if point != "staged"]
    assert all(files == published[0] for files in published)


def test_a_build_killed_at_random_moments_leaves_a_whole_valid_package(old, corpus, tmp_path):
    old_files = _snapshot(old)
    rng = random.Random(20151024)
    started = time.monotonic()
    reference = tmp_path / "reference"
    _build(corpus, _fresh_copy(old, reference))
    duration = time.monotonic() - started
    new_files = _snapshot(reference)
    assert new_files != old_files
    runs = []  # started together, each killed (with its whole process group) at its own moment
    for k in range(RANDOM_KILLS):
        out = _fresh_copy(old, tmp_path / f"kill-{k}")
        runs.append((rng.uniform(0.2, 1.0) * duration, out, _popen(corpus, out)))
    started = time.monotonic()
    for delay, out, proc in sorted(runs, key=lambda r: r[0]):
        try:
            proc.wait(timeout=max(0.0, started + delay - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    for _, out, _ in runs:
        after = _recovered_and_valid(out)
        assert after in (old_files, new_files)


def test_leftover_staging_folders_do_not_break_the_next_build_and_are_removed(old, tmp_path):
    out = _fresh_copy(old, tmp_path / "out")
    junk = out / f"{STAGING_PREFIX}dead1234"
    (junk / "datapackage").mkdir(parents=True)
    (junk / "datapackage" / "events.csv").write_text("half,written", encoding="utf-8")
    (junk / "datapackage.json").write_text("{", encoding="utf-8")
    (out / PUBLISH_JOURNAL_NAME).write_text("{not json", encoding="utf-8")  # a torn journal is ignored
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FOUNDING, seeds)
    _build(seeds, out)
    assert not junk.exists() and not (out / PUBLISH_JOURNAL_NAME).exists()
    validate_package(out / "datapackage.json")
    for name in ("sources.csv", "events.csv", "mentions.csv"):
        assert (out / "datapackage" / name).read_bytes() == (old / "datapackage" / name).read_bytes()
    assert recover(out) == []


def test_builds_are_byte_identical_across_hash_seeds_file_order_and_mtimes(tmp_path):
    texts = [FOUNDING, *FIXTURES]
    first, second = tmp_path / "seeds-a", tmp_path / "seeds-b"
    first.mkdir()
    second.mkdir()
    for path in texts:
        shutil.copy(path, first / path.name)
    for number, path in enumerate(reversed(texts)):  # created in the other order, other mtimes
        shutil.copy(path, second / path.name)
        stamp = 1_000_000_000 + 86_400 * 365 * number
        os.utime(second / path.name, (stamp, stamp))
    a = _popen(first, tmp_path / "out-a", PYTHONHASHSEED="0")
    b = _popen(second, tmp_path / "out-b", PYTHONHASHSEED="12345")
    for proc in (a, b):
        _, err = proc.communicate()
        assert proc.returncode == 0, err
    one, two = _snapshot(tmp_path / "out-a"), _snapshot(tmp_path / "out-b")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
