"""Bad seeds: each is a clear error naming the file, the problem and the fix, and a build
with one writes nothing (the package published before stays byte-identical). Plus the
--skip-invalid policy and the exit codes of every command, through the real CLI."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conflict_timeline.build import build_package
from conflict_timeline.errors import SeedError, SeedErrors
from conflict_timeline.ingest import read_seed
from conflict_timeline.settings import MAX_SEED_BYTES

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT / "seeds" / "2015-10-24_presstv_fsa-rejects-russian-offer.txt"
UKRAINE = ROOT / "tests" / "fixtures" / "articles" / "ukraine_2022_front_matter.txt"
CLI = Path(sys.executable).parent / "conflict-timeline"
ARTICLE = "Rebels shelled a government-held district of Aleppo on Monday, a monitoring group said.\n"


def _garbage() -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(1, 256) for _ in range(3000))  # no NUL, no encoding fits


#: name, bytes, words the message must hold (besides the file name).
BAD_SEEDS = [
    ("empty.txt", b"", ["empty", "put the article's text in it"]),
    ("blank.txt", b"  \n\t\r\n  \n", ["only whitespace", "put the article's text in it"]),
    ("binary.txt", b"%PDF-1.4\n\x00\x01\x02stream\x00", ["NUL bytes", "binary", "save the article as plain text"]),
    ("garbled.txt", _garbage(), ["encoding cannot be recognised", "save it as UTF-8"]),
    ("undated.txt", ARTICLE.encode(), ["no publication date", "published: YYYY-MM-DD"]),
    ("unclosed.txt", f"---\ntitle: Aleppo\n{ARTICLE}".encode(), ["line 1", "never closed", "add a line '---'"]),
    ("notyaml.txt", f"---\ntitle: Aleppo\npublisher: [Example\n---\n{ARTICLE}".encode(),
     ["not valid YAML", "line 4", "one 'key: value' per line"]),
    ("unknownkey.txt", f"---\ntitle: Aleppo\ncolour: red\n---\n{ARTICLE}".encode(),
     ["unknown front-matter key 'colour'", "line 3", "use only title, publisher"]),
    ("yesterday.txt", f"---\npublished: yesterday\n---\n{ARTICLE}".encode(),
     ["published: 'yesterday' is not an ISO date", "line 2", "YYYY-MM-DD"]),
    ("impossible.txt", f"---\ntitle: Aleppo\npublished: 2015-02-30\n---\n{ARTICLE}".encode(),
     ["published: '2015-02-30' is not an ISO date", "line 3"]),
    ("poem.txt", f"---\npublished: 2016-05-04\ngenre: poem\n---\n{ARTICLE}".encode(),
     ["genre: 'poem' is not one of news, narrative", "line 3", "genre: narrative"]),
    ("twice.txt", f"---\npublished: 2016-05-04\npublished: 2016-05-05\n---\n{ARTICLE}".encode(),
     ["'published' is given twice", "line 3"]),
    ("listvalue.txt", f"---\npublished: 2016-05-04\ntitle: [a, b]\n---\n{ARTICLE}".encode(),
     ["title: the value is a list", "line 3"]),
    ("onlyfront.txt", b"---\npublished: 2016-05-04\n---\n\n", ["front matter but no article text"]),
]


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden ones included, the extraction cache excepted)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(root).parts}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A good package, built once; each test publishes over a copy of it."""
    seeds = tmp_path_factory.mktemp("good-seeds")
    shutil.copy(FOUNDING, seeds)
    out = tmp_path_factory.mktemp("published")
    build_package(seeds, out)
    return out


@pytest.fixture
def previous(published, tmp_path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(published, out)
    return out


@pytest.mark.parametrize("name, content, words", BAD_SEEDS, ids=[b[0] for b in BAD_SEEDS])
def test_each_bad_seed_is_an_error_naming_file_problem_and_fix_and_nothing_is_written(tmp_path, previous,
                                                                                      name, content, words):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FOUNDING, seeds)
    (seeds / name).write_bytes(content)
    with pytest.raises(SeedError) as one:
        read_seed(seeds / name, seeds)
    message = str(one.value)
    assert str(seeds / name) in message and "Fix:" in message
    for word in words:
        assert word in message, (word, message)
    before = _snapshot(previous)
    with pytest.raises(SeedErrors) as err:
        build_package(seeds, previous)
    assert [e.path.name for e in err.value.errors] == [name]
    assert _snapshot(previous) == before


def test_a_seed_over_the_size_limit_is_refused_without_reading_it_all(tmp_path, previous):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FOUNDING, seeds)
    huge = seeds / "huge.txt"
    block = FOUNDING.read_bytes()
    with open(huge, "wb") as handle:
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(block)
    with pytest.raises(SeedError) as err:
        read_seed(huge, seeds)
    assert "huge.txt" in str(err.value) and f"{MAX_SEED_BYTES:,} bytes" in str(err.value)
    assert "split it into one file per article" in str(err.value)
    before = _snapshot(previous)
    with pytest.raises(SeedErrors):
        build_package(seeds, previous)
    assert _snapshot(previous) == before


