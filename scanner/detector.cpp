#include "detector.h"

#include <algorithm>
#include <cmath>
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

}  // namespace

Detector::Detector(std::vector<Rule> rules, CivilDate today)
    : rules_(std::move(rules)),
      validators_(resolve_validators(rules_)),
      matcher_(rules_),
      env_{today},
      context_words_(rules_) {
  for (const Rule& r : rules_) {
    scorers_.emplace_back(r.context, context_words_);
    identifier_.push_back(gdprscan::identifies_a_person(r));
  }
  for (size_t i = 0; i < rules_.size(); ++i) {
    const ContextModel& m = rules_[i].context;
    size_t window = std::max({m.keyword_before, m.keyword_after, m.negative_before, m.negative_after,
                              rules_[i].pair_window, 64});
    reach_ = std::max(reach_, window + validators_[i]->max_length);
  }
}

void Detector::detect(std::string_view text, size_t report_from, size_t report_to, MatchScratch& scratch,
                      std::vector<Detection>& out) const {
  thread_local std::vector<Candidate> candidates;
  candidates.clear();
  matcher_.scan(text, scratch, candidates);
  size_t first = out.size();
  bool needs_words = false;
  for (const Candidate& c : candidates) {
    if (c.end < report_from || c.end >= report_to) continue;
    if (c.end < text.size() && text[c.end] >= '0' && text[c.end] <= '9' && validators_[c.rule]->rejects_digit_after)
      continue;
    ValidationEnv env = env_;
    env.start = c.start;
    auto hit = validators_[c.rule]->confirm(text, c.end, env);
    if (!hit) continue;
    needs_words |= scorers_[c.rule].needs_words();
    out.push_back(Detection{c.rule, std::move(*hit), 0});
  }
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
  std::sort(out.begin() + first, out.end(), [](const Detection& a, const Detection& b) {
    return a.hit.start != b.hit.start ? a.hit.start < b.hit.start : a.rule < b.rule;
  });
  // Two rules can confirm the same span (never with the shipped rules, possible with custom
  // ones); report it once per rule.
  out.erase(std::unique(out.begin() + first, out.end(),
                        [](const Detection& a, const Detection& b) {
                          return a.rule == b.rule && a.hit.start == b.hit.start && a.hit.end == b.hit.end;
                        }),
            out.end());
}

}  // namespace gdprscan
