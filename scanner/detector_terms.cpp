// The word lists of rules/special.toml, matched only where a term can change the output.
//
// A term is reported only within its rule's pairing window of a person identifier, a weak
// term only with another term of its rule within that window, and a term that is not
// reported still shows in the masked context of a finding next to it. Municipal prose is
// full of "behandling" and "læge", and matching the lists over all text cost as much as
// every other rule together (docs/performance.md), so they are matched only in those
// windows, in two steps: first around the identifiers and all other detections, then
// around the terms found next to an identifier, for their partners and their own context.
// The result must be exactly what a whole-text scan gives in those windows: of a rule's
// terms that end at one place only the leftmost counts ("betinget dom", not its "dom"), so
// a range is scanned from `longest_term_` bytes before where terms are needed, and a match
// that ends so early that a longer term could have begun before the range is dropped.
#include <algorithm>
#include <cmath>

#include "detector.h"
#include "spans.h"

namespace gdprscan {

namespace {

std::pair<size_t, size_t> around(const Detection& d, size_t reach, size_t text_size) {
  return gdprscan::around(d.hit.start, d.hit.end, reach, reach, text_size);
}

bool by_end(const ExpressionMatch& a, const ExpressionMatch& b) {
  return a.end != b.end ? a.end < b.end : a.expression < b.expression;
}

// Each term is an expression of its own (expressions_for). Where two terms of a rule end at
// the same place ("betinget dom" and "dom") only the leftmost is kept, as the rule's one
// alternation with start of match reported it.
void keep_leftmost(const Matcher& matcher, std::vector<ExpressionMatch>& matches) {
  auto rule_of = [&](const ExpressionMatch& m) { return matcher.owners(m.expression).front(); };
  std::sort(matches.begin(), matches.end(), [&](const ExpressionMatch& a, const ExpressionMatch& b) {
    uint32_t ra = rule_of(a), rb = rule_of(b);
    if (ra != rb) return ra < rb;
    return a.end != b.end ? a.end < b.end : a.start < b.start;
  });
  matches.erase(std::unique(matches.begin(), matches.end(),
                            [&](const ExpressionMatch& a, const ExpressionMatch& b) {
                              return a.end == b.end && rule_of(a) == rule_of(b);
                            }),
                matches.end());
}

}  // namespace

bool Detector::is_weak_term(const Detection& d) const {
  const auto& weak = rules_[d.rule].weak_terms;
  return std::find(weak.begin(), weak.end(), d.hit.value) != weak.end();
}

void Detector::confirm_terms(std::string_view text, size_t report_from, size_t report_to,
                             const std::vector<ExpressionMatch>& matches, std::vector<Detection>& out) const {
  for (const ExpressionMatch& m : matches) {
    if (m.end < report_from || m.end >= report_to) continue;
    for (uint32_t rule : matcher_.owners(m.expression)) {
      ValidationEnv env = env_;
      env.start = m.start;
      auto hit = validators_[rule]->confirm(text, m.end, env);
      if (!hit) continue;
      // No context words (terms_matter_only_near_identifiers): the validator's score alone.
      double confidence = std::round(std::clamp(hit->score, 0.0, 1.0) * 100) / 100;
      out.push_back(Detection{rule, std::move(*hit), confidence});
    }
  }
}

namespace {

// The deferred database's matches that lie inside one of `needed` (merged, at least
// `longest_term` bytes apart), each as a whole-text scan reports it; a few more that
// straddle a span's start are found too, and are just as exact.
void scan_spans(const Matcher& matcher, std::string_view text, const Spans& needed, size_t longest_term,
                MatchScratch& scratch, std::vector<ExpressionMatch>& out) {
  for (auto [begin, end] : needed) {
    size_t from = begin > longest_term ? begin - longest_term : 0;
    size_t first = out.size();
    matcher.scan_deferred(text, from, end, scratch, out);
    if (from == 0) continue;
    // Ending less than `longest_term` bytes into the range, an alternative may have started
    // before it: the reported start would not be the whole text's leftmost one.
    out.erase(std::remove_if(out.begin() + first, out.end(),
                             [&](const ExpressionMatch& m) { return m.end < from + longest_term; }),
              out.end());
  }
}

}  // namespace

void Detector::detect_terms(std::string_view text, size_t report_from, size_t report_to, const TermScope& scope,
                            MatchScratch& scratch, std::vector<Detection>& out, size_t first) const {
  thread_local std::vector<ExpressionMatch> matches, more_matches;
  matches.clear();
  if (scope.whole_text) {
    matcher_.scan_deferred(text, 0, text.size(), scratch, matches);
    keep_leftmost(matcher_, matches);
    confirm_terms(text, report_from, report_to, matches, out);
    return;
  }
  const size_t longest = longest_term_, size = text.size();
  // Step one: the pairing windows of the identifiers that can anchor a term (a term inside
  // one may be reported) and the masked contexts of the detections that may be reported:
  // those at the threshold, those of other paired rules (the pairing adds to their
  // confidence) and, when the caller can still move confidences, all.
  thread_local Spans anchors, needed, more;
  anchors.clear();
  needed.clear();
  more.clear();
  for (size_t i = first; i < out.size(); ++i) {
    const Detection& d = out[i];
    bool reportable = d.confidence >= scope.min_confidence;
    if (identifies_a_person(d.rule) && reportable) anchors.push_back(around(d, term_window_ + longest, size));
    if (reportable || scope.confidence_may_change || rules_[d.rule].pair_window > 0)
      needed.push_back(around(d, scope.context_chars + longest, size));
  }
  merge(anchors, 0);
  needed.insert(needed.end(), anchors.begin(), anchors.end());
  merge(needed, longest);
  if (needed.empty()) return;  // nothing to pair with, no context to mask
  scan_spans(matcher_, text, needed, longest, scratch, matches);
  keep_leftmost(matcher_, matches);
  size_t terms_first = out.size();
  confirm_terms(text, report_from, report_to, matches, out);
  // Step two: a term next to an identifier is reported with its masked context, and a weak
  // one only with a partner within its window; both reach beyond step one's windows.
  for (size_t i = terms_first; i < out.size(); ++i) {
    const Detection& t = out[i];
    if (!covered(anchors, t.hit.start, t.hit.end)) continue;  // too far from every identifier
    size_t reach = std::max(scope.context_chars, is_weak_term(t) ? term_window_ : 0) + longest;
    auto span = around(t, reach, size);
    if (!covered(needed, span.first, span.second)) more.push_back(span);
  }
  if (more.empty()) return;
  merge(more, longest);
  more_matches.clear();
  scan_spans(matcher_, text, more, longest, scratch, more_matches);
  keep_leftmost(matcher_, more_matches);
  std::sort(matches.begin(), matches.end(), by_end);
  more_matches.erase(std::remove_if(more_matches.begin(), more_matches.end(),
                                    [&](const ExpressionMatch& m) {
                                      return std::binary_search(matches.begin(), matches.end(), m, by_end);
                                    }),
                     more_matches.end());
  confirm_terms(text, report_from, report_to, more_matches, out);
}

}  // namespace gdprscan
