"""Temporal tagger: TIMEX3 (TimeML 1.2) recognition and normalisation, rules as data.

    from conflict_timeline.timex import tag, Timex
    tag("Rebels began shelling the port on June 12.", datetime.date(2019, 6, 14))
"""

from .tagger import Timex, tag

__all__ = ["Timex", "tag"]
