"""Reading TimeML and scoring the tagger TempEval-3 style on a tiny hand-made file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conflict_timeline.timex.scorer import Counts, evaluate_dirs, format_table, score_spans
from conflict_timeline.timex.tml import read_tml

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"


def test_tml_reader_gives_text_without_tags_dct_and_gold_offsets():
    doc = read_tml(FIXTURES / "tiny.tml")
    assert doc.dct == dt.date(1998, 1, 8)
    assert [t.text for t in doc.timexes] == ["yesterday", "five year", "the fourth quarter", "a year earlier", "Monday"]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert "&" in doc.text and "<" not in doc.text
    assert [e.text for e in doc.events] == ["fell", "said"]
    assert doc.timexes[1].type == "DURATION" and doc.timexes[1].value == "P5Y"


class _T:
    def __init__(self, start, end, type="DATE", value="1998"):
        self.start, self.end, self.type, self.value = start, end, type, value


def test_scorer_counts_strict_relaxed_value_and_type_matches():
    gold = [_T(0, 5), _T(10, 20, "DURATION", "P1Y"), _T(30, 35)]
    system = [_T(0, 5), _T(12, 20, "DATE", "P1Y"), _T(40, 45)]
    c = score_spans(system, gold)
    assert (c.strict, c.relaxed, c.value, c.type) == (1, 2, 2, 1)
    s = c.scores()
    assert round(s["strict"], 3) == round(1 / 3, 3)
    assert round(s["relaxed"], 3) == round(2 / 3, 3)


def test_scorer_matches_one_system_expression_to_one_gold_expression():
    c = score_spans([_T(0, 20)], [_T(0, 5), _T(10, 15)])
    assert c.relaxed == 1


def test_eval_on_the_tiny_file_prints_a_table_with_the_four_scores():
    rows = evaluate_dirs([FIXTURES], "news")
    assert rows[0].gold == 5 and rows[0].docs == 1
    table = format_table(rows)
    assert "strict" in table and "timeml" in table
    assert rows[0].scores()["relaxed"] >= 0.8


def test_counts_of_no_output_score_zero():
    assert Counts(gold=3).scores() == {"strict": 0.0, "relaxed": 0.0, "value": 0.0, "type": 0.0}
