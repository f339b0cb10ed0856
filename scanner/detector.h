// Matching as a whole: Hyperscan candidates (matcher.h), confirmed by each rule's validator
// (validators.h), then scored by the words around them (the rule's context model). Returns
// every confirmed identifier with its confidence; the caller applies the threshold, so that
// identifiers below it can still be masked in the context of those above it.
#pragma once

#include <string_view>
#include <vector>

#include "context_words.h"
#include "matcher.h"
#include "rules.h"
#include "validators.h"

namespace gdprscan {

struct Detection {
  uint32_t rule;  // index into Detector::rules()
  Confirmed hit;  // span, value, signals
  double confidence = 0;
};

// Where the terms of word-list rules that matter only near person identifiers are matched
// (terms_matter_only_near_identifiers). With `whole_text` everywhere; otherwise only where
// one can change what the caller reports, as a whole-text match would have found them: in
// the pairing windows of the identifiers at `min_confidence`, the windows of a weak term's
// partner, and the masked contexts (`context_chars` each side) of every other detection.
// The piece scanner pairs and masks with exactly these parameters (docs/performance.md).
struct TermScope {
  bool whole_text = true;  // --special-scope document pairs with identifiers anywhere
  double min_confidence = 0.5;
  size_t context_chars = 60;
  // The caller may move confidences after detection (PieceScanner::adjust_by_offset): then
  // a detection below the threshold can still be reported, with its context.
  bool confidence_may_change = false;
  // Rules that only anchor (anchors_only: names unless asked for) are matched only where
  // they can change the output, as a whole-text match would have found them: in the pairing
  // windows of paired rules' detections (the terms then are matched in all text: a term may
  // pair with a name anywhere) and in the masked contexts of the detections above. With
  // this, or with `whole_text`, everywhere (tests/unit/test_anchor_windows.cpp).
  bool anchors_everywhere = false;
};

class Detector {
 public:
  explicit Detector(std::vector<Rule> rules, CivilDate today = today_utc());

  const std::vector<Rule>& rules() const { return rules_; }
  const Validator& validator(uint32_t rule) const { return *validators_[rule]; }
  // Whether rule `rule` finds person identifiers (rules.h identifies_a_person).
  bool identifies_a_person(uint32_t rule) const { return identifier_[rule]; }
  // Whether findings of rule `rule` are written (Rule::reported): an on-request rule the
  // user did not ask for only anchors special-category terms and is masked in contexts.
  bool reports(uint32_t rule) const { return rules_[rule].reported; }
  // Bytes of text a detection may need before its start or after its end (context windows
  // plus the longest span): chunked scanning keeps this much overlap.
  size_t reach() const { return reach_; }
  double compile_ms() const { return matcher_.compile_ms(); }

  // Appends detections in `text` whose end lies in [report_from, report_to), sorted by start.
  void detect(std::string_view text, size_t report_from, size_t report_to, MatchScratch& scratch,
              std::vector<Detection>& out, const TermScope& terms = {}) const;
  void detect(std::string_view text, MatchScratch& scratch, std::vector<Detection>& out,
              const TermScope& terms = {}) const {
    detect(text, 0, text.size() + 1, scratch, out, terms);
  }

 private:
  std::vector<Rule> rules_;
  std::vector<const Validator*> validators_;
  std::vector<bool> identifier_;  // per rule
  Matcher matcher_;
  ValidationEnv env_;
  ContextWords context_words_;          // every rule's context words, one Hyperscan pass
  std::vector<ContextScorer> scorers_;  // one per rule
  std::vector<std::shared_ptr<const void>> prepared_;  // per rule: Validator::prepare of its word lists
  size_t reach_ = 0;
  size_t term_window_ = 0;   // the widest pairing window of the deferred word lists
  size_t longest_term_ = 0;  // bytes of their longest term
  size_t anchor_span_ = 0;   // the longest span of an anchors-only rule (its validator's)

  // Confirms the candidate ends of `matches` that lie in [report_from, report_to) with each
  // owner's validator, appending to `out`; whether one of them needs context words.
  bool confirm_candidates(std::string_view text, size_t report_from, size_t report_to,
                          const std::vector<ExpressionMatch>& matches, std::vector<Detection>& out) const;
  // The anchors-only rules' detections (detector_anchors.cpp), appended to `out` after the
  // detections from `first` on, terms included, are scored.
  void detect_anchors(std::string_view text, size_t report_from, size_t report_to, const TermScope& scope,
                      MatchScratch& scratch, std::vector<Detection>& out, size_t first) const;

  // The deferred word lists' terms (detector_terms.cpp), appended to `out` after the
  // detections from `first` on are scored.
  void detect_terms(std::string_view text, size_t report_from, size_t report_to, const TermScope& scope,
                    MatchScratch& scratch, std::vector<Detection>& out, size_t first) const;
  void confirm_terms(std::string_view text, size_t report_from, size_t report_to,
                     const std::vector<ExpressionMatch>& matches, std::vector<Detection>& out) const;
  bool is_weak_term(const Detection& d) const;
};

}  // namespace gdprscan
