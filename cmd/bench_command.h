// `gdprscan bench DIR`: throughput (MB/s, files/s, peak memory) over repeated in-process
// scans, accuracy against DIR/truth.jsonl, a regression gate against an earlier --json
// result, and an optional ripgrep comparison. See docs/performance.md.
#pragma once

#include <string>

namespace gdprscan {

struct BenchCommandOptions {
  std::string dir;
  int runs = 5;
  size_t threads = 0;           // 0: every core
  std::string json_output;      // --json FILE
  std::string baseline;         // --baseline FILE (an earlier --json result)
  std::string max_regression = "10%";
  std::string compare;          // "rg" or empty
};

// 0: done (no regression), 1: a figure regressed beyond --max-regression, 2: bad flags or
// files (thrown as exceptions naming the problem, turned into exit 2 by main).
int run_bench_command(const BenchCommandOptions& options);

}  // namespace gdprscan
