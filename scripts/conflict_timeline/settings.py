"""Versions, paths and thresholds used across the stages. No magic numbers elsewhere."""

from __future__ import annotations

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
SCHEMA_DIR = PACKAGE_ROOT / "package" / "schemas"
TIMEX_RULES_DIR = PACKAGE_ROOT / "timex" / "rules"
LEXICON_DIR = PACKAGE_ROOT / "events" / "lexicons"

#: Version of the published package; bump when the schema changes.
PACKAGE_VERSION = "0.1.0"
PACKAGE_NAME = "conflict-timeline"
DATA_PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLE_SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"

#: Folder (relative to the output root) that holds the published data files.
DATA_DIR_NAME = "datapackage"
DESCRIPTOR_NAME = "datapackage.json"
TIMELINE_NAME = "timeline.html"
TIMELINE_PNG_NAME = "timeline.png"

#: Resources in the order they appear in the descriptor (parents before children).
RESOURCES = ("sources", "actors", "events", "event_sources", "mentions")

#: Seeds: which files in a seeds folder are read, and as what (ingest/formats.py).
TEXT_SUFFIXES = (".txt", ".md")
PAGE_SUFFIXES = (".html", ".htm")
EXPORT_SUFFIXES = (".jsonl",)
SEED_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES + EXPORT_SUFFIXES
#: A saved page's front matter can sit beside it: NAME.html + this suffix (NAME.html.yaml).
SIDECAR_SUFFIX = ".yaml"
#: The libraries whose versions are part of the extractor's version (they decide what a page yields).
EXTRACTOR_LIBRARIES = ("trafilatura", "htmldate", "justext", "lxml", "charset-normalizer")
SEED_ENCODING = "utf-8"

#: How many lines at the top of an article are searched for a title, publisher and dateline.
HEADER_SCAN_LINES = 40
#: A line this short (in words) with no sentence punctuation is a heading or site furniture.
FURNITURE_MAX_WORDS = 12
#: A line without sentence punctuation is still prose (a paragraph, not a headline) past this many words.
PROSE_MIN_WORDS_UNPUNCTUATED = 30

#: Length of the hex digest kept in source and event ids.
ID_HEX_LENGTH = 16

GENRES = ("news", "narrative")

#: Files in the data folder that a build does not make but keeps (the README's preview image).
PRESERVED_DATA_FILES = ("timeline.png",)

#: Scale (runner/): the extraction cache, the process pool and the Dask engine.
#: Cache of per-document results, relative to the output root (never published).
CACHE_DIR_NAME = ".cache/conflict-timeline"
#: Extractor versions whose cached results are kept (the current one and the last used before it).
CACHE_KEEP_VERSIONS = 2
#: What the extractor's version hashes, relative to the package: data files and the extracting code.
EXTRACTOR_DATA_DIRS = ("timex/rules", "events/lexicons", "ingest/data", "merge/data")
#: The package code that formats an article's rows (cached with them) is part of it.
EXTRACTOR_CODE = ("timex", "events", "ingest", "merge", "extraction.py", "settings.py", "errors.py", "yamlfile.py", "package/tables.py",
                  "package/fragments.py", "package/write.py", "package/schemas.py", "package/schemas")
#: File (in the cache's version folder) holding the rows of every article of the last build, as Arrow tables.
ROW_STORE_NAME = "rows.arrows"
#: Seeds handed to a pool worker at a time ('forkserver' where the platform has it, else 'spawn').
POOL_CHUNK_SIZE = 4
POOL_START_METHOD = "forkserver"
#: Seeds per partition of the Dask bag.
DASK_PARTITION_SIZE = 16

