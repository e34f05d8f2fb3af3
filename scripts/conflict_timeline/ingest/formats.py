"""What a seed file is, from its name: text, a saved web page or a news export."""

from __future__ import annotations

from pathlib import Path

from ..settings import EXPORT_SUFFIXES, PAGE_SUFFIXES, SIDECAR_SUFFIX

#: The values of `sources.format`.
TEXT, PAGE, EXPORT = "text", "html", "jsonl"


def seed_format(path: Path | str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in PAGE_SUFFIXES:
        return PAGE
    if suffix in EXPORT_SUFFIXES:
        return EXPORT
    return TEXT


def sidecar_path(page: Path) -> Path:
    """The file whose front matter overrides a saved page's metadata: NAME.html.yaml beside NAME.html."""
    return page.with_name(page.name + SIDECAR_SUFFIX)
