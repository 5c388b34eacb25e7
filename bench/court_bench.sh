#!/usr/bin/env bash
# Court matching cost: what it adds to a process that needs a court (table load and the
# patterns compiled on first use), and the time a filing once warm (an indexing run).
# Filings: the held-out set (courts the rules were not written for) and the corpus.
#
#   bash bench/court_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example court_match
BIN=target/release/examples/court_match
mapfile -t FILES < <(ls tests/data/heldout/*.html tests/data/heldout/*.txt corpus/pdf/*.pdf corpus/html/*.html 2>/dev/null | head -120)
ONE=tests/data/heldout/pacer-bankruptcy-mieb_5.html
hyperfine --warmup 2 --runs 20 -N \
  "$BIN extract $ONE" \
  "$BIN first $ONE"
"$BIN" repeat 20 "${FILES[@]}"
