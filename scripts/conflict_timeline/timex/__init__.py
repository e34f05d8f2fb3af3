"""Temporal tagger: TIMEX3 (TimeML 1.2) recognition and normalisation, rules as data.

    from conflict_timeline.timex import tag, Timex
    tag("Russia began bombing on September 30.", datetime.date(2015, 10, 24))
"""

from .tagger import Timex, tag

__all__ = ["Timex", "tag"]
