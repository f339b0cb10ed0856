// Context words around a candidate: the keywords that raise a rule's confidence and the
// negative words that lower it. Every context word of every rule is found in one Hyperscan
// pass over a chunk (only when the chunk has a candidate that needs them); scoring a
// candidate is then a lookup among the nearby occurrences instead of a search through a
// 300-byte window per candidate, which dominated the cost of identifier-dense files.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "matcher.h"
#include "rules.h"

namespace gdprscan {

// A lower-case word as a Hyperscan pattern to compile with HS_FLAG_CASELESS: ASCII letters
// match either case through the flag; a UTF-8 Latin-1 small letter (C3 A0..BE: æ, ø, å, é
// ...) also matches its capital (C3 80..9E); everything else is matched byte for byte.
std::string folded_word_pattern(const std::string& word);

// A whole-word occurrence of a context word.
struct WordHit {
  uint32_t word;
  size_t start, end;
};

// The distinct context words of all rules, matched case-insensitively (ASCII and the
// Latin-1 capitals ÆØÅ... in UTF-8) and as whole words.
class ContextWords {
 public:
  explicit ContextWords(const std::vector<Rule>& rules);
  bool empty() const { return words_.empty(); }
  uint32_t id_of(const std::string& word) const;  // for words of the rules it was built from
  const std::string& word(uint32_t id) const { return words_[id]; }
  size_t size() const { return words_.size(); }
  // Whole-word occurrences inside `ranges` of `text` ([begin, end) pairs sorted by begin,
  // merged where they overlap), sorted by end.
  void find(std::string_view text, const std::vector<std::pair<size_t, size_t>>& ranges, MatchScratch& scratch,
            std::vector<WordHit>& out) const;

 private:
  std::vector<std::string> words_;
  std::unique_ptr<Matcher> matcher_;
};

// A rule's context model over the shared word occurrences.
class ContextScorer {
 public:
  ContextScorer(const ContextModel& model, const ContextWords& words);
  bool needs_words() const { return !model_.keywords.empty() || !model_.negative.empty(); }
  // Bytes before a match's start and after its end where a label may stand.
  size_t reach_before() const { return std::max(model_.keyword_before, model_.negative_before); }
  size_t reach_after() const { return std::max(model_.keyword_after, model_.negative_after); }
  // Adds the deciding label's signal to `signals` and returns the confidence change.
  double score(std::string_view text, size_t start, size_t end, const std::vector<WordHit>& hits,
               std::vector<std::string>& signals) const;

 private:
  struct Label {
    long distance = -1;
    uint32_t word = 0;
    bool found() const { return distance >= 0; }
  };
  struct Labels {
    Label keyword, negative;
  };
  // The nearest keyword and negative word ending before `start`, each within its own width,
  // found in one walk back over the hits.
  Labels nearest_before(const std::vector<WordHit>& hits, size_t start, int keyword_width, int negative_width) const;
  Label nearest_after(const std::vector<WordHit>& hits, size_t end, int width, const std::vector<bool>& set) const;

  ContextModel model_;
  const ContextWords& words_;
  std::vector<bool> is_keyword_, is_negative_;  // indexed by word id
};

}  // namespace gdprscan
