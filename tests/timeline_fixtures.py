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
