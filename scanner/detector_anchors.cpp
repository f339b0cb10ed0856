// The rules that only anchor (anchors_only: personal names unless --enable person.name),
// matched only where they can change the output.
//
// Such a detection is never written. It matters in two places: as the person identifier a
// paired rule's term pairs with (the nearest within the term's window), and masked in the
// context of a finding that is written. A GiB of letters and case notes holds millions of
// names, and finding them everywhere cost a third of the scan (docs/performance.md); the
// windows of the written findings and the terms cover a small part of most text. The
// result must be exactly a whole-text match's in those windows: every anchor that overlaps
// one is found, because its candidate ends within its validator's longest span of any byte
// of it, and Hyperscan sees that much text before the candidate end too.
#include <algorithm>
#include <cmath>

#include "detector.h"
#include "spans.h"

namespace gdprscan {

void Detector::detect_anchors(std::string_view text, size_t report_from, size_t report_to, const TermScope& scope,
                              MatchScratch& scratch, std::vector<Detection>& out, size_t first) const {
  thread_local std::vector<ExpressionMatch> matches;
  thread_local Spans needed;
  matches.clear();
  needed.clear();
  const size_t size = text.size(), span = anchor_span_;
  if (scope.whole_text || scope.anchors_everywhere) {
    needed.push_back({0, size});
  } else {
    for (size_t i = first; i < out.size(); ++i) {
      const Detection& d = out[i];
      const Rule& rule = rules_[d.rule];
      size_t window;
      if (rule.pair_window > 0)  // pairs with the nearest identifier; shown with its context
        window = std::max(static_cast<size_t>(rule.pair_window), scope.context_chars);
      else if (d.confidence >= scope.min_confidence || scope.confidence_may_change)
        window = scope.context_chars;
      else
        continue;
      needed.push_back(around(d.hit.start, d.hit.end, window + 2 * span, window + span, size));
    }
    // Ranges a span apart are scanned as one: fewer Hyperscan calls, the same matches.
    merge(needed, span);
  }
  for (auto [begin, end] : needed) matcher_.scan_anchors(text, begin, end, scratch, matches);
  size_t anchors_first = out.size();
  confirm_candidates(text, report_from, report_to, matches, out);
  // No context words (anchors_only): the validator's score alone, rounded as reported.
  for (size_t i = anchors_first; i < out.size(); ++i)
    out[i].confidence = std::round(std::clamp(out[i].hit.score, 0.0, 1.0) * 100) / 100;
}

}  // namespace gdprscan
