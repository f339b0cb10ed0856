#!/usr/bin/env bash
# Throughput of gdprscan against ripgrep on a generated Danish corpus.
#
#   bench/compare.sh [--size 1G] [--corpus DIR] [--gdprscan PATH] [--runs 3] [--rg-only]
#
# * The corpus is plain text that both tools read as it is: `gdprscan corpus generate --mix
#   text=9,csv=1 --seed 42` (case notes, letters, journal extracts, logs and citizen lists;
#   no HTML, Office, PDF, mail or archive, whose bytes ripgrep would search undecoded) into
#   build/bench-text-<size> under the repository root, unless that directory already exists
#   or --corpus is given. The generator's truth.jsonl is moved beside the tree
#   (build/bench-text-<size>.truth.jsonl), so that neither tool searches it.
# * The page cache is warmed by reading every file once; then every configuration is timed
#   --runs times (wall clock, `date +%s.%N`), interleaved round by round so that noise on a
#   shared machine hits all of them alike, and the median is reported.
# * gdprscan: `gdprscan scan DIR --threads N --progress never --output /dev/null`; exit codes
#   0 (nothing found) and 1 (findings) are success, anything else is a failure.
# * ripgrep: `rg -c --no-messages -jN -a -uu` with the same identifier patterns as -e
#   arguments, ASCII-only ((?-u)) so that rg does not pay for Unicode classes. -uu
#   (--no-ignore --hidden) because rg would otherwise honour .gitignore files of the
#   enclosing repository (build/, *.log, ...) and search less than gdprscan does.
#   The ten patterns run twice: counting matching lines (-c, the issue's bar) and writing
#   every match as a JSON record (--json), the output closest to gdprscan's one record per
#   finding.
#   rg exit codes 0 and 1 (no match) are success.
# * matcher_floor (bench/matcher_floor.cpp, beside the gdprscan binary, if built): Hyperscan
#   alone over the corpus in memory, on one thread, once per round; its median is set beside
#   ripgrep's one-thread time, as the floor of what gdprscan's full set can take.
# * Thread counts: 1 and $(nproc).
# * --rg-only skips gdprscan (useful before the binary exists).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

SIZE=1G
CORPUS=""
GDPRSCAN="$ROOT/build/release/gdprscan"
RUNS=3
RG_ONLY=0

die() { echo "compare.sh: error: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

need_arg() { if [ $# -lt 2 ] || [ -z "$2" ]; then die "$1 needs a value"; fi; }
while [ $# -gt 0 ]; do
  case "$1" in
    --size)       need_arg "$@"; SIZE=$2; shift 2 ;;
    --size=*)     SIZE=${1#*=}; shift ;;
    --corpus)     need_arg "$@"; CORPUS=$2; shift 2 ;;
    --corpus=*)   CORPUS=${1#*=}; shift ;;
    --gdprscan)   need_arg "$@"; GDPRSCAN=$2; shift 2 ;;
    --gdprscan=*) GDPRSCAN=${1#*=}; shift ;;
    --runs)       need_arg "$@"; RUNS=$2; shift 2 ;;
    --runs=*)     RUNS=${1#*=}; shift ;;
    --rg-only)    RG_ONLY=1; shift ;;
    -h|--help)    usage; exit 0 ;;
    *)            usage >&2; die "unknown argument: $1" ;;
  esac
done

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, got '$RUNS'"
[[ "$SIZE" =~ ^[0-9]+([KkMmGg]([Ii]?[Bb])?)?$ ]] || die "--size must look like 64M, 256MiB or 1G, got '$SIZE'"
command -v rg >/dev/null 2>&1 || die "ripgrep (rg) is not installed (apt-get install ripgrep)"

if [ "$RG_ONLY" -eq 0 ]; then
  if [ ! -e "$GDPRSCAN" ]; then
    die "gdprscan binary not found at $GDPRSCAN
  build the release configuration first (it is expected at build/release/gdprscan),
  pass --gdprscan PATH, or use --rg-only to measure ripgrep alone"
  fi
  if [ ! -f "$GDPRSCAN" ] || [ ! -x "$GDPRSCAN" ]; then die "$GDPRSCAN is not an executable file"; fi
fi

# ---- corpus -------------------------------------------------------------------------------
if [ -n "$CORPUS" ]; then
  [ -d "$CORPUS" ] || die "--corpus $CORPUS is not a directory"