#: Reliability (ingest limits, atomic publication).
#: Largest seed file read, in bytes; a larger file is refused (a news article is rarely above 100 kB).
MAX_SEED_BYTES = 8 * 1024 * 1024
#: Staging folders a build writes into (inside the output folder, so the final renames stay on one file system).
STAGING_PREFIX = ".conflict-timeline-build-"
#: Journal of a publication in progress (output folder); its presence means "finish this publication".
PUBLISH_JOURNAL_NAME = ".conflict-timeline-publish.json"
#: Test hook: a build whose environment sets this to a step of the publication kills itself there.
PUBLISH_FAULT_ENV = "CONFLICT_TIMELINE_PUBLISH_FAULT"
#: Largest JSON Lines export (many articles, one a line); each line is still at most MAX_SEED_BYTES.
MAX_EXPORT_BYTES = 256 * 1024 * 1024
#: Most articles read from one JSON Lines export.
MAX_EXPORT_LINES = 100_000
#: Largest sidecar front matter file (NAME.html.yaml), in bytes.
MAX_SIDECAR_BYTES = 16 * 1024
#: Most HTML elements a saved page may have (trafilatura's max_tree_size; a news page has a few thousand).
MAX_PAGE_ELEMENTS = 200_000
#: The first bytes of a page searched for its <meta charset> (the WHATWG prescan reads 1024; saved pages put comments first).
PAGE_CHARSET_SCAN_BYTES = 4096
#: Longest front matter block, in characters (seven short keys; YAML parsing is slow on megabytes).
MAX_FRONT_MATTER_CHARS = 16 * 1024

#: The gazetteer's data files (GeoNames places of 1,000+ and admin-1/admin-2 regions), derived by
#: events/tools/derive_gazetteer.py.
GAZETTEER_DIR = LEXICON_DIR / "gazetteer"
#: Smallest population of a place the gazetteer knows (the derived file holds places of 1,000+).
GAZETTEER_MIN_POPULATION = 1000
#: A place smaller than this is read only where the text or the article puts it in its country or
#: region ("Winchester, Ky."; a town of the article's own country), never abroad on its name alone.
SMALL_PLACE_POPULATION = 15000
#: A place named by a bare name abroad (no region or country of its own in the text) must be this large.
FOREIGN_PLACE_POPULATION = 100000
#: In an article whose main country is known, a bare name abroad of a country the article never
#: names must be this large ("in Puna" in a Hawaii story is not Pune, India).
UNNAMED_ABROAD_POPULATION = 1_000_000
#: Events (events/): in news, a bare number read as a year this many years or more from the
#: publication date ("at about 1450 (1050 GMT)", "the 1500 block") dates nothing unless a word
#: that introduces a year comes before it ("in 1258", "since 1948").
NEWS_YEAR_REACH = 100
#: The sentences of an article that open it (a headline, the lead): an undated mention there may
#: name a happening that a later sentence dates; further on it only re-tells one told before.
OPENING_SENTENCES = 2
#: "It happened on Monday morning" dates the happening told at most this many sentences before.
ANAPHORA_REACH = 3
#: a single capitalised word naming a city this large is not read as a speaker's name
LARGE_CITY_POPULATION = 200000
#: Large outputs: a table with more rows is written to Parquet in row groups of this many rows.
STREAM_ROWS = 20_000
PARQUET_ROW_GROUP_ROWS = 10_000
#: A package with more rows than this (all resources) is checked by package/fastcheck.py, the
#: vectorised check of the same schema rules, instead of frictionless-py (minutes at 100k rows);
#: `make` still ends with `frictionless validate`.
FAST_CHECK_ROWS = 5_000
#: A package with more events than this draws its timeline in another process, alongside the writing.
BACKGROUND_TIMELINE_ROWS = 5_000
#: A build of more seeds than this (and more than one job) starts that process first, so it loads
#: the drawing library while the seeds are extracted or read from the cache.
BACKGROUND_TIMELINE_SEEDS = 500

