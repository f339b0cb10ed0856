// Small helpers shared by the unit tests: the shipped rules, a detector on a fixed date.
#pragma once

#include <string>
#include <vector>

#include "detector.h"
#include "piece_scanner.h"
#include "rules.h"
#include "scan_file.h"

namespace gdprscan::testing {

inline std::vector<Rule> shipped_rules() { return load_rule_dir(GDPRSCAN_RULES_SOURCE_DIR); }

// Findings with values revealed, at the default threshold unless given.
inline std::vector<Finding> findings_in(const Detector& detector, std::string_view text, double min_confidence = 0.5) {
  static thread_local MatchScratch scratch;
  ReportPolicy policy;
  policy.min_confidence = min_confidence;
  policy.reveal = true;
  return scan_text(text, detector, policy, scratch);
}

inline std::vector<std::string> values_of(const std::vector<Finding>& findings, const std::string& prefix = "") {
  std::vector<std::string> out;
  for (const auto& f : findings)
    if (f.detector.rfind(prefix, 0) == 0) out.push_back(f.value);
  return out;
}

}  // namespace gdprscan::testing
