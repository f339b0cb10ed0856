#include "detector.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace gdprscan {

namespace {

std::vector<const Validator*> resolve_validators(const std::vector<Rule>& rules) {
  std::vector<const Validator*> out;
  for (const auto& r : rules) {
    const Validator* v = find_validator(r.validator);
    if (!v) throw std::runtime_error("rule " + r.id + ": unknown validator '" + r.validator + "'");
    out.push_back(v);
  }
  return out;
}

// What the validators on a candidate end are screened with: whether a digit follows the end
// and how long the digit run before it is (capped at kLongDigitRun).
struct EndShape {
  bool digit_after;
  int digit_run;
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

EndShape end_shape(std::string_view text, size_t end) {
  EndShape shape{end < text.size() && is_ascii_digit(text[end]), 0};
  while (shape.digit_run < kLongDigitRun && end > static_cast<size_t>(shape.digit_run) &&
         is_ascii_digit(text[end - 1 - shape.digit_run]))
    ++shape.digit_run;
  return shape;
}

// Inside a long digit run Hyperscan reports an end at every digit, and only the last can be
// an identifier; of the rules sharing an expression, most accept only a few run lengths.
bool worth_validating(const Validator& v, const EndShape& shape) {
  if (shape.digit_after && v.rejects_digit_after) return false;
  return v.accepts_final_digit_run(shape.digit_run);
}

// Sorts out[first, end) by start, then rule, then end. A detection is large (its value and
// signals): sorting 4-byte indices and moving each detection into place once is cheaper
// than moving detections around inside std::sort.
void sort_by_start(std::vector<Detection>& out, size_t first) {
  // Keys are sorted by value beside the detections: comparing through indices read two
  // detections (each with its strings) at every step of a chunk's tens of thousands.
  struct Key {
    size_t start, end;
    uint32_t rule, index;
    bool operator<(const Key& o) const {
      if (start != o.start) return start < o.start;
      return rule != o.rule ? rule < o.rule : end < o.end;
    }
  };
  thread_local std::vector<Key> order;
  thread_local std::vector<Detection> sorted;
  order.clear();
  for (size_t i = first; i < out.size(); ++i)
    order.push_back({out[i].hit.start, out[i].hit.end, out[i].rule, static_cast<uint32_t>(i - first)});
  std::sort(order.begin(), order.end());
  sorted.clear();
  for (const Key& k : order) sorted.push_back(std::move(out[first + k.index]));
  std::move(sorted.begin(), sorted.end(), out.begin() + static_cast<std::ptrdiff_t>(first));
}

}  // namespace

Detector::Detector(std::vector<Rule> rules, CivilDate today)
    : rules_(std::move(rules)),
      validators_(resolve_validators(rules_)),
      matcher_(rules_),
      env_{today},
      context_words_(rules_) {
  for (size_t i = 0; i < rules_.size(); ++i) {
    scorers_.emplace_back(rules_[i].context, context_words_);
    identifier_.push_back(gdprscan::identifies_a_person(rules_[i]));
    prepared_.push_back(validators_[i]->prepare ? validators_[i]->prepare(rules_[i].word_lists) : nullptr);
  }
  for (size_t i = 0; i < rules_.size(); ++i) {
    const ContextModel& m = rules_[i].context;
    size_t window = std::max({m.keyword_before, m.keyword_after, m.negative_before, m.negative_after,
                              rules_[i].pair_window, 64});
    reach_ = std::max(reach_, window + validators_[i]->max_length);
    if (terms_matter_only_near_identifiers(rules_[i])) {
      term_window_ = std::max(term_window_, static_cast<size_t>(rules_[i].pair_window));
      longest_term_ = std::max(longest_term_, longest_term_bytes(rules_[i]));
    }
    if (anchors_only(rules_[i])) anchor_span_ = std::max(anchor_span_, static_cast<size_t>(validators_[i]->max_length));
  }
}

bool Detector::confirm_candidates(std::string_view text, size_t report_from, size_t report_to,
                                  const std::vector<ExpressionMatch>& matches, std::vector<Detection>& out) const {
  bool needs_words = false;
  size_t shape_end = SIZE_MAX;  // each database reports in order of the end: one shape per end
  EndShape shape{};
  // A rule's literals can end at one place ("Marie" and "Rie"): its validator reads
  // from the end, once (not "regex", which takes the start Hyperscan gives, and whose
  // patterns are never split into literals).
  thread_local std::vector<size_t> validated_end;
  validated_end.assign(rules_.size(), SIZE_MAX);
  for (const ExpressionMatch& m : matches) {
    if (m.end < report_from || m.end >= report_to) continue;
    if (m.end != shape_end) shape = end_shape(text, shape_end = m.end);
    for (uint32_t rule : matcher_.owners(m.expression)) {
      if (!worth_validating(*validators_[rule], shape)) continue;
      if (!rules_[rule].literal_patterns.empty()) {
        if (validated_end[rule] == m.end) continue;
        validated_end[rule] = m.end;
      }
      ValidationEnv env = env_;
      env.start = m.start;
      env.words = &rules_[rule].word_lists;
      env.prepared = prepared_[rule].get();
      auto hit = validators_[rule]->confirm(text, m.end, env);
      if (!hit) continue;
      needs_words |= scorers_[rule].needs_words();
      out.push_back(Detection{rule, std::move(*hit), 0});
    }
  }
  return needs_words;
}

void Detector::detect(std::string_view text, size_t report_from, size_t report_to, MatchScratch& scratch,
                      std::vector<Detection>& out, const TermScope& terms) const {
  thread_local std::vector<ExpressionMatch> matches;
  matches.clear();
  matcher_.scan_expressions(text, scratch, matches);
  size_t first = out.size();
  bool needs_words = confirm_candidates(text, report_from, report_to, matches, out);
  // Context words are searched only around confirmed candidates that need them: in small
  // windows where identifiers are sparse, in one merged range where they are dense.
  thread_local std::vector<WordHit> words;
  thread_local std::vector<std::pair<size_t, size_t>> ranges;
  words.clear();
  ranges.clear();
  if (needs_words) {
    for (auto d = out.begin() + first; d != out.end(); ++d) {
      const ContextScorer& s = scorers_[d->rule];
      if (!s.needs_words()) continue;
      size_t begin = d->hit.start > s.reach_before() ? d->hit.start - s.reach_before() : 0;
      ranges.push_back({begin, std::min(text.size(), d->hit.end + s.reach_after())});
    }
    std::sort(ranges.begin(), ranges.end());
    size_t merged = 0;
    for (size_t i = 1; i < ranges.size(); ++i) {
      if (ranges[i].first <= ranges[merged].second) ranges[merged].second = std::max(ranges[merged].second, ranges[i].second);
      else ranges[++merged] = ranges[i];
    }
    ranges.resize(merged + 1);
    context_words_.find(text, ranges, scratch, words);
  }
  for (auto d = out.begin() + first; d != out.end(); ++d) {
    double context = scorers_[d->rule].score(text, d->hit.start, d->hit.end, words, d->hit.signals);
    // Two decimals, as reported: the threshold compares what the user sees (0.6 + 0.3 is
    // 0.8999999999999999 in binary, and must pass --min-confidence 0.9).
    d->confidence = std::round(std::clamp(d->hit.score + context, 0.0, 1.0) * 100) / 100;
  }
  // Where terms matter depends on the identifiers just scored, anchors included; where
  // anchors matter, on the terms. Anchors matched everywhere therefore come first; anchors
  // matched only in windows come last, and the terms before them are matched in all text
  // (a term may pair with an anchor not found yet).
  bool anchors_in_windows = matcher_.has_anchors() && !terms.whole_text && !terms.anchors_everywhere;
  if (matcher_.has_anchors() && !anchors_in_windows) detect_anchors(text, report_from, report_to, terms, scratch, out, first);
  if (matcher_.has_deferred()) {
    TermScope term_scope = terms;
    term_scope.whole_text |= anchors_in_windows;
    detect_terms(text, report_from, report_to, term_scope, scratch, out, first);
  }
  if (anchors_in_windows) detect_anchors(text, report_from, report_to, terms, scratch, out, first);
  sort_by_start(out, first);
  // Two rules can confirm the same span (never with the shipped rules, possible with custom
  // ones); report it once per rule.
  out.erase(std::unique(out.begin() + first, out.end(),
                        [](const Detection& a, const Detection& b) {
                          return a.rule == b.rule && a.hit.start == b.hit.start && a.hit.end == b.hit.end;
                        }),
            out.end());
}

}  // namespace gdprscan
