// The progress line on stderr (files, MB, MB/s, findings, current path), redrawn a few
// times a second from ScanProgress by its own thread while the scan runs.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>

#include "pipeline.h"

namespace gdprscan {

class ProgressLine {
 public:
  explicit ProgressLine(ScanProgress& progress);
  ~ProgressLine();  // stops the thread and clears the line

 private:
  void run();
  void draw();
  ScanProgress& progress_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace gdprscan
