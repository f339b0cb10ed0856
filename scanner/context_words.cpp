#include "context_words.h"

#include <hs/hs.h>

#include <algorithm>
#include <cstdio>

#include "text_decode.h"

namespace gdprscan {

std::string folded_word_pattern(const std::string& word) {
  std::string out;
  char buf[16];
  for (size_t i = 0; i < word.size(); ++i) {
    auto c = static_cast<unsigned char>(word[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < word.size() && static_cast<unsigned char>(word[i + 1]) >= 0xA0 &&
               static_cast<unsigned char>(word[i + 1]) <= 0xBE && static_cast<unsigned char>(word[i + 1]) != 0xB7) {
      auto small = static_cast<unsigned char>(word[++i]);
      std::snprintf(buf, sizeof buf, "\\xC3[\\x%02X\\x%02X]", small, small - 0x20);
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

namespace {


// A label like "P-nr." belongs to the number right after it on the same line. The window
// for negative words before a match therefore stops at a line break and at another number
// ("P-nummer: 2305000003\n240501-0006", "Mobil: +45 67 09 18 38 Aase Krøyer, 170887-1571":
// the label is not ours). Any run of two or more digits counts as a number.
int negative_reach_before(std::string_view text, size_t start, int window) {
  size_t from = start > static_cast<size_t>(window) ? start - window : 0;
  int run = 0;
  for (size_t i = start; i > from; --i) {
    char c = text[i - 1];
    if (c == '\n' || c == '\r') return static_cast<int>(start - i);
    if (c >= '0' && c <= '9') {
      if (++run >= 2) return static_cast<int>(start - i);
    } else {
      run = 0;
    }
  }
  return window;
}

// After a match, negative words count only up to the end of the line.
int negative_reach_after(std::string_view text, size_t end, int window) {
  size_t to = std::min(text.size(), end + window);
  for (size_t i = end; i < to; ++i)
    if (text[i] == '\n' || text[i] == '\r') return static_cast<int>(i - end);
  return window;
}

}  // namespace

ContextWords::ContextWords(const std::vector<Rule>& rules) {
  for (const Rule& r : rules)
    for (const auto* list : {&r.context.keywords, &r.context.negative})
      for (const auto& w : *list)
        if (!w.empty() && std::find(words_.begin(), words_.end(), w) == words_.end()) words_.push_back(w);
  if (words_.empty()) return;
  std::vector<MatchExpression> expressions;
  for (size_t i = 0; i < words_.size(); ++i)
    expressions.push_back({folded_word_pattern(words_[i]), HS_FLAG_CASELESS, {static_cast<uint32_t>(i)},
                           "context word '" + words_[i] + "'"});
  matcher_ = std::make_unique<Matcher>(std::move(expressions));
}

uint32_t ContextWords::id_of(const std::string& word) const {
  return static_cast<uint32_t>(std::find(words_.begin(), words_.end(), word) - words_.begin());
}

void ContextWords::find(std::string_view text, const std::vector<std::pair<size_t, size_t>>& ranges,
                        MatchScratch& scratch, std::vector<WordHit>& out) const {
  out.clear();
  if (!matcher_) return;
  thread_local std::vector<Candidate> ends;
  for (auto [begin, end] : ranges) {
    ends.clear();
    matcher_->scan(text.substr(begin, end - begin), scratch, ends);
    for (const Candidate& c : ends) {
      size_t hit_end = begin + c.end, start = hit_end - words_[c.rule].size();
      // Whole words only: "pnr" must not fire inside "Kampnr". A word may be followed by
      // digits or punctuation ("cpr:", "cprnr.123") but not by more letters.
      if (word_char_before(text, start)) continue;
      if (word_char_at(text, hit_end) && !(text[hit_end] >= '0' && text[hit_end] <= '9')) continue;
      out.push_back({c.rule, start, hit_end});
    }
  }
}

ContextScorer::ContextScorer(const ContextModel& model, const ContextWords& words)
    : model_(model), words_(words), is_keyword_(words.size()), is_negative_(words.size()) {
  for (const auto& w : model.keywords) is_keyword_[words.id_of(w)] = true;
  for (const auto& w : model.negative) is_negative_[words.id_of(w)] = true;
}

ContextScorer::Labels ContextScorer::nearest_before(const std::vector<WordHit>& hits, size_t start, int keyword_width,
                                                    int negative_width) const {
  auto window_start = [start](int width) { return start > static_cast<size_t>(width) ? start - width : 0; };
  size_t keyword_from = window_start(keyword_width), negative_from = window_start(negative_width);
  size_t from = std::min(keyword_from, negative_from);
  Labels found;
  // Hits are sorted by end: walk back from the last one ending at or before `start`.
  auto it = std::upper_bound(hits.begin(), hits.end(), start, [](size_t pos, const WordHit& h) { return pos < h.end; });
  while (it != hits.begin() && !(found.keyword.found() && found.negative.found())) {
    --it;
    if (it->end < from) break;
    Label here{static_cast<long>(start - it->end), it->word};
    if (!found.keyword.found() && it->start >= keyword_from && is_keyword_[it->word]) found.keyword = here;
    if (!found.negative.found() && it->start >= negative_from && is_negative_[it->word]) found.negative = here;
  }
  return found;
}

ContextScorer::Label ContextScorer::nearest_after(const std::vector<WordHit>& hits, size_t end, int width,
                                                  const std::vector<bool>& set) const {
  Label best;
  auto it = std::upper_bound(hits.begin(), hits.end(), end, [](size_t pos, const WordHit& h) { return pos < h.end; });
  for (; it != hits.end() && it->end <= end + width; ++it) {
    if (it->start < end || !set[it->word]) continue;
    long distance = static_cast<long>(it->start - end);
    if (!best.found() || distance < best.distance) best = {distance, it->word};
  }
  return best;
}

double ContextScorer::score(std::string_view text, size_t start, size_t end, const std::vector<WordHit>& hits,
                            std::vector<std::string>& signals) const {
  // Labels stand before values: a label before the match outranks one after it, and of two
  // labels on the same side the nearer wins (a negative word wins a tie). So "cpr-nr" three
  // lines up does not outweigh "Fakturanr." right before the number, and "p-nr" in a header
  // does not hide the CPR numbers below it.
  auto [keyword, negative] =
      nearest_before(hits, start, model_.keyword_before, negative_reach_before(text, start, model_.negative_before));
  if (!keyword.found() && !negative.found()) {
    keyword = nearest_after(hits, end, model_.keyword_after, is_keyword_);
    negative = nearest_after(hits, end, negative_reach_after(text, end, model_.negative_after), is_negative_);
  }
  bool negative_wins = negative.found() && (!keyword.found() || negative.distance <= keyword.distance);
  if (negative_wins) {
    signals.push_back("negative:" + words_.word(negative.word));
    return -model_.negative_penalty;
  }
  if (keyword.found()) {
    signals.push_back("keyword:" + words_.word(keyword.word));
    return model_.keyword_boost;
  }
  return 0;
}

}  // namespace gdprscan
