"""Load the rule and lexicon files (YAML) once, expand lexicon names, compile the patterns."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import yamlfile
from ..errors import LexiconError
from ..settings import TIMEX_RULES_DIR

_PLACEHOLDER = re.compile(r"<<(?P<name>[a-z_0-9]+)>>")
LEXICON_FILE = "lexicons.yaml"
#: data files of the rules folder that hold no rules (story.py reads the story file)
NOT_RULE_FILES = (LEXICON_FILE, "story.yaml")


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    #: the expanded regular expression; compiled on first use (most texts need few rules)
    pattern: str
    value: str | None = None
    resolve: str | None = None
    args: dict = field(default_factory=dict, hash=False, compare=False)
    priority: int = 0
    file: str = ""
    #: words (lower case) of which every match contains one; None: try the whole text
    trigger: frozenset | None = None
    #: genres the rule applies to (annotation conventions differ); empty: all
    genres: tuple[str, ...] = ()
    #: a match is dropped when the text just before it matches this ("$5 a year" is a rate)
    not_after: re.Pattern | None = None
    where: str = field(default="", compare=False)

    @functools.cached_property
    def regex(self) -> re.Pattern:
        try:
            return re.compile(self.pattern)
        except re.error as exc:
            raise LexiconError(f"{self.where}: bad pattern ({exc}). Fix: correct the regular expression") from exc


@dataclass(frozen=True)
class RuleSet:
    lexicons: dict[str, dict[str, object]]
    rules: tuple[Rule, ...]
    #: trigger word -> indexes of the rules it triggers ("#" stands for any number)
    triggers: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: finds the trigger words (as written or Capitalised) and numbers in a text
    trigger_finder: re.Pattern | None = None


def load_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return yamlfile.load_yaml(f)


def _trie_regex(words: set[str]) -> str:
    """A regex matching exactly ``words``, shaped as a trie (much faster in ``re`` than a flat
    alternation). Spaces in words match any run of white space."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [_literal(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return (body if len(alts) > 1 else "(?:" + body + ")") + "?"
        return body

    return "(?:" + emit(trie) + ")"


def _literal(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def word_forms(words, proper: bool = False) -> set[str]:
    """A word as written (unless ``proper``: names of months...) and Capitalised (Title Case
    too for names). Text in CAPITALS is headline furniture and is not matched."""
    forms = set()
    for w in words:
        forms.add(w[:1].upper() + w[1:])
        if proper:
            forms.add(w.title())
        else:
            forms.add(w)
    return forms


def alternation(words, proper: bool = False) -> str:
    return _trie_regex(word_forms(words, proper))


def caseless_words(pattern: str) -> str:
    """Let each literal lower-case word of a pattern also start with a capital: ``the`` ->
    ``[tT]he``. Escapes, group names, classes and counts are left alone."""
    out: list[str] = []
    i, n = 0, len(pattern)
    prev_letter = False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            prev_letter = False
            continue
        if pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
            j = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : j + 1])
            i = j + 1
            prev_letter = False
            continue
        if ch == "[":
            j = i + 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
            prev_letter = False
            continue
        if ch == "{":
            j = pattern.index("}", i)
            out.append(pattern[i : j + 1])
            i = j + 1
            prev_letter = False
            continue
        if "a" <= ch <= "z" and not prev_letter:
            out.append(f"[{ch}{ch.upper()}]")
        else:
            out.append(ch)
        prev_letter = ch.isalpha()
        i += 1
    return "".join(out)


def expand(pattern: str, lexicons: dict, patterns: dict, proper: set, where: str, case_sensitive: bool = False) -> str:
    """Replace <<name>> by a named pattern (expanded recursively) or a lexicon's word trie;
    literal words of the pattern accept a capital first letter unless ``case_sensitive``."""
    pieces = []
    pos = 0
    for m in _PLACEHOLDER.finditer(pattern):
        literal = pattern[pos : m.start()]
        pieces.append(literal if case_sensitive else caseless_words(literal))
        name = m.group("name")
        if name in patterns:
            pieces.append("(?:" + expand(patterns[name], lexicons, patterns, proper, where, case_sensitive) + ")")
        elif name in lexicons:
            pieces.append(alternation(lexicons[name], proper=name in proper))
        else:
            raise LexiconError(f"{where}: pattern names an unknown lexicon <<{name}>>. Fix: add it to {LEXICON_FILE}")
        pos = m.end()
    tail = pattern[pos:]
    pieces.append(tail if case_sensitive else caseless_words(tail))
    return "".join(pieces)


def rule_files(directory: Path = TIMEX_RULES_DIR) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.name not in NOT_RULE_FILES)


@functools.lru_cache(maxsize=4)
def load_ruleset(directory: Path = TIMEX_RULES_DIR) -> RuleSet:
    lex_data = load_yaml(directory / LEXICON_FILE)
    raw_lex = lex_data["lexicons"]
    patterns = dict(lex_data.get("patterns", {}))
    proper = set(lex_data.get("proper_names", []))
    lexicons = {name: {str(k).lower(): v for k, v in words.items()} for name, words in raw_lex.items()}
    rules: list[Rule] = []
    for path in rule_files(directory):
        data = load_yaml(path)
        for i, spec in enumerate(data.get("rules", [])):
            where = f"{path}: rule {spec.get('name', i)}"
            case = bool(spec.get("case_sensitive"))
            try:
                pattern = expand(spec["pattern"], lexicons, patterns, proper, where, case)
            except KeyError as exc:
                raise LexiconError(f"{where}: no {exc} given. Fix: every rule needs a pattern") from exc
            rules.append(
                Rule(
                    name=spec["name"],
                    type=spec.get("type", "DATE"),
                    pattern=pattern,
                    where=where,
                    value=spec.get("value"),
                    resolve=spec.get("resolve"),
                    args=dict(spec.get("args", {})),
                    priority=int(spec.get("priority", 0)),
                    file=path.name,
                    trigger=trigger_words(spec.get("trigger"), lexicons, where),
                    genres=tuple(spec.get("genres", ())),
                    not_after=re.compile(spec["not_after"]) if spec.get("not_after") else None,
                )
            )
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        for word in rule.trigger or ():
            index.setdefault(word, []).append(i)
    words = [w for w in index if w != "#"]
    finder = re.compile(r"\b" + alternation(words) + r"\b|\d+")
    return RuleSet(lexicons, tuple(rules), {w: tuple(ix) for w, ix in index.items()}, finder)


_TOKEN = re.compile(r"[a-z]+|\d+")
#: a word of digits then letters ("2moro"): found as a whole by the trigger finder
_DIGIT_LED = re.compile(r"\d+[a-z]+")


def trigger_words(spec: list | None, lexicons: dict, where: str) -> frozenset | None:
    """A rule's trigger: lexicon names (all their words) and literal words; ``#`` = a number."""
    if spec is None:
        return None
    words: set[str] = set()
    for item in spec:
        if item in lexicons:
            for entry in lexicons[item]:
                entry = str(entry).lower()
                words.update(t for t in _TOKEN.findall(entry) if len(t) > 1)
                if _DIGIT_LED.fullmatch(entry):  # "2moro", "2nite": the whole word triggers
                    words.add(entry)
        elif item == "#":
            words.add("#")
        elif re.fullmatch(r"[a-z]+", item):
            words.add(item)
        else:
            raise LexiconError(f"{where}: trigger {item!r} is neither a lexicon nor a lower-case word. Fix: name a lexicon or write the word")
    return frozenset(words)
