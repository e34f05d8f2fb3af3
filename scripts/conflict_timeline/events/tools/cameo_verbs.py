"""Derive `events/lexicons/cameo_verbs.yaml` from the CAMEO verb dictionary and PLOVER's table.

    python -m conflict_timeline.events.tools.cameo_verbs CAMEO.2.0.txt CAMEO2PLOVER-2021.txt > cameo_verbs.yaml

Inputs (neither is read at run time; bring them onto the machine from their repositories):
  CAMEO.2.0.txt          petrarch2/data/dictionaries/ in github.com/openeventdata/petrarch2 (MIT)
  CAMEO2PLOVER-2021.txt  github.com/openeventdata/PLOVER (CC BY-SA 4.0)

Each verb of a CAMEO verb block that carries a code (its own, else its block's) becomes one
entry per inflected form ("stab", "stabs", "stabbed", "stabbing"); a pattern "- * NOUN [code]"
whose words are plain (no synonym sets, no prepositional phrases) becomes a verb + object
phrase ("stage strike" [143]: "staged a strike"). CAMEO codes map to PLOVER types by PLOVER's
table (longest code prefix), with the project's GUIDELINES where they decide otherwise (see
OVERRIDES). Codes that code nothing here (SKIP_ROOTS) are left out."""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: CAMEO roots the table leaves out: 01 public statements (our speech verbs), 02 appeals.
ROOTS = {"01": ("STATEMENT", "", ""), "02": ("REQUEST", "", "")}
#: Where the GUIDELINES decide otherwise than PLOVER's table (code prefix -> type).
OVERRIDES = {"057": "AGREE", "0871": "AGREE", "084": "CONCEDE", "0841": "CONCEDE", "0842": "CONCEDE",
             "163": "SANCTION", "175": "COERCE", "181": "COERCE", "192": "ASSAULT", "0874": "RETREAT"}
#: Roots not taken: the verbal acts (01 statements, 02 appeals, 03 intents, 05 support, 10 demands,
#: 11 disapproval, 12 rejection, 13 threats: undated, a verbal act takes the report's date, so a verb
#: of these in any sentence would be an event; triggers.yaml codes them with their senses) and 09
#: investigations (not coded by the GUIDELINES).
SKIP_ROOTS = ("01", "02", "03", "05", "09", "10", "11", "12", "13")
#: Verbs too common in other senses to code an event from the verb alone.
SKIP_WORDS = {"be", "have", "do", "go", "get", "make", "take", "put", "set", "come", "give", "see", "say", "look",
              "hit", "match", "hear", "consider", "introduce", "base", "place", "post", "pose", "position",
              "situate", "station", "stage", "format", "arrange", "boost", "link", "merge", "trade", "import",
              "grant", "enact", "allocate", "facilitate", "influence", "disclose", "respect", "appreciate",
              "bless", "favor", "rejoice", "thank", "reassert", "prepare", "signal", "strive", "revive", "hope",
              "suggest", "intend", "notify", "cable", "assemble", "arrive", "finance", "purchase", "conflict",
              "hammer", "kick", "pit", "quarrel", "alter", "amend", "change", "modify", "revise", "switch",
              "appear", "seem", "believe", "worry", "concern", "collect", "cross", "continue", "construct",
              "crash", "crawl", "broadcast", "bring", "burn", "cancel", "call", "host", "invite", "lead",
              "evacuate", "displace", "flee", "investigate", "probe"}  # not coded (GUIDELINES)

