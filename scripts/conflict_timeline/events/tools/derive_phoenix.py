"""Derive the actor data files from the PETRARCH2 / Phoenix dictionaries (MIT licence).

    git clone https://github.com/openeventdata/petrarch2
    python -m conflict_timeline.events.tools.derive_phoenix petrarch2/petrarch2/data/dictionaries

writes `events/lexicons/phoenix_actors.tsv.gz` (named groups, militaries, ministries,
international bodies, people) and `events/lexicons/agents.tsv` (generic agents: "gunmen",
"farmers"). The dictionaries are in TABARI format: an entry line (words joined by `_`, a
trailing `_` for a whole word), `+alias` lines, and `[CODE dates]` lines."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "lexicons"
HEADER = """# format: conflict-timeline actor names v1 (tab-separated, gzip; one row an actor)
# Derived by events/tools/derive_phoenix.py from the PETRARCH2 Phoenix dictionaries
# (https://github.com/openeventdata/petrarch2, petrarch2/data/dictionaries:
# Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt),
# MIT licence, Copyright (c) 2014 Open Event Data Alliance; CountryInfo and TOPS (START) sources as
# those files state. Columns: id, name, kind (state | armed_group | organisation | person),
# country (ISO 3166-1 alpha-3 or empty), code (CAMEO actor code, most recent), aliases (' | ').
# Names are matched case-insensitively as whole words; the first word must be capitalised in text.
# Country entries themselves are left out (the places lexicon names states; its cities are no actors).
"""
AGENT_HEADER = """# format: conflict-timeline generic agents v1 (tab-separated; one row a noun)
# Derived by events/tools/derive_phoenix.py from Phoenix.agents.txt of PETRARCH2
# (https://github.com/openeventdata/petrarch2), MIT licence, Copyright (c) 2014 Open Event Data
# Alliance; extended by hand (rows marked 'hand'). Columns: noun (singular, lower case), plural,
# code (CAMEO agent code: MIL military, COP police, REB rebels, UAF unidentified armed forces,
# CVL civilians, OPP opposition/protesters, CRM criminals, GOV government, ...; PRP, this
# project's, a property or site a happening targets: "ships", "a church"), kind (actors
# table kind), source. A generic agent is tied to a country ("Nigerian police",
# "gunmen" in an article about Nigeria) and named as the text names it.
"""
_ORG = {"ARMY", "FORCE", "FORCES", "MINISTRY", "COUNCIL", "PARTY", "FRONT", "GOVERNMENT", "REGIME", "MOVEMENT",
        "ORGANIZATION", "ORGANISATION", "BRIGADE", "BRIGADES", "GROUP", "UNION", "COMMITTEE", "ASSEMBLY", "LEAGUE",
        "ALLIANCE", "COMMISSION", "OFFICE", "AGENCY", "DEPARTMENT", "POLICE", "SERVICE", "GUARD", "CORPS", "BANK",
        "COURT", "MILITIA", "NAVY", "COMMAND", "INSTITUTE", "FOUNDATION", "ASSOCIATION", "SOCIETY", "NETWORK",
        "OBSERVATORY", "COALITION", "AUTHORITY", "CABINET", "PARLIAMENT", "SENATE", "CONGRESS", "UNIVERSITY",
        "NATIONS", "FEDERATION", "CENTRE", "CENTER", "FUND", "PROGRAMME", "PROGRAM", "BOARD", "BUREAU", "JIHAD",
        "TALIBAN", "STATE", "REPUBLIC", "CHURCH", "MISSION", "TRIBUNAL", "CONFERENCE", "SECRETARIAT", "DIVISION"}
_LOWER = {"of", "the", "for", "and", "in", "on", "to", "de", "du", "des", "la", "le", "al", "el", "bin", "ibn", "van", "von", "da", "dos"}
_ARMED = ("REB", "INS", "UAF", "IMG", "SEP", "RAD")
_STATE = ("MIL", "COP", "GOV", "SPY", "JUD", "LEG")


def _words(raw: str) -> str:
    raw = raw.split("#")[0].strip()
    raw = re.sub(r"\[[^\]]*\]|\{[^}]*\}", "", raw).strip()
    return raw.replace("_", " ").replace("+", " ").split("  ")[0].strip()


_NOT_NAMES = {"albert", "antonio", "hassan", "hussein", "khalid", "organization", "senate", "tigers", "falcon", "ngo",
              "fahd", "amit", "eyal", "shahin", "hamzah", "muhannad", "stephenson", "virgilio", "yahweh", "boogeymen",
              "contras", "provos", "organisation", "omega-7", "september-france", "hotaru", "aleph", "isar", "oneworld.net"}


def _title(name: str) -> str:
    if re.fullmatch(r"[A-Z0-9]{2,6}", name):
        return name  # an acronym
    out = []
    for i, w in enumerate(name.split()):
        low = w.lower()
        if i and low in _LOWER:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def _entries(text: str):
    """(name, aliases, codes) of each entry of a TABARI actors file."""
    name, aliases, codes = None, [], []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found = re.findall(r"\[([~A-Z0-9]+)(?:\s+([^\]]*))?\]", line.split("#")[0])
        if line[0] in " \t":
            codes += found
            continue
        if line.startswith("+"):
            alias = _words(line[1:])
            if alias:
                aliases.append(alias)
            codes += found
            continue
        if name:
            yield name, aliases, codes
        name, aliases, codes = _words(line), [], list(found)
    if name:
        yield name, aliases, codes


def _country(code: str) -> str:
    return code[:3] if len(code) >= 3 and pycountry.countries.get(alpha_3=code[:3]) else ""


def _kind(name: str, code: str) -> str | None:
    role = code[3:] if _country(code) else code
    words = set(re.split(r"[\s-]+", name.upper()))
    if role.startswith(("BUS", "MNC")) or code.startswith("MNC"):
        return None
    if any(role.startswith(r) for r in _ARMED) or code.startswith("IMG") or (not _country(code) and any(r in code for r in _ARMED)):
        return "armed_group"
    if role[:3] in ("GOV", "ELI", "OPP", "LEG", "JUD", "REL", "") and not words & _ORG and 2 <= len(words) <= 7 \
            and not re.search(r"\d", name):
        return "person"
    if role[:3] in _STATE:
        return "state"
    return "organisation"


def _split_acronym(name: str) -> tuple[str, list[str]]:
    m = re.search(r"\s*\(([A-Z0-9-]{2,10})\)\s*", name)
    if m:
        return (name[:m.start()] + " " + name[m.end():]).strip(), [m.group(1)]
    return name, []


def _places(folder: Path) -> set[str]:
    """Names of the countries, territories, cities and provinces the Countries file lists."""
    out = set()
    for name, aliases, codes in _entries((folder / "Phoenix.Countries.actors.txt").read_text(encoding="latin-1")):
        if codes and len(codes[-1][0]) == 3:
            out |= {n.lower() for n in [name, *aliases]}
    return out


def actors(folder: Path) -> list[list[str]]:
    rows: dict[str, list] = {}
    places = _places(folder)
    for fname in ("Phoenix.MilNonState.actors.txt", "Phoenix.International.actors.txt", "Phoenix.Countries.actors.txt"):
        for name, aliases, codes in _entries((folder / fname).read_text(encoding="latin-1")):
            if not codes:
                continue
            code = codes[-1][0]
            if len(code) == 3 and fname.startswith("Phoenix.Countries"):
                continue  # the country itself, its cities and provinces
            base, acronyms = _split_acronym(name)
            kind = _kind(base, code)
            if kind is None or len(base) < 3:
                continue
            names = [base, *acronyms]
            for alias in aliases:
                alias, more = _split_acronym(alias)
                names += [alias, *more]
                acronyms += more
            if kind == "person":  # "Mr Assad", a bare surname: too loose to be a name of its own
                names = [n for n in names if len(n.split()) >= 2 and not re.match(r"(?:MR|MRS|MS|DR)\.?\s", n)]
            names = [n for n in names if len(n) >= 2 and not re.search(r"[^\w\s.'’()&-]", n)
                     and n.lower() not in places and n.lower() not in _NOT_NAMES]
            if not names:
                continue
            title = _title(names[0])
            actor_id = "ph-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
            alias_titles = [n if n in acronyms or re.fullmatch(r"[A-Z0-9.-]{2,5}", n) else _title(n) for n in names[1:]]
            if actor_id in rows:
                rows[actor_id][5] |= set(alias_titles)
                continue
            rows[actor_id] = [actor_id, title, kind, _country(code), code.lstrip("~"), set(alias_titles)]
    out = []
    for r in sorted(rows.values()):
        r[5] = " | ".join(sorted(a for a in r[5] if a != r[1]))
        out.append(r)
    return out


_THINGS = re.compile(r"\b(?:jet|jets|aircraft|plane|planes|ship|vessel|check|post|station|district|base|airliner|helicopter|"
                     r"tank|industry|bank|firm|company|market|program|programme|agency|news|newspaper|budget|ministry|"
                     r"ministries|building|headquarters|office|court|commission|council|committee|assembly|fund|school|village|"
                     r"villages|town|city|camp|province|region|county|tanker|tankers|lorry|truck|car|bus|boat|convoy|vehicle)\b")
_ARMED_AGENTS = ("REB", "UAF", "CRM", "INS", "SEP", "RAD", "IMG")
_STATE_AGENTS = ("MIL", "COP", "GOV", "SPY", "JUD", "LEG")
#: Nouns the dictionary lacks, added by hand: (noun, plural, code).
HAND_AGENTS = [("demonstrator", "demonstrators", "OPP"), ("herder", "herders", "AGR"), ("herdsman", "herdsmen", "AGR"),
               ("gendarme", "gendarmes", "COP"), ("worshipper", "worshippers", "CVL"), ("recruit", "recruits", "MIL"),
               ("peacekeeper", "peacekeepers", "MIL"), ("troop", "troops", "MIL"), ("force", "forces", "MIL"), ("fighter", "fighters", "UAF"),
               ("militia", "militias", "UAF"), ("militiaman", "militiamen", "UAF"), ("armed man", "armed men", "UAF"),
               ("attacker", "attackers", "UAF"), ("assailant", "assailants", "UAF"), ("suicide bomber", "suicide bombers", "UAF"),
               ("bomber", "bombers", "UAF"), ("insurgent", "insurgents", "REB"), ("extremist", "extremists", "UAF"),
               ("terrorist", "terrorists", "UAF"), ("islamist", "islamists", "UAF"), ("gang", "gangs", "CRM"),
               ("mob", "mobs", "CRM"), ("bandit", "bandits", "CRM"), ("rioter", "rioters", "OPP"),
               ("pilgrim", "pilgrims", "CVL"), ("shopper", "shoppers", "CVL"), ("motorist", "motorists", "CVL"),
               ("child", "children", "CVL"), ("woman", "women", "CVL"), ("student", "students", "EDU"),
               ("youth", "youths", "CVL"), ("refugee", "refugees", "REF"), ("migrant", "migrants", "REF"),
               ("policeman", "policemen", "COP"), ("police officer", "police officers", "COP"), ("soldier", "soldiers", "MIL"),
               ("sniper", "snipers", "UAF"), ("guerrilla", "guerrillas", "REB"), ("separatist", "separatists", "REB"),
               ("jihadist", "jihadists", "UAF"), ("jihadi", "jihadis", "UAF"), ("gunman", "gunmen", "UAF"),
               ("commando", "commandos", "MIL"), ("paramilitary", "paramilitaries", "UAF"), ("villager", "villagers", "CVL"),
               ("civilian", "civilians", "CVL"), ("farmer", "farmers", "AGR"), ("protester", "protesters", "OPP"),
               ("protestor", "protestors", "OPP"), ("marine", "marines", "MIL"), ("sailor", "sailors", "MIL"),
               ("pilot", "pilots", "MIL"), ("service member", "service members", "MIL"), ("resident", "residents", "CVL"),
               # PRP (this project's code, no CAMEO one): a property or site that a happening
               # targets ("launched missiles at ships", "a church shooting"): a target, never a doer
               ("ship", "ships", "PRP"), ("vessel", "vessels", "PRP"), ("cargo ship", "cargo ships", "PRP"),
               ("merchant ship", "merchant ships", "PRP"), ("oil tanker", "oil tankers", "PRP"), ("church", "churches", "PRP"),
               ("mosque", "mosques", "PRP"), ("temple", "temples", "PRP"), ("synagogue", "synagogues", "PRP"),
               ("power station", "power stations", "PRP"), ("power plant", "power plants", "PRP"),
               ("pipeline", "pipelines", "PRP")]


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(?:s|x|ch|sh)$", noun):
        return noun + "es"
    return noun + "s"


def _agent_kind(code: str) -> str:
    """The actors-table kind of a CAMEO agent code; a religion or ethnicity prefix ("MUSUAF",
    "REBMUS") leaves the role: armed roles anywhere in the code make an armed group."""
    if code.startswith(_STATE_AGENTS):
        return "state"
    if any(role in code for role in _ARMED_AGENTS):
        return "armed_group"
    return "media" if code.startswith("MED") else "civilian"


def agents(folder: Path) -> list[list[str]]:
    text = (folder / "Phoenix.agents.txt").read_text(encoding="latin-1")
    subs = {}
    rows: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.split("#")[0].rstrip()
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^([A-Z][A-Z0-9_'!.-]*)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        raw, plural, code = m.group(1), m.group(2), m.group(3)
        forms = [raw]
        for key, values in subs.items():
            if key in raw:
                forms = [raw.replace(key, v) for v in values]
        for form in forms:
            noun = form.replace("_", " ").strip().lower()
            if _THINGS.search(noun) or len(noun) < 3 or not re.fullmatch(r"[a-z' -]+", noun) \
                    or re.match(r"(?:a|an|the) ", noun) or re.fullmatch(r"[a-z]+(?:ic|ish)", noun):  # adjectives: "islamic"
                continue
            many = plural.replace("_", " ").strip().lower() if plural else _plural(noun)
            if noun.endswith(("men", "people", "ren")) or re.search(r"[^s]s$", noun):
                many = noun
            rows.setdefault(noun, [noun, many or noun, code, _agent_kind(code), "phoenix"])
    for noun, many, code in HAND_AGENTS:
        rows[noun] = [noun, many, code, _agent_kind(code), "hand"]
    return [rows[k] for k in sorted(rows)]


def main() -> None:
    folder = Path(sys.argv[1])
    agent_rows = agents(folder)
    (OUT / "agents.tsv").write_text(AGENT_HEADER + "noun\tplural\tcode\tkind\tsource\n"
                                    + "".join("\t".join(r) + "\n" for r in agent_rows), encoding="utf-8")
    print(f"{len(agent_rows)} agents")
    rows = actors(folder)
    text = HEADER + "id\tname\tkind\tcountry\tcode\taliases\n" + "".join("\t".join(r) + "\n" for r in rows)
    with gzip.GzipFile(OUT / "phoenix_actors.tsv.gz", "wb", mtime=0) as fh:
        fh.write(text.encode("utf-8"))
    print(f"{len(rows)} actors")


if __name__ == "__main__":
    main()
