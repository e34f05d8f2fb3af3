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


# Saved pages and news exports: the readers of .html and .jsonl seeds, on markup and records made
# of the same fragments, tags, attributes, charsets and broken pieces.
TAGS = ["p", "div", "article", "nav", "header", "footer", "aside", "section", "h1", "h2", "span", "li", "ul", "table",
        "tr", "td", "script", "style", "noscript", "time", "main", "form", "iframe", "template", "svg", "b", "br"]
ATTRS = ['', ' class="comments"', ' id="cookie-banner"', ' class="related"', ' datetime="2014-07-08T10:00:00Z"',
         ' hidden', ' class="story-body"', ' src="https://img.example/x.jpg"', ' href="/world"', ' onload="alert(1)"']
HEADS = ['<meta charset="utf-8">', '<meta charset="windows-1251">', '<meta charset="nonsense">', '<meta charset="utf-16">',
         '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', '<title>T</title>', '',
         '<meta property="article:published_time" content="2014-07-08T10:00:00Z">', '<meta property="og:site_name" content="S">',
         '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "1990-02-11"}</script>',
         '<script type="application/ld+json">{"datePublished": [}</script>', '<link rel="canonical" href="javascript:x">',
         '<?xml version="1.0" encoding="koi8-r"?>']
element = st.builds(lambda tag, attr, inner, close: f"<{tag}{attr}>{inner}" + (f"</{tag}>" if close else ""),
                    st.sampled_from(TAGS), st.sampled_from(ATTRS), st.one_of(fragment, article), st.booleans())
page = st.builds(lambda front, head, parts: front + "<html><head>" + "".join(head) + "</head><body>" + "".join(parts) + "</body></html>",
                 st.sampled_from(["", "", "---\npublished: 2016-05-04\n---\n", "---\n: :\n---\n"]),
                 st.lists(st.sampled_from(HEADS), max_size=4), st.lists(element, max_size=25))
page_bytes = st.one_of(page.map(lambda t: t.encode("utf-8")), page.map(lambda t: t.encode("cp1252", "replace")),
                       st.binary(max_size=300), page.map(lambda t: t.encode("utf-16")))
SIDECARS = [None, b"published: 2001-09-11\n", b"published: never\n", b"---\ntitle: T\n---\n", b"\xff\xfe", b"- a list\n", b"x: [\n"]
FIELDS = ["text", "body", "content", "title", "url", "published", "date", "publishedAt", "seendate", "source", "language",
          "genre", "license", "fields", "headline", "extra"]
json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | fragment | article | st.sampled_from(DATEY),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS + ["name", "bodyText"]), inner, max_size=3),
                          max_leaves=8)
record = st.dictionaries(st.sampled_from(FIELDS), json_value, max_size=8)
record_bytes = st.one_of(record.map(lambda r: json.dumps(r).encode()), record.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
                         st.binary(max_size=200), (fragment | article).map(lambda t: t.encode("utf-8", "surrogatepass")))


def _check_document(doc, label: str) -> None:
    from conflict_timeline.extraction import extract_document

    assert doc.body.strip() and dt.date.fromisoformat(doc.published[:10]) == doc.published_date
    assert doc.source_row()["body_sha256"] and doc.source_id.startswith("src-")
    for start, end in doc.prose:
        assert 0 <= start < end <= len(doc.body)
    result = extract_document(doc)
    for event in result.events:
        row = event.row()
        assert doc.body[row["char_start"]:row["char_end"]] == row["evidence"], (label, row)


@FUZZ
@given(page_bytes, st.sampled_from(SIDECARS))
def test_the_page_reader_raises_only_seed_errors_and_its_events_cite_its_body(data, sidecar):
    from conflict_timeline.ingest import read_page

    try:
        doc = read_page(data, path="fuzz.html", sidecar=sidecar)
    except SeedError as exc:
        assert "fuzz.html" in str(exc) and "Fix:" in str(exc)
        return
    _check_document(doc, "page")


@FUZZ
@given(record_bytes)
def test_the_export_reader_raises_only_seed_errors_naming_the_line(data):
    from conflict_timeline.ingest import read_record_line

    try:
        doc = read_record_line(data, path="fuzz.jsonl:3", label=Path("fuzz.jsonl"), line=3)
    except SeedError as exc:
        assert "fuzz.jsonl, line 3" in str(exc) and "Fix:" in str(exc)
        return
    _check_document(doc, "record")
