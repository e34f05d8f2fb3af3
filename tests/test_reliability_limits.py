"""Adversarial text: long runs of letters, spaces, digits, commas, capitalised words, quotes,
'said said said', dots. No regex backtracks catastrophically: ingest handles a 1 MB line,
the regexes once found quadratic take well under a second on 1 MB, and the tagger and the
coder take time in proportion to the text (4x the text, well under 16x the time).
CPU time is measured, so a loaded machine does not make these flaky."""

from __future__ import annotations

import datetime as dt
import gc
import time

import pytest

from conflict_timeline import extract
from conflict_timeline.errors import SeedError
from conflict_timeline.events.actors import _ORG, _ORG_RE
from conflict_timeline.events.toll import find_toll
from conflict_timeline.ingest import read_text
from conflict_timeline.ingest.dateline import parse_dateline
from conflict_timeline.ingest.frontmatter import split_front_matter
from conflict_timeline.timex import tag

MB = 1_000_000
DCT = dt.date(2015, 10, 24)
UNITS = {"letters": "a", "spaces": " ", "digits": "7", "spaced digits": "1 ", "commas": ",", "number commas": "1,",
         "capitalised words": "A ", "names": "Assad ", "quotes": '"', "said": "said ", "dots": ".", "hyphens": "a-",
         "the": "the "}
GROWTH = ("letters", "spaced digits", "number commas", "capitalised words", "names", "quotes", "said", "dots")


def _run(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _cpu(call) -> float:
    """CPU seconds of one call, with the garbage collector held off: its pauses grow with
    whatever the earlier tests left on the heap, not with the text."""
    gc.collect()
    gc.disable()
    started = time.process_time()
    try:
        call()
    except SeedError:
        pass
    finally:
        spent = time.process_time() - started
        gc.enable()
    return spent


@pytest.mark.parametrize("unit", UNITS.values(), ids=UNITS.keys())
def test_ingest_reads_a_1mb_line_of_the_same_token_within_a_second(unit):
    text = _run(unit, MB)
    assert _cpu(lambda: read_text(text, overrides={"published": "2015-10-24"})) < 1.0
    assert _cpu(lambda: parse_dateline(text)) < 0.1
    assert _cpu(lambda: split_front_matter("x.txt", "---\n" + text)) < 1.0


def test_a_huge_front_matter_block_is_refused_not_parsed(tmp_path):
    with pytest.raises(SeedError) as err:
        split_front_matter("big.txt", "---\ntitle: " + "A " * MB + "\n---\nBody.\n")
    assert "longer than" in str(err.value) and "MAX_FRONT_MATTER_CHARS" in str(err.value)
    front = split_front_matter("big.txt", "---\ntitle: " + "9" * 10_000 + "\n---\nBody.\n")
    assert front.values["title"] == "9" * 10_000  # text, not a crash converting a 10,000-digit int


@pytest.mark.parametrize("unit", ["A ", "a ", "one ", "Assad ", "said ", "Army ", "Assad Army of the Free Syrian Army "])
def test_the_death_toll_and_organisation_regexes_take_well_under_a_second_on_1mb(unit):
    text = _run(unit, MB)
    assert _cpu(lambda: find_toll(text)) < 1.0
    # the organisation pattern is tried only up to six words before an organisation word
    # (0.03 s on "Assad Assad ..." here, 0.2 s on "Army Army ..."; tried at every word, 1.1 s)
    assert _cpu(lambda: list(_ORG.finditer(text))) < 1.0


@pytest.mark.parametrize("text", [
    "Fighters of the Free Syrian Army and the Nusra Front clashed with the Syrian Army 4 Division.",
    "A.  DeArmy Council met the Union 12 and xArmy Group of the Central Committee.",
    "The Rapid Support Forces said.\nArmy\n  Forces Free Forces\nGroup of the Council",
    "Assad Assad Assad Assad Assad Assad Assad Assad Army Brigade 5 Corps of Engineers",
])
def test_the_organisation_pattern_finds_what_the_plain_regex_finds(text):
    expected = [(m.start("name"), m.group("name"), m.span()) for m in _ORG_RE.finditer(text)]
    assert [(m.start("name"), m.group("name"), m.span()) for m in _ORG.finditer(text)] == expected


@pytest.mark.parametrize("unit", [UNITS[k] for k in GROWTH], ids=GROWTH)
def test_tagger_and_coder_time_grows_in_proportion_to_a_long_unpunctuated_line(unit):
    extract("Rebels shelled Aleppo on Monday, a monitor said.", dct=DCT)  # lexicons loaded before timing
    small, large = _run(unit, 10_000), _run(unit, 40_000)
    for stage in (lambda t: tag(t, DCT, "news"), lambda t: extract(t, dct=DCT)):
        short, long_ = (min(_cpu(lambda: stage(text)) for _ in range(3)) for text in (small, large))
        assert long_ < 8 * short + 0.1, (unit, short, long_)  # linear: about 4x; quadratic: 16x
        assert long_ < 2.0, (unit, long_)


def test_a_short_line_padded_with_spaces_is_not_cubic_to_reject_as_a_wire_dateline():
    # Found by benchmarks/fuzz.py: 300 spaces after "The Houthis," took 1.5 s in the wire-lead regex.
    from conflict_timeline.ingest.layout import analyse

    body = "The Houthis," + " " * 3000 + "\u00e9x\nThe strikes came a day before a ceasefire, officials said.\n"
    assert _cpu(lambda: analyse(body)) < 0.2