#: More verbs too common in other senses, by the type their code has ("free" time, "fire" an
#: employee, "engage" a lawyer, "force" a change, "clear" a hurdle).
SKIP_WORDS |= {"allow", "approve", "clear", "fill", "free", "permit", "settle", "resolve", "submit", "undo", "undid",
               "undone", "relax", "loosen", "tease", "verify", "enable", "empower", "legislate", "bide", "abide",
               "obey", "bow", "detach", "disconnect", "untie", "retire", "satify", "tolerate", "countenance",
               "best", "break", "broke", "broken", "circle", "die", "fire", "hang", "hung", "harm", "mar", "master",
               "rang", "rung", "reside", "inhabit", "struggle", "spoil", "tear", "tore", "torn", "engage", "corrupt",
               "contaminate", "dominate", "surmount", "overshadow", "tarnish", "vitiate", "rip", "blow", "blew",
               "blown", "cane", "infest", "impair", "dishonor", "dishonour", "bust", "crack", "lash", "whip",
               "slap", "thump", "pound", "beat", "beaten", "hurt", "injure", "wound", "abuse", "surround", "pelt",
               "bill", "fine", "force", "pull", "remove", "contain", "extract", "moderate", "catch", "caught", "tax",
               "pressure", "shun", "bar", "block", "impose", "enforce", "compel", "impel", "constrain", "restrict",
               "curb", "restrain", "exclude", "overturn", "levy", "inflict", "appropriate", "pluck", "grab",
               "revolutionise", "revolutionize", "reinforce", "usurp", "sue", "indict", "prosecute", "convict",
               "annoy", "bother", "upset", "vex", "irk", "irritate", "pester", "plague", "torment", "discomfit",
               "disconcert", "disquiet", "disturb", "enkindle", "harry", "hassle", "rag", "badger", "arouse",
               "agonise", "agonize", "provoke", "abort", "disarray", "disorder", "disassociate", "countermine",
               "garner", "parade", "tend", "ward", "guard", "help", "defend", "protect", "shelter", "shield",
               "interfere", "contribute", "stabilise", "stabilize", "safeguard", "rally", "abandon", "release",
               "withdraw", "withdrew", "retreat", "surrender"}
#: Types a verb of the dictionary codes alone; a verb of another type codes only with its object
#: ("paid a visit", "signed an agreement"): CONSULT and COOPERATE verbs alone are mostly everyday words.
TYPES_OF_VERBS_ALONE = ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION", "AID", "RETREAT", "CONCEDE")

_HEAD = re.compile(r"^---\s+(?P<head>\S+)\s+\[(?P<code>[^\]]*)\]\s+---")
_VERB = re.compile(r"^(?P<plus>\+?)(?P<word>[A-Z][A-Z_'-]*)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?")
_PATTERN = re.compile(r"^-\s+\*\s+(?P<object>[A-Z][A-Z ' -]*?)\s+\[(?P<code>[^\]]*)\]")
_FORM = re.compile(r"[a-z][a-z'-]*(?: [a-z][a-z'-]*)*")
_CONSONANT_END = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


def inflect(verb: str) -> list[str]:
    """Regular forms of an English verb: base, -s, -ed, -ing."""
    if verb.endswith("e") and not verb.endswith("ee"):
        stem_ed, stem_ing = verb[:-1] + "ed", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        stem_ed, stem_ing = verb[:-1] + "ied", verb + "ing"
    elif _CONSONANT_END.match(verb):
        stem_ed, stem_ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    elif verb.endswith("ee"):
        stem_ed, stem_ing = verb + "d", verb + "ing"
    else:
        stem_ed, stem_ing = verb + "ed", verb + "ing"
    if re.search(r"(?:s|x|z|ch|sh)$", verb):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    return [verb, third, stem_ed, stem_ing]


def plover_table(text: str) -> dict[str, tuple[str, str, str]]:
    out = dict(ROOTS)
    for line in text.splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?", line)
        if m:
            out[m.group(1)] = (m.group(2), (m.group(3) or "").strip(), (m.group(4) or "").strip().split(";")[0].strip())
    return out


def plover(code: str, table: dict) -> tuple[str, str, str] | None:
    code = code.split(":")[0].strip()
    if not re.fullmatch(r"\d{2,4}", code) or code.startswith(SKIP_ROOTS):
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            kind, mode, context = table[code[:n]]
            override = next((OVERRIDES[code[:k]] for k in range(len(code), 1, -1) if code[:k] in OVERRIDES), None)
            return override or kind, mode.replace(" ", ""), context
    return None


def _words(text: str) -> str:
    return text.replace("_", " ").strip().lower()


