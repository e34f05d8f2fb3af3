"""News exports as seeds (.jsonl: one article a line, as news APIs and archives give them), and a
folder mixing text, saved pages and exports built into one valid package whose events cite the
articles' sentences only."""

from __future__ import annotations

import csv
import io
import json
import pickle
import shutil
from pathlib import Path

import pytest
import yaml

from conflict_timeline.build import build_package
from conflict_timeline.errors import SeedError, SeedErrors
from conflict_timeline.ingest import read_record_line, read_seed_documents
from conflict_timeline.ingest.lexicon import DATA_DIR
from conflict_timeline.ingest.records import language_tag, parse_stamp
from conflict_timeline.package.validate import validate_package
from conflict_timeline.settings import CACHE_DIR_NAME

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPORT = FIXTURES / "exports" / "news_export.jsonl"
PAGES = FIXTURES / "pages"


def _examples() -> list[dict]:
    return yaml.safe_load((DATA_DIR / "records.yaml").read_text(encoding="utf-8"))["examples"]


@pytest.mark.parametrize("example", _examples(), ids=lambda e: e["expected"]["title"])
def test_record_examples_of_the_lexicon_read_as_written(example):
    doc = read_record_line(json.dumps(example["record"]).encode(), path="x.jsonl:1", label=Path("x.jsonl"), line=1)
    got = {"title": doc.title, "published": doc.published, "publisher": doc.publisher, "language": doc.language}
    assert got == example["expected"] and doc.format == "jsonl" and doc.published_from == "record"


@pytest.mark.parametrize("value, expected", [
    ("2023-05-04", "2023-05-04"), ("2023-05-04T21:15:00Z", "2023-05-04T21:15"), ("2023-05-04T21:15:07.250+02:00", "2023-05-04T21:15:07"),
    ("20161018T090000Z", "2016-10-18T09:00"), ("20161018", "2016-10-18"), ("Fri, 07 Mar 2008 16:20:00 GMT", "2008-03-07T16:20"),
    ("2023-02-30", None), ("yesterday", None), ("", None), ("1700000000", None)])
def test_export_dates_are_read_as_news_apis_write_them(value, expected):
    assert parse_stamp(value) == expected


def test_languages_are_tags():
    assert [language_tag(v) for v in ("English", "eng", "en", "en-GB", "French", "Klingonese")] == ["en", "en", "en", "en-GB", "fr", None]


def test_each_line_is_an_article_and_a_bad_line_names_the_file_the_line_and_the_fix():
    with pytest.raises(SeedError) as err:
        read_seed_documents(EXPORT, EXPORT.parent)
    assert (err.value.path, err.value.line) == (EXPORT, 5) and "not valid JSON" in err.value.problem
    assert "one JSON object on one line" in err.value.fix


@pytest.mark.parametrize("line, problem", [
    (b'["a list"]', "not an object"), (b'{"title": "no text", "published": "2001-01-01"}', "no article text"),
    (b'{"text": "Troops left on Monday.", "published": "soon"}', "is not a date"),
    (b'{"text": "Troops left on Monday."}', "no publication date"), (b'{"text": "a\\u0000b", "date": "2001-01-01"}', "NUL"),
    (b'{"text": "a\\ud800b", "date": "2001-01-01"}', "surrogate"), (b'\xff\xfe{"text": 1}', "not UTF-8"),
    (b'{"text": "Troops left.", "date": "2001-01-01", "genre": "poem"}', "genre"), (b"[" * 100_000, "not valid JSON")])
def test_a_bad_record_is_a_seed_error_with_its_line(line, problem):
    with pytest.raises(SeedError) as err:
        read_record_line(line, path="e.jsonl:7", label=Path("e.jsonl"), line=7)
    assert problem in err.value.problem and err.value.line == 7 and "Fix:" in str(err.value)


