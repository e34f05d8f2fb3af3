"""datapackage.json: Data Package v2 metadata, resources with their schemas, hashes and sizes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..settings import (DATA_DIR_NAME, DATA_PACKAGE_PROFILE, PACKAGE_NAME, PACKAGE_VERSION, RESOURCES)
from .schemas import parquet_name, table_schema

TITLES = {
    "sources": "Source articles",
    "actors": "Actors",
    "events": "Dated conflict events",
    "event_sources": "Evidence for each event",
    "mentions": "Temporal expressions",
}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _resource(name: str, root: Path, parquet: bool) -> dict:
    rel = f"{DATA_DIR_NAME}/{name}.{'parquet' if parquet else 'csv'}"
    path = root / rel
    schema = table_schema(name, parquet=parquet)
    resource = {
        "name": parquet_name(name) if parquet else name,
        "type": "table",
        "path": rel,
        "title": TITLES[name] + (" (Parquet)" if parquet else ""),
        "description": schema.pop("description"),
        "format": "parquet" if parquet else "csv",
        "mediatype": "application/vnd.apache.parquet" if parquet else "text/csv",
        "hash": f"sha256:{sha256_of(path)}",
    }
    if not parquet:
        # frictionless 5.21 counts a Parquet file's bytes wrongly and reports an error, so
        # `bytes` is given for CSV only; tests check every recorded hash, Parquet included.
        resource["encoding"] = "utf-8"
        resource["bytes"] = path.stat().st_size
        resource["dialect"] = {"header": True, "delimiter": ",", "quoteChar": "\""}
    resource["schema"] = schema
    return resource


def build_descriptor(root: Path, sources: list[dict]) -> dict:
    created = max((s["published_date"] for s in sources), default=None)
    descriptor = {
        "$schema": DATA_PACKAGE_PROFILE,
        "name": PACKAGE_NAME,
        "title": "Conflict timeline: dated events from news articles",
        "description": (
            "Conflict events extracted from the news articles in seeds/: each dated from the text itself "
            "at its true precision (day, month, year, interval), typed with PLOVER categories, with actors, "
            "country, death toll and modality, citing the exact sentence it comes from. Every resource is "
            "given as CSV and as Parquet with the same schema."
        ),
        "version": PACKAGE_VERSION,
        "created": f"{created.isoformat()}T00:00:00Z" if created else None,
        "keywords": ["conflict", "events", "timeline", "news", "PLOVER", "TimeML", "EDTF"],
        "licenses": [{
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 (the coded data; quoted evidence sentences remain their publishers')",
        }],
        "contributors": [{"title": "conflict-timeline contributors", "roles": ["creator"]}],
        "sources": [
            {"title": s["title"], "path": s["url"] or f"seeds/{s['path']}"}
            for s in sorted(sources, key=lambda s: (s["published"], s["source_id"]))
        ],
        "resources": [_resource(n, root, p) for p in (False, True) for n in RESOURCES],
    }
    if descriptor["created"] is None:
        del descriptor["created"]
    return descriptor
