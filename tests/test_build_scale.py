"""Builds at scale give the same bytes whatever runs them: jobs, engines, the cache."""

from __future__ import annotations

import io
import os
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conflict_timeline.runner import extract as extract_module
from conflict_timeline.runner import seedindex, tasks as tasks_module
from conflict_timeline.build import build_package
from conflict_timeline.runner import ResultCache, extractor_version
from conflict_timeline.runner.version import version_of
from conflict_timeline.settings import CACHE_DIR_NAME, EXTRACTOR_DATA_DIRS, PACKAGE_ROOT, ROW_STORE_NAME

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
VARIANTS = 5  # 3 articles x 5 = 15 seeds


def _files(root: Path) -> dict[str, bytes]:
    out = {"datapackage.json": (root / "datapackage.json").read_bytes()}
    for path in sorted((root / "datapackage").iterdir()):
        out[f"datapackage/{path.name}"] = path.read_bytes()
    return out


def _variant(text: str, k: int) -> str:
    """The article with a closing line of its own, so each variant's content (and id) differs."""
    return text.rstrip("\n") + f"\n\nThis report was updated for edition {k + 1}.\n"


@pytest.fixture(autouse=True)
def same_extractor(monkeypatch):
    """One extractor version for a whole test, even while the code's files are being edited."""
    version = extractor_version()
    monkeypatch.setattr(extract_module, "extractor_version", lambda: version)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scale-seeds")
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        for k in range(VARIANTS):
            (folder / f"{path.stem}-{k}.txt").write_text(_variant(text, k), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(seeds, tmp_path_factory) -> dict[str, bytes]:
    """The package as a one-process build without the cache makes it."""
    out = tmp_path_factory.mktemp("reference")
    build_package(seeds, out, jobs=1, use_cache=False)
    return _files(out)


def test_two_jobs_build_the_same_bytes_as_one(seeds, reference, tmp_path):
    report = build_package(seeds, tmp_path, jobs=2, use_cache=False)
    assert report.extracted == len(ARTICLES) * VARIANTS
    assert _files(tmp_path) == reference


def test_no_cache_neither_reads_nor_writes_the_cache(seeds, tmp_path):
    report = build_package(seeds, tmp_path, jobs=1, use_cache=False)
    assert report.cached == 0
    assert not (tmp_path / CACHE_DIR_NAME).exists()


def test_a_cached_build_gives_the_same_bytes_as_a_full_build(seeds, reference, tmp_path):
    first = build_package(seeds, tmp_path, jobs=1)
    assert (first.extracted, first.cached) == (len(ARTICLES) * VARIANTS, 0)
    second = build_package(seeds, tmp_path, jobs=1)
    assert (second.extracted, second.cached) == (0, len(ARTICLES) * VARIANTS)
    assert _files(tmp_path) == reference
    assert not any(p.name.startswith(".cache") for p in (tmp_path / "datapackage").iterdir())


def test_adding_one_seed_extracts_only_that_seed(seeds, tmp_path):
    grown = tmp_path / "seeds"
    shutil.copytree(seeds, grown)
    cache = tmp_path / "cache"
    build_package(grown, tmp_path / "out", jobs=2, cache_dir=cache)
    (grown / "zz-new.txt").write_text(_variant(ARTICLES[0].read_text(encoding="utf-8"), 99), encoding="utf-8")
    report = build_package(grown, tmp_path / "out", jobs=2, cache_dir=cache)
    assert (report.extracted, report.cached) == (1, len(ARTICLES) * VARIANTS)
    full = build_package(grown, tmp_path / "full", jobs=1, use_cache=False)
    assert full.articles == report.articles
    assert _files(tmp_path / "out") == _files(tmp_path / "full")


def test_a_changed_extractor_version_extracts_everything_again(seeds, tmp_path, monkeypatch):
    build_package(seeds, tmp_path, jobs=1)
    monkeypatch.setattr(extract_module, "extractor_version", lambda: "f" * 64)
    report = build_package(seeds, tmp_path, jobs=1)
    assert (report.extracted, report.cached) == (len(ARTICLES) * VARIANTS, 0)


@pytest.mark.parametrize("data_dir", EXTRACTOR_DATA_DIRS)
def test_changing_a_rule_or_lexicon_file_changes_the_extractor_version(data_dir, tmp_path):
    copy = tmp_path / "pkg"
    shutil.copytree(PACKAGE_ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert version_of(copy) == extractor_version()
    rule = sorted(p for p in (copy / data_dir).rglob("*.yaml"))[0]
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert version_of(copy) != extractor_version()


def test_changing_extraction_code_changes_the_extractor_version(tmp_path):
    copy = tmp_path / "pkg"
    shutil.copytree(PACKAGE_ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "extraction.py").write_text((copy / "extraction.py").read_text() + "\n# changed\n")
    assert version_of(copy) != extractor_version()


def test_a_corrupt_cache_entry_is_extracted_again(seeds, reference, tmp_path):
    build_package(seeds, tmp_path, jobs=1)
    entries = sorted((tmp_path / CACHE_DIR_NAME).rglob("*.json"))
    entries[0].write_bytes(b"not json")
    entries[1].write_bytes(entries[1].read_bytes()[:20])  # truncated
    entries[2].write_bytes(json.dumps({"something": "else"}).encode())
    for store in (tmp_path / CACHE_DIR_NAME).rglob(ROW_STORE_NAME):
        store.unlink()  # the last build's rows would serve every seed without reading the entries
    report = build_package(seeds, tmp_path, jobs=1)
    assert (report.extracted, report.cached) == (3, len(ARTICLES) * VARIANTS - 3)
    assert _files(tmp_path) == reference
    assert build_package(seeds, tmp_path, jobs=1).extracted == 0  # and the entries were rewritten


def test_a_corrupt_row_store_is_rebuilt_from_the_cache_entries(seeds, reference, tmp_path):
    build_package(seeds, tmp_path, jobs=1)
    (store,) = (tmp_path / CACHE_DIR_NAME).rglob(ROW_STORE_NAME)
    store.write_bytes(store.read_bytes()[:100])
    report = build_package(seeds, tmp_path, jobs=1)
    assert (report.extracted, report.cached) == (0, len(ARTICLES) * VARIANTS)
    assert _files(tmp_path) == reference
    store.write_bytes(json.dumps({"format": 2, "tables": "else"}).encode())
    assert build_package(seeds, tmp_path, jobs=1).extracted == 0
    assert _files(tmp_path) == reference


def test_removing_changing_and_adding_seeds_gives_the_bytes_of_a_full_build(seeds, tmp_path):
    grown = tmp_path / "seeds"
    shutil.copytree(seeds, grown)
    cache = tmp_path / "cache"
    build_package(grown, tmp_path / "out", jobs=1, cache_dir=cache)
    first, second = sorted(grown.iterdir())[:2]
    first.unlink()
    second.write_text(second.read_text(encoding="utf-8").replace("updated", "revised"), encoding="utf-8")
    report = build_package(grown, tmp_path / "out", jobs=1, cache_dir=cache)
    assert (report.extracted, report.cached) == (1, len(ARTICLES) * VARIANTS - 2)
    build_package(grown, tmp_path / "full", jobs=1, use_cache=False)
    assert _files(tmp_path / "out") == _files(tmp_path / "full")
    (grown / first.name).write_text(_variant(ARTICLES[0].read_text(encoding="utf-8"), 50), encoding="utf-8")
    shutil.copy(ARTICLES[1], grown / "aa-copy.txt")
    report = build_package(grown, tmp_path / "out", jobs=1, cache_dir=cache)
    assert report.extracted == 2
    build_package(grown, tmp_path / "full", jobs=1, use_cache=False)
    assert _files(tmp_path / "out") == _files(tmp_path / "full")


def test_unchanged_seeds_are_not_read_again_and_an_edit_keeping_size_and_mtime_is_seen(seeds, tmp_path, monkeypatch):
    monkeypatch.setattr(seedindex, "RACY_SECONDS", 0)  # the seeds were written a moment ago
    grown = tmp_path / "seeds"
    shutil.copytree(seeds, grown)
    cache = tmp_path / "cache"
    build_package(grown, tmp_path / "out", jobs=1, cache_dir=cache)
    assert (cache / seedindex.INDEX_NAME).is_file()
    reads = []
    real_read = tasks_module.read_seed_bytes
    monkeypatch.setattr(tasks_module, "read_seed_bytes", lambda path: reads.append(path) or real_read(path))
    report = build_package(grown, tmp_path / "out", jobs=1, cache_dir=cache)
    assert (report.extracted, reads) == (0, [])
    edited = sorted(grown.iterdir())[3]
    before = edited.stat()
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("edition", "EDITION"), encoding="utf-8")  # same size
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))  # same mtime: only ctime tells
    report = build_package(grown, tmp_path / "out", jobs=1, cache_dir=cache)
    assert report.extracted == 1 and reads == [edited]
    build_package(grown, tmp_path / "full", jobs=1, use_cache=False)
    assert _files(tmp_path / "out") == _files(tmp_path / "full")


