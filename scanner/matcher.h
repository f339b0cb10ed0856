// Stage one of matching: one Hyperscan database for every active rule, compiled once per
// run, without start-of-match tracking (SOM is expensive). A scan reports only which rule
// matched and where the candidate ends; validators.cpp finds the exact span.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

struct hs_database;
struct hs_scratch;

namespace gdprscan {

struct Rule;

struct Candidate {
  uint32_t rule;  // index into the rule list the matcher was built from
  size_t end;     // offset one past the last byte of the candidate
};

// Per-thread scratch space; cheap to reuse, never shared between threads.
class MatchScratch {
 public:
  MatchScratch() = default;
  MatchScratch(const MatchScratch&) = delete;
  MatchScratch& operator=(const MatchScratch&) = delete;
  ~MatchScratch();
  hs_scratch* get() const { return scratch_; }

 private:
  friend class Matcher;
  hs_scratch* scratch_ = nullptr;
};

class Matcher {
 public:
  // Throws std::runtime_error naming the rule whose pattern Hyperscan rejects.
  explicit Matcher(const std::vector<Rule>& rules);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Makes `scratch` fit this database (allocates on first use).
  void prepare(MatchScratch& scratch) const;
  // Appends every candidate end in `text` (in increasing end order; rules sharing a pattern
  // get one candidate each).
  void scan(std::string_view text, MatchScratch& scratch, std::vector<Candidate>& out) const;
  double compile_ms() const { return compile_ms_; }

 private:
  hs_database* db_ = nullptr;
  std::vector<std::vector<uint32_t>> rules_of_expression_;  // Hyperscan id -> rule indexes
  double compile_ms_ = 0;
};

}  // namespace gdprscan
