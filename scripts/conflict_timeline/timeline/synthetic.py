"""Synthetic tables shaped like a built package's events, sources and actors, for developing,
testing and benchmarking the timeline without running the pipeline.

`synthetic_tables(n)` makes n realistic events (mixed precisions, intervals, ongoing
campaigns, modalities, tolls, several sources and actors), deterministic for a given seed.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import numpy as np
import pandas as pd

from . import encodings as enc

ACTORS = [
    ("sy-gov", "Syrian government", "state", "SYR"),
    ("ru", "Russia", "state", "RUS"),
    ("fsa", "Free Syrian Army", "armed_group", "SYR"),
    ("isil", "Daesh", "armed_group", ""),
    ("snc", "Syrian National Coalition", "organisation", "SYR"),
    ("us", "United States", "state", "USA"),
    ("lavrov", "Sergei Lavrov", "person", "RUS"),
    ("un", "United Nations", "organisation", ""),
    ("tr", "Turkey", "state", "TUR"),
    ("ir", "Iran", "state", "IRN"),
    ("hezbollah", "Hezbollah", "armed_group", "LBN"),
    ("ypg", "People's Protection Units", "armed_group", "SYR"),
]
PUBLISHERS = ["Iran Press TV", "Reuters", "Al Jazeera", "BBC News", "Agence France-Presse", "The Guardian"]
VERBS = {
    "ASSAULT": "carried out air strikes against", "ACCUSE": "accused", "REJECT": "rejected an offer from",
    "AGREE": "agreed on a ceasefire with", "CONSULT": "held talks with", "SUPPORT": "offered support to",
    "REQUEST": "called on", "THREATEN": "threatened", "STATEMENT": "commented on", "MOBILIZE": "deployed troops against",
    "AID": "sent aid to", "SANCTION": "imposed sanctions on", "COERCE": "detained members of", "PROTEST": "protested against",
    "ELECTION": "held elections, contested by", "CASUALTIES": "counted the dead in fighting with", "ONSET": "began fighting",
    "COOPERATE": "coordinated operations with", "CONCEDE": "released prisoners of", "RETREAT": "withdrew from positions held by",
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _hex(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _actors_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [{"actor_id": a, "name": n, "kind": k, "country": c, "affiliation": "", "aliases": "", "in_lexicon": True}
         for a, n, k, c in ACTORS]
    )


def synthetic_tables(n_events: int, n_sources: int | None = None, seed: int = 0,
                     first: date = date(2011, 3, 1), years: int = 6) -> dict[str, pd.DataFrame]:
    """{'events', 'sources', 'actors'} frames with n_events events; dates as datetime.date."""
    rng = np.random.default_rng(seed)
    n_sources = n_sources or max(1, n_events // 12)
    days = years * 365
    published = sorted(first + timedelta(days=int(d)) for d in rng.integers(30, days, n_sources))
    sources = pd.DataFrame({
        "source_id": [f"src-{_hex('src', seed, i)}" for i in range(n_sources)],
        "title": [f"Fighting and talks in Syria, report {i + 1}" for i in range(n_sources)],
        "publisher": [PUBLISHERS[i % len(PUBLISHERS)] for i in range(n_sources)],
        "url": [f"https://news.example.org/{d:%Y/%m/%d}/story-{i}" for i, d in enumerate(published)],
        "published": [f"{d:%Y-%m-%d}T12:00" for d in published],
        "published_date": published,
        "published_from": "front_matter", "genre": "news", "language": "en", "license": "",
        "path": [f"seed_{i:05d}.txt" for i in range(n_sources)],
        "sha256": [hashlib.sha256(str(i).encode()).hexdigest() for i in range(n_sources)],
        "encoding": "utf-8", "body_offset": 0, "body_chars": 4000, "event_count": 0,
    })
    codes = list(enc.event_types())
    weights = np.array([3 if c in ("ASSAULT", "STATEMENT", "ACCUSE", "REJECT") else 1 for c in codes], float)
    rows = []
    for i in range(n_events):
        s = int(rng.integers(n_sources))
        pub = published[s]
        etype = codes[rng.choice(len(codes), p=weights / weights.sum())]
        kind = rng.choice(["day", "month", "year", "interval", "ongoing"], p=[0.62, 0.18, 0.07, 0.07, 0.06])
        back = int(rng.integers(0, 700 if kind in ("year", "interval") else 120))
        start = pub - timedelta(days=back)
        end, precision, edtf, text = start, "day", f"{start:%Y-%m-%d}", f"{MONTHS[start.month - 1]} {start.day}"
        if kind == "month":
            start = start.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            precision, edtf, text = "month", f"{start:%Y-%m}", f"{MONTHS[start.month - 1]} {start.year}"
        elif kind == "year":
            start, end = date(start.year, 1, 1), date(start.year, 12, 31)
            precision, edtf, text = "year", f"{start.year}", f"in {start.year}"
        elif kind == "interval":
            end = min(pub, start + timedelta(days=int(rng.integers(2, 200))))
            edtf, text = f"{start:%Y-%m-%d}/{end:%Y-%m-%d}", f"between {start:%B %d} and {end:%B %d}"
        elif kind == "ongoing":
            end, edtf, text = pub, f"{start:%Y-%m-%d}/..", f"since {MONTHS[start.month - 1]} {start.day}"
        a1, a2 = rng.choice(len(ACTORS), 2, replace=False)
        modality = rng.choice(["asserted", "reported", "planned", "negated", "hypothetical"], p=[0.55, 0.3, 0.07, 0.05, 0.03])
        toll = etype in ("ASSAULT", "CASUALTIES") and rng.random() < 0.5
        low = int(rng.choice([3, 12, 40, 250, 1200, 250000])) if toll else None
        summary = f"{ACTORS[a1][1]} {VERBS.get(etype, 'was involved in events with')} {ACTORS[a2][1]}"
        evidence = (f"{text[0].upper() + text[1:]}, {summary}, officials said, as the conflict entered another phase"
                    f" and monitors counted {low or 'no'} dead.")
        rows.append({
            "event_id": f"ev-{_hex('ev', seed, i)}", "date_start": start, "date_end": end,
            "date_precision": precision, "date_edtf": edtf, "date_text": text,
            "date_source": "explicit", "ongoing": kind == "ongoing", "event_type": etype,
            "event_mode": "", "event_context": "", "summary": summary,
            "actor1": ACTORS[a1][0], "actor2": ACTORS[a2][0], "speaker": ACTORS[a1][0] if modality == "reported" else "",
            "country": "SYR", "location": "", "latitude": None, "longitude": None, "geo_precision": "",
            "fatalities_low": low, "fatalities_high": None, "modality": modality,
            "source_id": sources["source_id"][s], "source_count": 1, "evidence": evidence,
            "char_start": 100, "char_end": 100 + len(evidence),
        })
    events = pd.DataFrame(rows)
    events["fatalities_low"] = events["fatalities_low"].astype("Int64")
    events["fatalities_high"] = events["fatalities_high"].astype("Int64")
    sources["event_count"] = sources["source_id"].map(events["source_id"].value_counts()).fillna(0).astype(int)
    return {"events": events, "sources": sources, "actors": _actors_frame()}
