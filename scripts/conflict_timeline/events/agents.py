"""Generic agents: actors named by what they are, not by a name ("gunmen", "suspected
jihadists", "Somali students", "the police"), after the agents dictionary of PETRARCH
(lexicons/agents.tsv, with a CAMEO agent code each). A generic agent is tied to a country: the
demonym before it ("Nigerian police"), else the country the article is about."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..errors import LexiconError
from ..settings import AGENT_MAX_MODIFIERS, LEXICON_DIR
from .lexicon import load, tsv_rows
from .names import TOKEN

_FILE = LEXICON_DIR / "agents.tsv"
_SPACE = re.compile(r"\s+")
COLUMNS = ("noun", "plural", "code", "kind", "source")
#: Capitalised words that open a sentence or a phrase and qualify no agent ("The police").
_NOT_QUALIFIERS = frozenset("The A An This That These Those Some Many Several Two Three Four Five Six Seven Eight Nine Ten "
                            "Dozens Hundreds Thousands Other Both All Most Few No Its Their His Her Our With In On At For From By After "
                            "Before As And But Or If When While Since Of To Meanwhile Elsewhere Earlier Later Then".split())


@dataclass(frozen=True)
class Agent:
    noun: str  # the singular noun of the dictionary ("gunman", "suicide bomber")
    plural: str
    code: str  # CAMEO agent code ("UAF")
    kind: str  # state | armed_group | civilian | media


@dataclass(frozen=True)
class AgentSpan:
    start: int
    end: int
    agent: Agent
    qualifier: str  # capitalised words before the noun that name no country ("Fulani")
    form: str  # the noun as the text writes it, in lower case ("army", "soldiers")
    demonym_end: int  # where a demonym or country word before the noun ends (start when none)


def read_rows(path=_FILE) -> list[dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc})") from None
    return tsv_rows(path, text, COLUMNS)


@functools.cache
def _index() -> dict[str, list[tuple[tuple[str, ...], Agent]]]:
    """Last word -> (words, agent) of each singular and plural form, longest first."""
    index: dict[str, list] = {}
    for r in read_rows():
        agent = Agent(r["noun"], r["plural"], r["code"], r["kind"])
        for form in {r["noun"], r["plural"]}:
            words = tuple(m["word"].lower() for m in TOKEN.finditer(form))
            if words:
                index.setdefault(words[-1], []).append((words, agent))
    for forms in index.values():
        forms.sort(key=lambda f: -len(f[0]))
    return index


@functools.cache
def _modifiers() -> re.Pattern[str]:
    """Lower-case words that belong to a generic agent's name ("suspected", "armed")."""
    return re.compile(r"(?:" + load("actors")["agent_modifiers"] + r")", re.I)


def find_agents(text: str, names: set[str]) -> list[AgentSpan]:
    """The generic agents of `text`. `names` holds capitalised words that are demonyms or
    country names (they tie the agent to that country)."""
    tokens = list(TOKEN.finditer(text))
    lower = [t["word"].lower() for t in tokens]
    index = _index()
    out: list[AgentSpan] = []
    taken = -1
    for i in range(len(tokens) - 1, -1, -1):  # right to left: "police officers", not "officers"
        if i >= taken >= 0 or lower[i] not in index:
            continue
        match = next(((words, agent) for words, agent in index[lower[i]]
                      if i - len(words) + 1 >= 0 and tuple(lower[i - len(words) + 1:i + 1]) == words
                      and all(_SPACE.fullmatch(text[tokens[k].end():tokens[k + 1].start()]) for k in range(i - len(words) + 1, i))),
                     None)  # "the border, security sources" holds no "border security"
        if match is None:
            continue
        first = i - len(match[0]) + 1
        qualifier, demonym_at = [], None
        j = first - 1
        while j >= 0 and first - j <= AGENT_MAX_MODIFIERS and re.fullmatch(r"[\s-]+", text[tokens[j].end():tokens[j + 1].start()]):
            word = tokens[j]["word"]
            possessor = word[-2:] in ("'s", "’s")
            if possessor and word[:-2] not in names:
                break  # "Hussein's envoy": the envoy is his, named by no qualifier
            if word in names or possessor:
                demonym_at = j
            elif _modifiers().fullmatch(word):
                pass  # "Suspected militants": a modifier, whatever its case
            elif word[:1].isupper() and word not in _NOT_QUALIFIERS and not word.isupper():
                if demonym_at is None:
                    qualifier.insert(0, word)  # "Fulani herders"; before a country's word it is of its name ("South Sudan's army")
            else:
                break
            j -= 1
        start = tokens[j + 1].start()
        demonym_end = tokens[demonym_at].end() if demonym_at is not None else start
        form = " ".join(lower[first:i + 1])
        out.append(AgentSpan(start, tokens[i].end(), match[1], " ".join(qualifier), form, demonym_end))
        taken = j + 1
    return sorted(out, key=lambda a: a.start)


def agent_named(noun: str) -> Agent | None:
    """The agent of the dictionary whose singular noun is `noun` ("suicide bomber")."""
    words = tuple(m["word"].lower() for m in TOKEN.finditer(noun))
    return next((agent for forms, agent in _index().get(words[-1], []) if forms == words and agent.noun == noun), None) \
        if words else None
