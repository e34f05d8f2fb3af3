"""Saved web pages as seeds: the main text without the page's furniture, the page's own metadata,
its charset, a sidecar NAME.html.yaml, clear errors, and nothing fetched. The pages under
tests/fixtures/pages are of our own making, laid out as news sites are."""

from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conflict_timeline.errors import SeedError
from conflict_timeline.ingest import read_page, read_seed, read_seed_documents
from conflict_timeline.ingest.charset import declared_charset

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
WIRE = PAGES / "kosovo_1999_wire.html"
#: Text of the fixture pages' furniture: menus, cookie notice, related stories, comments, footer.
FURNITURE = ["cookie", "Accept all", "Related stories", "refugees cross", "NATO warns", "Reader from", "bombed our town",
             "arrested twelve", "newsletter", "All rights reserved", "Search the Courier", "Front page", "More from the region",
             "Envoys arrive", "port shelled", "Advertise", "By Mira Kovac"]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Reading a page opens no connection: its images, scripts and links are never loaded."""
    def refuse(*args, **kwargs):
        raise AssertionError("a page was read with a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_a_news_page_gives_its_article_text_and_none_of_its_furniture():
    doc = read_seed(WIRE, PAGES)
    assert doc.format == "html" and doc.body_offset == 0
    assert doc.body.startswith("Shells hit village near Pec as talks stall\n\n")
    assert "ambushed a police patrol on the road to Decani" in doc.body
    assert not [f for f in FURNITURE if f.lower() in doc.body.lower()]
    prose = [doc.body[s:e] for s, e in doc.prose]
    assert prose[0].startswith("Serbian artillery shelled") and len(prose) == 5


def test_the_pages_metadata_gives_title_site_canonical_address_and_date():
    doc = read_seed(WIRE, PAGES)
    assert doc.title == "Shells hit village near Pec as talks stall"
    assert doc.publisher == "The Balkan Courier"
    assert doc.url == "https://www.balkan-courier.example/world/1999/03/12/shells-hit-village-near-pec"
    assert (doc.published, doc.published_from) == ("1999-03-12", "page_metadata")  # JSON-LD datePublished, not dateModified
    assert doc.sha256 == hashlib.sha256(WIRE.read_bytes()).hexdigest() and doc.source_id == f"src-{doc.sha256[:16]}"


def test_an_old_page_laid_out_in_a_table_loses_its_menu_and_takes_its_meta_date():
    doc = read_seed(PAGES / "georgia_2008_regional.html", PAGES)
    assert doc.body.startswith("Villages emptied as fighting spreads around Gori")
    assert "\u201cWe left with nothing,\u201d" in doc.body  # character references resolved
    assert not [f for f in FURNITURE if f in doc.body]
    assert (doc.published, doc.publisher) == ("2008-08-12", "Caucasus Herald")  # article:published_time
    assert doc.encoding == "cp1252"  # declared iso-8859-1, which browsers read as windows-1252


PAGE = """<html><head><meta charset="{charset}"><title>{title}</title>
<meta property="article:published_time" content="2001-11-13T08:00:00+04:30"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{title}</h1>
<p>{sentence}</p><p>Residents said the streets were quiet by the evening and that shops had begun to open again.</p>
<p>Aid agencies said convoys carrying flour would leave for the city on Wednesday if the roads stayed open.</p></article>
<footer>Contact us</footer></body></html>"""


@pytest.mark.parametrize("charset, title, sentence", [
    ("windows-1252", "Fighters enter the city", "Fighters entered the city on Tuesday, \u201cwithout a shot\u201d, the caf\u00e9 owner said."),
    ("iso-8859-1", "Fighters enter the city", "Fighters entered the city on Tuesday \u2013 a week after the bombing \u2013 officials said."),
    ("windows-1251", "\u0411\u043e\u0438 \u0443 \u0433\u043e\u0440\u043e\u0434\u0430", "Fighters entered the city on Tuesday, the agency \u00abNovosti\u00bb said."),
    ("utf-8", "Fighters enter the city \u2014 live", "Fighters entered the city on Tuesday, \u00e0 la surprise g\u00e9n\u00e9rale, officials said."),
])
def test_a_page_is_decoded_in_the_charset_it_declares(charset, title, sentence):
    codec = {"iso-8859-1": "cp1252"}.get(charset, charset)
    data = PAGE.format(charset=charset, title=title, sentence=sentence).encode(codec)
    doc = read_page(data, path="p.html")
    assert sentence in doc.body and doc.title == title
    assert declared_charset(data) in (codec.replace("-", ""), codec.replace("windows-", "cp"), "utf-8")
    assert doc.published == "2001-11-13"


def test_a_page_whose_bytes_are_not_in_its_declared_charset_is_detected():
    text = PAGE.format(charset="utf-8", title="Fighters enter the city", sentence="Fighters entered the caf\u00e9 on Tuesday, officials said.")
    doc = read_page(text.encode("cp1252"), path="p.html")
    assert "caf\u00e9" in doc.body and doc.encoding != "utf-8"


def test_a_sidecar_overrides_the_pages_metadata_and_changes_the_id(tmp_path):
    page = tmp_path / WIRE.name
    shutil.copy(WIRE, page)
    plain = read_seed(page, tmp_path)
    (tmp_path / f"{WIRE.name}.yaml").write_text("title: Own headline\npublished: 1999-03-11\nlicense: CC-BY-4.0\n", encoding="utf-8")
    doc = read_seed(page, tmp_path)
    assert (doc.title, doc.published, doc.published_from, doc.license) == ("Own headline", "1999-03-11", "front_matter", "CC-BY-4.0")
    assert doc.publisher == "The Balkan Courier" and doc.body == plain.body
    assert doc.sha256 == plain.sha256 and doc.source_id != plain.source_id  # same file, another seed


def test_front_matter_at_the_top_of_the_page_overrides_its_metadata_and_the_sidecar_overrides_both(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes(b"---\npublisher: Courier archive\npublished: 1999-03-13\n---\n" + WIRE.read_bytes())
    doc = read_seed(page, tmp_path)
    assert (doc.publisher, doc.published, doc.title) == ("Courier archive", "1999-03-13", "Shells hit village near Pec as talks stall")
    (tmp_path / "p.html.yaml").write_text("---\npublished: 1999-03-14\n---\n", encoding="utf-8")
    assert read_seed(page, tmp_path).published == "1999-03-14"


def test_a_bad_sidecar_is_an_error_naming_the_sidecar_and_its_line(tmp_path):
    page = tmp_path / WIRE.name
    shutil.copy(WIRE, page)
    (tmp_path / f"{WIRE.name}.yaml").write_text("title: T\npublised: 1999-03-11\n", encoding="utf-8")
    with pytest.raises(SeedError) as err:
        read_seed(page, tmp_path)
    assert err.value.path.name == f"{WIRE.name}.yaml" and err.value.line == 2 and "publised" in err.value.problem


def test_a_page_without_a_date_names_the_sidecar_to_write(tmp_path):
    page = tmp_path / "undated_blog.html"
    shutil.copy(PAGES / page.name, page)
    with pytest.raises(SeedError) as err:
        read_seed(page, tmp_path)
    assert "no publication date" in err.value.problem and "published: YYYY-MM-DD' in undated_blog.html.yaml" in err.value.fix
    (tmp_path / "undated_blog.html.yaml").write_text("published: 2015-06-02\n", encoding="utf-8")
    doc = read_seed(page, tmp_path)
    assert doc.published == "2015-06-02" and doc.body.startswith("Notes from the river crossing")


def test_a_front_page_without_an_article_is_an_error_with_the_fix():
    with pytest.raises(SeedError) as err:
        read_seed(PAGES / "front_page.html", PAGES)
    assert "no article text" in err.value.problem and "article's own page" in err.value.fix


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x00\x01<html>", b"<html><body></body></html>", b"<<<<>>>>" * 100,
                                  b"<html><body><p>" + b"<b>" * 5000 + b"x</p></body></html>"])
def test_a_broken_page_is_a_seed_error(data):
    with pytest.raises(SeedError) as err:
        read_page(data, path="broken.html")
    assert "broken.html" in str(err.value) and "Fix:" in str(err.value)


def test_the_same_page_reads_the_same_every_time():
    first = read_page(WIRE.read_bytes(), path=WIRE.name)
    assert all(read_page(WIRE.read_bytes(), path=WIRE.name) == first for _ in range(3))


def test_the_body_command_prints_the_body_offsets_count_in(tmp_path):
    cli = [sys.executable, "-m", "conflict_timeline.cli", "body"]
    out = subprocess.run(cli + [str(WIRE)], capture_output=True, check=True).stdout
    doc = read_seed_documents(WIRE, PAGES)[0]
    assert out.decode("utf-8") == doc.body and hashlib.sha256(out).hexdigest() == doc.source_row()["body_sha256"]
    bad = subprocess.run(cli + [str(PAGES / "front_page.html")], capture_output=True, text=True)
    assert bad.returncode == 1 and "no article text" in bad.stderr and "Traceback" not in bad.stderr
