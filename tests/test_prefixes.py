"""events.prefixes: many word patterns tried only where their matches can begin find what
running each pattern over the whole text finds."""

from __future__ import annotations

import re

from conflict_timeline.events.clauses import _trigger_index
from conflict_timeline.events.lexicon import triggers, words
from conflict_timeline.events.prefixes import PatternIndex, heads

PATTERNS = (
    words(r"bomb(?:s|ed|ing)?|air ?strikes?"),
    words(r"(?:re)?captured?|took control"),
    words(r"IEDs?|[Ss]hell(?:s|ed)?"),
    words(r"(?<!weak )protests?|rall(?:y|ies)"),
    words(r"\w+ed fire|fired"),  # a head the index cannot know: tried at every word start
    words(r"ça va|über"),  # letters outside ASCII
    words(r"x{0,3}yz|(?:ab)*cd"),
    re.compile(r"\bstorm(?:ed|ing)\b", re.I),  # no WORD_START: run over the whole text
    re.compile(r"(?<![\w-])a|b"),  # WORD_START inside an alternative only
    re.compile(r"(?<![\w-])(?:march)(?![\w-])"),  # case-sensitive
)

TEXTS = (
    "Jets bombed the depot at Varnhold; an airstrike and two air strikes followed.",
    "Rebels recaptured the ridge and later took control of the pass near Ostmere.",
    "Two IEDs exploded, then the army shelled the hills (SHELLS fell all night).",
    "A weak protest, then rallies: the protests grew in Kettleby.",
    "Soldiers returned fire; police fired into the air; self-fired rounds.",
    "Über alles, ça va — Ça va? ÜBER. İstanbul, the KELVIN-sign K, and the long ſ.",
    "xxxyz yz xyzz ababcd cd abcd-cd",
    "They stormed the hall, storming on; the storm passed; Storming.",
    "a b ab ba -a a-b",
    "march March marching MARCH",
    "",
    "bomb",
)


def naive(patterns, text):
    return [(m.span(), i) for i, p in enumerate(patterns) for m in p.finditer(text)]


def test_finds_what_finditer_finds():
    index = PatternIndex(PATTERNS)
    for text in TEXTS:
        assert [(m.span(), i) for m, i in index.find(text)] == naive(PATTERNS, text), text


def test_heads_of_a_word_pattern():
    assert heads(words(r"bomb(?:s|ed)?|air ?strikes?")) == {"bo", "ai"}
    assert heads(words(r"(?:re)?take")) == {"re", "ta"}
    assert heads(words(r"IEDs?")) == {"ie"}
    assert "" in heads(words(r"\w+ed fire"))  # may begin with any letter


def test_the_trigger_lexicon_as_its_patterns_run():
    index = _trigger_index()
    assert not index.everywhere  # every trigger is a `words` pattern
    patterns = tuple(t.pattern for t in triggers())
    for text in TEXTS + ("Militants attacked a checkpoint and clashed with troops, the ministry said on Monday.",
                         "The envoy called for talks; both sides agreed to a ceasefire and released prisoners."):
        assert [(m.span(), i) for m, i in index.find(text)] == naive(patterns, text), text


def test_name_index_finds_what_the_names_pattern_finds():
    """A pattern of literal names, tried only at word starts that begin as a name does, finds
    what running it over the whole text finds (overlapping names, one-letter names, a name inside
    a word, a name followed by a hyphen, letters outside ASCII)."""
    from conflict_timeline.events.prefixes import NameIndex

    names = ["Ostmere", "Ostmere Front", "Front", "Varn", "Varnhold Guard", "Q", "Élan Brigade", "al-Kettle"]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])")
    index = NameIndex(pattern, names)
    texts = ["The Ostmere Front and the Ostmere army met Varnhold Guard units near Varn.",
             "Q said the Front-line Élan Brigade and al-Kettle fought; Ostmeres and FrontQ did not.",
             "", "Q", "Varn Varn-Varn (Ostmere Front)"]
    for text in texts:
        assert [m.span() for m in index.finditer(text)] == [m.span() for m in pattern.finditer(text)]
