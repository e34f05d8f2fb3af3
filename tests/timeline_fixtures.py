"""A hand-made package of the founding article's events, for the timeline tests: small,
readable and independent of the extractor (test data, so it lives with the tests)."""

from __future__ import annotations

import pandas as pd

from conflict_timeline.timeline.synthetic import _actors_frame, _hex


def founding_article_tables() -> dict[str, pd.DataFrame]:
    """The founding article's events (Press TV, 2015-10-24) as the pipeline should code them."""
    sid = "src-474bbdfa31def6b0"
    sources = pd.DataFrame([{
        "source_id": sid, "title": "'FSA' militants in Syria turn down Russia's offer of help against Daesh",
        "publisher": "Iran Press TV", "url": "https://www.globalsecurity.org/wmd/library/news/syria/2015/syria-151024-presstv01.htm",
        "published": "2015-10-24T14:56", "published_date": "2015-10-24", "published_from": "dateline",
        "genre": "news", "language": "en", "license": "", "path": "2015-10-24_presstv.txt",
        "sha256": "0" * 64, "encoding": "utf-8", "body_offset": 0, "body_chars": 3000, "event_count": 8,
    }])
    E = [  # start, end, precision, edtf, text, ongoing, type, summary, a1, a2, speaker, low, modality, evidence
        ("2011-03-01", "2011-03-31", "month", "2011-03", "March 2011", False, "ONSET", "A foreign-backed crisis erupts in Syria", "", "", "", None, "asserted",
         "Since a foreign-backed crisis erupted in Syria in March 2011, an assortment of militant groups have been formed in the country."),
        ("2011-03-01", "2015-10-24", "month", "2011-03/2015-10-24", "since March 2011", True, "CASUALTIES", "More than 250,000 people killed in the conflict", "", "", "", 250000, "reported",
         "More than 250,000 people have been killed since March 2011, according to the UN."),
        ("2014-06-01", "2014-06-30", "month", "2014-06", "June 2014", False, "ELECTION", "Presidential election held in Syria", "sy-gov", "", "", None, "asserted",
         "Assad won the presidential election in June 2014."),
        ("2015-09-30", "2015-10-24", "day", "2015-09-30/..", "since September 30", True, "ASSAULT", "Russia bombs positions of Daesh and other groups", "ru", "isil", "", None, "asserted",
         "Russia kicked off its bombing campaign in Syria on September 30 at the request of the Syrian government."),
        ("2015-10-24", "2015-10-24", "day", "2015-10-24", "on Saturday", False, "REJECT", "The FSA rejects Russia's offer of help", "fsa", "ru", "fsa", None, "reported",
         "'Russia is bombing the Free Syrian Army and now it wants to cooperate with us,' said Lieutenant Colonel Ahmad Saoud on Saturday."),
        ("2015-10-24", "2015-10-24", "day", "2015-10-24", "", False, "REJECT", "The Syrian National Coalition rejects Russia's offer", "snc", "ru", "snc", None, "reported",
         "The so-called Syrian National Coalition also rejected Russia's offer."),
        ("2015-10-24", "2015-10-24", "day", "2015-10-24", "earlier Saturday", False, "SUPPORT", "Lavrov offers Russian air support to the FSA", "ru", "fsa", "lavrov", None, "reported",
         "Earlier Saturday, Russian Foreign Minister Sergei Lavrov said Moscow was ready to help the FSA."),
        ("2016-01-01", "2016-12-31", "year", "2016", "next year", False, "ELECTION", "Parliamentary elections planned in Syria", "sy-gov", "", "", None, "planned",
         "Lavrov said parliamentary and presidential elections should be held in Syria next year."),
    ]
    events = pd.DataFrame([{
        "event_id": f"ev-{_hex('founding', i)}", "date_start": s, "date_end": e, "date_precision": p, "date_edtf": x,
        "date_text": t, "date_source": "explicit" if t else "document", "ongoing": og, "event_type": ty, "event_mode": "",
        "event_context": "", "summary": su, "actor1": a1, "actor2": a2, "speaker": sp, "country": "SYR", "location": "",
        "latitude": None, "longitude": None, "geo_precision": "", "fatalities_low": low, "fatalities_high": None,
        "modality": mo, "source_id": sid, "source_count": 1, "evidence": ev, "char_start": 0, "char_end": len(ev),
    } for i, (s, e, p, x, t, og, ty, su, a1, a2, sp, low, mo, ev) in enumerate(E)])
    return {"events": events, "sources": sources, "actors": _actors_frame()}


