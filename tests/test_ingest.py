"""Seed files to documents: encodings, front matter, datelines, titles, furniture, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from conflict_timeline.errors import SeedError
from conflict_timeline.ingest import read_seed, read_text
from conflict_timeline.runner import extract_seeds
from conflict_timeline.ingest.dateline import parse_dateline
from conflict_timeline.ingest.layout import analyse
from conflict_timeline.ingest.lexicon import DATA_DIR

ARTICLE = """Breaking News Network

World

Rebels shell government-held district of Aleppo

Breaking News Network

Published: 4 May 2016

Rebels shelled a government-held district of Aleppo on Monday, a monitoring group said.

The shelling came after government jets bombed rebel areas last week.

Subscribe to our newsletter
"""


def _examples(name: str) -> list[dict]:
    return yaml.safe_load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8"))["examples"]


@pytest.mark.parametrize("example", _examples("datelines"), ids=lambda e: e["text"])
def test_dateline_examples_of_the_lexicon_parse_as_written(example):
    found = parse_dateline(example["text"])
    expected = example["published"]
    if expected is None:
        assert found is None
    else:
        assert found is not None and found.isoformat().startswith(expected)


@pytest.mark.parametrize("example", _examples("furniture"), ids=lambda e: e["text"])
def test_furniture_examples_of_the_lexicon_are_told_from_prose(example):
    layout = analyse(f"Headline here\n\nMay 4, 2016\n\nA sentence of real prose that reports something happening here.\n\n{example['text']}\n")
    in_prose = any(example["text"] in "".join([line.text]) for line in layout.prose)
    assert in_prose is (not example["furniture"])


def test_dateline_needs_a_whole_day_and_year():
    assert parse_dateline("March 2011") is None
    assert parse_dateline("In 2015 the war went on") is None
    assert parse_dateline("Sat Oct 24, 2015 2:56PM") == dt.datetime(2015, 10, 24, 14, 56)


def test_title_publisher_and_dateline_are_detected_by_general_rules():
    doc = read_text(ARTICLE, path="aleppo.txt")
    assert doc.title == "Rebels shell government-held district of Aleppo"
    assert doc.publisher == "Breaking News Network"
    assert doc.published == "2016-05-04" and doc.published_from == "dateline"
    prose = [doc.body[s:e] for s, e in doc.prose]
    assert prose[0].startswith("Rebels shelled") and len(prose) == 2
    assert not any("newsletter" in p for p in prose)


def test_front_matter_overrides_detection_and_offsets_count_from_the_body():
    text = "---\ntitle: Own title\npublished: 2016-05-05\ngenre: news\n---\n" + ARTICLE
    doc = read_text(text, path="a.txt")
    assert doc.title == "Own title" and doc.published == "2016-05-05" and doc.published_from == "front_matter"
    assert doc.body == ARTICLE and doc.body_offset == text.index(ARTICLE)


def test_a_seed_without_a_date_is_an_error_naming_the_file_and_the_fix(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Rebels shelled a district of Aleppo, a monitoring group said on Monday.\n", encoding="utf-8")
    with pytest.raises(SeedError) as err:
        read_seed(path, tmp_path)
    assert "undated.txt" in str(err.value) and "published:" in str(err.value)


@pytest.mark.parametrize("front, words", [
    ("published: yesterday", ["published", "line 2", "YYYY-MM-DD"]),
    ("genre: poem", ["genre", "line 2", "narrative"]),
    ("colour: red", ["unknown front-matter key", "colour", "line 2"]),
    ("title: [unclosed", ["not valid YAML", "line"]),
])
def test_bad_front_matter_is_an_error_with_its_line(tmp_path, front, words):
    path = tmp_path / "bad.txt"
    path.write_text(f"---\n{front}\n---\n{ARTICLE}", encoding="utf-8")
    with pytest.raises(SeedError) as err:
        read_seed(path, tmp_path)
    for word in words:
        assert word in str(err.value)


def test_legacy_encoding_is_decoded_and_named(tmp_path):
    text = ARTICLE.replace("Rebels shelled", "Rebels in Hom\u00e9s shelled")
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    scan = extract_seeds(tmp_path, jobs=1)
    doc = read_seed(tmp_path / "cp1252.txt", tmp_path)
    assert doc.encoding != "utf-8"
    assert "Hom\u00e9s" in doc.body
    assert scan.encodings == [("cp1252.txt", doc.encoding)]


def test_duplicate_seeds_are_reported_and_counted_once(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    scan = extract_seeds(tmp_path, jobs=1)
    assert len(scan.results) == 1 and scan.duplicates == [("b.txt", "a.txt")]


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"), (b"  \n\t\n", "empty"), (b"abc\x00def", "binary"),
])
def test_empty_and_binary_seeds_are_errors(tmp_path, content, problem):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(SeedError) as err:
        read_seed(path, tmp_path)
    assert problem in str(err.value) and "x.txt" in str(err.value)


def test_founding_seed_is_kept_byte_identical():
    root = Path(__file__).resolve().parents[1]
    shared = root.parent / "shared" / "seeds" / "000_474bbdfa31def6b0.txt"
    if not shared.exists():
        pytest.skip("shared/ is not beside the checkout")
    ours = root / "seeds" / "2015-10-24_presstv_fsa-rejects-russian-offer.txt"
    assert ours.read_bytes() == shared.read_bytes()


def test_a_long_paragraph_mentioning_a_furniture_phrase_stays_prose():
    from conflict_timeline.ingest.layout import analyse

    paragraph = ("Police seized a car bomb on Sunday near the border. " * 8) + "Talks ended 10 days ago (sp/eml)"
    layout = analyse("\n" + paragraph + "\n")
    assert layout.prose and layout.prose[0].text.startswith("Police seized")


def test_an_articles_last_sentence_cut_off_stays_prose_a_title_case_footer_does_not():
    prose = "Rebels shelled the outskirts of the town on Friday, residents said."
    cut = "In March, the prosecutor of the tribunal charged the rebel commander with the killing of civilians"
    layout = analyse(f"{prose}\n\n{cut}\n")
    assert [line.text for line in layout.prose] == [prose, cut]
    footer = "More Stories From Our Africa Desk And The Wider Region Every Single Day Of The Week"
    layout = analyse(f"{prose}\n\n{footer}\n")
    assert [line.text for line in layout.prose] == [prose]
    layout = analyse(f"{prose}\n\n{cut}\n\nShare this story\n")
    assert [line.text for line in layout.prose] == [prose]  # only the last line of the text is read so


def test_hard_wrapped_copy_is_read_as_its_paragraphs_short_lines_are_not_joined():
    wrapped = ("KIGOMA, Tanzania, May 3 - Rebels have seized the border post at\n"
               "Manyovu after two days of fighting with government troops, a\n"
               "spokesman for the army said on Saturday.\n"
               "Residents said the gunfire stopped at dawn and that dozens of\n"
               "families had fled across the river during the night.\n")
    layout = analyse(wrapped)
    assert [line.text.replace("\n", " ") for line in layout.prose] == [
        "KIGOMA, Tanzania, May 3 - Rebels have seized the border post at Manyovu after two days of fighting "
        "with government troops, a spokesman for the army said on Saturday.",
        "Residents said the gunfire stopped at dawn and that dozens of families had fled across the river during the night."]
    menu = "Skip to content\nWorld News Desk\nMiddle East\n\nA sentence of real prose that reports a happening here.\n"
    assert "World News Desk\nMiddle East" not in "".join(line.text for line in analyse(menu).prose + analyse(menu).furniture)
