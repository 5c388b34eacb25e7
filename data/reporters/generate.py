#!/usr/bin/env python3
"""Derive Docketeer's reporter table from reporters-db's `reporters.json`.

Usage: python3 data/reporters/generate.py PATH/TO/reporters_db/data

Writes `reporters.tsv` next to this script: one `printed<TAB>canonical` row for
every edition abbreviation (printed as itself) and every variation reporters-db
lists, so that `384 U. S. 364` and `384 U.S. 364` are stored as one citation.
"""
import json
import os
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


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/reporters-db")
