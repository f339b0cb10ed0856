// Context words around a candidate: the keywords that raise a rule's confidence and the
// negative words that lower it. Built once per rule; searched without allocating, because
// it runs for every confirmed candidate.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules.h"

namespace gdprscan {

// Where the nearest label is: `distance` bytes from the match (-1: none) and which word.
struct Nearest {
  long distance = -1;
  const std::string* word = nullptr;
};

// A list of lower-case words, matched whole and case-insensitively (ASCII and the Latin-1
// capitals ÆØÅ... in UTF-8) inside a window of text.
class WordList {
 public:
  explicit WordList(std::vector<std::string> words);
  bool empty() const { return words_.empty(); }
  // The occurrence nearest to the window's end (`anchor_at_end`) or to its start.
  Nearest nearest(std::string_view window, bool anchor_at_end) const;

 private:
  bool matches_at(std::string_view window, size_t i, const std::string& word) const;
  std::vector<std::string> words_;
  std::array<std::vector<uint16_t>, 256> by_first_byte_;  // indexes into words_
  std::bitset<65536> first_pairs_;  // folded first two bytes of some word: a cheap prefilter
  bool has_short_word_ = false;     // a one-byte word defeats the pair prefilter
};

// A rule's context model with its word lists built.
class ContextScorer {
 public:
  explicit ContextScorer(const ContextModel& model);
  // Adds the label's signal to `signals` and returns the confidence change.
  double score(std::string_view text, size_t start, size_t end, std::vector<std::string>& signals) const;

 private:
  ContextModel model_;
  WordList keywords_, negative_;
};

}  // namespace gdprscan
