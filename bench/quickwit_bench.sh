#!/usr/bin/env bash
# Quickwit benchmark: push throughput (documents/s) to a 3-node Quickwit cluster on
# 127.0.0.1, and search latency on the cluster beside the local index, query by query.
# Prints figures; asserts only that both engines find the same number of filings.
#
#   QUICKWIT_BIN=/path/to/quickwit bash bench/quickwit_bench.sh [N_FILES] [RUNS]
#
# N_FILES (default 1000) filings come from the filing generator (bench/gen_filings.rs)
# when the repository has it, else from distinct copies of corpus/. Each query runs RUNS
# times (default 5) per engine; the median is reported. Times include starting the
# docketeer process, the same for both engines. Work dir: $BENCH_DIR or a temp dir.
set -euo pipefail

cd "$(dirname "$0")/.."
N=${1:-1000}
RUNS=${2:-5}
WORK=${BENCH_DIR:-$(mktemp -d)}
FILES=$WORK/filings
IDX=$WORK/index
BIN=target/release/docketeer
QW=${QUICKWIT_BIN:?set QUICKWIT_BIN to a Quickwit 0.8/0.9 binary}

cargo build --release --quiet

# 1. The filings.
rm -rf "$FILES" "$IDX" "$WORK/qw"
if [ -f bench/gen_filings.rs ]; then
  cargo run --release --quiet --example gen_filings -- --count "$N" --out "$FILES" >/dev/null
else
  mkdir -p "$FILES/pdf" "$FILES/html" "$FILES/txt"
  mapfile -t PDFS < <(ls corpus/pdf/*.pdf)
  mapfile -t HTMLS < <(ls corpus/html/*.html corpus/docket/*.html)
  mapfile -t TXTS < <(ls corpus/txt/*.txt)
  n_pdf=$((N * 3 / 10)); n_html=$((N * 4 / 10)); n_txt=$((N - n_pdf - n_html))
  for ((i = 0; i < n_pdf; i++)); do
    src=${PDFS[i % ${#PDFS[@]}]}
    { cat "$src"; printf '\n%% bench copy %d\n' "$i"; } >"$FILES/pdf/$i-$(basename "$src")"
  done
  for ((i = 0; i < n_html; i++)); do
    src=${HTMLS[i % ${#HTMLS[@]}]}
    { cat "$src"; printf '\n<p>Bench copy benchmark%04dx.</p>\n' "$i"; } >"$FILES/html/$i-$(basename "$src")"
  done
  for ((i = 0; i < n_txt; i++)); do
    src=${TXTS[i % ${#TXTS[@]}]}
    { cat "$src"; printf '\n\nBench copy benchmark%04dy.\n' "$i"; } >"$FILES/txt/$i-$(basename "$src")"
  done
fi
"$BIN" index --quiet --index "$IDX" "$FILES" 2>&1 | tail -n 1

# 2. A 3-node cluster: node1 runs the metastore, control plane, janitor, an indexer and a
#    searcher; node2 an indexer and a searcher; node3 a searcher. Stopped on exit.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done
  sleep 2
  for p in "${PIDS[@]}"; do kill -KILL -- "-$p" 2>/dev/null || true; done
}
trap cleanup EXIT
SEED=""
ENDPOINT=""
for node in node1 node2 node3; do
  case $node in
    node1) services="[metastore, control_plane, janitor, indexer, searcher]" ;;
    node2) services="[indexer, searcher]" ;;
    node3) services="[searcher]" ;;
  esac
  rest=$(free_port); grpc=$(free_port); gossip=$(free_port)
  [ -z "$SEED" ] && SEED="127.0.0.1:$gossip"
  [ -z "$ENDPOINT" ] && ENDPOINT="http://127.0.0.1:$rest"
  mkdir -p "$WORK/qw/$node"
  cat >"$WORK/qw/$node/node.yaml" <<EOF
version: 0.8
cluster_id: docketeer-bench
node_id: $node
listen_address: 127.0.0.1
rest:
  listen_port: $rest
grpc_listen_port: $grpc
gossip_listen_port: $gossip
peer_seeds: ["$SEED"]
enabled_services: $services
data_dir: $WORK/qw/$node
metastore_uri: file://$WORK/qw/metastore
default_index_root_uri: file://$WORK/qw/indexes
EOF
  setsid env QW_DISABLE_TELEMETRY=1 NO_COLOR=1 "$QW" run --config "$WORK/qw/$node/node.yaml" \
    >"$WORK/qw/$node/node.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do
    [ "$(curl -s "http://127.0.0.1:$rest/health/readyz" || true)" = "true" ] && break
    sleep 0.5
  done
done
for _ in $(seq 1 240); do
  n=$(curl -s "$ENDPOINT/api/v1/cluster" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["ready_nodes"]))' 2>/dev/null || echo 0)
  [ "$n" = 3 ] && break
  sleep 0.5
done

# 3. Push throughput.
ms() { echo $(($(date +%s%N) / 1000000)); }
t0=$(ms)
"$BIN" push --quiet --endpoint "$ENDPOINT" --local "$IDX" 2>"$WORK/push.log" || { cat "$WORK/push.log"; exit 1; }
t1=$(ms)
cat "$WORK/push.log"
sent=$(grep -o '[0-9]* sent' "$WORK/push.log" | grep -o '[0-9]*')
secs=$(grep -o 'MiB, [0-9.]* s)' "$WORK/push.log" | grep -o '[0-9.]* s' | tr -d ' s')
echo "push: $sent documents in $(((t1 - t0)))ms until searchable: $(python3 -c "print(round($sent / max(($t1 - $t0) / 1000, 0.001)))") documents/s; sending alone $secs s: $(python3 -c "print(round($sent / max($secs, 0.001)))") documents/s"

# 4. Search latency, median of RUNS per query and engine.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
time_query() { # engine-args... -- query
  local out runs=()
  for ((r = 0; r < RUNS; r++)); do
    local s e
    s=$(ms); out=$("$BIN" search --json --limit 20 "$@" | wc -l); e=$(ms)
    runs+=($((e - s)))
  done
  echo "$(printf '%s\n' "${runs[@]}" | median) $out"
}
QUERIES=()
if [ -f bench/queries.tsv ]; then
  while IFS=$'\t' read -r id kind q _; do
    [[ $id == \#* || -z $id || $q == "-" ]] && continue
    QUERIES+=("$kind	$q")
  done <bench/queries.tsv
else
  QUERIES=("term	asylum" "term	injunction" "phrase	\"protective order\"" "phrase	\"motion to dismiss\""
    "boolean	summary AND judgment" "field	party:Mayorkas" "docket	docket:3:17-cv-02366"
    "court	court:\"N.D. Cal.\"" "date	date:[2020-01-01 TO 2021-12-31]")
fi
printf '%-8s %-40s %9s %9s %6s %6s\n' kind query local_ms qw_ms local quickwit
for row in "${QUERIES[@]}"; do
  kind=${row%%	*}; q=${row#*	}
  read -r lt ln < <(time_query --index "$IDX" -- "$q")
  read -r ct cn < <(time_query --engine quickwit --endpoint "$ENDPOINT" -- "$q")
  flag=""; [ "$ln" != "$cn" ] && flag="  DIFFERENT HIT COUNTS"
  printf '%-8s %-40s %9s %9s %6s %6s%s\n' "$kind" "${q:0:40}" "$lt" "$ct" "$ln" "$cn" "$flag"
done
