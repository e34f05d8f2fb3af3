"""The `timex` and `eval-timex` commands as users and the benchmark call them (subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"
CLI = [sys.executable, "-c", "from conflict_timeline.cli import main; main()"]


def run(args, stdin=""):
    return subprocess.run(CLI + args, input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_timex_command_prints_one_json_object_per_expression_with_python_offsets():
    text = "Émeutes à Alep 🙂: the army withdrew on September 30 and returned next year."
    p = run(["timex", "--dct", "2015-10-24"], text)
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["September 30", "next year"]
    for r in rows:
        assert set(r) == {"start", "end", "text", "type", "value"}
        assert text[r["start"] : r["end"]] == r["text"]
    assert rows[0]["value"] == "2015-09-30" and rows[1]["value"] == "2016"


def test_timex_command_accepts_the_genre_option():
    p = run(["timex", "--genre", "narrative", "--dct", "2009-12-19"], "In 1940 it fell. In June it was retaken.")
    assert p.returncode == 0, p.stderr
    assert [json.loads(x)["value"] for x in p.stdout.splitlines()] == ["1940", "1940-06"]


def test_timex_command_rejects_a_bad_dct_with_a_message_and_no_traceback():
    p = run(["timex", "--dct", "24/10/2015"], "today")
    assert p.returncode != 0
    assert "YYYY-MM-DD" in p.stderr and "Traceback" not in p.stderr


def test_eval_timex_command_prints_a_table_per_folder():
    p = run(["eval-timex", str(FIXTURES), "--genre", "news"])
    assert p.returncode == 0, p.stderr
    assert "relaxed" in p.stdout and "timeml" in p.stdout