#: Four conflicts of other decades and outlets, written for these tests: (country, place or '',
#: lat, lon, publisher, year, actors, what happens). Coordinates are the places' own.
CONFLICTS = [
    ("COL", "Medellín", 6.2442, -75.5812, "El Tiempo Wire", 2008, ("col-army", "farc"),
     ["Army troops clash with guerrillas near {p}", "Guerrillas ambush a patrol outside {p}",
      "Government and guerrillas hold talks in {p}", "Rebels release two hostages near {p}"]),
    ("SOM", "Baidoa", 3.1136, 43.6498, "Horn Daily", 2012, ("som-gov", "shabaab"),
     ["Militants storm a police post in {p}", "Troops retake the market of {p}",
      "A car bomb kills soldiers at a checkpoint in {p}", "Elders call for a truce in {p}"]),
    ("MMR", "", None, None, "Mekong Courier", 2017, ("mmr-army", "arakan"),
     ["Soldiers burn villages in the north", "Refugees cross the border after raids",
      "The army denies shelling a monastery", "Aid groups are barred from the region"]),
    ("UKR", "Kharkiv", 49.9935, 36.2304, "Dnipro Herald", 2022, ("ru-forces", "ua-forces"),
     ["Missiles hit apartment blocks in {p}", "Defenders push troops back from {p}",
      "Shelling cuts power across {p}", "Officials open a corridor out of {p}"]),
]
CORPUS_ACTORS = [
    ("col-army", "Colombian Army"), ("farc", "FARC"), ("som-gov", "Somali government"), ("shabaab", "Al-Shabaab"),
    ("mmr-army", "Tatmadaw"), ("arakan", "Arakan Army"), ("ru-forces", "Russian forces"), ("ua-forces", "Ukrainian forces"),
]


def corpus_tables() -> dict[str, pd.DataFrame]:
    """A small multi-conflict package: 4 conflicts x 2 reports x 4 events, the first event of
    each conflict reported by both of its sources (event_sources), two misdated outliers
    (a year 1050 and a 2220), a death toll, a negated and a planned event."""
    sources, events, reports = [], [], []
    for c, (iso3, place, lat, lon, publisher, year, (a1, a2), happenings) in enumerate(CONFLICTS):
        for s in range(2):
            day = pd.Timestamp(year, 3 + 4 * s, 10)
            sid = f"src-{_hex('corpus', c, s)}"
            sources.append({
                "source_id": sid, "title": f"{publisher} report {s + 1} on the fighting", "publisher": publisher,
                "url": f"https://{publisher.lower().replace(' ', '')}.example.net/{day:%Y/%m/%d}/report-{s}",
                "published": f"{day:%Y-%m-%d}T08:00", "published_date": f"{day:%Y-%m-%d}",
            })
            for k, what in enumerate(happenings):
                start = day - pd.Timedelta(days=3 * k)
                eid = f"ev-{_hex('corpus-ev', c, s, k)}"
                summary = what.format(p=place or "the region")
                evidence = f"{summary}, the {publisher} correspondent wrote in report {s + 1}."
                events.append({
                    "event_id": eid, "date_start": f"{start:%Y-%m-%d}", "date_end": f"{start:%Y-%m-%d}",
                    "date_precision": "day", "date_edtf": f"{start:%Y-%m-%d}", "date_text": f"on {start:%B} {start.day}",
                    "date_source": "explicit", "ongoing": False,
                    "event_type": ["ASSAULT", "ASSAULT", "CONSULT", "CONCEDE"][k], "summary": summary,
                    "actor1": a1 if k != 1 else a2, "actor2": a2 if k != 1 else a1, "speaker": "",
                    "country": iso3, "location": place, "latitude": lat, "longitude": lon,
                    "geo_precision": "city" if place else "country",
                    "fatalities_low": 12 if k == 0 else None, "fatalities_high": 15 if k == 0 else None,
                    "modality": "negated" if (c, k) == (2, 2) else "planned" if (c, k) == (3, 3) else "asserted",
                    "source_id": sid, "source_count": 2 if (s == 0 and k == 0) else 1, "evidence": evidence,
                })
                reports.append({"event_id": eid, "source_id": sid, "evidence": evidence})
        # the first event of the first report is also in the second report
        first = events[-8]
        reports.append({"event_id": first["event_id"], "source_id": sources[-1]["source_id"],
                        "evidence": f"As reported earlier, {first['summary'][0].lower() + first['summary'][1:]}."})
    for year, n in ((1050, 0), (2220, 1)):  # misdated rows: far from every other event
        base = dict(events[n], event_id=f"ev-{_hex('corpus-outlier', year)}", date_start=f"{year}-01-01",
                    date_end=f"{year}-12-31", date_precision="year", date_edtf=str(year), date_text=str(year),
                    summary=f"A blast dated to the year {year}", fatalities_low=None, fatalities_high=None)
        events.append(base)
        reports.append({"event_id": base["event_id"], "source_id": base["source_id"], "evidence": base["evidence"]})
    actors = pd.DataFrame([{"actor_id": a, "name": n, "kind": "armed_group", "country": "", "affiliation": "",
                            "aliases": "", "in_lexicon": True} for a, n in CORPUS_ACTORS])
    return {"events": pd.DataFrame(events), "sources": pd.DataFrame(sources), "actors": actors,
            "event_sources": pd.DataFrame(reports)}
