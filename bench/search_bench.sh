#!/usr/bin/env bash
# Search benchmark: whole-process time of `docketeer search` (start, open, query, print)
# on the bundled corpus, for each query form, with hyperfine. Given a second binary (an
# older build), it indexes the corpus with each binary and times both side by side, so
# a change can be checked against the code before it on the same machine state.
#
#   bash bench/search_bench.sh [OLD_BINARY]      (work dir: $BENCH_DIR or a temp dir)
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=${BENCH_DIR:-$(mktemp -d)}
NEW=target/release/docketeer
OLD=${1:-}
RUNS=${RUNS:-40}

command -v hyperfine >/dev/null || { echo "installing hyperfine"; apt-get install -y hyperfine >/dev/null; }
cargo build --release --quiet

rm -rf "$WORK/new" "$WORK/old"
"$NEW" index --index "$WORK/new" corpus -q >/dev/null 2>&1 || true
[ -n "$OLD" ] && { "$OLD" index --index "$WORK/old" corpus -q >/dev/null 2>&1 || true; }

# Forms both versions read, then forms only the query language reads.
COMMON=('"motion to enforce"' 'asylum AND "protective order"' 'enforce' 'court:cand' 'order NOT asylum')
NEW_ONLY=('summary w/5 judgment' '"summary judgment" /s "genuine dispute"' 'enforc! /p contempt' 'asyl*')

cmds=()
for q in "${COMMON[@]}"; do
  [ -n "$OLD" ] && cmds+=("$OLD search --index $WORK/old '$q'")
  cmds+=("$NEW search --index $WORK/new '$q'")
done
for q in "${NEW_ONLY[@]}"; do
  cmds+=("$NEW search --index $WORK/new '$q'")
done
cmds+=("$NEW search --index $WORK/new --count-by court --count-by year --limit 0 order")

# The new version also records the hit list for `show N`: that write is part of its cost.
hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$WORK/search.json" "${cmds[@]}" >/dev/null
python3 - "$WORK/search.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['median']*1000:7.1f} ms median  {r['user']*1000:6.1f} ms user  {r['command']}")
PY
