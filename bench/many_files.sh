#!/usr/bin/env bash
# Files per second and peak memory on a tree of many small files (the other half of a
# file share's cost, next to MB/s): gdprscan against ripgrep, warm cache.
#
#   bench/many_files.sh [--files 200000] [--threads N]
#
# The tree (1-8 KiB Danish-like text files, a few with CPR numbers, 100 per directory) is
# made once under build/bench-small-<files> by bench/gen_small_files.py.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FILES=200000
THREADS=$(nproc)
while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    *) echo "many_files.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
TREE="$ROOT/build/bench-small-$FILES"
[ -d "$TREE" ] || /usr/bin/python3 "$ROOT/bench/gen_small_files.py" "$TREE" "$FILES"
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
measure gdprscan "$ROOT/build/release/gdprscan" scan "$TREE" --threads "$THREADS" --progress never --output /dev/null
measure rg rg -c --no-messages -a -uu -j"$THREADS" -e '(?-u)\b\d{6}[-/. \t]?\d{4}\b' \
  -e '(?-u)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}' "$TREE"