def test_a_corrupt_seed_index_is_ignored(seeds, reference, tmp_path, monkeypatch):
    monkeypatch.setattr(seedindex, "RACY_SECONDS", 0)
    build_package(seeds, tmp_path, jobs=1)
    index = tmp_path / CACHE_DIR_NAME / seedindex.INDEX_NAME
    index.write_bytes(b"not json")
    assert build_package(seeds, tmp_path, jobs=1).extracted == 0
    assert _files(tmp_path) == reference
    assert json.loads(index.read_bytes())["format"] == seedindex.FORMAT


def test_a_rule_change_rebuilds_every_row_and_gives_the_bytes_of_a_full_build(seeds, reference, tmp_path, monkeypatch):
    build_package(seeds, tmp_path, jobs=1)
    monkeypatch.setattr(extract_module, "extractor_version", lambda: "e" * 64)
    report = build_package(seeds, tmp_path, jobs=1)
    assert (report.extracted, report.cached) == (len(ARTICLES) * VARIANTS, 0)
    assert _files(tmp_path) == reference
    assert len(list((tmp_path / CACHE_DIR_NAME).rglob(ROW_STORE_NAME))) == 2


def test_cache_writes_leave_no_temporary_files(seeds, tmp_path):
    build_package(seeds, tmp_path, jobs=2)
    assert not [p for p in (tmp_path / CACHE_DIR_NAME).rglob("*") if p.name.startswith(".tmp-")]


