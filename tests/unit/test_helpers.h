// Small helpers shared by the unit tests: the shipped rules, a detector on a fixed date.
#pragma once

#include <sstream>
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

// Test-vector TSV fields: "\n", "\t", "\r" and "\\" are escapes (../shared/vectors/README.md).
inline std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Fields of a line; a trailing separator gives a last empty field.
inline std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) out.push_back(part);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

// `text` written into a PieceScanner `write_size` bytes at a time and matched in chunks of
// `chunk` bytes: every identifier must come out once, whatever the boundaries.
inline std::vector<Finding> scan_in_pieces(const Detector& d, const std::string& text, size_t chunk, size_t write_size) {
  MatchScratch scratch;
  ReportPolicy policy;
  policy.reveal = true;
  std::vector<Finding> out;
  PieceScanner scanner(d, scratch, policy, {}, out, chunk);
  for (size_t i = 0; i < text.size(); i += write_size) scanner.write(std::string_view(text).substr(i, write_size));
  scanner.finish();
  return out;
}

}  // namespace gdprscan::testing
