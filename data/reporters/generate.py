#!/usr/bin/env python3
"""Derive Docketeer's reporter table from reporters-db's `reporters.json`.

Usage: python3 data/reporters/generate.py PATH/TO/reporters_db/data

Writes `reporters.tsv` next to this script: one `printed<TAB>canonical` row for
every edition abbreviation (printed as itself) and every variation reporters-db
lists, so that `384 U. S. 364` and `384 U.S. 364` are stored as one citation.

Writes `laws.tsv` from `laws.json` and `laws_extra.tsv` (names courts print that
laws.json lacks, each with its source): one `name<TAB>form<TAB>normal<TAB>jurisdiction`
row for every state and territorial code (`leg_statute`) and every variation of
one, where `form` says how a section is cited after the name (see `FORMS`) and
`normal` is the name the citation is stored under. A code published both bare and
annotated (`Fla. Stat.`, `Fla. Stat. Ann.`) is one code: both are stored under the
bare name. A `*` in a name stands for the subject words of a code cited by subject
(`Cal. Civ. Proc. Code`, `Tex. Fam. Code Ann.`, `N.Y. Gen. Bus. Law`).
"""
import json
import os
import re
import sys


def main(src):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(src, "reporters.json"), encoding="utf-8") as f:
        reporters = json.load(f)
    rows = {}
    for entries in reporters.values():
        for r in entries:
            for edition in r.get("editions", {}):
                rows.setdefault(edition, edition)
            for printed, edition in r.get("variations", {}).items():
                rows.setdefault(printed, edition)
    with open(os.path.join(here, "reporters.tsv"), "w", encoding="utf-8") as f:
        f.write("printed\tcanonical\n")
        for printed in sorted(rows):
            if "\t" in printed or not printed.strip():
                continue
            f.write(f"{printed}\t{rows[printed]}\n")
    print(f"{len(rows)} printed forms")
    laws(src, here)
    neutral(reporters, here)


# How laws.json writes the part after the name, and the form's name in laws.tsv.
FORMS = {
    "$reporter § $law_section": "section",
    "$reporter tit\\. (?P<title>\\d+), § $law_section": "title",
    "$reporter tit\\. (?P<title>\\d+), § $law_section $law_year": "title",
    "(?P<title>\\d+) $reporter § $law_section": "numbered",
    "$reporter ch\\. (?P<chapter>\\d+), § $law_section": "chapter",
    "$reporter art (?P<article>\\d+)": "article",
    "(?P<chapter>\\d+) $reporter (?P<act>\\d+) / $law_section": "act",
    "(?P<reporter>Cal\\. $law_subject Code) § $law_section": "section",
    "(?P<reporter>Tex\\. $law_subject Code Ann\\.) § $law_section": "section",
    "(?P<reporter>N\\.Y\\. $law_subject Law) § $law_section": "section",
    "$reporter, $law_subject § $law_section": "section",
    "$reporter (?P<rule>\\d+)": "rule",
}

# Names laws.json writes with a subject in its regex rather than in the name.
SUBJECT_NAMES = {
    "Cal. Code": "Cal. * Code",
    "Tex. Code Ann.": "Tex. * Code Ann.",
    "N.Y. Law": "N.Y. * Law",
    "Md. Code Ann.": "Md. Code Ann., *",
}


def bare(name):
    """The name without `Ann.`: the code a bare and an annotated edition share."""
    return " ".join(w for w in name.split() if w != "Ann.")


def laws(src, here):
    with open(os.path.join(src, "laws.json"), encoding="utf-8") as f:
        data = json.load(f)
    entries = []
    for key, items in data.items():
        for e in items:
            if e.get("cite_type") != "leg_statute":
                continue
            forms = [FORMS[r] for r in e.get("regexes", []) if r in FORMS]
            if not forms:
                continue
            name = SUBJECT_NAMES.get(key, key)
            for printed in [name] + list(e.get("variations", [])):
                entries.append((printed, forms[0], name, e.get("jurisdiction", "")))
    names = {n for _, _, n, _ in entries}
    rows = {}
    # Names courts print that laws.json does not list, with their source.
    with open(os.path.join(here, "laws_extra.tsv"), encoding="utf-8") as f:
        for line in f.read().splitlines()[1:]:
            printed, form, normal, juris = line.split("\t")[:4]
            rows[printed] = (form, normal, juris)
    for printed, form, name, juris in entries:
        normal = bare(name) if bare(name) in names else name
        rows.setdefault(printed, (form, normal, juris))
    with open(os.path.join(here, "laws.tsv"), "w", encoding="utf-8") as f:
        f.write("name\tform\tnormal\tjurisdiction\n")
        for printed in sorted(rows):
            form, normal, juris = rows[printed]
            f.write(f"{printed}\t{form}\t{normal}\t{juris}\n")
    print(f"{len(rows)} statute names")