else
  # Not build/bench-corpus-<size>: that name holds trees of the earlier Python generator,
  # which must not be taken for this one's.
  CORPUS="$ROOT/build/bench-text-$SIZE"
  if [ ! -d "$CORPUS" ]; then
    [ -x "$GDPRSCAN" ] || die "gdprscan binary not found at $GDPRSCAN (needed to generate the corpus; build it or pass --corpus DIR)"
    echo "compare.sh: generating $SIZE corpus in $CORPUS" >&2
    mkdir -p "$ROOT/build"
    rm -rf -- "$CORPUS.partial"
    "$GDPRSCAN" corpus generate --out "$CORPUS.partial" --size "$SIZE" --seed 42 --mix text=9,csv=1 --quiet \
      || die "corpus generation failed"
    mv -- "$CORPUS.partial/truth.jsonl" "$CORPUS.truth.jsonl"
    mv -- "$CORPUS.partial" "$CORPUS"
  fi
fi
CORPUS=$(cd "$CORPUS" && pwd)

read -r NFILES BYTES < <(find "$CORPUS" -type f -printf '%s\n' | awk '{n++; s+=$1} END {printf "%d %d\n", n, s}')
[ "$NFILES" -gt 0 ] || die "corpus $CORPUS contains no files"

echo "compare.sh: warming the page cache ($NFILES files)" >&2
find "$CORPUS" -type f -print0 | xargs -0 cat >/dev/null

# ---- what we run --------------------------------------------------------------------------
NPROC=$(nproc)
THREADS=(1)
[ "$NPROC" -gt 1 ] && THREADS+=("$NPROC")

# ASCII-only: (?-u) makes \b, \d and the classes ASCII, as gdprscan's own patterns are.
RG_PATTERNS=(
  -e '(?-u)\b[0-3]\d[01]\d{3}[-/. \t]?\d{4}\b'                              # Danish CPR
  -e '(?-u)\b[6-9]\d[01]\d{3}[-/. \t]?\d{4}\b'                              # replacement CPR (day + 60)
  -e '(?-u)\b\d{6}-?\d[A-Z]{2}\d\b'                                         # e-CPR
  -e '(?-u)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}'  # e-mail
)
# The issue's bar for the full detector set: ripgrep with ten personal-data patterns
# (the four above and six more of the catalogue's shapes).
RG_PATTERNS_10=(
  "${RG_PATTERNS[@]}"
  -e '(?-u)\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,7}\b'                        # payment card
  -e '(?-u)\b[A-Z]{2}\d{2} ?[A-Z0-9]{4}( ?[A-Z0-9]{4}){1,6}( ?[A-Z0-9]{1,3})?\b'  # IBAN
  -e '(?-u)(\+45 ?)?\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b'                            # Danish phone
  -e '(?-u)\b\d{6}[-+]\d{4}\b'                                               # Swedish personnummer
  -e '(?-u)\b(\d{1,3}\.){3}\d{1,3}\b'                                         # IPv4
  -e '(?-u)\b([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}\b'                           # MAC address
)
# Fail early (and clearly) if this rg does not accept the patterns.
rg_check_err=$(printf 'cpr 010203-1234 mail a.b@c.dk\n' | rg -c -a "${RG_PATTERNS_10[@]}" 2>&1 >/dev/null) \
  || die "rg rejected the benchmark patterns: $rg_check_err"

CONFIGS=()     # "tool threads"
if [ "$RG_ONLY" -eq 0 ]; then
  for t in "${THREADS[@]}"; do CONFIGS+=("gdprscan $t" "gdprscan-cpr $t"); done
fi
for t in "${THREADS[@]}"; do CONFIGS+=("rg $t" "rg-10 $t" "rg-10-json $t"); done

ERR=$(mktemp)
trap 'rm -f "$ERR"' EXIT

# run_one TOOL THREADS -> prints elapsed seconds; dies on failure
run_one() {
  local tool=$1 t=$2 t0 t1 rc=0
  t0=$(date +%s.%N)
  case "$tool" in
    gdprscan) "$GDPRSCAN" scan "$CORPUS" --threads "$t" --progress never --output /dev/null >/dev/null 2>"$ERR" || rc=$? ;;
    gdprscan-cpr) "$GDPRSCAN" scan "$CORPUS" --enable dk.cpr --threads "$t" --progress never --output /dev/null \
                    >/dev/null 2>"$ERR" || rc=$? ;;
    rg) rg -c --no-messages "-j$t" -a -uu "${RG_PATTERNS[@]}" "$CORPUS" >/dev/null 2>"$ERR" || rc=$? ;;
    rg-10) rg -c --no-messages "-j$t" -a -uu "${RG_PATTERNS_10[@]}" "$CORPUS" >/dev/null 2>"$ERR" || rc=$? ;;
    # The same search writing every match as a JSON record, as gdprscan writes every finding.
    rg-10-json) rg --json --no-messages "-j$t" -a -uu "${RG_PATTERNS_10[@]}" "$CORPUS" >/dev/null 2>"$ERR" || rc=$? ;;
  esac
  t1=$(date +%s.%N)
  if [ "$rc" -gt 1 ]; then
    echo "compare.sh: $tool with $t thread(s) failed with exit code $rc; its stderr ends with:" >&2
    tail -n 20 "$ERR" >&2
    exit 2
  fi
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", b - a}'
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2}'; }

