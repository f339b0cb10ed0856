// Accuracy of one scan against a truth file (truth.jsonl: one planted item per line, see
// `gdprscan corpus generate`): precision, recall and F2 per detector and per file format, and the
// decoys that were reported. Values are compared in memory only; nothing here prints one.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sink.h"

namespace gdprscan {

struct TruthItem {
  std::string file;      // relative to the scanned directory
  std::string detector;
  std::string value;     // normalised, as a finding's value with --reveal
  std::string kind;      // positive | decoy | anything else (ignored)
  std::optional<std::vector<std::string>> location;
};

// Reads a truth file; throws std::runtime_error naming the file and line of a bad entry.
// Unknown fields are ignored; unknown kinds are kept (they excuse a finding, see score()).
std::vector<TruthItem> read_truth_file(const std::string& path);

// What the accuracy scan reported, one entry per finding.
struct ObservedFinding {
  std::string file;  // relative to the scanned directory
  std::string detector, value, match, fingerprint;
  std::vector<std::string> location;
};

// A Sink that keeps the findings of a scan (run with reveal) instead of writing them.
// `root` is the scanned directory, stripped from paths to compare with the truth file.
std::unique_ptr<Sink> make_collecting_sink(const std::string& root, std::vector<ObservedFinding>& out);

struct Score {
  uint64_t true_positives = 0, false_negatives = 0, false_positives = 0;
  std::optional<double> precision() const;
  std::optional<double> recall() const;
  std::optional<double> f2() const;
};

struct Accuracy {
  uint64_t truth_items = 0;
  std::map<std::string, Score> by_detector, by_format;
  std::vector<ObservedFinding> decoys_reported;
};

// Matching rule: a finding matches a truth item when file, detector and value are equal
// (and the locations too when both have one). A positive item found is a true positive,
// one not found a false negative. A finding that matches a decoy, or matches no item at
// all, is a false positive, the latter only for detectors the truth file names (a truth
// file about CPR numbers says nothing about the phone numbers in the same text). Findings
// matching an item of another kind ("ambiguous") count neither way. Counts are of distinct
// items and distinct (file, detector, value, location) findings: a value repeated on ten
// lines of one file is one item.
Accuracy score(const std::vector<TruthItem>& truth, const std::vector<ObservedFinding>& findings);

// "Sager/a.txt" -> "txt", "README" -> "(none)": the format a figure is grouped under.
std::string format_of(const std::string& file);

}  // namespace gdprscan
