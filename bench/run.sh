#!/usr/bin/env bash
# `make bench`: the Google Benchmark micro-benchmarks (JSON in build/bench/micro.json), then
# `gdprscan bench` on corpora from `gdprscan corpus generate`: the mixed corpus (every
# format; BENCH_SIZE, default 256MiB: documents scan at a twentieth of the speed of plain
# text) on one thread and on all, against ripgrep, and a
# small-files corpus (BENCH_SMALL_SIZE, default 256MiB) for files/s. Writes
# build/bench/tables.md, tables ready for docs/performance.md (bench/tables.py).
# The corpora are deterministic: one generated for the same flags is reused.
# bench/many_files.sh, bench/containers.sh and bench/documents.sh are run on their own.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/build/bench"
GDPRSCAN="$ROOT/build/release/gdprscan"
SIZE=${BENCH_SIZE:-256MiB}
SMALL_SIZE=${BENCH_SMALL_SIZE:-256MiB}
SEED=${BENCH_SEED:-42}
RUNS=${BENCH_RUNS:-3}
mkdir -p "$OUT"

# corpus NAME FLAGS...: generates $OUT/NAME unless it was generated with the same flags.
corpus() {
  local dir="$OUT/$1"
  shift
  local flags="$*"
  if [ -f "$dir.flags" ] && [ "$(cat "$dir.flags")" = "$flags" ] && [ -f "$dir/truth.jsonl" ]; then
    echo "reusing $dir ($flags)"
    return
  fi
  rm -rf "$dir" "$dir.flags"
  "$GDPRSCAN" corpus generate --out "$dir" "$@"
  echo "$flags" > "$dir.flags"
}

echo "== micro-benchmarks (build/bench/micro.json)"
"$ROOT/build/release/micro_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$OUT/micro.json" --benchmark_out_format=json

echo
echo "== mixed corpus, $SIZE, seed $SEED"
corpus mixed --size "$SIZE" --seed "$SEED"
"$GDPRSCAN" bench "$OUT/mixed" --runs "$RUNS" --threads 1 --json "$OUT/mixed-1.json" --compare rg
"$GDPRSCAN" bench "$OUT/mixed" --runs "$RUNS" --threads "$(nproc)" --json "$OUT/mixed-all.json" --compare rg

echo
echo "== small files, $SMALL_SIZE, seed $SEED"
corpus small --size "$SMALL_SIZE" --seed "$SEED" --shape small-files
"$GDPRSCAN" bench "$OUT/small" --runs "$RUNS" --threads "$(nproc)" --json "$OUT/small-all.json" --compare rg

/usr/bin/python3 "$ROOT/bench/tables.py" --micro "$OUT/micro.json" --bench "$OUT/mixed-1.json" \
  --bench "$OUT/mixed-all.json" --bench "$OUT/small-all.json" > "$OUT/tables.md"
echo
echo "tables for docs/performance.md: $OUT/tables.md"