# Hyperscan alone (bench/matcher_floor.cpp, built beside gdprscan): the floor of a scan.
FLOOR="$(dirname "$GDPRSCAN")/matcher_floor"
[ "$RG_ONLY" -eq 0 ] && [ -x "$FLOOR" ] || FLOOR=""
FLOOR_TIMES="" FLOOR_NAMES=""

declare -A TIMES
for ((run = 1; run <= RUNS; run++)); do
  for c in "${CONFIGS[@]}"; do
    read -r tool t <<<"$c"
    s=$(run_one "$tool" "$t")
    TIMES[$c]="${TIMES[$c]:-} $s"
    printf 'compare.sh: run %d/%d  %-8s -j%-3s %8s s\n' "$run" "$RUNS" "$tool" "$t" "$s" >&2
  done
  if [ -n "$FLOOR" ]; then
    floor_json=$("$FLOOR" "$CORPUS") || die "$FLOOR failed"
    FLOOR_TIMES="$FLOOR_TIMES $(sed 's/.*"matcher_seconds":\([0-9.]*\).*/\1/' <<<"$floor_json")"
    FLOOR_NAMES="$FLOOR_NAMES $(sed 's/.*"names_whole_text_seconds":\([0-9.]*\).*/\1/' <<<"$floor_json")"
    printf 'compare.sh: run %d/%d  %s\n' "$run" "$RUNS" "$floor_json" >&2
  fi
done

# ---- report -------------------------------------------------------------------------------
cpu=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
echo
echo "machine:  $NPROC CPUs (nproc), ${cpu:-unknown CPU}, $(uname -sr)"
echo "ripgrep:  $(rg --version | head -n 1)"
if [ "$RG_ONLY" -eq 0 ]; then
  ver=$("$GDPRSCAN" --version 2>/dev/null | head -n 1 || true)
  echo "gdprscan: $GDPRSCAN${ver:+ ($ver)}"
fi
awk -v n="$NFILES" -v b="$BYTES" -v d="$CORPUS" 'BEGIN {printf "corpus:   %s, %d files, %.1f MB (%d bytes)\n", d, n, b / 1e6, b}'
echo "timing:   median of $RUNS wall-clock run(s), page cache warm; MB = 10^6 bytes"
echo
printf '%-13s %7s %10s %10s\n' tool threads seconds MB/s
declare -A MED
for c in "${CONFIGS[@]}"; do
  read -r tool t <<<"$c"
  # shellcheck disable=SC2086
  m=$(median ${TIMES[$c]})
  MED[$c]=$m
  awk -v tool="$tool" -v t="$t" -v s="$m" -v b="$BYTES" \
    'BEGIN {printf "%-13s %7d %10.3f %10.1f\n", tool, t, s, (s > 0 ? b / s / 1e6 : 0)}'
done
if [ "$RG_ONLY" -eq 0 ]; then
  echo
  for t in "${THREADS[@]}"; do
    awk -v t="$t" -v g="${MED[gdprscan $t]}" -v r="${MED[rg $t]}" \
      'BEGIN {printf "gdprscan/rg time ratio, %d thread(s): %.2f  (%s)\n", t, g / r, (g <= r ? "gdprscan faster or equal" : "gdprscan slower")}'
    awk -v t="$t" -v g="${MED[gdprscan $t]}" -v r="${MED[rg-10 $t]}" -v c="${MED[gdprscan-cpr $t]}" \
      'BEGIN {printf "full default set / rg with ten patterns, %d thread(s): %.2f; full set / CPR only: %.2f\n", t, g / r, g / c}'
    awk -v t="$t" -v g="${MED[gdprscan $t]}" -v r="${MED[rg-10-json $t]}" \
      'BEGIN {printf "full default set / rg with ten patterns writing every match as JSON (--json), %d thread(s): %.2f\n", t, g / r}'
  done
  if [ -n "$FLOOR" ]; then
    # shellcheck disable=SC2086
    awk -v h="$(median $FLOOR_TIMES)" -v n="$(median $FLOOR_NAMES)" -v r="${MED[rg-10 1]}" \
      'BEGIN {printf "Hyperscan alone, 1 thread (matcher_floor: identifier patterns and word lists, %.3f s) / rg with ten patterns: %.2f;\n  the names database over all text would add %.3f s (a scan matches it only in windows)\n", h, h / r, n}'
  fi
fi