def _copy_mixed(seeds: Path) -> None:
    seeds.mkdir()
    shutil.copy(FIXTURES / "articles" / "sudan_2023_wire.txt", seeds)
    for name in ("kosovo_1999_wire.html", "georgia_2008_regional.html"):
        shutil.copy(PAGES / name, seeds)
    (seeds / "exports").mkdir()
    shutil.copy(EXPORT, seeds / "exports")


def _rows(out: Path, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((out / "datapackage" / f"{name}.csv").read_text(encoding="utf-8"))))


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".cache" not in p.parts}


def test_a_folder_of_text_pages_and_exports_builds_a_package_citing_the_articles_only(tmp_path):
    seeds = tmp_path / "seeds"
    _copy_mixed(seeds)
    with pytest.raises(SeedErrors) as err:
        build_package(seeds, tmp_path / "out", jobs=1)
    assert len(err.value.errors) == 1 and err.value.errors[0].line == 5
    report = build_package(seeds, tmp_path / "out", jobs=1, skip_invalid=True)
    assert report.articles == 7 and [(s["path"], s["line"]) for s in report.skipped] == [("exports/news_export.jsonl", 5)]
    assert "skipped: exports/news_export.jsonl, line 5: the line is not valid JSON" in report.summary()
    out = tmp_path / "out"
    validate_package(out / "datapackage.json")
    sources = {s["source_id"]: s for s in _rows(out, "sources")}
    assert sorted(s["format"] for s in sources.values()) == ["html", "html", "jsonl", "jsonl", "jsonl", "jsonl", "text"]
    assert "exports/news_export.jsonl:4" in {s["path"] for s in sources.values()}  # the blank line 3 counts
    bodies = {}
    for source in sources.values():
        path = seeds / source["path"].rsplit(":", 1)[0]
        docs = read_seed_documents(path, seeds) if source["format"] != "jsonl" else []
        if source["format"] == "jsonl":
            line = int(source["path"].rsplit(":", 1)[1])
            data = path.read_bytes().split(b"\n")[line - 1]
            docs = [read_record_line(data, path=source["path"], label=path, line=line)]
        bodies[source["source_id"]] = docs[0].body
    cited = _rows(out, "event_sources")
    assert {c["source_id"] for c in cited} == set(sources)  # every article gives events
    for row in cited:
        body = bodies[row["source_id"]]
        assert body[int(row["char_start"]):int(row["char_end"])] == row["evidence"]
        assert not [f for f in ("cookie", "Reader from", "bombed our town", "arrested twelve", "port shelled", "refugees cross")
                    if f in row["evidence"]]
    again = build_package(seeds, tmp_path / "again", jobs=2, skip_invalid=True, use_cache=False)
    assert again.articles == 7 and _files(tmp_path / "again") == _files(out)
    cached = build_package(seeds, out, jobs=1, skip_invalid=True)
    assert cached.extracted == 1 and _files(out) == _files(tmp_path / "again")  # only the bad line is tried again


class _Bomb:
    """Unpickling this writes a file: a cache read with pickle would run it."""

    def __init__(self, target: Path):
        self.target = target

    def __reduce__(self):
        return (Path.write_text, (self.target, "ran"))


def test_the_cache_runs_no_code_and_a_foreign_cache_is_rebuilt(tmp_path):
    seeds = tmp_path / "seeds"
    _copy_mixed(seeds)
    (seeds / "exports" / "news_export.jsonl").unlink()
    out = tmp_path / "out"
    build_package(seeds, out, jobs=1)
    reference = _files(out)
    cache = out / CACHE_DIR_NAME
    written = [p for p in cache.rglob("*") if p.is_file()]
    assert written and not [p for p in written if p.suffix in (".pkl", ".pickle")]
    marker = tmp_path / "ran.txt"
    for entry in written:  # every cache file replaced by a pickle that would run code
        entry.write_bytes(pickle.dumps(_Bomb(marker)))
    report = build_package(seeds, out, jobs=1)
    assert not marker.exists() and report.extracted == 3
    assert _files(out) == reference
    assert build_package(seeds, out, jobs=1).extracted == 0  # rebuilt in its own format