# USPS codes, as mlz_jurisdiction writes a state (`us:wi;supreme.court`), to the state
# names courts-db gives as a court's location.
USPS = {
    "al": "Alabama", "ak": "Alaska", "az": "Arizona", "ar": "Arkansas",
    "ca": "California", "co": "Colorado", "ct": "Connecticut", "de": "Delaware",
    "dc": "District of Columbia", "fl": "Florida", "ga": "Georgia", "hi": "Hawaii",
    "id": "Idaho", "il": "Illinois", "in": "Indiana", "ia": "Iowa", "ks": "Kansas",
    "ky": "Kentucky", "la": "Louisiana", "me": "Maine", "md": "Maryland",
    "ma": "Massachusetts", "mi": "Michigan", "mn": "Minnesota", "ms": "Mississippi",
    "mo": "Missouri", "mt": "Montana", "ne": "Nebraska", "nv": "Nevada",
    "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico", "ny": "New York",
    "nc": "North Carolina", "nd": "North Dakota", "oh": "Ohio", "ok": "Oklahoma",
    "or": "Oregon", "pa": "Pennsylvania", "ri": "Rhode Island", "sc": "South Carolina",
    "sd": "South Dakota", "tn": "Tennessee", "tx": "Texas", "ut": "Utah",
    "vt": "Vermont", "va": "Virginia", "wa": "Washington", "wv": "West Virginia",
    "wi": "Wisconsin", "wy": "Wyoming", "pr": "Puerto Rico", "gu": "Guam",
    "vi": "Virgin Islands",
}


def stem(word):
    """One form for the words mlz_jurisdiction and courts-db's names spell apart."""
    w = word.lower()
    if w in ("appeals", "appellate", "appeal"):
        return "appeal"
    return w.rstrip("s")


def neutral(reporters, here):
    """`neutral.tsv`: each public-domain (neutral) citation form and the court that
    issues it, so that an opinion whose only court line is its own citation
    (`2023 WI 50`, `2019-Ohio-1234`) is placed. The court is the first of the
    reporter's `mlz_jurisdiction` entries (the later ones are courts it also reports),
    matched to the courts-db court of that state whose name holds all its words."""
    import csv

    with open(os.path.join(here, "..", "courts", "courts.tsv"), encoding="utf-8") as f:
        courts = list(csv.DictReader(f, delimiter="\t"))
    rows = {}
    for entries in reporters.values():
        for r in entries:
            if r.get("cite_type") != "neutral" or not r.get("mlz_jurisdiction"):
                continue
            place, kind = r["mlz_jurisdiction"][0].split(";")
            parts = place.split(":")
            if len(parts) > 1 and parts[1] != "c":
                pool = [c for c in courts
                        if c["system"] == "state" and c["location"] == USPS.get(parts[1])]
            else:
                pool = [c for c in courts if c["system"] != "state"]
            want = {stem(w) for w in kind.split(".")}
            hits = [c for c in pool
                    if want <= {stem(w) for w in re.findall(r"[A-Za-z]+", c["name"])}]
            if not hits:
                continue
            court = min(hits, key=lambda c: len(c["name"]))["id"]
            for printed in list(r["editions"]) + list(r.get("variations", {})):
                rows.setdefault(printed, court)
    with open(os.path.join(here, "neutral.tsv"), "w", encoding="utf-8") as f:
        f.write("printed\tcourt\n")
        for printed in sorted(rows):
            f.write(f"{printed}\t{rows[printed]}\n")
    print(f"{len(rows)} neutral citation forms")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/reporters-db")