def derive(cameo: str, table: dict) -> dict[str, str]:
    """form -> CAMEO code, first code seen wins (the dictionary is sorted by block)."""
    forms: dict[str, str] = {}
    block_code, verbs = None, {}
    for raw in cameo.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        head = _HEAD.match(line)
        if head:
            block_code, verbs = head.group("code"), {}
            continue
        if block_code is None or not line.strip():
            continue
        if line.startswith("-"):
            m = _PATTERN.match(line)
            found_with = raw.split("#", 1)[1].strip().split() if "#" in raw else []
            if m and found_with and plover(m.group("code"), table) \
                    and all(re.fullmatch(r"[A-Z'-]+", w) for w in m.group("object").split()):
                verb = _words(found_with[0])  # the verb the pattern was written for
                obj = m.group("object").lower()
                for form in verbs.get(verb, ()):
                    forms.setdefault(f"{form} {obj}", m.group("code").split(":")[0])
            continue
        m = _VERB.match(line)
        if not m or m.group("word").endswith("_") and not m.group("plus"):
            continue
        base = _words(m.group("word"))
        if m.group("forms") is not None:  # the forms written out are all its forms
            own = list(dict.fromkeys([base] + [_words(f.lstrip("+")) for f in m.group("forms").split()]))
        elif " " in base:
            first, rest = base.split(" ", 1)
            own = [f"{f} {rest}" for f in inflect(first)]
        else:
            own = inflect(base)
        verbs[base] = own
        code = m.group("code") or block_code
        kind = plover(code, table)
        if base in SKIP_WORDS or kind is None or kind[0] not in TYPES_OF_VERBS_ALONE:
            continue
        for form in own:
            forms.setdefault(form, code.split(":")[0])
    return {f: c for f, c in forms.items() if _FORM.fullmatch(f)}


HEADER = """\
# format: conflict-timeline CAMEO verb lexicon v1
# Verbs and verb + object phrases that name a happening, each with its CAMEO code, and the
# PLOVER type of each CAMEO code. Derived by events/tools/cameo_verbs.py from:
#   - CAMEO.2.0.txt, the CAMEO verb pattern dictionary of PETRARCH2
#     (https://github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt),
#     MIT License, Copyright (c) 2015 Open Event Data Alliance;
#   - CAMEO2PLOVER-2021.txt, the CAMEO to PLOVER conversion table of the PLOVER manual
#     (https://github.com/openeventdata/PLOVER), CC BY-SA 4.0, Philip Schrodt;
#   with the project's coding rules (GUIDELINES) where they type a code otherwise: signing and
#   ceasefires AGREE, releases CONCEDE, sanctions SANCTION, abductions and repression COERCE,
#   occupation ASSAULT.
# Keys: `codes`: CAMEO code -> [PLOVER type, mode, context]; `forms`: a lower-case form (words
# separated by one space; determiners may stand between a verb and its object) -> CAMEO code.
# Only the material roots are taken (04 consult, 06-08 cooperate, aid, yield, 14-20 protest to mass
# violence): the verbal ones are coded by triggers.yaml, whose senses keep "strong demand" no REQUEST.
# These entries rank below the hand-written triggers of triggers.yaml (`priority`), which win
# on the same words; the sense rules of triggers.yaml apply to both.
"""

EXAMPLES = [
    ("Militiamen bludgeoned two farmers near the village on Sunday.", "ASSAULT"),
    ("The junta banished the opposition leader in March 1976.", "COERCE"),
    ("Soldiers torched the market of Kidal on Tuesday.", "ASSAULT"),
    ("The government confiscated the newspaper's presses on Friday.", "COERCE"),
    ("Riot police dispersed the protest in Harare on Saturday.", "COERCE"),
]


def main(argv: list[str]) -> int:
    cameo, table_file = Path(argv[1]).read_text(encoding="utf-8", errors="replace"), Path(argv[2]).read_text()
    table = plover_table(table_file)
    forms = derive(cameo, table)
    used = sorted({c for c in forms.values()})
    out = [HEADER, f"priority: 2\n", "examples:\n"]
    out += [f"  - {{text: \"{t}\", type: {k}}}\n" for t, k in EXAMPLES]
    out.append("codes:\n")
    for c in used:
        kind, mode, context = plover(c, table)
        out.append(f"  \"{c}\": [{kind}, \"{mode}\", \"{context}\"]\n")
    out.append("forms:\n")
    for form in sorted(forms):
        out.append(f"  \"{form}\": \"{forms[form]}\"\n")
    sys.stdout.write("".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
