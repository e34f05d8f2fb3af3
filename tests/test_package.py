"""The built package: valid under frictionless, hashes right, byte-identical across builds,
and the committed package is what the seeds build."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conflict_timeline.build import build_package
from conflict_timeline.errors import SeedErrors
from conflict_timeline.package.dictionary import update_readme
from conflict_timeline.package.validate import check_hashes, frictionless_errors, validate_package
from conflict_timeline.settings import RESOURCES

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def _files(root: Path) -> dict[str, bytes]:
    out = {"datapackage.json": (root / "datapackage.json").read_bytes()}
    for path in sorted((root / "datapackage").iterdir()):
        if path.name != "timeline.png":
            out[f"datapackage/{path.name}"] = path.read_bytes()
    return out


@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("seeds")
    for path in list((ROOT / "seeds").glob("*.txt")) + list(FIXTURES.glob("*.txt")):
        shutil.copy(path, seeds / path.name)
    return seeds


@pytest.fixture(scope="module")
def built(seeds_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    build_package(seeds_dir, out)
    return out


def test_built_package_is_valid_under_frictionless(built):
    assert frictionless_errors(built / "datapackage.json") == []


def test_every_recorded_hash_is_right_parquet_included(built):
    descriptor = json.loads((built / "datapackage.json").read_text())
    formats = {r["format"] for r in descriptor["resources"]}
    assert formats == {"csv", "parquet"}
    assert check_hashes(built / "datapackage.json") == []
    parquet = built / "datapackage" / "events.parquet"
    parquet.write_bytes(parquet.read_bytes() + b"\0")
    try:
        assert any("events_parquet" in p for p in check_hashes(built / "datapackage.json"))
    finally:
        parquet.write_bytes(parquet.read_bytes()[:-1])


def test_descriptor_carries_data_package_v2_metadata(built):
    d = json.loads((built / "datapackage.json").read_text())
    for key in ("$schema", "name", "title", "description", "version", "created", "licenses", "sources", "contributors", "keywords"):
        assert d[key], key
    latest = pd.read_csv(built / "datapackage" / "sources.csv")["published_date"].max()
    assert d["created"] == f"{latest}T00:00:00Z"  # the latest publication date among the seeds, not the clock
    names = [r["name"] for r in d["resources"]]
    for name in RESOURCES:
        assert name in names and f"{name}_parquet" in names
    events = next(r for r in d["resources"] if r["name"] == "events")
    assert {"primaryKey", "foreignKeys", "missingValues"} <= set(events["schema"])
    assert "enum" in next(f for f in events["schema"]["fields"] if f["name"] == "event_type")["constraints"]


def test_csv_and_parquet_hold_the_same_rows(built):
    for name in RESOURCES:
        csv = pd.read_csv(built / "datapackage" / f"{name}.csv", dtype=str, keep_default_na=False)
        parquet = pd.read_parquet(built / "datapackage" / f"{name}.parquet")
        assert list(csv.columns) == list(parquet.columns)
        assert len(csv) == len(parquet)


def test_evidence_is_the_source_body_sliced_at_its_offsets(built, seeds_dir):
    from conflict_timeline.ingest import read_seed

    sources = pd.read_csv(built / "datapackage" / "sources.csv", keep_default_na=False)
    bodies = {r.source_id: read_seed(seeds_dir / r.path, seeds_dir).body for r in sources.itertuples()}
    evidence = pd.read_csv(built / "datapackage" / "event_sources.csv", keep_default_na=False)
    assert len(evidence) > 0
    for row in evidence.itertuples():
        assert bodies[row.source_id][row.char_start:row.char_end] == row.evidence


def test_two_builds_are_byte_identical(built, seeds_dir, tmp_path):
    build_package(seeds_dir, tmp_path)
    assert _files(tmp_path) == _files(built)


def test_event_ids_are_stable_whatever_else_is_in_the_seeds(built, tmp_path):
    alone = tmp_path / "seeds"
    alone.mkdir()
    shutil.copy(next((ROOT / "seeds").glob("*.txt")), alone)
    build_package(alone, tmp_path / "out")
    one = set(pd.read_csv(tmp_path / "out" / "datapackage" / "events.csv")["event_id"])
    every = set(pd.read_csv(built / "datapackage" / "events.csv")["event_id"])
    assert one and one <= every


def test_committed_package_is_what_the_seeds_build(tmp_path):
    build_package(ROOT / "seeds", tmp_path)
    built, committed = _files(tmp_path), _files(ROOT)
    differ = sorted(k for k in built.keys() | committed.keys() if built.get(k) != committed.get(k))
    assert not differ, f"rebuild with `make` and commit datapackage.json and datapackage/: {differ} differ"


def test_committed_package_validates():
    validate_package(ROOT / "datapackage.json")


def test_readme_data_dictionary_is_generated_from_the_schemas():
    assert update_readme(ROOT / "README.md", check=True) is False, "run `conflict-timeline dictionary`"


def test_bad_seed_fails_the_build_and_writes_nothing(seeds_dir, tmp_path):
    bad = tmp_path / "seeds"
    shutil.copytree(seeds_dir, bad)
    (bad / "empty.txt").write_text("   \n", encoding="utf-8")
    (bad / "nodate.txt").write_text("Rebels shelled the town, officials said on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(SeedErrors) as err:
        build_package(bad, out)
    message = str(err.value)
    assert "empty.txt" in message and "nodate.txt" in message and "published:" in message
    assert not (out / "datapackage.json").exists()


def test_skip_invalid_builds_from_the_good_seeds_and_reports_the_rest(seeds_dir, tmp_path):
    bad = tmp_path / "seeds"
    shutil.copytree(seeds_dir, bad)
    (bad / "empty.txt").write_text("", encoding="utf-8")
    report = build_package(bad, tmp_path / "out", skip_invalid=True)
    assert [s["path"] for s in report.skipped] == ["empty.txt"]
    saved = json.loads((tmp_path / "out" / "datapackage" / "build-report.json").read_text())
    assert saved["skipped"][0]["path"] == "empty.txt"


def test_cli_prints_user_errors_without_traceback(tmp_path):
    (tmp_path / "x.txt").write_text("No date anywhere in this text, it says.\n", encoding="utf-8")
    cli = Path(sys.executable).parent / "conflict-timeline"
    proc = subprocess.run([str(cli), "build", "--seeds", str(tmp_path), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "x.txt" in proc.stderr and "published:" in proc.stderr
    assert "Traceback" not in proc.stderr
    verbose = subprocess.run([str(cli), "--verbose", "build", "--seeds", str(tmp_path), "--out", str(tmp_path / "o")],
                             capture_output=True, text=True)
    assert verbose.returncode != 0 and "Traceback" in verbose.stderr