def test_utf16_text_with_a_byte_order_mark_is_text_not_binary(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(FOUNDING.read_text(encoding="utf-8").encode("utf-16"))
    doc = read_seed(path, tmp_path)
    assert doc.encoding == "utf-16" and doc.published.startswith("2015-10-24")


def test_seed_errors_survive_pickling_for_worker_processes():
    import pickle

    error = SeedError(Path("seeds/x.txt"), "the file is empty", "fill it", line=3)
    again = pickle.loads(pickle.dumps(SeedErrors([error])))
    assert str(again) == str(SeedErrors([error])) and again.errors[0].line == 3


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, cwd=cwd)


def test_cli_build_lists_every_bad_seed_exits_1_and_writes_nothing(tmp_path, previous):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FOUNDING, seeds)
    for name, content, _ in BAD_SEEDS:
        (seeds / name).write_bytes(content)
    before = _snapshot(previous)
    proc = _cli("build", "--seeds", str(seeds), "--out", str(previous))
    assert proc.returncode == 1, proc.stderr
    assert f"{len(BAD_SEEDS)} seed(s) cannot be built" in proc.stderr
    for name, _, _ in BAD_SEEDS:
        assert name in proc.stderr
    assert "Traceback" not in proc.stderr
    assert _snapshot(previous) == before


def test_cli_skip_invalid_builds_the_good_seeds_and_reports_skipped_duplicates_and_encodings(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FOUNDING, seeds / "a-founding.txt")
    shutil.copy(FOUNDING, seeds / "b-same-again.txt")
    legacy = UKRAINE.read_text(encoding="utf-8").replace("publisher: Example Wire", "publisher: Ex\u00e4mple W\u00efre")
    (seeds / "c-legacy.txt").write_bytes(legacy.encode("cp1252"))
    for name, content, _ in BAD_SEEDS[:5]:
        (seeds / name).write_bytes(content)
    out = tmp_path / "out"
    proc = _cli("build", "--seeds", str(seeds), "--out", str(out), "--skip-invalid")
    assert proc.returncode == 0, proc.stderr
    assert "b-same-again.txt has the same content as a-founding.txt; counted once" in proc.stdout
    assert "c-legacy.txt is not UTF-8; decoded as" in proc.stdout
    report = json.loads((out / "datapackage" / "build-report.json").read_text(encoding="utf-8"))
    assert sorted(s["path"] for s in report["skipped"]) == sorted(n for n, _, _ in BAD_SEEDS[:5])
    assert all(s["problem"] and s["fix"] for s in report["skipped"])
    assert report["duplicates"] == [{"path": "b-same-again.txt", "same_as": "a-founding.txt"}]
    assert [e["path"] for e in report["encodings"]] == ["c-legacy.txt"] and report["encodings"][0]["encoding"]
    assert report["articles"] == 2 and report["seeds"] == 2 + 1 + 5
    sources = (out / "datapackage" / "sources.csv").read_text(encoding="utf-8").splitlines()
    assert len(sources) == 1 + 2
    assert "Ex\u00e4mple W\u00efre" in "\n".join(sources)


def test_cli_validate_on_a_broken_package_exits_1_without_traceback_and_verbose_shows_tracebacks(tmp_path, previous):
    events = previous / "datapackage" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8") + "broken,row\n", encoding="utf-8")
    proc = _cli("validate", str(previous / "datapackage.json"))
    assert proc.returncode == 1 and "not valid" in proc.stderr and "events" in proc.stderr
    assert "Traceback" not in proc.stderr
    verbose = _cli("--verbose", "validate", str(previous / "missing.json"))
    assert verbose.returncode != 0 and "Traceback" in verbose.stderr and "PackageInvalidError" in verbose.stderr


@pytest.mark.parametrize("args, words", [
    (["validate", "{tmp}/none/datapackage.json"], ["no such descriptor", "conflict-timeline build"]),
    (["timeline", "--package", "{tmp}/none/datapackage.json"], ["no such package descriptor", "conflict-timeline build"]),
    (["extract", "{tmp}/none.txt"], ["none.txt", "no such file"]),
    (["extract", "{tmp}/undated.txt"], ["undated.txt", "no publication date", "published:"]),
    (["build", "--seeds", "{tmp}/none", "--out", "{tmp}/out"], ["none", "seeds folder does not exist"]),
    (["timex", "--dct", "2015-13-01"], ["--dct", "YYYY-MM-DD"]),
], ids=["validate-missing", "timeline-missing", "extract-missing", "extract-bad-seed", "build-no-seeds", "timex-bad-dct"])
def test_cli_user_errors_exit_1_with_a_message_and_no_traceback(tmp_path, args, words):
    (tmp_path / "undated.txt").write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run([str(CLI), *(a.format(tmp=tmp_path) for a in args)], capture_output=True, text=True, input="")
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
    for word in words:
        assert word in proc.stderr


def test_cli_usage_errors_exit_2_without_traceback():
    proc = _cli("build", "--no-such-option")
    assert proc.returncode == 2 and "No such option" in proc.stderr and "Traceback" not in proc.stderr
