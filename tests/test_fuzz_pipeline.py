"""Property tests across the stages, on article-like text made of real fragments, dates,
front matter, punctuation and noise: ingest raises nothing but SeedError and keeps its
offsets inside the body; the tagger (as the pipeline calls it) never raises and gives
valid, non-overlapping spans; the event coder never raises and every row cites its body.
The tagger's own property tests live with it; these cover the integration."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflict_timeline import extract
from conflict_timeline.errors import SeedError
from conflict_timeline.ingest import read_text
from conflict_timeline.ingest.decode import decode_seed
from conflict_timeline.settings import GENRES, SCHEMA_DIR
from conflict_timeline.timex import tag
from conflict_timeline.timex.values import is_valid_value

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
         + sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))]
LINES = sorted({line for text in TEXTS for line in text.splitlines() if line.strip()})
WORDS = sorted({word for line in LINES for word in line.split()})
DATEY = ["March 2011", "June 2014", "September 30", "on Saturday", "earlier Saturday", "next year",
         "since March 2011", "last week", "2015-10-24", "Sat Oct 24, 2015 2:56PM", "in the 1990s", "every Monday",
         "three days", "the day before", "midnight", "1 January 2016", "summer 2012", "Q3 2014", "the 21st century",
         "yesterday", "tomorrow morning", "two years ago", "4/5/2016", "2015", "0000", "9999", "31 February"]
NOISE = ["\n", "\n\n", "\r\n", "\t", " ", ".", ",", "'", '"', "\u201c", "\u201d", "(", ")", "---", "---\n", ":",
         "said", "killed", "more than 250,000", "Published:", "\u00a0", "\u200b", "\ufeff", "\U0001f600", "\x0c"]
FRONT = ["---\npublished: 2016-05-04\n---\n", "---\ntitle: T\ngenre: narrative\npublished: 2001-09-11\n---\n",
         "---\npublished: yesterday\n---\n", "---\n", "---\ngenre: poem\n---\n", "---\n: :\n---\n", ""]

fragment = st.one_of(st.sampled_from(LINES), st.sampled_from(WORDS), st.sampled_from(DATEY),
                     st.sampled_from(NOISE), st.text(max_size=12))
article = st.builds(lambda front, parts, seps: front + "".join(p + s for p, s in zip(parts, seps)),
                    st.sampled_from(FRONT), st.lists(fragment, max_size=40),
                    st.lists(st.sampled_from([" ", "\n", "\n\n", ". ", ", ", ""]), min_size=40, max_size=40))
dct = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31))
genre = st.sampled_from(GENRES)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _enums() -> dict[str, set]:
    schema = json.loads((SCHEMA_DIR / "events.json").read_text(encoding="utf-8"))
    return {f["name"]: set(f["constraints"]["enum"]) for f in schema["fields"] if "enum" in f.get("constraints", {})}


ENUMS = _enums()


@FUZZ
@given(st.binary(max_size=400) | article.map(lambda t: t.encode("utf-8")) | article.map(lambda t: t.encode("cp1252", "replace")))
def test_decoding_any_bytes_gives_text_or_a_seed_error(data):
    try:
        text, encoding = decode_seed(Path("x.txt"), data)
    except SeedError as exc:
        assert "x.txt" in str(exc) and "Fix:" in str(exc)
        return
    assert isinstance(text, str) and text.strip() and encoding


@FUZZ
@given(article, dct)
def test_ingest_raises_only_seed_errors_and_keeps_offsets_inside_the_body(text, when):
    for overrides in (None, {"published": when.isoformat()}):
        try:
            doc = read_text(text, path="fuzz.txt", overrides=overrides)
        except SeedError as exc:
            assert "fuzz.txt" in str(exc) and "Fix:" in str(exc)
            continue
        assert 0 <= doc.body_offset <= len(text) and doc.body == text[doc.body_offset:]
        assert dt.date.fromisoformat(doc.published[:10]) == doc.published_date
        last = 0
        for start, end in doc.prose:
            assert last <= start < end <= len(doc.body)
            span = doc.body[start:end]
            assert span.strip() == span and "\n" not in span
            last = end


@FUZZ
@given(article, dct, genre)
def test_tagger_as_the_pipeline_calls_it_never_raises_and_gives_valid_spans(text, when, which):
    timexes = tag(text, when, which)
    last = 0
    for t in sorted(timexes, key=lambda t: t.start):
        assert last <= t.start < t.end <= len(text), t
        assert text[t.start:t.end] == t.text
        assert is_valid_value(t.value), t
        last = t.end


@FUZZ
@given(article, dct, genre)
def test_event_coder_never_raises_and_every_row_cites_the_body_at_its_offsets(text, when, which):
    try:
        rows = extract(text, dct=when, genre=which)
    except SeedError:
        assert text.startswith("---")  # only a malformed front matter is the user's error
        return
    body = read_text(text, overrides={"published": when.isoformat(), "genre": which}).body
    for row in rows:
        assert body[row["char_start"]:row["char_end"]] == row["evidence"]
        assert isinstance(row["date_start"], dt.date) and isinstance(row["date_end"], dt.date)
        assert row["date_start"] <= row["date_end"]
        for name, allowed in ENUMS.items():
            assert row.get(name) is None or row[name] in allowed, (name, row.get(name))
        assert row["event_id"].startswith("ev-")
        for bound in ("fatalities_low", "fatalities_high"):
            assert row[bound] is None or row[bound] >= 0
