// The worker stage for one file on disk: open it read-only without touching its access
// time, check what it is, sniff its content, run the extractor, and match the text.
// Whatever happens, the result is a FileReport: findings, or a record saying why not.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <tbb/enumerable_thread_specific.h>

#include "budget.h"
#include "detector.h"
#include "piece_scanner.h"
#include "records.h"

namespace gdprscan {

struct FileScanConfig {
  const Detector* detector = nullptr;
  ReportPolicy policy;
  uint64_t max_filesize = UINT64_MAX;  // files larger than this are skipped (--max-filesize)
  // Formats parsed from memory (PDF, Word/Excel/PowerPoint 97-2003, Outlook .msg, single
  // mails, RTF) are read whole: a top-level file larger than this is not (--max-whole-file).
  // Streamed formats (text, markup, archives, mbox, PST) have no size limit by default.
  uint64_t max_whole_file = 256ull << 20;
  bool follow_symlinks = false;
  size_t read_chunk = 1 << 20;
  // A file with very many findings (a 5 GB export of a citizen register) hands them on in
  // batches of this size instead of holding them all: memory stays bounded per file.
  size_t findings_batch = 1000;
  std::function<void(const FileReport&)> flush_findings;  // receives a partial report
  ContainerLimits limits;  // archives and other containers
  // Per-thread state for children scanned on other threads (set by the pipeline).
  tbb::enumerable_thread_specific<struct WorkerState>* workers = nullptr;
};

// Reused across files by one thread: no allocation per small file.
struct WorkerState {
  MatchScratch scratch;
  std::vector<char> buffer;
};

// `is_root`: named on the command line, so followed even when it is a symlink.
// `open_fd`: the file already opened by the walker (or -1); scan_file closes it.
FileReport scan_file(const std::string& path, const FileScanConfig& config, WorkerState& state, bool is_root = false,
                     int open_fd = -1);

// Scans text already in memory as one piece (tests, `rules test`).
std::vector<Finding> scan_text(std::string_view text, const Detector& detector, const ReportPolicy& policy,
                               MatchScratch& scratch);

}  // namespace gdprscan
