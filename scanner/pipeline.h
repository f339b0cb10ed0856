// The scan as a whole: one TBB pipeline with a serial enumerator (the walker), a bounded
// number of files in flight, parallel extract-and-match workers and one serial writer.
// Memory is bounded by the tokens in flight and the per-thread buffers, never by the tree.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "scan_file.h"
#include "sink.h"
#include "walker.h"

namespace gdprscan {

struct ScanOptions {
  std::vector<std::string> roots;
  WalkOptions walk;
  FileScanConfig file;  // detector, report policy, size limit
  size_t threads = 0;   // 0: every core
  std::string scan_id;
  std::string version;
};

// Live counters for the progress line, written by the writer stage only.
struct ScanProgress {
  std::atomic<uint64_t> files{0}, bytes{0}, findings{0};
  std::mutex path_mutex;
  std::string current_path;
};

Summary run_scan(const ScanOptions& options, Sink& sink, ScanProgress* progress = nullptr);

std::string new_scan_id();
std::string rfc3339_utc_now();

}  // namespace gdprscan
