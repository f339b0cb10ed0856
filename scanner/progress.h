// The progress line on stderr (files, MB, MB/s, findings, current path), redrawn a few
// times a second from ScanProgress by its own thread while the scan runs.
#pragma once

#include <atomic>
#include <thread>

#include "pipeline.h"

namespace gdprscan {

class ProgressLine {
 public:
  explicit ProgressLine(ScanProgress& progress);
  ~ProgressLine();  // stops the thread and clears the line

 private:
  void run();
  ScanProgress& progress_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace gdprscan