def test_cache_keeps_only_recent_extractor_versions(tmp_path):
    for version in ("a" * 64, "b" * 64, "c" * 64):
        ResultCache(tmp_path, version).folder.mkdir(parents=True)
    ResultCache(tmp_path, "c" * 64).prune()
    assert len(list(tmp_path.iterdir())) == 2


def test_dask_engine_builds_the_same_bytes_as_the_local_engine(seeds, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as cluster:
        heard = []
        report = build_package(seeds, tmp_path, engine="dask", scheduler=cluster.scheduler_address, use_cache=False,
                               progress=lambda done, total: heard.append((done, total)))
    assert report.extracted == len(ARTICLES) * VARIANTS
    assert _files(tmp_path) == reference
    assert heard[0] == (0, report.extracted) and heard[-1] == (report.extracted, report.extracted)


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_hears_every_extracted_seed_in_order(seeds, tmp_path, jobs):
    heard = []
    report = build_package(seeds, tmp_path, jobs=jobs, progress=lambda done, total: heard.append((done, total)))
    total = len(ARTICLES) * VARIANTS
    assert heard[0] == (0, total) and heard[-1] == (total, total)
    assert [d for d, _ in heard] == sorted(d for d, _ in heard) and {t for _, t in heard} == {total}
    heard.clear()
    assert build_package(seeds, tmp_path, jobs=jobs, progress=lambda d, t: heard.append((d, t))).extracted == 0
    assert heard == [(0, 0)]
    assert report.cached == 0


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_only_and_goes_when_done():
    from conflict_timeline.cli import ExtractionProgress

    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ExtractionProgress(stream, min_seeds=5)
        for done in range(0, 11):
            bar(done, 10)
        assert bar.bar is None  # stopped once every seed is done
    assert "extracting seeds" in terminal.getvalue()
    assert pipe.getvalue() == ""
    few = _Terminal()
    small = ExtractionProgress(few, min_seeds=5)
    small(0, 3)
    small(3, 3)
    assert few.getvalue() == ""


def test_cli_build_takes_the_scale_options(seeds, reference, tmp_path):
    from typer.testing import CliRunner

    from conflict_timeline.cli import app

    result = CliRunner().invoke(app, ["build", "--seeds", str(seeds), "--out", str(tmp_path), "--jobs", "2",
                                      "--engine", "local", "--cache-dir", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert f"{len(ARTICLES) * VARIANTS} extracted, 0 from the cache" in result.output
    assert _files(tmp_path) == reference


def test_large_package_path_gives_the_same_bytes(seeds, reference, tmp_path, monkeypatch):
    """Above the thresholds: the timeline drawn in another process, the fast check, Parquet row groups."""
    from conflict_timeline import build as build_module
    from conflict_timeline.package import write as write_module

    monkeypatch.setattr(build_module, "BACKGROUND_TIMELINE_ROWS", 0)
    monkeypatch.setattr(build_module, "BACKGROUND_TIMELINE_SEEDS", 0)  # the worker started before extraction
    monkeypatch.setattr(build_module, "FAST_CHECK_ROWS", 0)
    build_package(seeds, tmp_path, jobs=2, use_cache=False)
    assert _files(tmp_path) == reference
    monkeypatch.setattr(write_module, "STREAM_ROWS", 0)
    monkeypatch.setattr(write_module, "PARQUET_ROW_GROUP_ROWS", 7)
    build_package(seeds, tmp_path / "grouped", jobs=2, use_cache=False)
    grouped = _files(tmp_path / "grouped")
    assert {k: v for k, v in grouped.items() if not k.endswith((".parquet", ".json"))} == \
        {k: v for k, v in reference.items() if not k.endswith((".parquet", ".json"))}
    for name in ("events", "mentions"):
        in_groups = pq.ParquetFile(tmp_path / "grouped" / "datapackage" / f"{name}.parquet")
        assert in_groups.metadata.num_row_groups > 1
        assert in_groups.read().equals(pq.read_table(tmp_path / "datapackage" / f"{name}.parquet"))


def test_rows_merged_over_columns_are_the_rows_build_tables_makes(seeds):
    """package/assemble.py (the build) and package/tables.py's build_tables (events commands) agree."""
    from conflict_timeline.extraction import extract_document
    from conflict_timeline.ingest import read_seed
    from conflict_timeline.package.assemble import assemble, to_arrow
    from conflict_timeline.package.fragments import source_rows
    from conflict_timeline.package.tables import build_tables
    from conflict_timeline.runner.store import row_key
    from conflict_timeline.settings import RESOURCES

    results = [extract_document(read_seed(path, seeds)) for path in sorted(seeds.iterdir())[::-1]]
    keyed = [(row_key(r.source["sha256"], r.source["path"]), source_rows(r)) for r in results]
    tables = assemble(to_arrow(keyed[::2] + keyed[1::2]), [k for k, _ in keyed], keyed[0][1].key_order)
    expected = build_tables(results)
    for name in RESOURCES:
        assert tables.rows(name) == expected[name], name
        assert [list(r) for r in tables.rows(name)] == [list(r) for r in expected[name]], name


def test_the_timeline_worker_hands_back_its_error_and_leaves(tmp_path):
    from conflict_timeline.runner.background import BackgroundTimeline

    with BackgroundTimeline(draw="json:loads") as timeline:  # loads(folder, tables): a TypeError
        timeline.start({"events": None})
        with pytest.raises(TypeError):
            timeline(tmp_path, None)
    assert not timeline.process.is_alive() and not timeline.folder.exists()
    with BackgroundTimeline(preload=("json",)) as idle:  # never asked to draw
        pass
    assert not idle.process.is_alive() and idle.process.exitcode == 0
