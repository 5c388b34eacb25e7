#!/usr/bin/env python3
"""Derive Docketeer's court table from a checkout of courts-db's data folder.

Usage: python3 data/courts/generate.py PATH/TO/courts_db/data

Writes, next to this script:
  courts.tsv    one court a row: id, name, citation_string, parent, type, system,
                level, location, jurisdiction
  patterns.tsv  one pattern a row: id, keywords, literals, regex. The regex is courts-db's
                template with its variables and place lists filled in and written
                for Rust's `regex` crate; the keywords are words every match of the
                regex contains (none when it has none), rarest first, used to pick
                the few patterns worth compiling for a given text.
and ../../tests/data/courts/examples.tsv: courts-db's `examples`, one
`example<TAB>id` a row, which the court matcher must resolve to their own court.

The expansion follows courts-db's own loader (courts_db/utils.py): `${name}` from
variables.json and places/*.txt, `${a-b}` ordinal ranges, and each court's name
tried as a pattern after its regexes.
"""
import collections
import json
import os
import re
import sys
from string import Template

try:
    import re._parser as sre_parse  # Python 3.11+
    from re._constants import LITERAL, SUBPATTERN, MAX_REPEAT, MIN_REPEAT
except ImportError:  # older Pythons
    import sre_parse
    from sre_constants import LITERAL, SUBPATTERN, MAX_REPEAT, MIN_REPEAT

ORDINALS = (
    "first second third fourth fifth sixth seventh eighth nineth tenth eleventh "
    "twelveth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth twentieth"
).split()
for tens in ["twenty", "thirty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety"]:
    for unit in ["first", "secondth", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "nineth"]:
        ORDINALS.append(f"{tens}(-| ){unit}")
    ORDINALS.append({"thirty": "fortieth", "fourty": "fiftieth", "fifty": "sixtieth",
                     "sixty": "seventieth", "seventy": "eightieth", "eighty": "ninetieth",
                     "ninety": "one[- ]hundredth"}.get(tens, "thirtieth"))


def ordinal_range(m):
    a, b = int(m.group(1)), int(m.group(2))
    return "((" + ")|(".join(ORDINALS[a - 1 : b]) + "))"


def required_literals(pattern, shortest=3):
    """Literal runs every match of `pattern` contains (lower-cased), of at least
    `shortest` characters."""
    runs = []

    def walk(items):
        cur = []
        for op, av in items:
            if op is LITERAL:
                cur.append(chr(av))
                continue
            if cur:
                runs.append("".join(cur))
                cur = []
            if op is SUBPATTERN:
                walk(av[-1])
            elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
                walk(av[2])
        if cur:
            runs.append("".join(cur))

    walk(sre_parse.parse(pattern, re.I))
    return [r.lower().strip() for r in runs if len(r.strip()) >= shortest]


LOOK = re.compile(r"^((?:\(\?[=!]\^\.\*[^()]+\))+)\.\*$")


def look_form(pattern):
    """courts-db writes a few courts as look-aheads only ("has A and B, not C"), which
    Rust's `regex` lacks: `(?LOOK)+A+B-C`, read by the matcher as those conditions."""
    m = LOOK.match(pattern)
    if not m:
        return None
    parts = re.findall(r"\(\?([=!])\^\.\*([^()]+)\)", m.group(1))
    return "(?LOOK)" + "".join(("+" if k == "=" else "-") + t for k, t in parts)


def to_rust(pattern):
    # Python accepts `{,n}`; Rust wants `{0,n}`.
    return re.sub(r"\{,(\d+)\}", r"{0,\1}", pattern)


def main(src):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(src, "variables.json"), encoding="utf-8") as f:
        variables = json.load(f)
    places = os.path.join(src, "places")
    for name in sorted(os.listdir(places)):
        if name.endswith(".txt"):
            with open(os.path.join(places, name), encoding="utf-8") as f:
                variables[name[:-4]] = "(" + "|".join(f.read().splitlines()) + ")"
    with open(os.path.join(src, "courts.json"), encoding="utf-8") as f:
        courts = json.load(f)
    by_id = {c["id"]: c for c in courts}

    rows, pats, examples = [], [], []
    for c in courts:
        parent = by_id.get(c.get("parent")) if c.get("parent") else None
        ctype = c.get("type") or (parent or {}).get("type") or ""
        location = c.get("location") or (parent or {}).get("location") or ""
        cells = [c["id"], c["name"], c.get("citation_string") or "", c.get("parent") or "",
                 ctype, c.get("system") or "", c.get("level") or "", location,
                 c.get("jurisdiction") or ""]
        rows.append("\t".join(x.replace("\t", " ").replace("\n", " ") for x in cells))
        for tpl in c["regex"] + [c["name"]]:
            expanded = re.sub(r"\$\{(\d+)-(\d+)\}", ordinal_range, tpl)
            expanded = Template(expanded).substitute(**variables)
            look = look_form(expanded)
            if look:
                wanted = [t.lower() for k, t in re.findall(r"([+-])([^+-]+)", look[7:]) if k == "+"]
                pats.append((c["id"], wanted, look, wanted))
                continue
            try:
                lits = required_literals(expanded)
                # Two letters tell districts apart ("Ca" of `Cal?i?f?`, "Ar" of `Ark?`).
                short = required_literals(expanded, 2)
            except re.error:
                continue
            pats.append((c["id"], lits, to_rust(expanded), short))
        for ex in c["examples"]:
            examples.append(f"{' '.join(ex.split())}\t{c['id']}")

    # The key is one word of a required literal (any part of a literal every match
    # contains is itself contained): the word fewest patterns share wakes the fewest
    # patterns, and short keys keep the automaton small.
    def words(lits):
        return {w for l in lits for w in re.findall(r"[a-z0-9']{4,}", l)}

    freq = collections.Counter(w for _, lits, _, _ in pats for w in words(lits))
    out, seen = [], set()
    for cid, lits, rx, short in pats:
        if (cid, rx) in seen:
            continue
        seen.add((cid, rx))
        ws = sorted(words(lits), key=lambda w: (freq[w], -len(w), w))
        # Every required literal, for a second check before the regex is compiled:
        # words alone let through every district pattern in a district court's head.
        ls = sorted({l for l in short if "|" not in l and "\t" not in l}, key=lambda l: (-len(l), l))
        out.append(f"{cid}\t{' '.join(ws)}\t{'|'.join(ls)}\t{rx}")

    with open(os.path.join(here, "courts.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tname\tcitation_string\tparent\ttype\tsystem\tlevel\tlocation\tjurisdiction\n")
        f.write("\n".join(rows) + "\n")
    with open(os.path.join(here, "patterns.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tkeywords\tliterals\tregex\n")
        f.write("\n".join(out) + "\n")
    ex_dir = os.path.join(here, "..", "..", "tests", "data", "courts")
    os.makedirs(ex_dir, exist_ok=True)
    with open(os.path.join(ex_dir, "examples.tsv"), "w", encoding="utf-8") as f:
        f.write("example\tid\n")
        f.write("\n".join(examples) + "\n")
    print(f"{len(rows)} courts, {len(out)} patterns "
          f"({sum(1 for _, l, _, _ in pats if not l)} without a keyword), {len(examples)} examples")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/courts-db")
