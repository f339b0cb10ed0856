#!/usr/bin/env bash
# Files per second and peak memory on a tree of many small files (the other half of a
# file share's cost, next to MB/s): gdprscan against ripgrep, warm cache.
#
#   bench/many_files.sh [--files 200000] [--threads N] [--gdprscan PATH]
#
# The tree is made once under build/bench-small-text-<files> by `gdprscan corpus generate
# --shape small-files --mix text=9,csv=1 --seed 42`: 1-8 KiB Danish-like text and CSV files,
# most with a few identifiers, in folders like a municipal share. Plain text only, so that
# both tools read every byte as it is and the figure is the per-file cost, not extraction.
# The generator is given a size, not a count: --files N asks for N times the shape's mean
# file size (BYTES_PER_FILE), and the table reports the files actually written (within a few
# percent of N). The generator's truth.jsonl is moved beside the tree, out of the scan.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GDPRSCAN="$ROOT/build/release/gdprscan"
FILES=200000
THREADS=$(nproc)
# Mean size of a small-files text/CSV file: 3 518-3 566 bytes on generated trees of 4-48 MiB.
BYTES_PER_FILE=3540
die() { echo "many_files.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --gdprscan) GDPRSCAN=$2; shift 2 ;;
    *) die "unknown argument $1" ;;
  esac
done
[[ "$FILES" =~ ^[1-9][0-9]*$ ]] || die "--files must be a positive integer, got '$FILES'"
[ -x "$GDPRSCAN" ] || die "no gdprscan at $GDPRSCAN (build first or --gdprscan)"
TREE="$ROOT/build/bench-small-text-$FILES"
if [ ! -d "$TREE" ]; then
  rm -rf -- "$TREE.partial"
  "$GDPRSCAN" corpus generate --out "$TREE.partial" --shape small-files --mix text=9,csv=1 --seed 42 \
    --size $((FILES * BYTES_PER_FILE)) --quiet || die "corpus generation failed"
  mv -- "$TREE.partial/truth.jsonl" "$TREE.truth.jsonl"
  mv -- "$TREE.partial" "$TREE"
fi
FILES=$(find "$TREE" -type f | wc -l)  # what was written, for files/s
find "$TREE" -type f -print0 | xargs -0 cat > /dev/null  # warm the page cache

measure() {  # label, command...
  local label=$1; shift
  local log; log=$(mktemp)
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$log" "$@" > /dev/null 2>&1 || [ $? -le 1 ]
  t1=$(date +%s.%N)
  local rss; rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  rm -f "$log"
  awk -v l="$label" -v t0="$t0" -v t1="$t1" -v n="$FILES" -v rss="$rss" \
    'BEGIN { s = t1 - t0; printf "%-10s %8.2f s %10.0f files/s %8.1f MiB peak RSS\n", l, s, n / s, rss / 1024 }'
}
echo "tree: $TREE, $FILES files, threads: $THREADS"
measure gdprscan "$GDPRSCAN" scan "$TREE" --threads "$THREADS" --progress never --output /dev/null
measure rg rg -c --no-messages -a -uu -j"$THREADS" -e '(?-u)\b\d{6}[-/. \t]?\d{4}\b' \
  -e '(?-u)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}' "$TREE"
