// Stage one of matching: one Hyperscan database for every active rule, compiled once per
// run, without start-of-match tracking (SOM is expensive). A scan reports only which rule
// matched and where the candidate ends; validators.cpp finds the exact span.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct hs_database;
struct hs_scratch;

namespace gdprscan {

struct Rule;

struct Candidate {
  uint32_t rule;  // the owner of the expression: a rule index (or a context word index)
  size_t end;     // offset one past the last byte of the candidate
  size_t start = 0;  // only for expressions compiled with start of match (HS_FLAG_SOM_LEFTMOST)
};

// A match of one expression: `expression` indexes Matcher::owners().
struct ExpressionMatch {
  uint32_t expression;
  size_t end;
  size_t start = 0;  // only for expressions compiled with start of match
};

// One Hyperscan expression and who is told when it matches.
struct MatchExpression {
  std::string pattern;
  unsigned flags = 0;           // HS_FLAG_*; never SOM_LEFTMOST
  std::vector<uint32_t> owners;  // reported as Candidate::rule, one candidate each
  std::string name;             // for error messages ("rule dk.cpr")
  bool separate = false;        // compiled into the second database (Rule::separate_database)
  // Compiled into a third database that is scanned only over the ranges the caller names
  // (Matcher::scan_deferred): word lists whose terms matter only near identifiers.
  bool deferred = false;
  // A literal of this many bytes (a term of a word list, one expression per term): its
  // start is the end minus this, without start-of-match tracking.
  size_t literal_length = 0;
  // Compiled into a fourth database, also scanned only over the caller's ranges
  // (Matcher::scan_anchors): rules whose findings are never written (anchors_only), which
  // matter only where they can anchor a term or be masked in a written finding's context.
  bool anchor = false;
};

// Rules that share a candidate pattern (the CPR family shares one digit-run pattern) share
// one expression; a match is reported to each of them. Expressions go into one database,
// those of rules with `separate_database` into a second one, scanned after the first; the
// word lists of rules that matter only near identifiers (terms_matter_only_near_identifiers)
// into a third, deferred one; the patterns of rules that only anchor (anchors_only: names
// unless asked for) into a fourth.
std::vector<MatchExpression> expressions_for(const std::vector<Rule>& rules);

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
  std::vector<const hs_database*> fits_;  // one scratch serves several databases
};

class Matcher {
 public:
  // Throws std::runtime_error naming the rule whose pattern Hyperscan rejects.
  explicit Matcher(const std::vector<Rule>& rules) : Matcher(expressions_for(rules)) {}
  explicit Matcher(std::vector<MatchExpression> expressions);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Makes `scratch` fit this database (allocates on first use).
  void prepare(MatchScratch& scratch) const;
  // Appends every candidate end in `text` (in increasing end order within each database;
  // rules sharing a pattern get one candidate each), the deferred database's too.
  void scan(std::string_view text, MatchScratch& scratch, std::vector<Candidate>& out) const;
  // The same matches, once per expression instead of once per owner: where many rules share
  // an expression the caller screens each end once for all of them (the detector). Not the
  // deferred database: see scan_deferred.
  void scan_expressions(std::string_view text, MatchScratch& scratch, std::vector<ExpressionMatch>& out) const;
  // The deferred database's matches within text[begin, end), as offsets in `text`. Hyperscan
  // sees only that range: a match reported near `begin` may have started before it.
  void scan_deferred(std::string_view text, size_t begin, size_t end, MatchScratch& scratch,
                     std::vector<ExpressionMatch>& out) const {
    scan_range(deferred_, text, begin, end, scratch, out);
  }
  bool has_deferred() const { return deferred_ != nullptr; }
  // The anchor database's matches within text[begin, end), as scan_deferred gives them.
  void scan_anchors(std::string_view text, size_t begin, size_t end, MatchScratch& scratch,
                    std::vector<ExpressionMatch>& out) const {
    scan_range(anchors_, text, begin, end, scratch, out);
  }
  bool has_anchors() const { return anchors_ != nullptr; }
  const std::vector<uint32_t>& owners(uint32_t expression) const { return owners_[expression]; }
  double compile_ms() const { return compile_ms_; }

 private:
  std::vector<hs_database*> databases_;  // the main one, then the separate one if any
  hs_database* deferred_ = nullptr;       // scanned only through scan_deferred
  hs_database* anchors_ = nullptr;        // scanned only through scan_anchors
  std::vector<std::vector<uint32_t>> owners_;  // Hyperscan id -> owners
  std::vector<size_t> literal_lengths_;        // Hyperscan id -> MatchExpression::literal_length
  double compile_ms_ = 0;

  void scan_range(hs_database* db, std::string_view text, size_t begin, size_t end, MatchScratch& scratch,
                  std::vector<ExpressionMatch>& out) const;
};

}  // namespace gdprscan
