// One budget per top-level file, charged by every nested extraction (the way ClamAV does
// it): how deep containers nest, how many children, how many bytes they expand to, the
// overall expansion ratio, and the wall-clock time. Shared by the threads that scan the
// file's children in parallel, so every counter is atomic.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace gdprscan {

struct ContainerLimits {
  int max_depth = 17;
  uint64_t max_children = 10000;
  uint64_t max_bytes = 400ull << 20;  // bytes extracted from containers, all levels together
  double max_ratio = 250;             // extracted bytes per byte of the file on disk ...
  uint64_t ratio_floor = 32ull << 20;  // ... once past this many extracted bytes
  std::chrono::seconds max_time{600};
};

class Budget {
 public:
  Budget(const ContainerLimits& limits, uint64_t file_size)
      : limits_(limits), file_size_(file_size ? file_size : 1), start_(std::chrono::steady_clock::now()) {}

  // Empty when the child may be scanned (and is counted); else which limit stops it.
  std::string admit_child(int depth);
  // Once a limit has stopped something, one record says so; later refusals are only
  // counted (a bomb of a million members gets one record, not a million).
  // Each kind of limit (depth, members, bytes/ratio/time) gets its own first record.
  bool first_refusal(const std::string& why) {
    ++refused_;
    std::atomic<bool>& seen = why.rfind("nesting", 0) == 0 ? depth_seen_
                              : why.rfind("more than", 0) == 0 && why.find("members") != std::string::npos ? members_seen_
                                                                                                           : volume_seen_;
    return !seen.exchange(true);
  }
  uint64_t refusals() const { return refused_; }
  bool exhausted() const { return exhausted_; }
  void set_exhausted() { exhausted_ = true; }
  // Empty while extracted bytes stay within the limits; else which limit was hit.
  std::string charge_bytes(uint64_t n);
  std::string time_left() const;
  const ContainerLimits& limits() const { return limits_; }

  // A mailbox store (mbox, PST) is a collection of mails, each of which would be a file of
  // its own in a maildir: its members, bytes and time scale with its size instead of being
  // capped like one document's (one member per 4 KiB, twice its size in extracted bytes,
  // one more second per MB). Bombs stay bounded by the ratio and by depth. Called before
  // any child is admitted.
  void widen_for_mailbox_store();

 private:
  const ContainerLimits& limits_;
  uint64_t file_size_;
  uint64_t max_children_ = limits_.max_children;
  uint64_t max_bytes_ = limits_.max_bytes;
  std::chrono::seconds max_time_ = limits_.max_time;
  std::chrono::steady_clock::time_point start_;
  std::atomic<uint64_t> children_{0};
  std::atomic<uint64_t> bytes_{0};
  std::atomic<uint64_t> refused_{0};
  std::atomic<bool> depth_seen_{false}, members_seen_{false}, volume_seen_{false};
  std::atomic<bool> exhausted_{false};  // bytes, ratio or time: nothing more is extracted
};

}  // namespace gdprscan
