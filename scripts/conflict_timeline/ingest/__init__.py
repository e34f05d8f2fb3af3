"""The `ingest` stage: seed files to Documents (metadata detected, furniture set apart).

Three kinds of seed (`formats.py`): text (.txt, .md: the file is the article, front matter
optional), saved web pages (.html, .htm: the main text, the page's metadata, a sidecar
NAME.html.yaml) and news exports (.jsonl: one article a line).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from ..errors import SeedError
from ..settings import ID_HEX_LENGTH, MAX_SEED_BYTES, SEED_SUFFIXES
from .decode import decode_seed
from .document import Document
from .formats import EXPORT, PAGE, TEXT, seed_format, sidecar_path
from .frontmatter import parse_iso, split_front_matter
from .layout import analyse

__all__ = ["Document", "read_export", "read_page", "read_record_line", "read_seed", "read_seed_bytes",
           "read_seed_documents", "read_text", "seed_format", "seed_paths", "sidecar_path"]

#: Where a metadata layer comes from, as `sources.published_from` names it.
FRONT_MATTER, PAGE_METADATA, RECORD = "front_matter", "page_metadata", "record"
_NO_DATE_FIX = {
    TEXT: "add a front matter block at the top: '---', 'published: YYYY-MM-DD', '---'",
    PAGE: "add 'published: YYYY-MM-DD' in {sidecar} (a file beside the page)",
    EXPORT: "give the line a 'published' field (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)",
}
_NO_DATE = {
    TEXT: "no publication date found: the text has no dateline and the front matter no 'published'",
    PAGE: "no publication date found: the page's metadata, its text and its sidecar give none",
    EXPORT: "no publication date found: the line has no 'published' (or date, publishedAt, seendate) field",
}


def _iso(when: dt.datetime | dt.date) -> str:
    if isinstance(when, dt.datetime):
        return when.isoformat(timespec="seconds" if when.second else "minutes")
    return when.isoformat()


def _document(where: Path, body: str, layers: list[tuple[dict[str, str], str]], *, fmt: str, path: str,
              sha256: str, encoding: str, body_offset: int, key: str | None = None) -> Document:
    """A Document of a body and its metadata layers ((values, origin), the first that has a key wins);
    its id from `key` (the seed's content hash) where that is not the file's `sha256`."""
    meta: dict[str, str] = {}
    origin_of: dict[str, str] = {}
    for values, origin in layers:
        for name, value in values.items():
            if name not in meta:
                meta[name], origin_of[name] = value, origin
    layout = analyse(body)
    if fmt == PAGE and not layout.prose:
        raise SeedError(where, "no article text found in the page: what is left once menus, links and other furniture "
                        "are set aside holds no sentence", "save the article's own page (not a front page or a list of "
                        "stories), or paste its text into a .txt file")
    published = parse_iso(meta["published"]) if "published" in meta else None
    published_from = origin_of.get("published") if published is not None else None
    if published is None:
        published, published_from = layout.published, "dateline"
    if published is None:
        raise SeedError(where, _NO_DATE[fmt], _NO_DATE_FIX[fmt].format(sidecar=sidecar_path(where).name))
    day = published.date() if isinstance(published, dt.datetime) else published
    return Document(
        source_id=f"src-{(key or sha256)[:ID_HEX_LENGTH]}", path=path, sha256=sha256, encoding=encoding,
        body=body, body_offset=body_offset,
        title=meta.get("title") or layout.title or Path(path).stem,
        publisher=meta.get("publisher") or layout.publisher or "",
        url=meta.get("url", ""), published=_iso(published), published_date=day,
        published_from=published_from, genre=meta.get("genre", "auto"),
        language=meta.get("language", "en"), license=meta.get("license", ""),
        prose=tuple((line.start, line.end) for line in layout.prose), format=fmt,
    )


def read_text(text: str, *, path: str = "<text>", sha256: str | None = None, encoding: str = "utf-8",
              overrides: dict[str, str] | None = None) -> Document:
    """Build a Document from decoded text (front matter honoured; `overrides` win over it)."""
    where = Path(path)
    front = split_front_matter(where, text)
    body = text[front.body_offset:]
    if front.body_offset and not body.strip():
        raise SeedError(where, "the file has front matter but no article text after it",
                        "paste the article's text below the closing '---' line, or delete the file")
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _document(where, body, [(overrides or {}, FRONT_MATTER), (front.values, FRONT_MATTER)], fmt=TEXT,
                     path=path, sha256=digest, encoding=encoding, body_offset=front.body_offset)


def read_page(data: bytes, *, path: str, label: Path | None = None, sidecar: bytes | None = None) -> Document:
    """A Document of a saved web page's bytes: its main text, its metadata, its own front matter
    (a '---' block at its top) and its sidecar's (NAME.html.yaml), each overriding the one before."""
    from .charset import decode_page
    from .frontmatter import sidecar_front_matter
    from .page import read_page_text

    where = label or Path(path)
    html, encoding = decode_page(where, data)
    front = split_front_matter(where, html)
    page = read_page_text(where, html[front.body_offset:])
    side = {}
    if sidecar is not None:
        side_path = sidecar_path(where)
        side = sidecar_front_matter(side_path, _sidecar_text(side_path, sidecar))
    digest = hashlib.sha256(data).hexdigest()
    return _document(where, page.body, [(side, FRONT_MATTER), (front.values, FRONT_MATTER), (page.values, PAGE_METADATA)],
                     fmt=PAGE, path=path, sha256=digest, encoding=encoding, body_offset=0, key=page_key(digest, sidecar))


def page_key(file_sha256: str, sidecar: bytes | None) -> str:
    """The content hash of a page seed: its file's, or with a sidecar, of both (a changed sidecar is a changed seed)."""
    if sidecar is None:
        return file_sha256
    return hashlib.sha256(f"{file_sha256}|{hashlib.sha256(sidecar).hexdigest()}".encode()).hexdigest()


def _sidecar_text(path: Path, data: bytes) -> str:
    from ..settings import MAX_SIDECAR_BYTES

    if len(data) > MAX_SIDECAR_BYTES:
        raise SeedError(path, f"the sidecar is larger than {MAX_SIDECAR_BYTES:,} bytes (settings.MAX_SIDECAR_BYTES)",
                        "keep only the 'key: value' lines it needs (title, publisher, url, published, ...)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SeedError(path, "the sidecar is not UTF-8 text", "save it as UTF-8") from None


def read_record_line(data: bytes, *, path: str, label: Path, line: int) -> Document:
    """A Document of one line of a news export (`path` is FILE:LINE; `label` the file errors name)."""
    from .records import Record, read_record

    text, values = read_record(label, Record(line, data))
    try:
        return _document(label, text, [(values, RECORD)], fmt=EXPORT, path=path,
                         sha256=hashlib.sha256(data).hexdigest(), encoding="utf-8", body_offset=0)
    except SeedError as exc:
        raise SeedError(label, exc.problem, exc.fix, line) from None


def read_seed_bytes(path: Path, limit: int = MAX_SEED_BYTES) -> bytes:
    """The bytes of a seed file, reading at most `limit` + 1 of them (bounded memory
    however large the file); decode_seed refuses a file over the limit."""
    try:
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise SeedError(path, f"the file cannot be read ({exc.strerror})", "check that it exists and is readable") from None


def read_sidecar(page: Path) -> bytes | None:
    """The bytes of a page's sidecar (NAME.html.yaml), None when it has none."""
    from ..settings import MAX_SIDECAR_BYTES

    side = sidecar_path(page)
    if not side.is_file():
        return None
    return read_seed_bytes(side, MAX_SIDECAR_BYTES)


def read_export(path: Path) -> list:
    """The records (non-blank lines) of a news export file."""
    from ..settings import MAX_EXPORT_BYTES
    from .records import split_export

    return split_export(path, read_seed_bytes(path, MAX_EXPORT_BYTES))


def read_seed_documents(path: Path, root: Path | None = None) -> list[Document]:
    """Every article of one seed file (one, or one per line of a news export). Raises SeedError
    naming the file (as given), the line where known, and the fix."""
    rel = path.relative_to(root).as_posix() if root is not None else path.name
    fmt = seed_format(path)
    if fmt == EXPORT:
        return [read_record_line(r.data, path=f"{rel}:{r.line}", label=path, line=r.line) for r in read_export(path)]
    data = read_seed_bytes(path)
    try:
        if fmt == PAGE:
            return [read_page(data, path=rel, label=path, sidecar=read_sidecar(path))]
        text, encoding = decode_seed(path, data)
        return [read_text(text, path=rel, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)]
    except SeedError as exc:
        raise SeedError(exc.path if exc.path != Path(rel) else path, exc.problem, exc.fix, exc.line) from None


def read_seed(path: Path, root: Path | None = None) -> Document:
    """Read one seed file (a news export: its first article). Raises SeedError naming the file (as given) and the fix."""
    return read_seed_documents(path, root)[0]


def seed_paths(seeds: Path) -> list[Path]:
    """Seed files in a stable order (by relative path), hidden files and folders skipped,
    symbolic links to folders not followed."""
    found = []
    for folder, dirs, files in os.walk(seeds):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(folder, seeds)
        for name in files:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in SEED_SUFFIXES \
                    and os.path.isfile(os.path.join(folder, name)):
                found.append(name if rel == "." else f"{rel}/{name}".replace(os.sep, "/"))
    return [seeds / rel for rel in sorted(found)]
