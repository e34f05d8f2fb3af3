"""Many word patterns over one sentence, each tried only where its match can begin.

The trigger lexicon is dozens of case-insensitive alternations (`lexicon.words`), and
running each over every sentence dominated the coder's time: the regular expression engine
tries every alternative at every word, and cannot skip ahead by the first letters of a
case-insensitive pattern. `PatternIndex` reads, from each pattern's syntax tree, the first
two letters its matches can begin with (`heads`), and tries a pattern only at the word starts
that begin so. It finds exactly what `pattern.finditer(text)` finds, pattern by pattern: the
same positions are tried in the same order, and a position no match can begin at is skipped.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the syntax tree of `re` itself (Python >= 3.11)
from re import _parser as sre_parse

#: Where a pattern made by `lexicon.words` can match: after no word character or hyphen.
WORD_START = r"(?<![\w-])"
_WORD_START = re.compile(WORD_START)
#: Letters of a match's start that the index keys on.
HEAD_LENGTH = 2
_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _chars(op, av) -> set[str] | None:
    """The characters (lower-cased) a literal or a character set of plain ASCII characters
    matches, or None (anything else: a category, a negation, a character outside ASCII, which
    case-insensitive matching may fold to an ASCII letter)."""
    if op is sre.LITERAL:
        chars = [chr(av)]
    else:
        chars = []
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.append(chr(value))
            elif kind is sre.RANGE and value[1] < 128:
                chars += [chr(c) for c in range(value[0], value[1] + 1)]
            else:
                return None
    return {c.lower() for c in chars} if all(c.isascii() for c in chars) else None


def _walk(items, states: set[tuple[str, bool]], k: int) -> set[tuple[str, bool]]:
    """The states (head so far, whether it may still grow) after the items of a sequence."""
    for op, av in items:
        states = _step(op, av, states, k)
    return states


def _step(op, av, states: set[tuple[str, bool]], k: int) -> set[tuple[str, bool]]:
    out: set[tuple[str, bool]] = set()
    for head, growing in states:
        if not growing or len(head) >= k:
            out.add((head, False))
        elif op in _ZERO_WIDTH:  # an assertion only narrows what matches
            out.add((head, True))
        elif op in (sre.LITERAL, sre.IN):
            chars = _chars(op, av)
            out.update({(head, False)} if chars is None else {(head + c, True) for c in chars})
        elif op is sre.SUBPATTERN:
            out |= _walk(av[-1], {(head, True)}, k)
        elif op is sre.BRANCH:
            for alternative in av[1]:
                out |= _walk(alternative, {(head, True)}, k)
        elif op in _REPEATS:
            low, high, item = av
            rounds = max(low, k + 1)  # after k + 1 rounds that take a character, every head is whole
            if low > k + 1:
                out.add((head, False))
                continue
            current = {(head, True)}
            if low == 0:
                out.add((head, True))
            for i in range(1, min(high, rounds) + 1):
                current = _walk(item, current, k)
                if i >= low:
                    out |= current
            if high > rounds:
                out |= {(h, False) for h, _ in current}
        else:  # any character, a category, a back reference: the head ends here
            out.add((head, False))
    return out


def heads(pattern: re.Pattern[str], k: int = HEAD_LENGTH) -> set[str]:
    """Lower-cased strings of at most `k` characters, one of which begins every match of
    `pattern` (compared case-insensitively); a shorter one is all that is known of some
    matches ('' : they may begin with anything)."""
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        return {head for head, _ in _walk(tree, {("", True)}, k)}
    except Exception:  # noqa: BLE001 - a syntax this reading does not know: try the pattern everywhere
        return {""}


def _indexable(pattern: re.Pattern[str]) -> bool:
    """Does every match begin at a word start (the pattern opens with WORD_START, outside any
    alternative, with `\\w` of Unicode) and take at least one character?"""
    if not pattern.pattern.startswith(WORD_START) or pattern.flags & (re.ASCII | re.LOCALE):
        return False
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001
        return False
    return bool(tree.data) and tree.data[0][0] is sre.ASSERT_NOT and tree.getwidth()[0] > 0


class PatternIndex:
    """`find(text)`: what `[(m, i) for i, p in enumerate(patterns) for m in p.finditer(text)]`
    gives, with each pattern tried only at the word starts its matches can begin at. Patterns
    that do not begin with WORD_START (all of `lexicon.words`' do) are run over the whole text."""

    def __init__(self, patterns: tuple[re.Pattern[str], ...]):
        self.patterns = patterns
        indexed = [i for i, p in enumerate(patterns) if _indexable(p)]
        self.everywhere = tuple(i for i in range(len(patterns)) if i not in indexed)
        by_head: dict[str, set[int]] = {}
        for i in indexed:
            for head in heads(patterns[i]):
                by_head.setdefault(head, set()).add(i)
        always = by_head.get("", set())
        # the patterns to try at a word start, by its first two letters, by its first, else
        self.by_two = {h: tuple(sorted(s | by_head.get(h[0], set()) | always)) for h, s in by_head.items() if len(h) == 2}
        self.by_one = {h: tuple(sorted(s | always)) for h, s in by_head.items() if len(h) == 1}
        self.always = tuple(sorted(always))
        self.indexed = tuple(indexed)

    def _candidates(self, text: str, p: int) -> tuple[int, ...]:
        head = text[p:p + HEAD_LENGTH]
        if not head.isascii():  # a letter outside ASCII may match an ASCII one case-insensitively
            return self.indexed
        head = head.lower()
        return self.by_two.get(head) or self.by_one.get(head[:1]) or self.always

    def find(self, text: str) -> list[tuple[re.Match[str], int]]:
        tried: dict[int, list[int]] = {i: [] for i in self.everywhere}
        for start in _WORD_START.finditer(text):
            p = start.start()
            for i in self._candidates(text, p):
                tried.setdefault(i, []).append(p)
        out = []
        for i in sorted(tried):
            pattern = self.patterns[i]
            if i in self.everywhere:
                out += [(m, i) for m in pattern.finditer(text)]
                continue
            end = 0
            for p in tried[i]:  # as finditer: the next match is looked for after the last one
                if p >= end:
                    m = pattern.match(text, p)
                    if m is not None:
                        out.append((m, i))
                        end = max(m.end(), m.start() + 1)
        return out


class NameIndex:
    """`finditer(text)`: what `pattern.finditer(text)` gives for a pattern of literal names
    (WORD_START, then an alternation of the escaped `names`, case-sensitive), the pattern tried
    only at the word starts that begin as one of the names does (its first two characters)."""

    def __init__(self, pattern: re.Pattern[str], names):
        self.pattern = pattern
        self.two = frozenset(n[:2] for n in names if len(n) >= 2)
        self.one = frozenset(n for n in names if len(n) == 1)

    def finditer(self, text: str):
        end, two, one, match = 0, self.two, self.one, self.pattern.match
        for start in _WORD_START.finditer(text):
            p = start.start()
            if p >= end and (text[p:p + 2] in two or text[p:p + 1] in one):
                m = match(text, p)
                if m is not None:
                    yield m
                    end = m.end()
