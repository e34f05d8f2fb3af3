"""The vectorised package check finds the same classes of errors as frictionless does."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conflict_timeline.build import build_package
from conflict_timeline.errors import PackageInvalidError
from conflict_timeline.package.descriptor import sha256_of
from conflict_timeline.package.fastcheck import fast_errors, fast_validate
from conflict_timeline.package.validate import frictionless_errors

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("seeds")
    for path in list((ROOT / "seeds").glob("*.txt")) + list((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")):
        shutil.copy(path, seeds / path.name)
    out = tmp_path_factory.mktemp("package")
    build_package(seeds, out, jobs=1, use_cache=False)
    return out


def _rehash(root: Path) -> None:
    """Record the files' new hashes and sizes, so only the broken content is wrong."""
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        file = root / resource["path"]
        resource["hash"] = f"sha256:{sha256_of(file)}"
        if "bytes" in resource:
            resource["bytes"] = file.stat().st_size
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


def _edit_csv(root: Path, name: str, edit) -> None:
    path = root / "datapackage" / f"{name}.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    fields = list(rows[0])
    edit(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _set(field: str, value: str, row: int = 0):
    def edit(rows):
        rows[row][field] = value
    return edit


def _duplicate_first(rows):
    rows.append(dict(rows[0]))


BREAKAGES = {
    "integer that is not one": ("events", _set("char_start", "twelve"), "type-error"),
    "date that is not one": ("events", _set("date_start", "2015-13-45"), "type-error"),
    "boolean that is not one": ("events", _set("ongoing", "maybe"), "type-error"),
    "required cell left empty": ("events", _set("summary", ""), "constraint-error"),
    "value outside its enum": ("events", _set("modality", "rumoured"), "constraint-error"),
    "value not matching its pattern": ("sources", _set("sha256", "xyz"), "constraint-error"),
    "number below its minimum": ("events", _set("char_end", "-5"), "constraint-error"),
    "repeated primary key": ("events", _duplicate_first, "primary-key"),
    "foreign key to nothing": ("events", _set("source_id", "src-0000000000000000"), "foreign-key"),
}


def _kinds(problems: list[str], resource: str) -> set[str]:
    return {p.split(": ")[1] for p in problems if p.startswith(f"{resource}: ")}


def _pairs(problems: list[str]) -> set[tuple[str, str]]:
    return {tuple(p.split(": ")[:2]) for p in problems}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_fast_check_finds_what_frictionless_finds_in_a_broken_csv(package, tmp_path, breakage):
    resource, edit, kind = BREAKAGES[breakage]
    broken = tmp_path / "broken"
    shutil.copytree(package, broken, ignore=shutil.ignore_patterns(".cache"))
    _edit_csv(broken, resource, edit)
    _rehash(broken)
    ours = fast_errors(broken / "datapackage.json")
    theirs = frictionless_errors(broken / "datapackage.json")
    assert kind in _kinds(theirs, resource), theirs
    assert kind in _kinds(ours, resource), ours
    assert _pairs(ours) >= _pairs(theirs), (ours, theirs)
    with pytest.raises(PackageInvalidError):
        fast_validate(broken / "datapackage.json")


def test_fast_check_passes_a_valid_package(package):
    assert fast_errors(package / "datapackage.json") == []
    assert frictionless_errors(package / "datapackage.json") == []


def test_fast_check_finds_a_wrong_hash(package, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(package, broken, ignore=shutil.ignore_patterns(".cache"))
    with open(broken / "datapackage" / "actors.csv", "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert any("hash" in p for p in fast_errors(broken / "datapackage.json"))


def test_fast_check_finds_a_parquet_column_of_the_wrong_type_and_a_repeated_key(package, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(package, broken, ignore=shutil.ignore_patterns(".cache"))
    path = broken / "datapackage" / "events.parquet"
    table = pq.read_table(path)
    table = pa.concat_tables([table, table.slice(0, 1)])
    index = table.column_names.index("char_start")
    table = table.set_column(index, "char_start", table.column("char_start").cast(pa.string()))
    pq.write_table(table, path)
    _rehash(broken)
    ours = fast_errors(broken / "datapackage.json")
    assert {"type-error", "primary-key"} <= _kinds(ours, "events_parquet"), ours
    assert "primary-key" in _kinds(frictionless_errors(broken / "datapackage.json"), "events_parquet")
