"""The `ingest` stage: seed files to Documents (metadata detected, furniture set apart)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from ..errors import SeedError
from ..settings import ID_HEX_LENGTH, MAX_SEED_BYTES, SEED_SUFFIXES
from .decode import decode_seed
from .document import Document
from .frontmatter import parse_iso, split_front_matter
from .layout import analyse

__all__ = ["Document", "read_seed", "read_seed_bytes", "read_text", "seed_paths"]


def _iso(when: dt.datetime | dt.date) -> str:
    if isinstance(when, dt.datetime):
        return when.isoformat(timespec="seconds" if when.second else "minutes")
    return when.isoformat()


def read_text(text: str, *, path: str = "<text>", sha256: str | None = None, encoding: str = "utf-8",
              overrides: dict[str, str] | None = None) -> Document:
    """Build a Document from decoded text (front matter honoured; `overrides` win over it)."""
    where = Path(path)
    front = split_front_matter(where, text)
    meta = {**front.values, **(overrides or {})}
    body = text[front.body_offset:]
    if front.body_offset and not body.strip():
        raise SeedError(where, "the file has front matter but no article text after it",
                        "paste the article's text below the closing '---' line, or delete the file")
    layout = analyse(body)
    if "published" in meta:
        published = parse_iso(meta["published"])
        published_from = "front_matter"
    else:
        published, published_from = layout.published, "dateline"
    if published is None:
        raise SeedError(where, "no publication date found: the text has no dateline and the front matter no 'published'",
                        "add a front matter block at the top: '---', 'published: YYYY-MM-DD', '---'")
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    day = published.date() if isinstance(published, dt.datetime) else published
    return Document(
        source_id=f"src-{digest[:ID_HEX_LENGTH]}", path=path, sha256=digest, encoding=encoding,
        body=body, body_offset=front.body_offset,
        title=meta.get("title") or layout.title or where.stem,
        publisher=meta.get("publisher") or layout.publisher or "",
        url=meta.get("url", ""), published=_iso(published), published_date=day,
        published_from=published_from, genre=meta.get("genre", "auto"),
        language=meta.get("language", "en"), license=meta.get("license", ""),
        prose=tuple((line.start, line.end) for line in layout.prose),
    )


def read_seed_bytes(path: Path) -> bytes:
    """The bytes of a seed file, reading at most MAX_SEED_BYTES + 1 of them (bounded memory
    however large the file); decode_seed refuses a file over the limit."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_SEED_BYTES + 1)
    except OSError as exc:
        raise SeedError(path, f"the file cannot be read ({exc.strerror})", "check that it exists and is readable") from None


def read_seed(path: Path, root: Path | None = None) -> Document:
    """Read one seed file. Raises SeedError naming the file (as given) and the fix."""
    data = read_seed_bytes(path)
    text, encoding = decode_seed(path, data)
    rel = path.relative_to(root).as_posix() if root is not None else path.name
    try:
        return read_text(text, path=rel, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)
    except SeedError as exc:
        raise SeedError(path, exc.problem, exc.fix, exc.line) from None


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
