// Byte ranges of a text where the detector matches a deferred database (detector_terms.cpp,
// detector_anchors.cpp): built around detections, merged, then scanned once each.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace gdprscan {

using Spans = std::vector<std::pair<size_t, size_t>>;  // [begin, end) ranges of the text

// Sorts `spans` and joins those less than `join_gap` bytes apart.
inline void merge(Spans& spans, size_t join_gap) {
  if (spans.empty()) return;
  std::sort(spans.begin(), spans.end());
  size_t merged = 0;
  for (size_t i = 1; i < spans.size(); ++i) {
    if (spans[i].first <= spans[merged].second + join_gap)
      spans[merged].second = std::max(spans[merged].second, spans[i].second);
    else
      spans[++merged] = spans[i];
  }
  spans.resize(merged + 1);
}

// Whether [begin, end) lies inside one of the merged `spans`.
inline bool covered(const Spans& spans, size_t begin, size_t end) {
  auto after = std::upper_bound(spans.begin(), spans.end(), begin,
                                [](size_t at, const std::pair<size_t, size_t>& s) { return at < s.first; });
  return after != spans.begin() && std::prev(after)->second >= end;
}

// [start - before, end + after) within a text of `size` bytes.
inline std::pair<size_t, size_t> around(size_t start, size_t end, size_t before, size_t after, size_t size) {
  return {start > before ? start - before : 0, std::min(size, end + after)};
}

}  // namespace gdprscan
