#include "budget.h"

#include <algorithm>

namespace gdprscan {

std::string Budget::admit_child(int depth) {
  if (exhausted_) return "the file's extraction limit was reached: this member was not scanned";
  if (depth > limits_.max_depth)
    return "nesting deeper than " + std::to_string(limits_.max_depth) + " levels: this member and what it holds were not scanned";
  if (++children_ > max_children_)
    return "more than " + std::to_string(max_children_) + " members in one file: the rest were not scanned";
  return time_left();
}

std::string Budget::charge_bytes(uint64_t n) {
  uint64_t total = bytes_ += n;
  if (total > max_bytes_)
    return "more than " + std::to_string(max_bytes_ >> 20) +
           " MiB extracted from one file: the rest of this member and later members were not scanned";
  if (total > limits_.ratio_floor && static_cast<double>(total) / file_size_ > limits_.max_ratio)
    return "expands more than " + std::to_string(static_cast<int>(limits_.max_ratio)) +
           " times its size (a decompression bomb?): the rest was not scanned";
  return time_left();
}

std::string Budget::time_left() const {
  if (std::chrono::steady_clock::now() - start_ > max_time_)
    return "took longer than " + std::to_string(max_time_.count()) + " s: the rest was not scanned";
  return {};
}

void Budget::widen_for_mailbox_store() {
  max_children_ = std::max(max_children_, file_size_ / 4096);
  max_bytes_ = std::max(max_bytes_, 2 * file_size_);
  max_time_ = std::max(max_time_, limits_.max_time + std::chrono::seconds(file_size_ / 1000000));
}

}  // namespace gdprscan
