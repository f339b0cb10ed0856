// Scans one piece of text that arrives in writes of any size, without ever holding it whole:
// the text is matched in chunks that overlap by the detector's reach, so an identifier cut
// by a chunk boundary is found once, with its full context, and line numbers run on.
#pragma once

#include <atomic>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

#include "detector.h"
#include "extract.h"
#include "fingerprint.h"

namespace gdprscan {

struct ReportPolicy {
  double min_confidence = 0.5;
  bool reveal = false;  // put the normalised value in findings
  const Fingerprinter* fingerprinter = nullptr;
  size_t context_chars = 60;  // bytes of context each side, trimmed to whole characters
  // Accepted findings (--ignore-file): fingerprints that are not reported, only counted.
  const std::unordered_set<std::string>* ignored_fingerprints = nullptr;
  std::atomic<uint64_t>* ignored_count = nullptr;
  // Special-category terms (rules with a pairing window) are reported next to a person
  // identifier within the window; with document scope also when one is anywhere in the file
  // (the finding waits, awaiting_pair, until the file is done: ScanContext decides).
  bool special_scope_document = false;
  // Match the word lists over all text instead of only where a term can be reported or
  // shown (TermScope): slower, and the same findings; tests/unit/test_term_windows.cpp
  // holds the two against each other.
  bool terms_everywhere = false;
  // Likewise for the rules that only anchor (personal names unless asked for):
  // tests/unit/test_anchor_windows.cpp.
  bool anchors_everywhere = false;
};

// Masks what could still identify a person among the digits of a context string.
void mask_long_numbers(std::string& context);
// For messages from libraries (libarchive, libxml2), which can quote names and content:
// long digit runs as above, and e-mail-like words reduced to their domain.
void mask_message(std::string& message);

class PieceScanner final : public TextSink {
 public:
  PieceScanner(const Detector& detector, MatchScratch& scratch, const ReportPolicy& policy, LocationChain location,
               std::vector<Finding>& out, size_t chunk_size = 1 << 20);
  void write(std::string_view utf8) override;
  void finish() override;
  void write_whole(std::string_view utf8) override;
  uint64_t text_bytes() const { return total_; }
  // For pieces made of many small parts (the cells of a sheet): maps a finding's offset in
  // the piece to its location chain. Without it every finding gets the piece's location.
  void locate_by_offset(std::function<LocationChain(uint64_t offset)> resolver) override { resolver_ = std::move(resolver); }
  void adjust_by_offset(std::function<std::optional<ConfidenceAdjustment>(uint64_t)> adjust) override {
    adjust_ = std::move(adjust);
  }
  // Called after each finding is appended, so the owner can hand a full batch on early.
  void after_each_finding(std::function<void()> hook) { after_finding_ = std::move(hook); }

 private:
  void process(bool final);
  void match_and_emit(size_t from, size_t to);  // on text_, ends in [from, to)
  // `decorate` completes the finding before it is handed on (a batch may leave right after).
  // The detection's signals are moved into the finding.
  void emit(Detection& d, size_t index, double confidence, const std::string* extra_signal,
            const std::function<void(Finding&)>& decorate = {});
  void emit_or_anchor(Detection& d, size_t index, double confidence, const std::string* extra_signal);
  // A term of a rule with a pairing window: emitted with the identifier it is paired with,
  // waiting for the document (--special-scope document), or not at all.
  void emit_term(Detection& d, size_t index, double confidence);
  const Detection* nearest_identifier(const Detection& d, int window) const;
  bool another_term_nearby(const Detection& d, int window) const;
  const std::string& paired_fingerprint(const Detection& person);
  const std::string& paired_rule_fingerprint(const std::string& value);
  std::string masked_context(size_t index);
  uint64_t line_of(size_t rel_pos);

  const Detector& detector_;
  MatchScratch& scratch_;
  const ReportPolicy& policy_;
  LocationChain location_;
  std::vector<Finding>& out_;
  size_t chunk_size_;

  std::string buf_;          // text not yet fully scanned, plus `reach` bytes of overlap
  std::string_view text_;    // what is being matched: buf_, or the caller's whole piece
  uint64_t buf_abs_ = 0;     // offset of buf_[0] in the whole piece
  uint64_t done_upto_ = 0;   // every candidate ending before this offset is handled
  uint64_t total_ = 0;
  uint64_t lines_before_buf_ = 0;
  size_t line_cursor_ = 0;   // line_of() counts newlines incrementally from here
  size_t mask_cursor_ = 0;   // masked_context(): the first detection that can reach its window
  uint64_t line_at_cursor_ = 0;
  std::vector<Detection> detections_;
  const Detection* last_paired_ = nullptr;  // in detections_, with its fingerprint
  std::string last_paired_fingerprint_;
  std::unordered_map<std::string, std::string> paired_rule_fingerprints_;  // term -> fingerprint
  std::function<void()> after_finding_;
  std::function<LocationChain(uint64_t)> resolver_;
  std::function<std::optional<ConfidenceAdjustment>(uint64_t)> adjust_;
};

}  // namespace gdprscan
