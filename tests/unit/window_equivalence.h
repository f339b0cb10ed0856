// Shared by test_term_windows.cpp and test_anchor_windows.cpp: the detector matches word
// lists and anchors-only rules only in windows, and these tests hold the findings of a scan
// with windows against one that matches everywhere, field for field.
#pragma once

#include <gtest/gtest.h>

#include <ostream>
#include <random>
#include <string_view>

#include "test_helpers.h"

namespace gdprscan::testing {

// What a finding shows, compared whole.
struct Seen {
  std::string detector, value, match, context, paired_detector, paired_fingerprint;
  std::vector<std::string> signals;
  double confidence;
  uint64_t line, offset;
  bool operator==(const Seen&) const = default;
};

// gtest prints a struct as bytes: the fields instead.
inline void PrintTo(const Seen& f, std::ostream* os) {
  *os << f.detector << " value=" << f.value << " match=" << f.match << " context=[" << f.context << "] paired="
      << f.paired_detector << " confidence=" << f.confidence << " offset=" << f.offset;
}

inline std::vector<Seen> seen(const std::vector<Finding>& findings) {
  std::vector<Seen> out;
  for (const auto& f : findings)
    out.push_back({f.detector, f.value, f.match, f.context, f.paired_detector, f.paired_fingerprint, f.signals,
                   f.confidence, f.line, f.offset});
  return out;
}

// The first difference, readably.
inline ::testing::AssertionResult same(const std::vector<Seen>& windowed, const std::vector<Seen>& everywhere) {
  for (size_t i = 0; i < std::min(windowed.size(), everywhere.size()); ++i)
    if (!(windowed[i] == everywhere[i]))
      return ::testing::AssertionFailure() << "finding " << i << ":\n  windowed:   " << ::testing::PrintToString(windowed[i])
                                           << "\n  everywhere: " << ::testing::PrintToString(everywhere[i]);
  if (windowed.size() != everywhere.size())
    return ::testing::AssertionFailure() << windowed.size() << " findings windowed, " << everywhere.size() << " everywhere";
  return ::testing::AssertionSuccess();
}

struct WindowScan {
  bool terms_everywhere = false;
  bool anchors_everywhere = false;
  double min_confidence = 0.5;
  size_t chunk = 1 << 20;       // PieceScanner's chunk
  size_t write_size = 1 << 20;  // bytes per write()
  double lift = 0;              // moves every detection after detection, as a sheet's column header does
};

// Findings with values revealed and fingerprints (which identifier a term paired with).
inline std::vector<Finding> scan_windows(const Detector& detector, const std::string& text, const WindowScan& how) {
  static const Fingerprinter fingerprinter(std::string(32, 'k'));
  MatchScratch scratch;
  ReportPolicy policy;
  policy.reveal = true;
  policy.min_confidence = how.min_confidence;
  policy.terms_everywhere = how.terms_everywhere;
  policy.anchors_everywhere = how.anchors_everywhere;
  policy.fingerprinter = &fingerprinter;
  std::vector<Finding> out;
  PieceScanner scanner(detector, scratch, policy, {}, out, how.chunk);
  if (how.lift != 0)
    scanner.adjust_by_offset([lift = how.lift](uint64_t) -> std::optional<ConfidenceAdjustment> {
      return ConfidenceAdjustment{"column:test", lift};
    });
  for (size_t i = 0; i < text.size(); i += how.write_size) scanner.write(std::string_view(text).substr(i, how.write_size));
  scanner.finish();
  return out;
}

inline std::string lorem(size_t bytes) {
  std::string out;
  for (size_t i = 0; i < bytes; ++i) out += "lorem ipsum "[i % 12];
  return out;
}

// At least `size` bytes of `pieces` in a seeded random order, each followed by "lorem ipsum"
// filler (one in `long_every` up to `long_max` bytes, the others up to 11) and mostly a
// space, so that the pieces fall at every distance from each other.
inline std::string pieces_with_fillers(const std::vector<std::string_view>& pieces, size_t size, unsigned seed,
                                       unsigned long_every, size_t long_max) {
  std::mt19937 rng(seed);
  std::string text;
  while (text.size() < size) {
    text += pieces[rng() % pieces.size()];
    size_t filler = rng() % long_every == 0 ? rng() % long_max : rng() % 12;
    for (size_t i = 0; i < filler; ++i) text += "lorem ipsum "[i % 12];
    if (rng() % 4 != 0) text += ' ';  // mostly, the next piece starts a word
  }
  return text;
}

}  // namespace gdprscan::testing
