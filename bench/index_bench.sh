#!/usr/bin/env bash
# Index benchmark: first run, unchanged re-run and search latency on 1,000 distinct
# filings made from the bundled corpus/. Prints figures; asserts nothing except that the
# unchanged re-run takes under a tenth of the first run (the incremental promise).
#
#   bash bench/index_bench.sh [N_FILES]      (default 1000; work dir: $BENCH_DIR or a temp dir)
set -euo pipefail

cd "$(dirname "$0")/.."
N=${1:-1000}
CORPUS=corpus
WORK=${BENCH_DIR:-$(mktemp -d)}
FILES=$WORK/filings
IDX=$WORK/index
BIN=target/release/docketeer

[ -x /usr/bin/time ] || { echo "installing GNU time"; apt-get install -y time >/dev/null; }
cargo build --release --quiet

# 1. The folder: PDFs, HTML opinions and docket sheets, plain-text filings, each made
#    distinct (text: a unique closing line; PDF: bytes after %%EOF, still a valid PDF).
rm -rf "$FILES" "$IDX"
mkdir -p "$FILES/pdf" "$FILES/html" "$FILES/txt"
mapfile -t PDFS < <(ls "$CORPUS"/pdf/*.pdf)
mapfile -t HTMLS < <(ls "$CORPUS"/html/*.html "$CORPUS"/docket/*.html)
mapfile -t TXTS < <(ls "$CORPUS"/txt/*.txt)
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
bytes=$(du -sb "$FILES" | cut -f1)

# 2. Index twice under GNU time.
run() { # label -> "wall_seconds peak_rss_kib"
  /usr/bin/time -v -o "$WORK/$1.time" "$BIN" index --quiet --index "$IDX" "$FILES" 2>"$WORK/$1.log" || true
  tail -n 1 "$WORK/$1.log" >&2
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/$1.time" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$1.time")
  echo "$wall $rss"
}
read -r first_wall first_rss < <(run first)
read -r second_wall second_rss < <(run second)
docs=$("$BIN" stats --json --index "$IDX" | sed -n 's/.*"documents": *\([0-9]*\).*/\1/p')

# 3. Search latency: 20 runs of each query (process start included, as a user sees it).
queries=('"motion to enforce"' 'asylum AND "protective order"' 'benchmark0042y' 'court:cand')
lat=()
for q in "${queries[@]}"; do
  "$BIN" search --index "$IDX" --limit 10 "$q" >/dev/null || true # warm the page cache
  t0=$(date +%s%N)
  for _ in $(seq 20); do "$BIN" search --index "$IDX" --limit 10 "$q" >/dev/null || true; done
  t1=$(date +%s%N)
  lat+=("$(((t1 - t0) / 20 / 1000000))")
done

ratio=$(awk -v a="$second_wall" -v b="$first_wall" 'BEGIN { printf "%.3f", a / b }')
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); $N files ($n_pdf pdf, $n_html html, $n_txt txt), $((bytes / 1048576)) MiB; $docs documents"
printf '| %-38s | %12s |\n' "measure" "value"
printf '|%s|%s|\n' "----------------------------------------" "--------------"
printf '| %-38s | %10.1f s |\n' "first index run, wall" "$first_wall"
printf '| %-38s | %8d MiB |\n' "first index run, peak RSS" "$((first_rss / 1024))"
printf '| %-38s | %10.2f s |\n' "unchanged re-run, wall" "$second_wall"
printf '| %-38s | %12s |\n' "re-run / first run" "$ratio"
for i in "${!queries[@]}"; do
  printf '| %-38s | %9d ms |\n' "search ${queries[i]}" "${lat[i]}"
done
if awk -v r="$ratio" 'BEGIN { exit !(r < 0.1) }'; then
  echo "unchanged re-run is under 1/10 of the first run: ok"
else
  echo "unchanged re-run is NOT under 1/10 of the first run" >&2
  exit 1
fi