#: Actors (events/names.py, events/agents.py): the longest name of the Phoenix lexicon matched
#: (in words), and how many modifier words before a generic agent are read ("suspected
#: Islamist militants").
NAME_MAX_TOKENS = 12
AGENT_MAX_MODIFIERS = 3
#: Merging reports into happenings (merge/): what two reports must share to be one event.
MERGE_DATA_DIR = PACKAGE_ROOT / "merge" / "data"
#: A report whose date spans more days than this (a month is the widest) is never merged: too vague.
MERGE_MAX_SPAN_DAYS = 31
#: Reports one day apart agree when one of them puts the happening near midnight.
MERGE_NIGHT_SLACK_DAYS = 1
#: A report told as going on (`ongoing`) over more days than this is a campaign: it is not merged with a
#: report of one of its days ("clashes since August 25" and "the attack on August 25").
MERGE_CAMPAIGN_MIN_DAYS = 2
#: A happening dated only by its report's publication day (`date_source` document) happened on it
#: or on one of this many days before.
MERGE_DOCUMENT_LOOKBACK_DAYS = 7
#: Two places with coordinates are one place within this distance (km), by the coarser precision.
MERGE_RADIUS_KM = {"city": 40.0, "admin2": 150.0, "admin1": 400.0}
#: Rarity weight of a word: this Zipf frequency minus the word's (0 for commoner words); an unlisted word
#: weighs MERGE_RARITY_CEILING minus MERGE_UNLISTED_ZIPF.
MERGE_RARITY_CEILING = 6.0
MERGE_UNLISTED_ZIPF = 1.0
#: A number weighs this much per digit, up to MERGE_NUMBER_MAX_WEIGHT (a house number, an age); a year weighs MERGE_YEAR_WEIGHT.
MERGE_NUMBER_DIGIT_WEIGHT = 1.5
MERGE_NUMBER_MAX_WEIGHT = 5.0
MERGE_YEAR_WEIGHT = 0.5
#: A name (a capitalised word inside a sentence) weighs at least this much, unless it is a common
#: word (weighing less than MERGE_NAME_MIN_BASE_WEIGHT: "Four", "Street").
MERGE_NAME_WEIGHT = 3.0
MERGE_NAME_MIN_BASE_WEIGHT = 1.5
#: Two reports' words agree when the weight they share is at least this share of the lighter
#: report's and at least MERGE_MIN_SHARED_WEIGHT.
MERGE_MIN_SIMILARITY = 0.35
MERGE_MIN_SHARED_WEIGHT = 6.0
#: ... a share this much lower suffices when both name the same place (a city within reach).
MERGE_SAME_PLACE_BONUS = 0.15
#: Reports of two articles whose sentences differ still agree when their articles' words (title and
#: every evidence sentence) share this share of the lighter article's and at least this weight;
#: one report of an article joins a happening so, the others of that article need their own sentence's words.
MERGE_CONTEXT_MIN_SIMILARITY = 0.15
MERGE_CONTEXT_MIN_SHARED_WEIGHT = 10.0
#: ... when neither report's date spans more days than this; a vaguer one (a month) needs this share.
MERGE_CONTEXT_MAX_SPAN_DAYS = 1
MERGE_CONTEXT_VAGUE_MIN_SIMILARITY = 0.3
#: Reports of two articles of one kind, one day and one town (a happening the day, the town and the
#: kind name, as a coder of events counts them) agree when their articles share this weight at all
#: (one rare word), however much else each tells.
MERGE_DAY_TOWN_MIN_SHARED_WEIGHT = 1.5
#: ... of one day, where one names no town: their articles' words need this share of the lighter
#: article's and this weight (less than MERGE_CONTEXT_MIN_SHARED_WEIGHT: short local reports).
MERGE_DAY_MIN_SIMILARITY = 0.25
MERGE_DAY_MIN_SHARED_WEIGHT = 6.0
#: A report the text dates only to a year ("the shooting last year") joins a happening of its town
#: and year when its article's words and the happening's article's share this share of the lighter's.
MERGE_YEAR_MAX_SPAN_DAYS = 366
MERGE_YEAR_MIN_CONTEXT_SIMILARITY = 0.4
#: Two happenings one report agrees with become one only when their reports' pairs, each checked
#: for a conflict, are at most this many (so that the work stays bounded on large happenings).
MERGE_JOIN_MAX_PAIRS = 10_000
#: A report is compared with at most this many happenings (on a crowded day, those formed last).
MERGE_MAX_CANDIDATES = 12
#: A short text needs to share only this share of its weight (below the minimum weights above).
MERGE_SMALL_SHARE = 0.4
