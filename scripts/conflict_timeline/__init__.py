"""conflict-timeline: dated conflict events from news articles, as a Frictionless data package.

    >>> from conflict_timeline import extract
    >>> rows = extract("Rebels shelled Aleppo on Monday.", dct="2016-05-04")
"""

from .settings import PACKAGE_VERSION as __version__

__all__ = ["extract", "__version__"]


def extract(text, dct=None, genre="auto"):
    """The events of one text as rows of the `events` resource (see extraction.extract)."""
    from .extraction import extract as _extract

    return _extract(text, dct, genre)
