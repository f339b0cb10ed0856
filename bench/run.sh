#!/usr/bin/env bash
# `make bench`: the Google Benchmark micro-benchmarks (JSON in build/bench/micro.json), then
# gdprscan against ripgrep on a generated corpus (bench/compare.sh; BENCH_SIZE, default 1G).
# Then many small files and the containers (bench/containers.sh). Prints tables ready for
# docs/performance.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/build/bench"
mkdir -p "$OUT"

echo "== micro-benchmarks (build/bench/micro.json)"
"$ROOT/build/release/micro_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$OUT/micro.json" --benchmark_out_format=json

echo
echo "== gdprscan vs ripgrep"
bash "$ROOT/bench/compare.sh" --size "${BENCH_SIZE:-1G}" --runs "${BENCH_RUNS:-3}"

echo
echo "== many small files"
bash "$ROOT/bench/many_files.sh" --files "${BENCH_FILES:-200000}"

echo
echo "== containers: mbox, maildir, zip, tar.gz"
bash "$ROOT/bench/containers.sh" --runs "${BENCH_RUNS:-3}"
